import datetime

import feedparser
import pytest
from defusedxml import ElementTree
from django.utils import timezone

from tests.articles.factories import ArticleFactory, AuthorFactory, TagFactory
from tests.people.factories import PersonFactory
from tests.shows.factories import ShowFactory

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


@pytest.fixture
def content():
    show, author, tag = ShowFactory(slug="ra"), AuthorFactory(slug="jr"), TagFactory(slug="k")
    now = timezone.now()
    fresh = ArticleFactory(
        headline="Fresh & new <story>",
        slug="fresh",
        dek="The whole summary, not cut short.",
        publish_at=now - datetime.timedelta(hours=3),
        significant_update_at=now - datetime.timedelta(hours=1),
        authors=[author],
    )
    old = ArticleFactory(headline="Old story", slug="old", authors=[author])
    for article in (fresh, old):
        article.shows.add(show)
        article.tags.add(tag)
    ArticleFactory(headline="Scheduled", slug="scheduled", publish_at=now + datetime.timedelta(1))
    ArticleFactory(headline="Draft", slug="draft", status="draft", publish_at=None)
    PersonFactory(slug="shun-oguri")
    return fresh


@pytest.mark.parametrize(
    "url",
    [
        "/feed/",
        "/feed/atom/",
        "/shows/ra/feed/",
        "/shows/ra/feed/atom/",
        "/authors/jr/feed/",
        "/authors/jr/feed/atom/",
        "/tags/k/feed/",
        "/tags/k/feed/atom/",
    ],
)
def test_every_feed_parses_cleanly_with_full_summaries_and_dates(client, content, url):
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert [entry.link for entry in feed.entries] == [
        "http://testserver/articles/fresh/",
        "http://testserver/articles/old/",
    ]
    first = feed.entries[0]
    assert first.title == "Fresh & new <story>"
    assert first.summary == "The whole summary, not cut short."
    assert first.published_parsed[:4] == content.publish_at.utctimetuple()[:4]
    if "atom" in url:
        assert first.updated_parsed[:4] == content.significant_update_at.utctimetuple()[:4]
    assert first.author


def test_pages_advertise_their_feeds(client, content):
    html = client.get("/shows/ra/").content.decode()
    assert 'type="application/rss+xml"' in html
    assert 'href="/shows/ra/feed/"' in html
    assert 'type="application/atom+xml"' in html
    assert 'href="/shows/ra/feed/atom/"' in html
    assert 'href="/tags/k/feed/"' in client.get("/tags/k/").content.decode()
    assert 'href="/authors/jr/feed/"' in client.get("/authors/jr/").content.decode()


def _urls(client, url):
    root = ElementTree.fromstring(client.get(url).content)
    return [loc.text for loc in root.iter(f"{SITEMAP}loc")]


def test_the_sitemaps_list_exactly_the_published_content(client, content):
    sections = _urls(client, "/sitemap.xml")
    assert {url.rsplit("/", 1)[1] for url in sections} == {
        "sitemap-articles.xml",
        "sitemap-shows.xml",
        "sitemap-people.xml",
        "sitemap-authors.xml",
        "sitemap-pages.xml",
    }
    assert _urls(client, "/sitemap-articles.xml") == [
        "http://testserver/articles/fresh/",
        "http://testserver/articles/old/",
    ]
    assert _urls(client, "/sitemap-shows.xml") == ["http://testserver/shows/ra/"]
    assert _urls(client, "/sitemap-people.xml") == ["http://testserver/people/shun-oguri/"]
    assert _urls(client, "/sitemap-authors.xml") == ["http://testserver/authors/jr/"]


def test_the_news_sitemap_has_the_last_two_days_only(client, content):
    response = client.get("/news-sitemap.xml")
    assert response["Content-Type"].startswith("application/xml")
    root = ElementTree.fromstring(response.content)
    assert [loc.text for loc in root.iter(f"{SITEMAP}loc")] == ["http://testserver/articles/fresh/"]
    assert root.find(f".//{NEWS}title").text == "Fresh & new <story>"
    assert root.find(f".//{NEWS}publication_date").text.startswith(
        content.publish_at.astimezone(timezone.get_current_timezone()).date().isoformat()
    )


def test_robots_txt_points_at_the_sitemaps(client):
    text = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Sitemap: http://testserver/news-sitemap.xml" in text
    assert "Disallow: /admin/" in text
