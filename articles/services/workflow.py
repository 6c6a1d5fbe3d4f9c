"""The editorial workflow and who may do what with an article: the one place that knows.

An article moves draft -> in review -> published (now, or scheduled: published with a future
publish time) -> archived; unpublishing returns it to draft. Writers draft, edit their own
and co-written drafts, and submit them; editors (``articles.publish_article``) do the rest.
A step is checked, then executed (``transition_article``), whoever asks: the desk's buttons
and status box, a restore from history, a command, an import.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.timesince import timeuntil
from django.utils.translation import gettext_lazy as _

from articles.models import Article, ArticleStatus
from newsroom.core.text import zone_name

PUBLISH = "articles.publish_article"
WRITER_STATUSES = frozenset({ArticleStatus.DRAFT, ArticleStatus.IN_REVIEW})


class TransitionNotAllowed(PermissionDenied):
    """The step cannot be taken from here, or not by this person."""


@dataclass(frozen=True)
class Step:
    name: str
    status: str
    label: str
    editors_only: bool
    sources: frozenset


STEPS = {
    step.name: step
    for step in [
        Step(
            "submit",
            ArticleStatus.IN_REVIEW,
            _("Submit for review"),
            False,
            frozenset({ArticleStatus.DRAFT}),
        ),
        Step(
            "publish",
            ArticleStatus.PUBLISHED,
            _("Publish (or schedule at the publish time)"),
            True,
            frozenset({ArticleStatus.DRAFT, ArticleStatus.IN_REVIEW}),
        ),
        Step(
            "unpublish",
            ArticleStatus.DRAFT,
            _("Unpublish (back to draft)"),
            True,
            frozenset({ArticleStatus.IN_REVIEW, ArticleStatus.PUBLISHED, ArticleStatus.ARCHIVED}),
        ),
        Step(
            "archive",
            ArticleStatus.ARCHIVED,
            _("Archive"),
            True,
            frozenset({ArticleStatus.PUBLISHED}),
        ),
    ]
}
# The step that takes an article to a status (the desk's status box names a status).
STEP_TO = {step.status: step for step in STEPS.values()}


def can_publish(user):
    """Editors publish, schedule, unpublish and archive; ``None`` is the system itself."""
    return user is None or user.has_perm(PUBLISH)


def is_mine(user, article):
    """Written or co-written by this user: they created it or hold a byline on it."""
    if article.pk is None:
        return True  # being written now
    return article.created_by_id == user.pk or article.bylines.filter(author__user=user).exists()


def can_edit(user, article):
    """Editors edit anything; writers their own and co-written drafts, while unpublished."""
    if user is None:
        return True
    if not user.has_perm(
        "articles.add_article" if article.pk is None else "articles.change_article"
    ):
        return False
    if can_publish(user):
        return True
    return article.status in WRITER_STATUSES and is_mine(user, article)


def can_delete(user, article):
    """Editors delete anything; writers their own unpublished drafts only."""
    if user is None:
        return True
    if not user.has_perm("articles.delete_article"):
        return False
    return can_publish(user) or (article.status in WRITER_STATUSES and is_mine(user, article))


def steps_for(user, article):
    """The steps this user may take with the article as it stands (buttons to offer)."""
    status = article.status if article.pk else ArticleStatus.DRAFT
    return [
        step
        for step in STEPS.values()
        if status in step.sources and (can_publish(user) or not step.editors_only)
    ]


def when(moment, *, now=None, year=False):
    """A time in the newsroom's zone, with the zone: "Thu 4 Dec, 14:00 (London)"."""
    local = timezone.localtime(moment)
    now = now or timezone.now()
    shown = "D j M Y, H:i" if year or local.year != timezone.localtime(now).year else "D j M, H:i"
    return f"{date_format(local, shown)} ({zone_name()})"


def describe_state(article, *, now=None):
    """Where the article stands, in words: "Scheduled for Thu 4 Dec, 14:00 (London), in 2
    hours"."""
    now = now or timezone.now()
    if article.pk is None or article.status == ArticleStatus.DRAFT:
        return _("Draft: not on the site")
    if article.status == ArticleStatus.IN_REVIEW:
        return _("Submitted for review")
    if article.status == ArticleStatus.ARCHIVED:
        return _("Archived: off the site")
    if article.publish_at and article.publish_at > now:
        return _("Scheduled for %(when)s, in %(wait)s") % {
            "when": when(article.publish_at, now=now),
            "wait": timeuntil(article.publish_at, now, depth=1),
        }
    return _("Published %(when)s") % {"when": when(article.publish_at or now, now=now)}


def label_for(step, article, *, now=None):
    """The button's words for this step on this article: "Schedule" for a future publish
    time, "Send back to draft" for one in review, "Unpublish" only once it was live."""
    now = now or timezone.now()
    status = article.status if article.pk else ArticleStatus.DRAFT
    future = article.publish_at is not None and article.publish_at > now
    if step.name == "publish":
        return _("Schedule") if future else _("Publish now")
    if step.name == "unpublish":
        if status == ArticleStatus.IN_REVIEW:
            return _("Send back to draft")
        if status == ArticleStatus.ARCHIVED:
            return _("Back to draft")
        return _("Unschedule (back to draft)") if future else _("Unpublish (back to draft)")
    return step.label


def step_done_message(step, article, *, now=None):
    """What the desk says once the step is taken."""
    headline = article.headline
    if step == "submit":
        return _("“%(headline)s” was submitted for review.") % {"headline": headline}
    if step == "publish":
        state = describe_state(article, now=now)
        return _("“%(headline)s”: %(state)s.") % {"headline": headline, "state": state}
    if step == "unpublish":
        return _("“%(headline)s” is back to draft and not on the site.") % {"headline": headline}
    return _("“%(headline)s” is archived.") % {"headline": headline}


def step_history_words(step, article, *, by):
    """A step as the history says it: "Submitted for review by Jacob Robinson"."""
    who = (by.get_full_name() or by.get_username()) if by else _("the newsroom")
    if step == "publish" and article.is_scheduled:
        return _("Scheduled for %(when)s by %(who)s") % {
            "when": when(article.publish_at),
            "who": who,
        }
    words = {
        "submit": _("Submitted for review by %(who)s"),
        "publish": _("Published by %(who)s"),
        "unpublish": _("Back to draft, by %(who)s"),
        "archive": _("Archived by %(who)s"),
    }
    return words[step] % {"who": who}


def check_step(*, status, step, by):
    """The Step, if `by` may take it from `status`; else TransitionNotAllowed."""
    step = STEPS.get(step) if isinstance(step, str) else step
    if step is None:
        raise TransitionNotAllowed(_("There is no such step."))
    if step.editors_only and not can_publish(by):
        raise TransitionNotAllowed(_("Only editors can %(step)s.") % {"step": step.name})
    if status not in step.sources:
        raise TransitionNotAllowed(
            _("An article that is %(status)s cannot be %(step)s.")
            % {"status": ArticleStatus(status).label, "step": step.name}
        )
    return step


def take_step(article, step, *, by, at=None):
    """Move the stored article to the step's status; publishing with no time means now.
    Stamps who did it (an editor with the article open is told); the caller purges."""
    from articles.services.notifications import queue_step_notice

    was = article.status
    article.status = step.status
    if step.status == ArticleStatus.PUBLISHED:
        article.publish_at = at or article.publish_at or timezone.now()
    article.stamp(by)
    article.modified_at = timezone.now()
    changes = {}
    if step.status == ArticleStatus.IN_REVIEW:
        article.submitted_at, article.submitted_by = article.modified_at, by
        changes = {"submitted_at": article.submitted_at, "submitted_by": by}
    Article.objects.filter(pk=article.pk).update(
        status=article.status,
        publish_at=article.publish_at,
        modified_at=article.modified_at,
        modified_by=article.modified_by,
        **changes,
    )
    queue_step_notice(article=article, step=step.name, was=was, by=by)
