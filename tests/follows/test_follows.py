"""Following a show or a person by email: double opt-in, links that work once, one digest a
week with a one-click unsubscribe, and the follower's data exported and erased on request."""

import datetime
import json
import re
import smtplib

import pytest
import time_machine
from django.core import mail, signing
from django.core.exceptions import PermissionDenied
from django.core.mail.backends.locmem import EmailBackend
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from newsroom.follows import services
from newsroom.follows.models import Follow, Follower
from newsroom.follows.tasks import queue_digests
from shows.models import Season, StatusChange
from shows.release import Precision
from tests.articles.factories import ArticleFactory
from tests.people.factories import PersonFactory
from tests.shows.factories import ShowFactory

URL = re.compile(r"http://testserver(/follow/\S+/)")


@pytest.fixture
def show(db):
    return ShowFactory(title="Romantics Anonymous", slug="romantics-anonymous")


def _ask(client, show, email="mei@example.com", committed=None):
    url = reverse("follows:follow", args=["show", show.slug])
    if committed is None:
        return client.post(url, {"email": email})
    with committed():
        return client.post(url, {"email": email})


def _link(message):
    return URL.search(message.body)[1]


def test_the_show_page_links_to_a_follow_form_that_keeps_it_cacheable(client, show):
    page = client.get(show.get_absolute_url()).content.decode()
    assert 'href="/follow/show/romantics-anonymous/"' in page
    assert "csrfmiddlewaretoken" not in page  # the show page stays shareable by a CDN
    form = client.get("/follow/show/romantics-anonymous/")
    assert form.status_code == 200
    assert "csrfmiddlewaretoken" in form.content.decode()
    assert form["Cache-Control"] == "private, no-store"
    assert client.get("/follow/show/no-such/").status_code == 404
    assert client.get("/follow/tag/romantics-anonymous/").status_code == 404


def test_a_bad_email_is_a_400_with_the_typed_text_kept(client, show):
    response = _ask(client, show, email="mei at example")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'value="mei at example"' in html
    assert "Enter a valid email address." in html
    assert not Follower.objects.exists()
    assert mail.outbox == []


def test_the_form_needs_its_csrf_token(show):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/follow/show/romantics-anonymous/", {"email": "mei@example.com"})
    assert response.status_code == 403
    assert not Follower.objects.exists()


def test_asking_sends_only_the_confirmation_until_it_is_confirmed(client, show, committed):
    response = _ask(client, show, committed=committed)
    assert response.status_code == 302
    assert response["Location"] == reverse("follows:sent")
    (message,) = mail.outbox
    assert message.to == ["mei@example.com"]
    assert "Romantics Anonymous" in message.subject
    follow = Follow.objects.get()
    assert follow.confirmed_at is None
    ArticleFactory(headline="Filming wraps").shows.add(show)
    assert queue_digests() == (0, 0)  # an unconfirmed follow gets nothing
    assert len(mail.outbox) == 1


def test_a_confirmation_link_confirms_by_post_once(client, show, committed):
    _ask(client, show, committed=committed)
    link = _link(mail.outbox[0])
    page = client.get(link)  # a mail scanner opening the link confirms nothing
    assert page.status_code == 200
    assert "Yes, follow Romantics Anonymous" in page.content.decode()
    assert Follow.objects.get().confirmed_at is None
    assert client.post(link).status_code == 200
    assert Follow.objects.get().confirmed_at is not None
    replayed = client.post(link)
    assert replayed.status_code == 410
    assert "already used" in replayed.content.decode()


def test_a_tampered_or_expired_link_is_refused_with_a_plain_page(client, show, committed):
    _ask(client, show, committed=committed)
    link = _link(mail.outbox[0])
    tampered = client.post(link[:-3] + "xx/")
    assert tampered.status_code == 400
    assert "not one we sent" in tampered.content.decode()
    with time_machine.travel(timezone.now() + datetime.timedelta(days=4)):
        expired = client.post(link)
        assert expired.status_code == 410
        assert "expired" in expired.content.decode()
        queue_digests()  # the schedule deletes what was never confirmed in time
    assert not Follow.objects.exists()
    assert not Follower.objects.exists()


def test_following_is_rate_limited_as_comments_are(client, show, settings):
    settings.FOLLOWS_RATE_IP = "2/600"
    for number in range(2):
        assert _ask(client, show, email=f"reader{number}@example.com").status_code == 302
    refused = _ask(client, show, email="third@example.com")
    assert refused.status_code == 429
    assert 'value="third@example.com"' in refused.content.decode()
    assert not Follower.objects.filter(email="third@example.com").exists()


def _confirmed(email, *, show=None, person=None, days_ago=1):
    follower = Follower.objects.create(email=email)
    Follow.objects.create(
        follower=follower,
        show=show,
        person=person,
        confirmed_at=timezone.now() - datetime.timedelta(days=days_ago),
    )
    return follower


def test_the_weekly_digest_goes_once_with_a_one_click_unsubscribe(show, settings):
    settings.FOLLOWS_DIGEST_BATCH = 2
    star = PersonFactory(name="Shun Oguri", slug="shun-oguri")
    _confirmed("a@example.com", show=show)
    _confirmed("b@example.com", person=star)
    _confirmed("c@example.com", show=ShowFactory())  # no news: no email
    article = ArticleFactory(
        headline="Romantics Anonymous wraps filming",
        publish_at=timezone.now() - datetime.timedelta(hours=1),
    )
    article.shows.add(show)
    article.people.add(star)
    StatusChange.objects.create(
        show=show, status="post_production", confirmed_on=timezone.localdate()
    )
    assert queue_digests() == (3, 2)  # three due, in batches of two
    assert sorted(message.to[0] for message in mail.outbox) == ["a@example.com", "b@example.com"]
    message = next(m for m in mail.outbox if m.to == ["a@example.com"])
    assert "Romantics Anonymous wraps filming" in message.body
    assert "http://testserver/articles/" in message.body
    assert "Post-production" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert unsubscribe in message.body
    assert queue_digests() == (0, 0)  # a week must pass
    assert len(mail.outbox) == 2
    with time_machine.travel(timezone.now() + datetime.timedelta(days=7)):
        assert queue_digests()[0] == 3
        assert len(mail.outbox) == 2  # nothing new since the last one: nothing sent


def test_one_click_unsubscribe_works_from_a_mail_client_once(show):
    follower = _confirmed("a@example.com", show=show)
    link = services.unsubscribe_link(follower, timezone.now())
    path = link.removeprefix("http://testserver")
    client = Client(enforce_csrf_checks=True)  # RFC 8058: the mail client has no token
    assert "Unsubscribe a@example.com?" in client.get(path).content.decode()
    assert Follower.objects.exists()  # opening the link unsubscribes nothing
    response = client.post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Follower.objects.exists()
    assert not Follow.objects.exists()
    assert client.post(path).status_code == 410
    assert client.post(path[:-4] + "abc/").status_code == 400


def test_an_editor_exports_and_erases_a_follower(editor_client, show, editor, writer):
    follower = _confirmed("a@example.com", show=show)
    changelist = reverse("admin:follows_follower_changelist")
    exported = editor_client.post(
        changelist, {"action": "export_data", "_selected_action": [follower.pk]}
    )
    (data,) = json.loads(exported.content)
    assert data["email"] == "a@example.com"
    assert data["follows"][0]["name"] == "Romantics Anonymous"
    with pytest.raises(PermissionDenied):
        services.erase_follower(email="a@example.com", by=writer)
    editor_client.post(changelist, {"action": "erase", "_selected_action": [follower.pk]})
    assert not Follower.objects.exists()


def test_an_old_unsubscribe_link_does_not_reach_someone_who_followed_again(show):
    old = _confirmed("a@example.com", show=show)
    link = services.unsubscribe_link(old, timezone.now()).removeprefix("http://testserver")
    old.delete()  # unsubscribed another way (or erased on request), then followed again
    _confirmed("a@example.com", show=show)
    Client().post(link)
    assert Follower.objects.filter(email="a@example.com").exists()


class RefusingBackend(EmailBackend):
    """The test outbox, but a mail server that refuses any address at bounce.example."""

    def send_messages(self, messages):
        for message in messages:
            if any(address.endswith("@bounce.example") for address in message.to):
                raise smtplib.SMTPRecipientsRefused({message.to[0]: (550, b"No such user")})
        return super().send_messages(messages)


REFUSING = "tests.follows.test_follows.RefusingBackend"


def test_a_link_names_no_address(client, show, committed):
    _ask(client, show, committed=committed)
    token = _link(mail.outbox[0]).rstrip("/").rsplit("/", 1)[-1]
    data = signing.loads(token, salt=services.CONFIRM_SALT)
    assert "mei" not in json.dumps(data)
    assert "mei" not in token
    follower = Follower.objects.get()
    unsubscribe = services.unsubscribe_token(follower, timezone.now())
    data = signing.loads(unsubscribe, salt=services.UNSUBSCRIBE_SALT)
    assert "mei" not in json.dumps(data)
    # The address changed since the link was sent (an editor corrected it): refused.
    Follower.objects.update(email="other@example.com")
    assert client.post(_link(mail.outbox[0])).status_code == 410
    assert Follow.objects.get().confirmed_at is None


def test_a_mail_server_that_fails_never_fails_the_readers_page(client, show, committed, settings):
    settings.EMAIL_BACKEND = REFUSING
    response = _ask(client, show, email="mei@bounce.example", committed=committed)
    assert response.status_code == 302  # the same page as for any address
    assert mail.outbox == []
    assert Follow.objects.get().confirmed_at is None  # kept: asking again resends


def test_asking_again_sends_a_new_link_that_lives_its_full_time(client, show, committed):
    start = timezone.now()
    _ask(client, show, committed=committed)
    with time_machine.travel(start + datetime.timedelta(days=2)):
        _ask(client, show, committed=committed)
    assert len(mail.outbox) == 2
    with time_machine.travel(start + datetime.timedelta(days=4)):
        queue_digests()  # the follow was asked for two days ago: not expired
        assert Follow.objects.exists()
        assert client.post(_link(mail.outbox[1])).status_code == 200
    assert Follow.objects.get().confirmed_at is not None


def test_a_refused_digest_is_logged_and_the_rest_of_the_batch_goes(show, settings, caplog):
    settings.EMAIL_BACKEND = REFUSING
    settings.FOLLOWS_DIGEST_BATCH = 10
    bounce = _confirmed("gone@bounce.example", show=show)
    _confirmed("z@example.com", show=show)
    ArticleFactory(publish_at=timezone.now() - datetime.timedelta(hours=1)).shows.add(show)
    assert queue_digests() == (2, 1)
    assert [message.to for message in mail.outbox] == [["z@example.com"]]
    assert "Digest to follower" in caplog.text
    bounce.refresh_from_db()
    assert bounce.last_digest_at is None  # not stamped: the next run tries again
    assert services.due_followers() == [bounce.pk]


def test_a_release_far_off_is_no_news_on_its_own_but_one_this_week_is(show):
    _confirmed("a@example.com", show=show, days_ago=10)
    today = timezone.localdate()
    season = Season.objects.create(
        show=show,
        number=2,
        release_date=today + datetime.timedelta(days=30),
        release_precision=Precision.DAY,
    )
    queue_digests()
    assert mail.outbox == []  # a premiere a month off was news when announced, not weekly
    Follower.objects.update(last_digest_at=None)
    Season.objects.filter(pk=season.pk).update(release_date=today + datetime.timedelta(days=3))
    queue_digests()
    (message,) = mail.outbox
    assert "Coming up:" in message.body
    assert "Season 2" in message.body


def test_the_list_id_is_the_host_name_alone(show, settings):
    settings.NEWSROOM_SITE_URL = "https://news.example.com:8443/desk/"
    _confirmed("a@example.com", show=show)
    ArticleFactory(publish_at=timezone.now() - datetime.timedelta(hours=1)).shows.add(show)
    queue_digests()
    assert mail.outbox[0].extra_headers["List-Id"] == "Weekly digest <digest.news.example.com>"


def test_a_status_recorded_for_later_is_not_in_this_weeks_digest(show):
    _confirmed("a@example.com", show=show)
    change = StatusChange.objects.create(
        show=show, status="cancelled", confirmed_on=timezone.localdate()
    )
    later = timezone.now() + datetime.timedelta(days=1)
    StatusChange.objects.filter(pk=change.pk).update(recorded_at=later)
    queue_digests()
    assert mail.outbox == []
