"""Every write to reader comments: posting, moderation, bans, a commenter's export and
erasure. Each runs in one transaction, checks who may do it, keeps the articles' comment
counts, and purges the pages that show what changed (the thread and the cards showing its
count: ``comments:<article id>``) once it commits.

Rules decide whether an accepted comment is published at once or held for a moderator: a
first comment from an email is held; a commenter whose earlier comment was approved is
published unless the comment has too many links, contains a blocked word, or comes from a
banned email or IP address.
"""

import datetime
import re
import unicodedata

from django.conf import settings
from django.db import transaction
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from articles import cache_tags
from articles.comments.rendering import render_body
from articles.models import Article, Ban, BlockedWord, Comment, CommentStatus, ModerationEvent
from newsroom.core.cache import purge
from newsroom.core.rules import require

MAX_DEPTH = 2  # 0, 1, 2: three levels, then replies stay at the third level
LINK = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
MODERATE = "articles.change_comment"
ERASE = "articles.delete_comment"
ERASED = "This comment was erased at the commenter's request."


# --- Rules: publish now or hold for a moderator --------------------------------------------


def _blocked_phrase(body):
    text = unicodedata.normalize("NFKC", body).casefold()
    for phrase in BlockedWord.objects.values_list("phrase", flat=True):
        needle = unicodedata.normalize("NFKC", phrase).casefold().strip()
        if not needle:
            continue
        if needle.isascii():
            if re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", text):
                return phrase
        elif needle in text:  # scripts without spaces between words
            return phrase
    return None


def decide_status(*, email, ip, body):
    """(status, reason): whether a new comment is published at once, and why it is held."""
    banned = Q(email=email) if email else Q(pk__in=[])
    if ip:
        banned |= Q(ip_address=ip)
    if Ban.objects.filter(banned).exists():
        return CommentStatus.HELD, "banned commenter"
    links = len(LINK.findall(body))
    if links > settings.COMMENTS_MAX_LINKS:
        return CommentStatus.HELD, f"{links} links"
    phrase = _blocked_phrase(body)
    if phrase:
        return CommentStatus.HELD, f"contains “{phrase}”"
    if not Comment.objects.filter(email=email, status=CommentStatus.APPROVED).exists():
        return CommentStatus.HELD, "first comment from this email"
    return CommentStatus.APPROVED, ""


# --- Posting ---------------------------------------------------------------------------------


def place_in_thread(parent):
    """(parent shown, thread, depth) of a reply to `parent` (None: a top-level comment).
    Three levels, then flat: a reply to a third-level comment sits beside it; ``reply_to``
    keeps which comment it answers."""
    if parent is None:
        return None, None, 0
    shown = parent if parent.depth < MAX_DEPTH else parent.parent
    return shown, shown.thread or shown, shown.depth + 1


@transaction.atomic
def post_comment(*, article, name, email, body, parent=None, ip=None, user_agent=""):
    """Store a reader's comment with the status the rules give it. A held comment changes
    no public page; one published at once purges its thread and count."""
    status, reason = decide_status(email=email, ip=ip, body=body)
    display_parent, thread, depth = place_in_thread(parent)
    comment = Comment.objects.create(
        article=article,
        parent=display_parent,
        reply_to=parent,
        thread=thread,
        depth=depth,
        name=name,
        email=email,
        body=body,
        status=status,
        held_reason=reason,
        ip_address=ip,
        user_agent=user_agent[:400],
    )
    if status == CommentStatus.APPROVED:
        Article.objects.filter(pk=article.pk).update(comment_count=F("comment_count") + 1)
        ModerationEvent.objects.create(
            comment=comment, status=status, note="published at once: earlier comments approved"
        )
        purge(cache_tags.comments(article.pk))
    return comment


# --- Moderation ------------------------------------------------------------------------------


@transaction.atomic
def moderate_comments(*, comments, status, by, note=""):
    """Set the moderation state of a queryset of comments, stamping who did it and when, and
    log the action for each comment. Returns how many comments changed."""
    require(by, MODERATE)
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


@transaction.atomic
def edit_comment(*, comment, by, status_changed):
    """Save a moderator's edit of one comment (its text or its status, from its desk page)."""
    require(by, MODERATE)
    if status_changed:
        comment.moderated_by = by
        comment.moderated_at = timezone.now()
    comment.save()
    if status_changed:
        ModerationEvent.objects.create(comment=comment, status=comment.status, by=by)
    refresh_comment_counts([comment.article_id])
    return comment


@transaction.atomic
def delete_comments(*, comments, by):
    """Delete comments for good (their replies with them)."""
    require(by, ERASE)
    articles = set(comments.values_list("article_id", flat=True))
    deleted = comments.delete()[0]
    refresh_comment_counts(articles)
    return deleted


def refresh_comment_counts(article_ids):
    """Recount the approved comments of these articles (shown on cards and pages), and purge
    their threads and counts."""
    approved = (
        Comment.objects.filter(article=OuterRef("pk"), status=CommentStatus.APPROVED)
        .order_by()
        .values("article")
        .annotate(count=Count("pk"))
        .values("count")
    )
    article_ids = list(article_ids)
    Article.objects.filter(pk__in=article_ids).update(comment_count=Coalesce(Subquery(approved), 0))
    purge(*(cache_tags.comments(pk) for pk in article_ids))


@transaction.atomic
def ban_commenters(*, comments, by, with_ip=False):
    """Ban the emails (and IP addresses) of these comments' authors; their comments become
    spam. New comments from them are held. Returns how many bans were added."""
    require(by, MODERATE, "articles.add_ban")
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


# --- A commenter's data ------------------------------------------------------------------------


def export_commenter(*, email, by):
    """Everything stored about one commenter's comments, for a data request."""
    require(by, ERASE)
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


@transaction.atomic
def erase_commenter(*, email, by):
    """Erase one commenter's comments on request: name, email, text, IP and browser are
    overwritten and the comments removed from view. Rows stay so that other readers' replies
    keep their place (they are hidden with the comment they answered). Returns the count."""
    require(by, ERASE)
    comments = Comment.objects.filter(email=email)
    ids = list(comments.values_list("pk", flat=True))
    articles = set(comments.values_list("article_id", flat=True))
    Comment.objects.filter(pk__in=ids).update(
        name="Erased",
        email=f"erased-{timezone.now():%Y%m%d}@erased.invalid",
        body=ERASED,
        body_html=render_body(ERASED),
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
    """Erase IP addresses and browser strings of comments older than `days` days (no page
    shows them: nothing to purge)."""
    cutoff = timezone.now() - datetime.timedelta(days=days)
    return (
        Comment.objects.filter(created_at__lt=cutoff)
        .exclude(ip_address__isnull=True, user_agent="")
        .update(ip_address=None, user_agent="")
    )
