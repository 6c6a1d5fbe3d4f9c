"""Template tags for the desk's records on public pages: pictures from the photo library
(its renditions), comments, the tags of threads and photo lists."""

from django import template
from django.core.files.storage import default_storage
from django.template.defaultfilters import pluralize
from django.utils import formats, timezone
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import capfirst

from articles import cache_tags
from articles.comments.rendering import render_thread
from newsroom.core import cache

register = template.Library()

SIZES = {
    "hero": "(min-width: 75rem) 46rem, (min-width: 50rem) 65vw, 100vw",
    "body": "(min-width: 75rem) 46rem, (min-width: 50rem) 65vw, 100vw",
    "lead": "(min-width: 75rem) 44rem, (min-width: 50rem) 60vw, 100vw",
    "card": "(min-width: 75rem) 22rem, (min-width: 50rem) 30vw, 100vw",
    "thumb": "8rem",
}


@register.simple_tag
def picture(photo, kind="full", sizes="hero", lazy=True, css_class=""):
    """A <picture> with WebP and JPEG srcsets, explicit size (no layout shift) and alt text.

    `kind` is "full" (whole picture) or "card" (3:2 crop around the focal point). Pages built
    before a photo's renditions exist fall back to the original file.
    """
    if photo is None:
        return ""
    rows = (photo.renditions or {}).get(kind) or []
    attrs = {
        "alt": photo.alt_text,
        "class": css_class or None,
        "loading": "lazy" if lazy else None,
        "decoding": "async",
        "fetchpriority": None if lazy else "high",
    }
    if not rows:
        return format_html(
            '<img src="{}" width="{}" height="{}"{}>',
            photo.image.url,
            photo.width,
            photo.height,
            _attrs(attrs),
        )
    sizes_value = SIZES.get(sizes, sizes)
    webp = ", ".join(f"{default_storage.url(row[2])} {row[0]}w" for row in rows)
    jpeg = ", ".join(f"{default_storage.url(row[3])} {row[0]}w" for row in rows)
    fallback = rows[min(1, len(rows) - 1)]
    return format_html(
        '<picture><source type="image/webp" srcset="{}" sizes="{}">'
        '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}"{}></picture>',
        webp,
        sizes_value,
        default_storage.url(fallback[3]),
        jpeg,
        sizes_value,
        fallback[0],
        fallback[1],
        _attrs(attrs),
    )


def _attrs(attrs):
    return format_html_join(
        "", ' {}="{}"', ((key, value) for key, value in attrs.items() if value is not None)
    )


@register.filter
def media_url(name):
    """The public URL of a stored file name (a rendition)."""
    return default_storage.url(name)


@register.simple_tag
def article_cards(articles, compact=False):
    """``{% article_cards articles %}``: a card for each article (hero picture, kind,
    headline, dek, bylines, date, comment count; ``compact=True``: no dek, no count), built
    from data: a list page shows twenty. Each card names its article's tag, and a full card
    its thread's (the count)."""
    days = {}
    cards = []
    for article in articles:
        cache.add_tags(article, None if compact else cache_tags.comments(article.pk))
        url = escape(article.get_absolute_url())
        iso = shown = ""
        if article.publish_at is not None:  # always, for a published article
            local = timezone.localtime(article.publish_at)
            if local.date() not in days:
                days[local.date()] = formats.date_format(local)
            iso, shown = local.isoformat(), days[local.date()]
        names = [escape(byline.author.display_name) for byline in article.bylines.all()]
        bylines = " and ".join(filter(None, [", ".join(names[:-1]), *names[-1:]]))
        count = 0 if compact else article.comment_count
        cards.append(
            f'<article class="card{" card--compact" if compact else ""}">\n'
            + (
                f'  <div class="card__media">{picture(article.hero_photo, "card", "card")}</div>\n'
                if article.hero_photo_id
                else ""
            )
            + '  <div class="card__body">\n'
            f'    <p class="card__kicker">{escape(capfirst(article.get_kind_display()))}</p>\n'
            f'    <h3 class="card__title"><a href="{url}">{escape(article.headline)}</a></h3>\n'
            + (
                f'    <p class="card__dek">{escape(article.dek)}</p>\n'
                if article.dek and not compact
                else ""
            )
            + f'    <p class="card__meta">{bylines}{" · " if names else ""}'
            f'<time datetime="{iso}">{shown}</time>'
            + (
                f' · <a href="{url}#comments">{count} comment{pluralize(count)}</a>'
                if count
                else ""
            )
            + "</p>\n  </div>\n</article>\n"
        )
    return mark_safe("".join(cards))  # noqa: S308 (every value escaped above)


@register.simple_tag
def comment_thread(comments, is_open):
    """``{% comment_thread thread.comments comments_are_open %}``: a page of the thread."""
    return render_thread(comments, is_open=is_open)


@register.filter
def comments_tag(article):
    """The tag of an article's thread and its comment count, for ``{% cache_tag %}``."""
    return cache_tags.comments(article.pk)


@register.filter
def photos_tag(obj):
    """The tag of the photos picturing a show or a person."""
    return cache_tags.photos_of(obj)
