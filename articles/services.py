"""Actions on the editorial desk that change several things at once."""

import datetime
import html

from django.db import transaction
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.html import strip_tags

from articles.models import (
    BLOCK_MODELS,
    Article,
    Ban,
    Comment,
    CommentStatus,
    ModerationEvent,
    PhotoBlock,
    Quote,
    RichText,
    VideoEmbed,
)
from articles.signals import comments_changed


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
    article_ids = list(article_ids)
    Article.objects.filter(pk__in=article_ids).update(comment_count=Coalesce(Subquery(approved), 0))
    comments_changed.send(sender=Comment, article_ids=article_ids)


@transaction.atomic
def ban_commenters(*, comments, by, with_ip=False):
    """Ban the emails (and IP addresses) of these comments' authors; their comments become
    spam. New comments from them are held. Returns how many bans were added."""
    rows = list(comments.values_list("email", "ip_address").distinct())
    added = 0
    for email, ip in rows:
        ip = ip if with_ip else None
        if Ban.objects.filter(email=email, ip_address=ip).exists():
            continue
        Ban.objects.create(email=email, ip_address=ip, created_by=by, reason="banned from the desk")
        added += 1
    emails = {email for email, _ip in rows}
    moderate_comments(
        comments=Comment.objects.filter(email__in=emails).exclude(status=CommentStatus.SPAM),
        status=CommentStatus.SPAM,
        by=by,
        note="commenter banned",
    )
    return added


def export_commenter(email):
    """Everything stored about one commenter's comments, for a data request."""
    return [
        {
            "article": comment.article.headline,
            "url": comment.article.get_absolute_url(),
            "name": comment.name,
            "email": comment.email,
            "comment": comment.body,
            "posted": comment.created_at.isoformat(),
            "status": comment.status,
            "ip_address": comment.ip_address,
            "user_agent": comment.user_agent,
        }
        for comment in Comment.objects.filter(email=email)
        .select_related("article")
        .order_by("created_at")
    ]


ERASED = "This comment was erased at the commenter's request."


@transaction.atomic
def erase_commenter(*, email, by):
    """Erase one commenter's comments on request: name, email, text, IP and browser are
    overwritten and the comments removed from view. Rows stay so that other readers' replies
    keep their place (they are hidden with the comment they answered). Returns the count."""
    comments = Comment.objects.filter(email=email)
    ids = list(comments.values_list("pk", flat=True))
    articles = set(comments.values_list("article_id", flat=True))
    Comment.objects.filter(pk__in=ids).update(
        name="Erased",
        email=f"erased-{timezone.now():%Y%m%d}@erased.invalid",
        body=ERASED,
        ip_address=None,
        user_agent="",
        status=CommentStatus.REMOVED,
        moderated_by=by,
        moderated_at=timezone.now(),
    )
    ModerationEvent.objects.bulk_create(
        ModerationEvent(comment_id=pk, status=CommentStatus.REMOVED, by=by, note="erased")
        for pk in ids
    )
    Ban.objects.filter(email=email).update(email="", reason="email erased on request")
    Ban.objects.filter(email="", ip_address__isnull=True).delete()
    refresh_comment_counts(articles)
    return len(ids)


def erase_old_network_details(*, days):
    """Erase IP addresses and browser strings of comments older than `days` days."""
    cutoff = timezone.now() - datetime.timedelta(days=days)
    return (
        Comment.objects.filter(created_at__lt=cutoff)
        .exclude(ip_address__isnull=True, user_agent="")
        .update(ip_address=None, user_agent="")
    )
