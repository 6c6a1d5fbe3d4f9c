"""Brute force on the desk's login: after a few wrong passwords the username, and the
address, are paused for a while, with a clear message, across every app server (the counts
are rows in the database); a superuser can lift a pause early."""

import datetime

import pytest
import time_machine
from axes.models import AccessAttempt
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.articles.factories import UserFactory

pytestmark = pytest.mark.django_db
LOGIN = reverse("admin:login")


@pytest.fixture
def editor_account(editor):
    editor.set_password("right-password")
    editor.save()
    return editor


def attempt(username, password, address="203.0.113.5"):
    return Client(REMOTE_ADDR=address).post(
        LOGIN, {"username": username, "password": password, "next": "/admin/"}
    )


def fail(times, username="editor1", address="203.0.113.5"):
    return [attempt(username, f"wrong-{n}", address).status_code for n in range(times)]


def test_wrong_passwords_pause_the_account_even_for_the_right_one(editor_account, settings):
    assert fail(settings.AXES_FAILURE_LIMIT - 1) == [200] * (settings.AXES_FAILURE_LIMIT - 1)
    locked = attempt("editor1", "wrong-again")
    assert locked.status_code == 429
    response = attempt("editor1", "right-password")
    assert response.status_code == 429
    html = response.content.decode()
    assert "Logins are paused after 5 wrong passwords" in html
    assert "Try again in 15 minutes" in html
    assert "Newsroom CMS" in html  # the desk's own login page, not a bare message
    # Per username: another address gets no further with that account.
    assert attempt("editor1", "right-password", address="198.51.100.7").status_code == 429


def test_a_paused_address_cannot_try_other_accounts(editor_account, settings):
    for n in range(settings.AXES_FAILURE_LIMIT):
        attempt(f"guess{n}", "password")  # a different username each time
    other = UserFactory(username="writer2")
    other.set_password("right-password")
    other.save()
    assert attempt("writer2", "right-password").status_code == 429
    assert attempt("writer2", "right-password", address="198.51.100.7").status_code == 302


def test_the_pause_ends_on_its_own(editor_account, settings):
    fail(settings.AXES_FAILURE_LIMIT)
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=16)):
        assert attempt("editor1", "right-password").status_code == 302


def test_a_right_password_before_the_limit_starts_the_count_again(editor_account, settings):
    fail(settings.AXES_FAILURE_LIMIT - 1)
    assert attempt("editor1", "right-password").status_code == 302
    assert fail(settings.AXES_FAILURE_LIMIT - 1) == [200] * (settings.AXES_FAILURE_LIMIT - 1)
    assert attempt("editor1", "right-password").status_code == 302


def test_a_superuser_lifts_a_pause_early(editor_account, settings):
    fail(settings.AXES_FAILURE_LIMIT)
    admin = UserFactory(username="root", is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(admin)
    attempts = client.get(reverse("admin:axes_accessattempt_changelist"))
    assert attempts.status_code == 200
    assert "editor1" in attempts.content.decode()
    for entry in AccessAttempt.objects.all():
        delete = reverse("admin:axes_accessattempt_delete", args=[entry.pk])
        assert client.post(delete, {"post": "yes"}).status_code == 302
    assert attempt("editor1", "right-password").status_code == 302


def test_editors_cannot_lift_pauses(editor_client):
    assert editor_client.get(reverse("admin:axes_accessattempt_changelist")).status_code == 403


def test_logging_in_as_oneself_buys_no_more_guesses_at_a_colleague(editor_account, settings):
    """The address's failures for other usernames survive one's own good login."""
    me = UserFactory(username="writer9")
    me.set_password("my-password")
    me.save()
    fail(2)  # two guesses at the editor's password, then a good login of one's own
    assert attempt("writer9", "my-password").status_code == 302
    fail(2)
    assert attempt("writer9", "my-password").status_code == 302
    fail(1)  # the fifth wrong password from this address, in all
    assert attempt("editor1", "right-password").status_code == 429
    assert attempt("writer9", "my-password").status_code == 429


def test_behind_a_trusted_proxy_each_client_is_counted_on_its_own(editor_account, settings):
    """The proxy's X-Forwarded-For names the client; from anyone else the header is
    ignored (it would let an attacker pick a new address for every guess)."""
    settings.NEWSROOM_TRUSTED_PROXIES = ["10.0.0.0/8"]

    def via_proxy(client_address, password, username="editor1"):
        return Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=client_address).post(
            LOGIN, {"username": username, "password": password, "next": "/admin/"}
        )

    for n in range(settings.AXES_FAILURE_LIMIT):
        via_proxy("203.0.113.66", "wrong", username=f"guess{n}")
    assert via_proxy("203.0.113.66", "right-password").status_code == 429  # that client
    assert via_proxy("198.51.100.1", "right-password").status_code == 302  # another one
    spoofed = [
        Client(REMOTE_ADDR="203.0.113.70", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}").post(
            LOGIN, {"username": f"other{n}", "password": "x"}
        )
        for n in range(settings.AXES_FAILURE_LIMIT + 1)
    ]
    assert spoofed[-1].status_code == 429  # counted as 203.0.113.70 all along
