"""The searchable text of an article: its body as plain text, block by block."""

import html

from django.utils.html import strip_tags

from articles.models import Article, PhotoBlock, Quote, RichText, VideoEmbed
from articles.rendering import body_blocks


def article_plain_text(article, blocks=None):
    """The body as plain text, block by block: what search matches besides headline and dek.
    ``blocks``: the article's blocks in order, if already read."""
    blocks = body_blocks(article) if blocks is None else blocks
    return "\n".join(text for text in map(_block_text, blocks) if text)


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


def index_article(article, blocks=None):
    """Refresh the searchable text of an article after its body changed (the caller purges:
    see articles.services.editing)."""
    text = article_plain_text(article, blocks)
    Article.objects.filter(pk=article.pk).update(search_document=text)
    article.search_document = text
