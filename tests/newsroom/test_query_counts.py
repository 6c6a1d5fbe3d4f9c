"""Every public page costs the same number of queries however much is on it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.newsroom.content import Newsroom

PAGES = {
    "home": "/",
    "article": "/articles/romantics-anonymous-everything-we-know/",
    "show": "/shows/romantics-anonymous/",
    "person": "/people/shun-oguri/",
    "author": "/authors/jacob-robinson/",
    "tag": "/tags/netflix/",
    "article list": "/articles/",
    "article list filtered": "/articles/?show=romantics-anonymous&tag=netflix&kind=news",
    "show list": "/shows/",
    "show list filtered": "/shows/?status=announced&year=2024&sort=-release",
    "people list": "/people/",
    "people list filtered": "/people/?role=cast&show=romantics-anonymous",
    "search": "/search/?q=romantics",
    "feed": "/feed/",
    "show feed": "/shows/romantics-anonymous/feed/atom/",
    "author feed": "/authors/jacob-robinson/feed/",
    "tag feed": "/tags/netflix/feed/",
    "sitemap index": "/sitemap.xml",
    "article sitemap": "/sitemap-articles.xml",
    "news sitemap": "/news-sitemap.xml",
}

# A ceiling, so that a page that is flat but wasteful still fails.
MAX_QUERIES = 16


def count(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.django_db
def test_every_public_page_costs_the_same_queries_with_more_content(client):
    newsroom = Newsroom()
    small = {name: count(client, url) for name, url in PAGES.items()}
    newsroom.grow(5)
    large = {name: count(client, url) for name, url in PAGES.items()}
    assert large == small
    assert max(small.values()) <= MAX_QUERIES, small
