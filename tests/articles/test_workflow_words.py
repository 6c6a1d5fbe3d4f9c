"""The workflow in words: what the desk says, the review queue, and who is told by email."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from articles import services
from articles.models import Article, ArticleStatus
from newsroom import roles
from tests.articles.factories import ArticleFactory, AuthorFactory
from tests.articles.test_admin import article_post
from tests.conftest import _member

pytestmark = pytest.mark.django_db
LONDON_WINTER = datetime.datetime(2026, 12, 3, 12, 0, tzinfo=datetime.UTC)


@time_machine.travel(LONDON_WINTER, tick=False)
def test_where_an_article_stands_in_words_with_the_zone():
    now = timezone.now()
    soon = ArticleFactory(publish_at=now + datetime.timedelta(days=1, hours=2))
    assert services.describe_state(soon) == "Scheduled for Fri 4 Dec, 14:00 (London), in 1\xa0day"
    live = ArticleFactory(publish_at=datetime.datetime(2024, 4, 9, 9, tzinfo=datetime.UTC))
    assert services.describe_state(live) == "Published Tue 9 Apr 2024, 10:00 (London)"
    review = ArticleFactory(status=ArticleStatus.IN_REVIEW, publish_at=None)
    assert services.describe_state(review) == "Submitted for review"


def test_the_review_queue_names_the_writer_and_how_long_it_has_waited(editor_client, writer):
    author = AuthorFactory(display_name="Jacob Robinson", user=writer)
    article = ArticleFactory(status=ArticleStatus.DRAFT, publish_at=None, authors=[author])
    with time_machine.travel(timezone.now() - datetime.timedelta(hours=3)):
        services.transition_article(article=article, step="submit", by=writer)
    article.refresh_from_db()
    assert article.submitted_by == writer
    html = editor_client.get(reverse("admin:index")).content.decode()
    assert f"{article.headline} — Jacob Robinson" in html
    assert "waiting 3\xa0hours" in html


def editor_with_email(username, email):
    user = _member(username, roles.EDITORS)
    user.email = email
    user.save()
    return user


def test_editors_are_emailed_when_a_story_is_submitted(writer_client, writer, committed):
    editor_with_email("mei", "mei@newsroom.example")
    editor_with_email("dan", "dan@newsroom.example")
    writer.first_name, writer.last_name = "Jacob", "Robinson"
    writer.save()
    with committed():
        response = writer_client.post(
            reverse("admin:articles_article_add"),
            article_post(AuthorFactory(user=writer), _workflow="submit"),
        )
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == ["dan@newsroom.example", "mei@newsroom.example"]
    message = mail.outbox[0]
    assert message.subject == "Submitted for review: Romantics Anonymous starts filming"
    assert "Jacob Robinson submitted" in message.body
    article = Article.objects.get()
    assert f"/admin/articles/article/{article.pk}/change/" in message.body


def test_the_writer_is_emailed_when_published_or_sent_back_and_the_editor_is_not(writer, committed):
    writer.email = "jacob@newsroom.example"
    writer.save()
    editor = editor_with_email("mei", "mei@newsroom.example")
    article = ArticleFactory(
        status=ArticleStatus.IN_REVIEW, publish_at=None, authors=[AuthorFactory(user=writer)]
    )
    with committed():
        services.transition_article(article=article, step="unpublish", by=editor)
    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["jacob@newsroom.example"], f"Sent back to draft: {article.headline}")
    ]
    mail.outbox.clear()
    with committed():
        services.transition_article(article=article, step="publish", by=editor)
    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["jacob@newsroom.example"], f"Published: {article.headline}")
    ]
    assert article.get_absolute_url() in mail.outbox[0].body


def test_no_email_before_the_step_commits(writer, settings):
    writer.email = "jacob@newsroom.example"
    writer.save()
    editor = editor_with_email("mei", "mei@newsroom.example")
    article = ArticleFactory(
        status=ArticleStatus.IN_REVIEW, publish_at=None, authors=[AuthorFactory(user=writer)]
    )
    services.transition_article(article=article, step="publish", by=editor)
    assert mail.outbox == []  # the test's transaction never commits


def test_history_entries_say_what_happened_in_words(writer_client, writer):
    from reversion.models import Version

    from tests.desk import form_data

    writer.first_name, writer.last_name = "Jacob", "Robinson"
    writer.save()
    response = writer_client.post(
        reverse("admin:articles_article_add"), article_post(AuthorFactory(user=writer))
    )
    assert response.status_code == 302
    article = Article.objects.get()
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_data(writer_client.get(url))
    data["headline"] = "Romantics Anonymous: filming begins"
    data["articles_richtext_set-0-text"] = "<p>Cameras are rolling in Seoul.</p>"
    data["_workflow"] = "submit"
    assert writer_client.post(url, data).status_code == 302
    comments = [
        v.revision.get_comment()
        for v in Version.objects.get_for_object(article).order_by("revision__date_created")
    ]
    assert comments == [
        "Created.",
        "Headline and body changed. Submitted for review by Jacob Robinson.",
    ]
    history = writer_client.get(reverse("admin:articles_article_history", args=[article.pk]))
    assert "(London)</th>" in history.content.decode()
    assert "loaded_version" not in history.content.decode()
