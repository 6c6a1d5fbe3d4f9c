"""Show cards, written from data: what each shows, escaped, and the tags they name."""

import pytest

from articles import cache_tags
from newsroom.core.cache import collecting
from newsroom.pages.templatetags.cards import show_cards
from shows.models import Show
from shows.release import ReleaseWindow
from tests.articles.factories import PhotoFactory
from tests.shows.factories import PlatformFactory, ShowFactory

pytestmark = pytest.mark.django_db


def cards_of(*shows):
    pks = [show.pk for show in shows]
    found = Show.objects.filter(pk__in=pks).select_related("platform").prefetch_related("photos")
    return show_cards(sorted(found, key=lambda show: pks.index(show.pk)))


def test_a_card_escapes_titles_and_names_and_shows_status_and_release():
    show = ShowFactory(
        title="<i>Tide</i> & Co",
        platform=PlatformFactory(name="<b>Stream</b>"),
        status="filming",
        release_window=ReleaseWindow.parse("2027"),
    )
    html = cards_of(show)
    assert "<i>" not in html
    assert "<b>" not in html
    assert "&lt;i&gt;Tide&lt;/i&gt; &amp; Co" in html
    assert "Series · &lt;b&gt;Stream&lt;/b&gt;" in html
    assert '<span class="badge badge--filming">Filming</span>' in html
    assert '<time datetime="2024-01-15">15 January 2024</time>' in html
    assert "Release: <strong>2027</strong>" in html
    assert "card__media" not in html


def test_a_card_shows_the_first_photo_and_names_the_show_and_its_photos():
    show, bare = ShowFactory(), ShowFactory(platform=None)
    photo = PhotoFactory(alt_text="The cast on set.")
    photo.shows.add(show)
    with collecting() as collected:
        html = cards_of(show, bare)
    assert html.count("card__media") == 1
    assert 'alt="The cast on set."' in html
    assert {f"show:{show.pk}", f"show:{bare.pk}", cache_tags.photos_of(show)} <= collected.tags
