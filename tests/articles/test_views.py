import datetime
import json
import re

import pytest
from django.utils import timezone

from articles.models import ArticleStatus, PhotoBlock, Quote, QuoteStyle, VideoEmbed
from shows.models import Credit, CreditRole
from shows.release import ReleaseWindow
from tests.articles.factories import (
    ArticleFactory,
    AuthorFactory,
    PhotoFactory,
    RichTextFactory,
    TagFactory,
)
from tests.people.factories import PersonFactory
from tests.shows.factories import ShowFactory

pytestmark = pytest.mark.django_db


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


@pytest.fixture
def story():
    author = AuthorFactory(
        display_name="Jacob Robinson",
        slug="jacob-robinson",
        bio="Writes about TV.",
        beats="anime, K-dramas",
        location="Norwich, UK",
        joined_year=2018,
    )
    show = ShowFactory(
        title="Romantics Anonymous",
        slug="romantics-anonymous",
        status="filming",
        status_confirmed_on=datetime.date(2024, 4, 6),
        based_on="the 2010 French film Les Émotifs anonymes",
    )
    show.release_window = ReleaseWindow.parse("2025")
    show.save()
    lead = PersonFactory(name="Shun Oguri", slug="shun-oguri", native_name="小栗旬")
    Credit.objects.create(
        show=show, person=lead, role=CreditRole.CAST, character_name="Sosuke Fujiwara"
    )
    Credit.objects.create(
        show=show, person=PersonFactory(name="Sho Tsukikawa"), role=CreditRole.DIRECTOR
    )
    hero = PhotoFactory(caption="Shun Oguri at a gala.", credit="Axelle/FilmMagic")
    article = ArticleFactory(
        headline="Romantics Anonymous: Everything We Know",
        slug="ra",
        hero_photo=hero,
        authors=[author],
        significant_update_at=datetime.datetime(2024, 5, 1, 12, tzinfo=datetime.UTC),
    )
    article.shows.add(show)
    article.tags.add(TagFactory(name="Netflix", slug="netflix"))
    RichTextFactory(parent=article, text="<p>Netflix has started filming.</p>", ordering=10)
    PhotoBlock.objects.create(
        parent=article, region="body", ordering=20, photo=PhotoFactory(credit="Pool/Getty")
    )
    Quote.objects.create(
        parent=article,
        region="body",
        ordering=30,
        text="Let's do our best",
        style=QuoteStyle.DIRECT,
        person=lead,
    )
    Quote.objects.create(
        parent=article,
        region="body",
        ordering=40,
        text="filming was exciting",
        style=QuoteStyle.REPORTED,
        speaker="A Netflix spokesperson",
    )
    VideoEmbed.objects.create(
        parent=article,
        region="body",
        ordering=50,
        url="https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        title="Teaser",
    )
    return article


def test_the_article_page_shows_everything_a_reader_expects(client, story):
    html = client.get("/articles/ra/").content.decode()
    assert "<h1" in html
    assert "Romantics Anonymous: Everything We Know" in html
    assert 'href="/authors/jacob-robinson/"' in html
    assert "9 April 2024" in html
    assert "Updated" in html
    assert "1 May 2024" in html
    # Hero and body photos carry caption and credit.
    assert "Shun Oguri at a gala." in html
    assert "Photo: Axelle/FilmMagic" in html
    assert "Photo: Pool/Getty" in html
    # Direct quotes are quoted and linked to the speaker; reported speech is labelled.
    assert '<a href="/people/shun-oguri/">Shun Oguri</a>' in html
    assert "quote--direct" in html
    assert "Reported" in html
    # The video is a link until clicked: no third-party frame on load.
    assert "<iframe" not in html
    assert 'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"' in html
    # The show box and the author box.
    assert "Filming" in html
    assert "6 April 2024" in html
    assert ">2025<" in html.replace(" ", "")
    assert "Sosuke Fujiwara" in html
    assert "Sho Tsukikawa" in html
    assert "Les Émotifs anonymes" in html
    assert "About Jacob Robinson" in html
    assert "Norwich, UK" in html
    assert "2018" in html
    assert 'href="/tags/netflix/"' in html


def test_the_show_box_reads_the_show_at_render_time(client, story):
    show = story.shows.get()
    show.status = "post_production"
    show.status_confirmed_on = datetime.date(2024, 8, 30)
    show.save()
    html = client.get("/articles/ra/").content.decode()
    assert "Post-production" in html
    assert "30 August 2024" in html


def test_the_article_page_has_news_article_and_breadcrumb_structured_data(client, story):
    data = json_ld(client.get("/articles/ra/").content.decode())
    article = next(item for item in data if item["@type"] == "NewsArticle")
    assert article["headline"] == "Romantics Anonymous: Everything We Know"
    assert article["author"][0]["@type"] == "Person"
    assert article["author"][0]["name"] == "Jacob Robinson"
    assert article["datePublished"].startswith("2024-04-09")
    assert article["dateModified"].startswith("2024-05-01")
    assert article["image"][0]["@type"] == "ImageObject"
    assert article["image"][0]["creditText"] == "Axelle/FilmMagic"
    assert article["image"][0]["caption"] == "Shun Oguri at a gala."
    assert article["publisher"]["name"]
    assert article["commentCount"] == 0
    crumbs = next(item for item in data if item["@type"] == "BreadcrumbList")
    assert crumbs["itemListElement"][-1]["name"] == "Romantics Anonymous: Everything We Know"


def test_hostile_text_in_structured_data_cannot_close_the_script(client, story):
    story.headline = "</script><script>alert(1)</script>"
    story.save()
    html = client.get("/articles/ra/").content.decode()
    assert "<script>alert(1)" not in html
    data = json_ld(html)
    assert data[0]["headline"] == "</script><script>alert(1)</script>"


def test_open_graph_and_canonical(client, story):
    html = client.get("/articles/ra/").content.decode()
    assert '<link rel="canonical" href="http://testserver/articles/ra/">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert 'property="og:image" content="http://testserver/media/' in html


@pytest.mark.parametrize(
    ("status", "publish_at"),
    [
        (ArticleStatus.DRAFT, None),
        (ArticleStatus.IN_REVIEW, None),
        (ArticleStatus.ARCHIVED, timezone.now() - datetime.timedelta(days=3)),
        (ArticleStatus.PUBLISHED, timezone.now() + datetime.timedelta(hours=1)),
    ],
)
def test_unpublished_articles_are_404_and_listed_nowhere(client, status, publish_at):
    show, tag, author = ShowFactory(slug="s"), TagFactory(slug="t"), AuthorFactory(slug="a")
    hidden = ArticleFactory(
        headline="Hidden headline",
        slug="secret",
        status=status,
        publish_at=publish_at,
        authors=[author],
    )
    hidden.shows.add(show)
    hidden.tags.add(tag)
    response = client.get("/articles/secret/")
    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()
    for url in [
        "/",
        "/articles/",
        "/shows/s/",
        "/tags/t/",
        "/authors/a/",
        "/search/?q=hidden",
        "/feed/",
        "/feed/atom/",
        "/shows/s/feed/",
        "/tags/t/feed/",
        "/authors/a/feed/",
        "/sitemap-articles.xml",
        "/news-sitemap.xml",
    ]:
        html = client.get(url).content.decode()
        assert "/articles/secret/" not in html, url
        assert "Hidden headline" not in html, url


def test_the_article_list_filters_and_keeps_filters_in_page_links(client, settings):
    settings.NEWSROOM_PAGE_SIZE = 2
    show = ShowFactory(title="Romantics Anonymous", slug="romantics-anonymous")
    for number in range(5):
        article = ArticleFactory(headline=f"About the show {number}")
        article.shows.add(show)
    ArticleFactory(headline="Something else")
    html = client.get("/articles/?show=Romantics+Anonymous").content.decode()
    assert "5 articles" in html
    assert "Something else" not in html
    assert 'href="?show=Romantics+Anonymous&amp;page=2"' in html
    assert "5 articles" in client.get("/articles/?show=romantics-anonymous").content.decode()


def test_an_article_matching_twice_is_listed_once(client):
    article = ArticleFactory(headline="Both")
    article.shows.add(ShowFactory(title="Romantics Anonymous"), ShowFactory(title="Romantics"))
    article.tags.add(TagFactory(slug="k"))
    for query in ["show=Romantics", "show=Romantics&tag=k"]:
        assert [a.headline for a in client.get(f"/articles/?{query}").context["articles"]] == [
            "Both"
        ]


def test_related_stories_share_a_show_or_a_tag_and_come_once(client, story):
    show, tag = story.shows.get(), story.tags.get()
    both = ArticleFactory(headline="Same show and tag")
    both.shows.add(show)
    both.tags.add(tag)
    ArticleFactory(headline="Same tag").tags.add(tag)
    ArticleFactory(headline="Unrelated")
    related = [a.headline for a in client.get("/articles/ra/").context["related"]]
    assert sorted(related) == ["Same show and tag", "Same tag"]


@pytest.mark.parametrize(
    ("query", "error"),
    [
        ("kind=bogus", "Select a valid choice. bogus is not one of the available choices."),
        ("tag=no-such-tag", "Select a valid choice. That choice is not one of the available"),
        ("published_after=not-a-date", "Enter a valid date."),
        ("published_before=2024-02-31", "Enter a valid date."),
        ("author=%00", "Null characters are not allowed."),
    ],
)
def test_invalid_article_filters_are_a_form_error_not_a_500(client, query, error):
    ArticleFactory(headline="Visible")
    response = client.get(f"/articles/?{query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'class="field__error" id="id_{query.split("=")[0]}_error">{error}' in html
    assert "Some filters were not understood" in html
    assert "Visible" not in html  # nothing is listed under a filter that failed
    assert "0 articles" in html


def test_a_show_filter_nothing_matches_lists_nothing(client):
    ArticleFactory(headline="Visible")
    response = client.get("/articles/?show=" + "x" * 5000)
    assert response.status_code == 200
    html = response.content.decode()
    assert "0 articles" in html
    assert "Visible" not in html
    assert "not understood" not in html  # a title no show has is no error


def test_author_and_tag_pages_paginate(client, settings):
    settings.NEWSROOM_PAGE_SIZE = 3
    author, tag = AuthorFactory(slug="jr"), TagFactory(slug="anime")
    for _ in range(7):
        ArticleFactory(authors=[author]).tags.add(tag)
    for url in ["/authors/jr/", "/tags/anime/"]:
        first = client.get(url)
        assert len(first.context["articles"]) == 3
        assert 'href="?page=3"' in first.content.decode()
        assert len(client.get(f"{url}?page=3").context["articles"]) == 1
    assert client.get("/authors/nobody/").status_code == 404
