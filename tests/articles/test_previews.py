"""Previews of unpublished articles: staff see them as readers will; outside reviewers get a
signed, expiring, revocable, read-only link."""

import datetime

import pytest
import time_machine
from django.core import signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.models import ArticleStatus, ShareLink
from articles.services.sharing import SHARE_SALT, share_url
from tests.articles.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft():
    return ArticleFactory(
        slug="secret-draft", headline="Secret draft", status=ArticleStatus.DRAFT, publish_at=None
    )


def test_staff_preview_a_draft_exactly_as_readers_will_with_a_banner(writer_client, draft):
    response = writer_client.get(reverse("articles:preview", args=[draft.slug]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Preview - not published." in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert "<h1" in html
    assert "Secret draft" in html
    assert 'id="comment-form"' not in html
    assert Client().get(draft.get_absolute_url()).status_code == 404  # readers: still 404


def test_a_scheduled_preview_says_when_it_goes_live(editor_client):
    ArticleFactory(slug="soon", publish_at=timezone.now() + datetime.timedelta(days=1))
    html = editor_client.get(reverse("articles:preview", args=["soon"])).content.decode()
    assert "Scheduled for" in html


def test_readers_cannot_open_the_staff_preview(client, draft):
    response = client.get(reverse("articles:preview", args=[draft.slug]))
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


def test_the_admin_view_on_site_link_is_the_preview_until_live(editor_client, draft):
    change = reverse("admin:articles_article_change", args=[draft.pk])
    preview = reverse("articles:preview", args=[draft.slug])
    assert f'href="{preview}"' in editor_client.get(change).content.decode()
    draft.status, draft.publish_at = ArticleStatus.PUBLISHED, timezone.now()
    draft.save()
    assert f'href="{draft.get_absolute_url()}"' in editor_client.get(change).content.decode()


def test_an_editor_creates_a_share_link_that_works_without_login(editor_client, editor, draft):
    response = editor_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "create_share_link", "_selected_action": [draft.pk]},
        follow=True,
    )
    link = ShareLink.objects.get()
    assert (link.article, link.created_by) == (draft, editor)
    assert link.expires_at > timezone.now() + datetime.timedelta(days=6)
    assert share_url(link) in response.content.decode()
    shared = Client().get(share_url(link))
    assert shared.status_code == 200
    html = shared.content.decode()
    assert "Secret draft" in html
    assert "This link works until" in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert Client().post(share_url(link), {"body": "x"}).status_code == 405  # read-only


def test_writers_cannot_create_share_links(writer_client, draft):
    writer_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "create_share_link", "_selected_action": [draft.pk]},
    )
    assert not ShareLink.objects.exists()


@pytest.mark.parametrize("state", ["expired", "revoked"])
def test_expired_and_revoked_links_are_gone(draft, state):
    link = ShareLink.objects.create(
        article=draft,
        expires_at=timezone.now() + datetime.timedelta(days=-1 if state == "expired" else 1),
        revoked_at=timezone.now() if state == "revoked" else None,
    )
    response = Client().get(share_url(link))
    assert response.status_code == 410
    assert "no longer valid" in response.content.decode()
    assert "Secret draft" not in response.content.decode()


def test_a_tampered_link_is_not_found(draft):
    link = ShareLink.objects.create(
        article=draft, expires_at=timezone.now() + datetime.timedelta(days=1)
    )
    forged = signing.dumps(link.pk + 1, salt=SHARE_SALT)[:-2] + "xx"
    assert Client().get(reverse("articles:share", args=[forged])).status_code == 404
    other_salt = signing.dumps(link.pk, salt="something else")
    assert Client().get(reverse("articles:share", args=[other_salt])).status_code == 404


def test_an_editor_revokes_a_link(editor_client, draft):
    link = ShareLink.objects.create(
        article=draft, expires_at=timezone.now() + datetime.timedelta(days=1)
    )
    editor_client.post(
        reverse("admin:articles_sharelink_changelist"),
        {"action": "revoke", "_selected_action": [link.pk]},
    )
    link.refresh_from_db()
    assert link.revoked_at is not None
    assert Client().get(share_url(link)).status_code == 410


def test_a_share_link_is_the_same_every_time_it_is_shown(draft):
    link = ShareLink.objects.create(
        article=draft, expires_at=timezone.now() + datetime.timedelta(days=1)
    )
    first = share_url(link)
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=5)):
        assert share_url(link) == first
    assert Client().get(first).status_code == 200


def test_a_link_sent_before_links_were_stable_still_opens(draft):
    link = ShareLink.objects.create(
        article=draft, expires_at=timezone.now() + datetime.timedelta(days=1)
    )
    sent_earlier = signing.dumps(link.pk, salt=SHARE_SALT)  # the old, timestamped form
    response = Client().get(reverse("articles:share", args=[sent_earlier]))
    assert response.status_code == 200
    assert "Secret draft" in response.content.decode()
