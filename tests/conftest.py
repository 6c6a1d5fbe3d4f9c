import functools
import io
import types

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from newsroom import roles
from tests.articles.factories import UserFactory


def pytest_report_header(config):
    from django.conf import settings

    database = settings.DATABASES["default"]
    cache = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    return (
        f"database: {database['ENGINE'].rsplit('.', 1)[-1]} ({database.get('HOST') or 'local'}); "
        f"cache: {cache}"
    )


@pytest.fixture(autouse=True)
def empty_cache():
    """Every test starts with an empty cache: rate-limit counters do not leak between tests."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """``with committed():`` runs what the block's writes left for their commit (the cache
    purges) when it ends, as production does once the transaction commits. A test's own
    transaction never commits, so without it nothing is purged."""
    return functools.partial(django_capture_on_commit_callbacks, execute=True)


@pytest.fixture(scope="module")
def demo_newsroom(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo newsroom, built once for all the tests of a module that only read it (each
    test still runs in its own savepoint, so what one writes the next does not see). Yields
    what ``load_demo`` printed and the folder its photos are in."""
    out = io.StringIO()
    media = tmp_path_factory.mktemp("demo-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        call_command("load_demo", stdout=out)
        yield types.SimpleNamespace(output=out.getvalue(), media=media)
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def media_root(tmp_path, settings):
    """Every test stores uploads in its own empty folder, so it can see what was written."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def role(group_name):
    """The role's group (made again if a test that commits has flushed the tables)."""
    if not Group.objects.filter(name=group_name).exists():
        from django.apps import apps

        roles.apply_roles(apps)
    return Group.objects.get(name=group_name)


def _member(username, group_name):
    user = UserFactory(username=username)
    user.groups.add(role(group_name))
    return user


@pytest.fixture
def writer(db):
    return _member("writer1", roles.WRITERS)


@pytest.fixture
def editor(db):
    return _member("editor1", roles.EDITORS)


@pytest.fixture
def moderator(db):
    return _member("moderator1", roles.COMMENT_MODERATORS)


@pytest.fixture
def writer_client(client, writer):
    client.force_login(writer)
    return client


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client
