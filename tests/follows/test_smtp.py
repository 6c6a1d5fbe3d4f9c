"""The digest job once against a real SMTP server on 127.0.0.1, started by the test."""

import datetime
import email
import socket

import pytest
from aiosmtpd.controller import Controller
from django.utils import timezone

from newsroom.follows.models import Follow, Follower
from newsroom.follows.tasks import queue_digests
from tests.articles.factories import ArticleFactory
from tests.shows.factories import ShowFactory


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, email.message_from_bytes(envelope.content)))
        return "250 Message accepted for delivery"


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp(settings):
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_USE_TLS = False
    try:
        yield inbox
    finally:
        controller.stop()


@pytest.mark.django_db
def test_digests_go_out_over_smtp_in_batches(smtp, settings):
    settings.FOLLOWS_DIGEST_BATCH = 2
    show = ShowFactory(title="Kitsune Station", slug="kitsune-station")
    article = ArticleFactory(
        headline="Kitsune Station renewed", publish_at=timezone.now() - datetime.timedelta(hours=2)
    )
    article.shows.add(show)
    for number in range(3):
        follower = Follower.objects.create(email=f"reader{number}@example.com")
        Follow.objects.create(
            follower=follower,
            show=show,
            confirmed_at=timezone.now() - datetime.timedelta(days=1),
        )
    assert queue_digests() == (3, 2)
    assert sorted(rcpt[0] for rcpt, _message in smtp.messages) == [
        "reader0@example.com",
        "reader1@example.com",
        "reader2@example.com",
    ]
    _rcpt, message = smtp.messages[0]
    unfolded = " ".join(message["List-Unsubscribe"].split())  # long headers are folded
    assert unfolded.startswith("<http://testserver/follow/unsubscribe/")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "Kitsune Station renewed" in message.get_payload(decode=True).decode()
    assert Follower.objects.filter(last_digest_at__isnull=True).count() == 0
