"""Article cards, written from data: what each shows, escaped, and the tags they name."""

import pytest

from articles import cache_tags
from articles.models import ArticleAuthor
from articles.templatetags.articles import article_cards
from newsroom.core.cache import collecting
from tests.articles.factories import ArticleFactory, AuthorFactory, PhotoFactory

pytestmark = pytest.mark.django_db


def test_a_card_escapes_what_writers_typed_and_names_its_bylines_in_order():
    article = ArticleFactory(
        headline="<script>alert(1)</script> & more",
        dek='Quotes " and <b>tags</b>',
        authors=[AuthorFactory(display_name="Ann <i>A</i>"), AuthorFactory(display_name="Bo")],
        comment_count=2,
    )
    ArticleAuthor.objects.create(
        article=article, author=AuthorFactory(display_name="Cy"), position=9
    )
    html = article_cards([article])
    assert "<script>" not in html
    assert "<b>" not in html
    assert "<i>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in html
    assert "Quotes &quot; and &lt;b&gt;tags&lt;/b&gt;" in html
    assert "Ann &lt;i&gt;A&lt;/i&gt;, Bo and Cy · <time" in html
    assert f'<a href="{article.get_absolute_url()}#comments">2 comments</a>' in html
    assert '<time datetime="2024-04-09T10:00:00+01:00">9 April 2024</time>' in html


def test_a_compact_card_has_no_dek_and_no_count_and_a_picture_when_there_is_one():
    article = ArticleFactory(dek="The dek.", comment_count=1, hero_photo=PhotoFactory())
    full, compact = article_cards([article]), article_cards([article], compact=True)
    assert "The dek." in full
    assert "1 comment<" in full
    assert "The dek." not in compact
    assert "comment" not in compact
    assert 'class="card card--compact"' in compact
    assert 'loading="lazy"' in compact
    assert article.hero_photo.alt_text in compact
    assert "card__media" not in article_cards([ArticleFactory(hero_photo=None)])


def test_cards_name_their_articles_and_full_cards_their_threads():
    one, two = ArticleFactory(), ArticleFactory()
    with collecting() as full:
        article_cards([one, two])
    with collecting() as compact:
        article_cards([one], compact=True)
    assert {f"article:{one.pk}", f"article:{two.pk}", cache_tags.comments(one.pk)} <= full.tags
    assert compact.tags == {f"article:{one.pk}"}
