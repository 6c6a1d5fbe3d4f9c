"""The home page: the lead story, the latest, the tracker's highlights, popular shows."""

import datetime

import pytest
from django.utils import timezone

from tests.articles.factories import ArticleFactory
from tests.shows.factories import ShowFactory

pytestmark = pytest.mark.django_db


def test_popular_shows_say_how_many_stories_each_had(client):
    harbour = ShowFactory(title="Harbour Lights")
    tide = ShowFactory(title="Northern Tide")
    for show, stories in ((harbour, 2), (tide, 1)):
        for _ in range(stories):
            ArticleFactory(publish_at=timezone.now() - datetime.timedelta(days=3)).shows.add(show)
    html = client.get("/").content.decode()
    popular = html.split('id="popular-heading"')[1]
    assert '>Harbour Lights</a> <span class="muted">2 stories</span>' in popular
    assert '>Northern Tide</a> <span class="muted">1 story</span>' in popular
    assert popular.index("Harbour Lights") < popular.index("Northern Tide")
    again = client.get("/").content.decode()  # from the cache, the counts too
    assert '<span class="muted">2 stories</span>' in again


def test_popular_shows_count_only_the_last_three_months(client):
    old = ShowFactory(title="Long Ago")
    ArticleFactory(publish_at=timezone.now() - datetime.timedelta(days=200)).shows.add(old)
    html = client.get("/").content.decode()
    assert "Long Ago" not in html.split('id="popular-heading"')[1]
