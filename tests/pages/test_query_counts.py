"""Every public page costs the same number of queries however much is on it."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.pages.content import Newsroom

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
    "person feed": "/people/shun-oguri/feed/",
    "calendar": "/calendar/",
    "calendar filtered": "/calendar/?kind=series&premieres=on",
    "calendar ics": "/calendar.ics",
    "show ics": "/shows/romantics-anonymous/calendar.ics",
    "person ics": "/people/shun-oguri/calendar.ics",
    "new this week": "/new/",
    "static page": "/about/team/",
}

# A ceiling, so that a page that is flat but wasteful still fails. The show page is the
# dearest: its seasons, their episodes, where to watch and the countries to choose from are
# one query each, and the codes of the countries listed are read once per process after a
# country changed (here: after the test's content was made), to know the reader's country.
# Every HTML page, cold, reads the footer's static pages (one query, then a cached value).
MAX_QUERIES = 19


def count(client, url, *, cold=True):
    if cold:  # nothing cached: neither the page nor its fragments
        cache.clear()
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


@pytest.mark.django_db
def test_a_cached_page_costs_no_query(client):
    Newsroom()
    for url in PAGES.values():
        count(client, url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        assert response["X-Page-Cache"] == "hit", url
        assert len(queries) == 0, (url, [query["sql"] for query in queries])


@pytest.mark.django_db
def test_cached_fragments_make_a_page_miss_cheaper(client, settings):
    """With the page cache off, the second render of an article reads its data (the article,
    bylines, tags, shows) from the cache and its body, related stories, comment thread and
    show boxes from cached fragments: no query at all. (Cold, one query is the next
    scheduled publication, which the related stories end at, and one the footer's static
    pages; both are kept site-wide.)"""
    Newsroom().grow(2)
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 0
    url = PAGES["article"]
    cold = count(client, url)
    warm = count(client, url, cold=False)
    assert cold == 11
    assert warm == 0
    assert client.get(url).content == client.get(url).content


@pytest.mark.django_db
def test_search_costs_the_same_with_more_matching_shows_and_people(client):
    from tests.articles.factories import PhotoFactory
    from tests.people.factories import PersonFactory
    from tests.shows.factories import ShowFactory

    def add(n):
        for _ in range(n):
            show = ShowFactory(title=f"Romantics Club {ShowFactory._meta.next_sequence()}")
            PhotoFactory().shows.add(show)
            PersonFactory(name="Romantics Singer")

    add(1)
    few = count(client, PAGES["search"])
    add(6)
    assert count(client, PAGES["search"]) == few
