import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from articles.models import Article, ArticleStatus, Quote, RichText
from tests.articles.factories import ArticleFactory, AuthorFactory, RichTextFactory
from tests.people.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_readers_see_only_published_articles_whose_time_has_come():
    now = timezone.now()
    live = ArticleFactory(publish_at=now - datetime.timedelta(minutes=1))
    ArticleFactory(publish_at=now + datetime.timedelta(minutes=1))  # scheduled
    ArticleFactory(status=ArticleStatus.DRAFT, publish_at=None)
    ArticleFactory(status=ArticleStatus.IN_REVIEW, publish_at=now - datetime.timedelta(days=1))
    ArticleFactory(status=ArticleStatus.ARCHIVED, publish_at=now - datetime.timedelta(days=9))
    assert list(Article.objects.published(now=now)) == [live]


def test_a_scheduled_article_goes_live_at_its_time_with_nothing_running():
    publish_at = timezone.now() + datetime.timedelta(hours=1)
    article = ArticleFactory(publish_at=publish_at)
    assert article.is_scheduled
    assert not article.is_live
    assert not Article.objects.published(now=publish_at - datetime.timedelta(seconds=1)).exists()
    assert list(Article.objects.published(now=publish_at)) == [article]
    assert list(Article.objects.scheduled(now=publish_at - datetime.timedelta(seconds=1))) == [
        article
    ]


def test_a_published_article_needs_a_publish_time():
    with pytest.raises(IntegrityError), transaction.atomic():
        ArticleFactory(status=ArticleStatus.PUBLISHED, publish_at=None)


def test_bylines_keep_their_order():
    first, second = AuthorFactory(display_name="Zed"), AuthorFactory(display_name="Amy")
    article = ArticleFactory(authors=[first, second])
    assert [b.author for b in article.bylines.all()] == [first, second]


def test_a_quote_must_say_who_said_it():
    article = ArticleFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Quote.objects.create(parent=article, region="body", text="Words.", speaker="")
    Quote.objects.create(parent=article, region="body", text="Words.", person=PersonFactory())
    Quote.objects.create(parent=article, region="body", text="Words.", speaker="A spokesperson")
    assert article.articles_quote_set.count() == 2


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ("<p>Hi<script>alert(1)</script></p>", "<p>Hi</p>"),
        ('<p><img src=x onerror="alert(1)">x</p>', "<p>x</p>"),
        ('<p><a href="javascript:alert(1)">x</a></p>', "<p><a>x</a></p>"),
        ('<p onclick="steal()" style="color:red">x</p>', "<p>x</p>"),
        ("<p><b>bold</b> <strong>strong</strong></p>", "<p>bold <strong>strong</strong></p>"),
        ("<h1>Too big</h1><h2>Fine</h2>", "Too big<h2>Fine</h2>"),
        ("<p>unclosed <em>italic", "<p>unclosed <em>italic</em></p>"),
        ('<iframe src="https://evil.example"></iframe><p>x</p>', "<p>x</p>"),
    ],
)
def test_rich_text_is_sanitised_when_saved_through_a_form(dirty, clean):
    field = RichText._meta.get_field("text")
    assert field.clean(dirty, None) == clean


def test_links_an_editor_writes_survive_sanitising():
    field = RichText._meta.get_field("text")
    html = '<p><a href="https://www.netflix.com/">Netflix</a></p>'
    assert 'href="https://www.netflix.com/"' in field.clean(html, None)


def test_body_blocks_come_back_in_order():
    from content_editor.contents import contents_for_item

    from articles.models import BLOCK_MODELS

    article = ArticleFactory()
    RichTextFactory(parent=article, ordering=30, text="<p>third</p>")
    RichTextFactory(parent=article, ordering=10, text="<p>first</p>")
    Quote.objects.create(parent=article, region="body", ordering=20, text="q", speaker="Someone")
    contents = contents_for_item(article, BLOCK_MODELS)
    assert [type(block).__name__ for block in contents.body] == ["RichText", "Quote", "RichText"]
    assert contents.body[0].text == "<p>first</p>"
