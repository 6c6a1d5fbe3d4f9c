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
