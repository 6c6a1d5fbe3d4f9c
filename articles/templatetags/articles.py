"""Template filters for the desk's records on public pages."""

from django import template

from articles import cache_tags
from articles.comments.rendering import render_body

register = template.Library()


@register.filter
def comment_html(body):
    """A comment's plain text as safe HTML (escaped, paragraphs, nofollow links)."""
    return render_body(body)


@register.filter
def comments_tag(article):
    """The tag of an article's thread and its comment count, for ``{% cache_tag %}``."""
    return cache_tags.comments(article.pk)


@register.filter
def photos_tag(obj):
    """The tag of the photos picturing a show or a person."""
    return cache_tags.photos_of(obj)
