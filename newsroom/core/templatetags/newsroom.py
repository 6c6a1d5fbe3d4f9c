"""Template tags the whole public site shares: JSON-LD, pagination links, absolute URLs, and
the cache's ``{% fragment %}`` and ``{% cache_tag %}`` (newsroom/core/cache.py)."""

import json

from django import template
from django.utils.safestring import mark_safe

from newsroom.core import cache, text

register = template.Library()

_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def xml_safe(value):
    """Text without the characters XML forbids (sitemaps, any XML a template writes)."""
    return text.xml_safe(value)


@register.filter
def json_ld(data):
    """Structured data for a <script type="application/ld+json">, safe inside HTML."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_JSON_ESCAPES))  # noqa: S308


@register.simple_tag(takes_context=True)
def page_url(context, number):
    """The current URL's query string with another page number: filters survive paging."""
    query = context["request"].GET.copy()
    query["page"] = number
    return "?" + query.urlencode()


@register.simple_tag(takes_context=True)
def absolute(context, path):
    return context["request"].build_absolute_uri(path)


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
