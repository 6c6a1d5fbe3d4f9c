"""A comment's plain text as safe HTML, made once, when it is written (posted, edited,
erased). A page of the thread is written by ``{% comment_thread %}`` (templatetags)."""

from django.utils.html import linebreaks, urlize
from django.utils.safestring import mark_safe


def render_body(body):
    """Plain text to HTML: escaped, paragraphs and line breaks kept, bare links clickable
    with rel="nofollow ugc noopener". Nothing the reader typed becomes markup."""
    html = urlize(body, nofollow=False, autoescape=True)
    html = html.replace('<a href="', '<a rel="nofollow ugc noopener" href="')
    return mark_safe(linebreaks(html, autoescape=False))  # noqa: S308 (escaped by urlize)
