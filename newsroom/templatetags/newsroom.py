"""Template tags the whole public site shares: pictures, JSON-LD, pagination links."""

import json

from django import template
from django.core.files.storage import default_storage
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from newsroom.cache import fragment_tags, version_token

register = template.Library()

_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}

SIZES = {
    "hero": "(min-width: 75rem) 46rem, (min-width: 50rem) 65vw, 100vw",
    "body": "(min-width: 75rem) 46rem, (min-width: 50rem) 65vw, 100vw",
    "lead": "(min-width: 75rem) 44rem, (min-width: 50rem) 60vw, 100vw",
    "card": "(min-width: 75rem) 22rem, (min-width: 50rem) 30vw, 100vw",
    "thumb": "8rem",
}


@register.filter
def json_ld(data):
    """Structured data for a <script type="application/ld+json">, safe inside HTML."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_JSON_ESCAPES))  # noqa: S308


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


@register.simple_tag(takes_context=True)
def page_url(context, number):
    """The current URL's query string with another page number: filters survive paging."""
    query = context["request"].GET.copy()
    query["page"] = number
    return "?" + query.urlencode()


@register.simple_tag(takes_context=True)
def absolute(context, path):
    return context["request"].build_absolute_uri(path)


@register.filter
def media_url(name):
    """The public URL of a stored file name (a rendition)."""
    return default_storage.url(name)


@register.filter
def comment_html(body):
    """A comment's plain text as safe HTML (escaped, paragraphs, nofollow links)."""
    from articles.comments import render_body

    return render_body(body)


@register.filter
def cache_version(obj, kind):
    """The current version of what a cached fragment shows, for its key:
    ``{% cache 86400 show-box show.pk show|cache_version:"show" %}`` (newsroom/cache.py)."""
    return version_token(*fragment_tags(kind, obj))
