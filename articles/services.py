"""Actions on the editorial desk that change several things at once."""

import html

from django.db import transaction
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.html import strip_tags

from articles.models import (
    BLOCK_MODELS,
    Article,
    Comment,
    CommentStatus,
    ModerationEvent,
    PhotoBlock,
    Quote,
    RichText,
    VideoEmbed,
)


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
    """Refresh the searchable text of an article after its body changed."""
    text = article_plain_text(article)
    Article.objects.filter(pk=article.pk).update(search_document=text)
    article.search_document = text


@transaction.atomic
def moderate_comments(*, comments, status, by, note=""):
    """Set the moderation state of a queryset of comments, stamping who did it and when, and
    log the action for each comment. Returns how many comments changed."""
    rows = list(comments.select_for_update().values_list("pk", "article_id"))
    ids = [pk for pk, _article in rows]
    changed = Comment.objects.filter(pk__in=ids).update(
        status=status, moderated_by=by, moderated_at=timezone.now()
    )
    ModerationEvent.objects.bulk_create(
        ModerationEvent(comment_id=pk, status=status, by=by, note=note) for pk in ids
    )
    refresh_comment_counts({article for _pk, article in rows})
    return changed


def refresh_comment_counts(article_ids):
    """Recount the approved comments of these articles (shown on cards and pages)."""
    approved = (
        Comment.objects.filter(article=OuterRef("pk"), status=CommentStatus.APPROVED)
        .order_by()
        .values("article")
        .annotate(count=Count("pk"))
        .values("count")
    )
    Article.objects.filter(pk__in=list(article_ids)).update(
        comment_count=Coalesce(Subquery(approved), 0)
    )
