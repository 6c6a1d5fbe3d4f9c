import pytest
from django.contrib.auth.models import Group

from newsroom import roles

pytestmark = pytest.mark.django_db


def _group_perms(name):
    group = Group.objects.get(name=name)
    return {
        f"{p.content_type.app_label}.{p.codename}"
        for p in group.permissions.select_related("content_type")
    }


def test_a_fresh_database_has_the_three_roles_with_exactly_their_permissions():
    assert set(Group.objects.values_list("name", flat=True)) >= {
        "Writers",
        "Editors",
        "Comment moderators",
    }
    for name, wanted in roles.ROLE_PERMISSIONS.items():
        assert _group_perms(name) == wanted, name


def test_writers_draft_but_cannot_publish_delete_articles_or_change_show_status(writer):
    assert writer.has_perm("articles.add_article")
    assert writer.has_perm("articles.change_article")
    assert writer.has_perm("articles.add_photo")
    assert writer.has_perm("shows.add_show")  # propose a show
    assert writer.has_perm("people.add_person")
    assert not writer.has_perm("articles.publish_article")
    assert not writer.has_perm("articles.delete_article")
    assert not writer.has_perm("shows.change_show_status")
    assert not writer.has_perm("shows.delete_show")
    assert not writer.has_perm("articles.change_comment")


def test_editors_run_the_desk(editor):
    for perm in [
        "articles.publish_article",
        "articles.delete_article",
        "articles.change_comment",
        "shows.change_show_status",
        "shows.delete_credit",
        "people.delete_person",
        "articles.change_author",
    ]:
        assert editor.has_perm(perm), perm
    assert not editor.has_perm("auth.change_user")


def test_moderators_only_moderate(moderator):
    assert moderator.has_perm("articles.change_comment")
    assert moderator.has_perm("articles.view_article")
    assert not moderator.has_perm("articles.change_article")
    assert not moderator.has_perm("articles.delete_comment")
    assert not moderator.has_perm("shows.view_show")


def test_applying_the_roles_again_changes_nothing():
    from django.apps import apps

    before = {name: _group_perms(name) for name in roles.ROLE_PERMISSIONS}
    roles.apply_roles(apps)
    assert {name: _group_perms(name) for name in roles.ROLE_PERMISSIONS} == before
