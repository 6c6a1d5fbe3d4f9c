"""Template tags for the desk's records on public pages: pictures from the photo library
(its renditions), comments, the tags of threads and photo lists."""

from django import template
from django.core.files.storage import default_storage
from django.utils.html import format_html, format_html_join

from articles import cache_tags
from articles.comments.rendering import render_thread

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
