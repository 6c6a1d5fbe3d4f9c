"""A database hiccup degrades, not explodes: a dropped connection is retried once, a page
that cannot be rebuilt is served from its last copy, and otherwise everyone gets a plain 503
with Retry-After; a comment sent during the outage comes back with its text."""

import datetime

import pytest
from django.db import OperationalError, connection
from django.test import Client
from django.utils import timezone

from articles.models import Comment
from newsroom.core.cache import purge_site
from tests.articles.comments.readers import post
from tests.articles.factories import ArticleFactory

pytestmark = pytest.mark.django_db(transaction=True)


class Outage:
    """Every query fails (``failures`` None), or only the next few, as a database that is
    down or has just dropped its connections does."""

    def __init__(self, failures=None):
        self.failures = failures

    def __call__(self, execute, sql, params, many, context):
        if self.failures is None or self.failures > 0:
            if self.failures:
                self.failures -= 1
            raise OperationalError("server closed the connection unexpectedly")
        return execute(sql, params, many, context)


@pytest.fixture
def article():
    return ArticleFactory(
        slug="story",
        headline="A headline readers see",
        publish_at=timezone.now() - datetime.timedelta(days=1),
    )


def reader():
    return Client(raise_request_exception=False)


def test_a_dropped_connection_is_retried_once_on_a_fresh_one(article):
    with connection.execute_wrapper(Outage(failures=1)):
        response = reader().get(article.get_absolute_url())
    assert response.status_code == 200
    assert "A headline readers see" in response.content.decode()


def test_a_dropped_connection_on_an_uncached_page_is_retried_too(editor, article):
    staff = reader()
    staff.force_login(editor)
    with connection.execute_wrapper(Outage(failures=1)):
        response = staff.get("/admin/articles/article/")
    assert response.status_code == 200


def test_the_last_copy_of_a_page_is_served_while_the_database_is_down(article):
    url = article.get_absolute_url()
    assert reader().get(url)["X-Page-Cache"] == "miss"
    purge_site()  # it would be rebuilt now, if the database answered
    with connection.execute_wrapper(Outage()):
        response = reader().get(url)
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "stale"
    assert response["Cache-Control"] == "private, no-store"
    assert "A headline readers see" in response.content.decode()


def test_a_page_with_no_copy_is_a_plain_503_with_retry_after(article):
    with connection.execute_wrapper(Outage()):
        response = reader().get("/articles/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "back in a moment" in response.content.decode()


def test_staff_get_the_503_too(editor):
    staff = reader()
    staff.force_login(editor)
    with connection.execute_wrapper(Outage()):
        response = staff.get("/admin/articles/article/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"


def test_a_comment_sent_during_an_outage_comes_back_with_its_text(article):
    client = reader()
    with connection.execute_wrapper(Outage()):
        response = post(client, article, body="A comment I took ages to write <b>bold</b>")
    assert response.status_code == 503
    html = response.content.decode()
    assert "Nothing you sent has been saved" in html
    assert "A comment I took ages to write &lt;b&gt;bold&lt;/b&gt;</textarea>" in html
    assert "csrfmiddlewaretoken" not in html
    assert not Comment.objects.exists()


def test_an_editor_saving_during_an_outage_keeps_their_words(editor, article):
    staff = reader()
    staff.force_login(editor)
    with connection.execute_wrapper(Outage()):
        response = staff.post(
            f"/admin/articles/article/{article.pk}/change/",
            {"headline": "The headline I rewrote", "dek": "And the dek", "_save": "Save"},
        )
    assert response.status_code == 503
    html = response.content.decode()
    assert "The headline I rewrote</textarea>" in html
    assert "And the dek</textarea>" in html
