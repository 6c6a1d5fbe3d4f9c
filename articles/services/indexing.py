"""The searchable text of an article: its body as plain text, block by block."""

import html

from django.utils.html import strip_tags

from articles.models import BLOCK_MODELS, Article, PhotoBlock, Quote, RichText, VideoEmbed


def article_plain_text(article):
    """The body as plain text, block by block: what search matches besides headline and dek."""
    parts = []
    for model in BLOCK_MODELS:
        rows = model.objects.filter(parent=article)
        if model is PhotoBlock:
            rows = rows.select_related("photo")
        elif model is Quote:
            rows = rows.select_related("person")
        for block in rows:
            parts.append((block.ordering, _block_text(block)))
    return "\n".join(text for _, text in sorted(parts, key=lambda item: item[0]) if text)


def _block_text(block):
    if isinstance(block, RichText):
        # Block-level tags become spaces so words on either side do not run together.
        return " ".join(html.unescape(strip_tags(block.text.replace("<", " <"))).split())
    if isinstance(block, PhotoBlock):
        return block.caption
    if isinstance(block, Quote):
        return " ".join(filter(None, [block.text, block.speaker_name, block.context]))
    if isinstance(block, VideoEmbed):
        return " ".join(filter(None, [block.title, block.caption]))
    return ""


def index_article(article):
    """Refresh the searchable text of an article after its body changed (the caller purges:
    see articles.services.editing)."""
    text = article_plain_text(article)
    Article.objects.filter(pk=article.pk).update(search_document=text)
    article.search_document = text
