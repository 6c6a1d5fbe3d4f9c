"""Template tags the whole public site shares: pictures, JSON-LD, pagination links, and the
cache's ``{% fragment %}`` and ``{% cache_tag %}`` (newsroom/core/cache.py)."""

import json

from django import template
from django.core.files.storage import default_storage
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from newsroom.core import cache

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


@register.simple_tag
def cache_tag(*objects):
    """``{% cache_tag article article.hero_photo %}``: what is rendered here shows these
    (model instances, tag strings, or lists of them); the page and any fragment around it
    are purged with them. Renders nothing."""
    cache.add_tags(*objects)
    return ""


@register.tag
def fragment(parser, token):
    """``{% fragment "show-box" show.pk %}...{% endfragment %}``: the inside is rendered once
    and kept until a tag it collected is purged; it varies on the values after the name.
    ``skip=expression`` renders it afresh when true (a preview)."""
    bits = token.split_contents()[1:]
    if not bits:
        raise template.TemplateSyntaxError("{% fragment %} needs a name.")
    skip = None
    if bits[-1].startswith("skip="):
        skip = parser.compile_filter(bits.pop().removeprefix("skip="))
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, [parser.compile_filter(bit) for bit in bits], skip)


class FragmentNode(template.Node):
    def __init__(self, nodelist, args, skip):
        self.nodelist, self.args, self.skip = nodelist, args, skip

    def render(self, context):
        if self.skip is not None and self.skip.resolve(context):
            return self.nodelist.render(context)
        name, *vary = (arg.resolve(context) for arg in self.args)
        return cache.cached_fragment(name, vary, lambda: self.nodelist.render(context))
