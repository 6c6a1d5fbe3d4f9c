"""An article's body as readers get it: its blocks rendered to HTML once, when the article is
saved, and stored beside it (``Article.body_html``); the article page shows what is stored.

A stored body records the format it was rendered in (``body_format``: a digest of the block
templates, of where media is served from, and of ``FORMAT_VERSION``). It is emptied when a
block is saved or deleted (``articles.models.blocks``) and when what a block shows of another
record changes (a photo's caption, credit or renditions; a quoted person's name or address:
``articles.services``). A body in another format is rendered again the next time it is read
for a page and stored, so a change of template never shows a stale body; ``manage.py
render_bodies`` renders every stale body ahead of readers (after a deploy that changed them;
``--all`` once a rolling deploy is over, since servers still running the old code neither
mark nor know the format). A change of code that changes what a block renders (the
``{% picture %}`` tag, a block's properties) bumps ``FORMAT_VERSION``.

These stores are cache fills of the page's own data, made on a reader's GET or by the
command: the one write outside the services (docs/architecture.md).
"""

import functools
import hashlib

from content_editor.contents import contents_for_item
from django.core.files.storage import default_storage
from django.db import transaction
from django.template.loader import get_template, render_to_string
from django.utils.safestring import mark_safe

from articles.models import BLOCK_MODELS, Article

# Bump when code (not a template) changes what a block renders: the {% picture %} tag, a
# block's properties. Template changes are noticed on their own.
FORMAT_VERSION = 1
TEMPLATES = (
    *(model.template_name for model in BLOCK_MODELS),
    "includes/photo_figure.html",  # the photo block's figure
)


@functools.cache
def current_format():
    digest = hashlib.sha256(f"{FORMAT_VERSION}\n{default_storage.url('x')}".encode())
    for name in TEMPLATES:
        digest.update(get_template(name).template.source.encode())
    return digest.hexdigest()[:16]


def body_blocks(article):
    """The article's blocks in order (one query per kind of block)."""
    return contents_for_item(article, BLOCK_MODELS).body


def render_blocks(blocks):
    """The blocks as safe HTML, each through its own template (the rich text is sanitised
    when it is saved; everything else is escaped by the templates)."""
    return mark_safe(  # noqa: S308 (rendered by autoescaping templates)
        "".join(render_to_string(block.template_name, {"block": block}) for block in blocks)
    )


def store_body(article, blocks=None):
    """Render the article's body and store it with its format; returns the HTML. For the
    desk, which holds the article's row lock (``save_article``) and has just written the
    blocks."""
    html = render_blocks(body_blocks(article) if blocks is None else blocks)
    form = current_format()
    Article.objects.filter(pk=article.pk).update(body_html=html, body_format=form)
    article.body_html, article.body_format = html, form
    return html


def current_body(article):
    """The body to show: as stored if it is current, else rendered now and stored.

    The stale case takes the article's row lock, then reads the format again and the blocks:
    a change that marks the body stale (a block, a photo, a quoted person) either committed
    before (and is read) or waits for the lock and marks the body stale again after, so an
    older rendering is never stored as current. One stored meanwhile is used as it is."""
    form = current_format()
    if article.body_format != form:
        with transaction.atomic():
            stored = (
                Article.objects.select_for_update()
                .filter(pk=article.pk)
                .values_list("body_format", "body_html")
                .first()
            )
            if stored is not None and stored[0] == form:
                article.body_html = stored[1]
            else:
                article.body_html = render_blocks(body_blocks(article))
                Article.objects.filter(pk=article.pk).update(
                    body_html=article.body_html, body_format=form
                )
            article.body_format = form
    return mark_safe(article.body_html)  # noqa: S308 (stored by render_blocks)
