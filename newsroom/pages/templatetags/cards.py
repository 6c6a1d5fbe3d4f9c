"""Show cards, built from data: a list page shows twenty (the tracker, search). A card shows
the show's first photo (an articles record), so it lives here, above both apps."""

from django import template
from django.utils import formats
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import capfirst

from articles import cache_tags, selectors
from articles.templatetags.articles import picture
from newsroom.core import cache
from shows.templatetags.shows import status_badge

register = template.Library()


@register.simple_tag
def show_cards(shows):
    """``{% show_cards shows %}``: kind and platform, title, status and when it was last
    confirmed, release window, its key art or else its first photo (prefetched ``photos``;
    the key art of every card is read in one query). Each card names its show's tag (its
    key art is chosen on the show) and its photos'."""
    cards = []
    shows = list(shows)
    art = selectors.key_art_of(shows) if shows else {}
    for show in shows:
        cache.add_tags(show, cache_tags.photos_of(show))
        photo = art.get(show.pk) or next(iter(show.photos.all()), None)
        kicker = escape(capfirst(show.get_kind_display()))
        if show.platform_id:
            kicker += f" · {escape(show.platform.name)}"
        confirmed = show.status_confirmed_on
        window = show.release_window
        cards.append(
            '<article class="card card--show">\n'
            + (
                f'  <div class="card__media">{picture(photo, "card", "card")}</div>\n'
                if photo
                else ""
            )
            + '  <div class="card__body">\n'
            f'    <p class="card__kicker">{kicker}</p>\n'
            f'    <h3 class="card__title"><a href="{escape(show.get_absolute_url())}">'
            f"{escape(show.title)}</a></h3>\n"
            f'    <p class="card__meta">{status_badge(show)} <span class="muted">confirmed '
            f'<time datetime="{confirmed:%Y-%m-%d}">{formats.date_format(confirmed)}</time>'
            "</span></p>\n"
            + (
                f'    <p class="card__meta">Release: <strong>{escape(window)}</strong></p>\n'
                if window
                else ""
            )
            + "  </div>\n</article>\n"
        )
    return mark_safe("".join(cards))  # noqa: S308 (every value escaped above)
