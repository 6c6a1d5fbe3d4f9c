"""Following a show or a person by email: asked for, confirmed from the emailed link (double
opt-in), one digest a week, unsubscribed in one click, exported and erased by an editor.

Links carry signed tokens (``django.core.signing``, keyed by SECRET_KEY): a confirmation
link expires after FOLLOWS_CONFIRM_DAYS, and each link works once (``first_use``). A token
holds ids and a keyed hash of the address, never the address itself: a link forwarded or
logged by a proxy tells nobody who follows what.
"""

import datetime
import hashlib
import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy as _

from articles import selectors as articles
from newsroom.core import limits
from newsroom.core.rules import require
from people.models import Person
from shows import selectors as shows
from shows.models import Credit, Show, StatusChange
from shows.selectors import ReleaseFilters

from .models import Follow, Follower

logger = logging.getLogger(__name__)

CONFIRM_SALT = "follows.confirm"
UNSUBSCRIBE_SALT = "follows.unsubscribe"
DIGEST_EVERY = datetime.timedelta(days=7)
DIGEST_SLACK = datetime.timedelta(hours=1)  # a run an hour early still counts as a week
DIGEST_ARTICLES = 8  # per followed show or person
DIGEST_RELEASES_AHEAD = datetime.timedelta(days=60)
# A release is news when it starts within this; one further off is listed only beside news.
DIGEST_RELEASES_SOON = datetime.timedelta(days=8)
UNSUBSCRIBE_REMEMBERED = 400 * 24 * 3600  # how long a used unsubscribe link stays refused


class LinkRefused(Exception):
    """A confirmation or unsubscribe link that is not honoured, with what to tell the reader."""

    def __init__(self, message, status=400):
        super().__init__(message)
        self.message, self.status = message, status


def _confirm_seconds():
    return settings.FOLLOWS_CONFIRM_DAYS * 24 * 3600


def _once(kind, token, seconds):
    digest = hashlib.sha256(token.encode()).hexdigest()[:32]
    return limits.first_use(f"follows:{kind}:{digest}", seconds=seconds)


def site_url(path):
    return settings.NEWSROOM_SITE_URL.rstrip("/") + path


# --- Asking and confirming --------------------------------------------------------------


def _address_hash(email):
    """A keyed hash of an address: a link stops working once its follower's address differs,
    without the link carrying the address."""
    return salted_hmac("follows.address", email.lower()).hexdigest()[:20]


def _same_address(data, email):
    return constant_time_compare(str(data.get("address", "")), _address_hash(email))


def confirm_token(follow):
    return signing.dumps(
        {"follow": follow.pk, "address": _address_hash(follow.follower.email)},
        salt=CONFIRM_SALT,
        compress=True,
    )


@transaction.atomic
def ask_to_follow(*, email, followed):
    """A reader asks to follow a show or person. The follow sends nothing until confirmed
    from the link emailed now; asked again, the link is sent again. Already confirmed:
    nothing is sent (the page says the same either way: it never tells who follows what)."""
    email = email.strip().lower()
    follower, _created = Follower.objects.get_or_create(email=email)
    field = "show" if isinstance(followed, Show) else "person"
    follow, created = Follow.objects.get_or_create(follower=follower, **{field: followed})
    if follow.confirmed_at is None:
        if not created:
            # Asked again: the new link lives its full time, and so does the follow.
            follow.created_at = timezone.now()
            Follow.objects.filter(pk=follow.pk).update(created_at=follow.created_at)
        # Sent by the worker, not in the request: a slow or failing mail server neither
        # delays the reader's page nor tells, by its timing, whether the address was new.
        from .tasks import send_confirmation

        pk = follow.pk
        transaction.on_commit(lambda: send_confirmation.enqueue(pk))
    return follow


def send_confirmation(follow_pk):
    """Email the confirmation link for a follow still unconfirmed (a follow confirmed or
    withdrawn before the worker got to it sends nothing)."""
    follow = (
        Follow.objects.select_related("follower", "show", "person")
        .filter(pk=follow_pk, confirmed_at__isnull=True)
        .first()
    )
    if follow is None:
        return False
    link = site_url(reverse("follows:confirm", kwargs={"token": confirm_token(follow)}))
    body = render_to_string(
        "follows/email/confirm.txt",
        {
            "followed": follow.followed,
            "link": link,
            "days": settings.FOLLOWS_CONFIRM_DAYS,
            "site_name": settings.NEWSROOM_SITE_NAME,
        },
    )
    subject = _("Confirm: follow %(name)s on %(site)s") % {
        "name": follow.followed,
        "site": settings.NEWSROOM_SITE_NAME,
    }
    EmailMessage(str(subject), body, to=[follow.follower.email]).send()
    return True


def pending_follow(token):
    """The follow a confirmation link names, unconfirmed; LinkRefused if the link is forged,
    expired, already used or its follow withdrawn."""
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=_confirm_seconds())
    except signing.SignatureExpired:
        raise LinkRefused(_("This link has expired. Ask to follow again."), 410) from None
    except signing.BadSignature:
        raise LinkRefused(_("This link is not one we sent.")) from None
    follow = (
        Follow.objects.select_related("follower", "show", "person")
        .filter(pk=data.get("follow"))
        .first()
    )
    if follow is None or not _same_address(data, follow.follower.email):
        raise LinkRefused(_("This follow was withdrawn. Ask to follow again."), 410)
    if follow.confirmed_at is not None:
        raise LinkRefused(_("This link was already used: you follow it already."), 410)
    return follow


@transaction.atomic
def confirm_follow(token):
    follow = pending_follow(token)
    if not _once("confirm", token, _confirm_seconds()):
        raise LinkRefused(_("This link was already used."), 410)
    follow.confirmed_at = timezone.now()
    follow.save(update_fields=["confirmed_at"])
    return follow


def expire_unconfirmed(*, now=None):
    """Follows never confirmed in time are deleted, and followers left with nothing."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.FOLLOWS_CONFIRM_DAYS)
    expired, _ = Follow.objects.filter(confirmed_at__isnull=True, created_at__lt=cutoff).delete()
    Follower.objects.filter(follows__isnull=True, created_at__lt=cutoff).delete()
    return expired


# --- Unsubscribing ----------------------------------------------------------------------


def unsubscribe_token(follower, sent_at):
    return signing.dumps(
        {
            "follower": follower.pk,
            "address": _address_hash(follower.email),
            "sent": sent_at.isoformat(),
        },
        salt=UNSUBSCRIBE_SALT,
        compress=True,
    )


def unsubscribe_link(follower, sent_at):
    token = unsubscribe_token(follower, sent_at)
    return site_url(reverse("follows:unsubscribe", kwargs={"token": token}))


def unsubscribing(token):
    """The follower an unsubscribe link is for, or None when they are gone already (or the
    id now belongs to someone else); LinkRefused if the link is forged."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        raise LinkRefused(_("This link is not one we sent.")) from None
    follower = Follower.objects.filter(pk=data.get("follower")).first()
    if follower is None or not _same_address(data, follower.email):
        return None
    return follower


@transaction.atomic
def unsubscribe(token):
    """Stop every digest to the link's address: the follower and all they followed are
    deleted (nothing is kept). A link works once."""
    follower = unsubscribing(token)
    if not _once("unsubscribe", token, UNSUBSCRIBE_REMEMBERED):
        raise LinkRefused(_("This link was already used: nothing more will be sent."), 410)
    # Only the follower the link was sent to: someone who unsubscribed and followed again
    # later is a new follower, whom an old email's link does not reach.
    if follower is None:
        return None
    follower.delete()
    return follower.email


# --- Digests ----------------------------------------------------------------------------


def due_followers(*, now=None):
    """Ids of followers with a confirmed follow whose last digest was a week ago or more."""
    now = now or timezone.now()
    return list(
        Follower.objects.filter(follows__confirmed_at__isnull=False)
        .exclude(last_digest_at__gt=now - DIGEST_EVERY + DIGEST_SLACK)
        .distinct()
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def digest_of(follower, *, now):
    """[(followed, {"articles", "releases", "statuses"})] for what changed since the last
    digest (or since the follow was confirmed): only followed things with news."""
    sections = []
    today = timezone.localdate(now)
    for follow in follower.follows.filter(confirmed_at__isnull=False).select_related(
        "show", "person"
    ):
        since = max(filter(None, [follower.last_digest_at, follow.confirmed_at]))
        followed = follow.followed
        news = list(
            articles.cards(articles.published_about(followed)).filter(
                publish_at__gt=since, publish_at__lte=now
            )[:DIGEST_ARTICLES]
        )
        if isinstance(followed, Show):
            show_ids = [followed.pk]
        else:
            show_ids = list(Credit.objects.filter(person=followed).values_list("show", flat=True))
        upcoming = shows.releases(
            filters=ReleaseFilters(shows=show_ids, premieres_only=True),
            today=today,
            until=today + DIGEST_RELEASES_AHEAD,
        )
        soon = [r for r in upcoming if r.window.date <= today + DIGEST_RELEASES_SOON]
        statuses = list(
            StatusChange.objects.filter(
                show__in=show_ids, recorded_at__gt=since, recorded_at__lte=now
            )
            .select_related("show")
            .order_by("-confirmed_on")[:DIGEST_ARTICLES]
        )
        if news or statuses or soon:
            sections.append(
                (followed, {"articles": news, "releases": upcoming, "statuses": statuses})
            )
    return sections


def deliver_digests(follower_ids, *, now=None):
    """Send one batch of digests over one connection. Each follower is locked and checked
    again (two workers, or a retried batch, never send twice); the time is stamped only
    once their email went out. A send that fails is logged and left unstamped, so the next
    run tries that follower again, and the rest of the batch still goes (over a new
    connection, in case the failure broke this one). Returns how many were sent."""
    now = now or timezone.now()
    sent = 0
    connection = get_connection()
    try:
        for pk in follower_ids:
            try:
                sent += _deliver_one(pk, now, connection)
            except Exception:
                logger.exception("Digest to follower %s not sent; the next run retries", pk)
                connection.close()
                connection = get_connection()
    finally:
        connection.close()
    return sent


@transaction.atomic
def _deliver_one(pk, now, connection):
    follower = (
        Follower.objects.select_for_update()
        .filter(pk=pk)
        .exclude(last_digest_at__gt=now - DIGEST_EVERY + DIGEST_SLACK)
        .first()
    )
    if follower is None:
        return 0
    sections = digest_of(follower, now=now)
    if sections:
        _digest_message(follower, sections, now, connection).send()
    follower.last_digest_at = now
    follower.save(update_fields=["last_digest_at"])
    return 1 if sections else 0


def _digest_message(follower, sections, now, connection):
    link = unsubscribe_link(follower, now)
    names = [str(followed) for followed, _news in sections]
    subject = _("This week: %(names)s") % {
        "names": names[0] if len(names) == 1 else f"{names[0]} and {len(names) - 1} more"
    }
    body = render_to_string(
        "follows/email/digest.txt",
        {
            "sections": sections,
            "unsubscribe": link,
            "site_name": settings.NEWSROOM_SITE_NAME,
            "site_url": settings.NEWSROOM_SITE_URL.rstrip("/"),
        },
    )
    return EmailMessage(
        f"{subject} · {settings.NEWSROOM_SITE_NAME}",
        body,
        to=[follower.email],
        connection=connection,
        headers={
            "List-Unsubscribe": f"<{link}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",  # RFC 8058
            "List-Id": f"Weekly digest <digest.{_list_host()}>",
        },
    )


def _list_host():
    """The site's host name alone (RFC 2919: a List-Id is a dotted name, no port or path)."""
    return urlsplit(settings.NEWSROOM_SITE_URL).hostname or "localhost"


# --- An editor's data requests ----------------------------------------------------------


def export_follower(*, email, by):
    """Everything stored about one follower, for a data request."""
    require(by, "follows.view_follower")
    follower = Follower.objects.filter(email=email.strip().lower()).first()
    if follower is None:
        return None
    return {
        "email": follower.email,
        "first_followed": follower.created_at.isoformat(),
        "last_digest_sent": follower.last_digest_at.isoformat()
        if follower.last_digest_at
        else None,
        "follows": [
            {
                "kind": "show" if follow.show_id else "person",
                "name": str(follow.followed),
                "url": follow.followed.get_absolute_url(),
                "asked": follow.created_at.isoformat(),
                "confirmed": follow.confirmed_at.isoformat() if follow.confirmed_at else None,
            }
            for follow in follower.follows.select_related("show", "person")
        ],
    }


@transaction.atomic
def erase_follower(*, email, by):
    """Delete a follower and everything they followed. Returns how many follows went."""
    require(by, "follows.delete_follower")
    follower = Follower.objects.filter(email=email.strip().lower()).first()
    if follower is None:
        return 0
    count = follower.follows.count()
    follower.delete()
    logger.info("Follower erased by %s", by)
    return count


def followed_from(kind, slug):
    """The show or person a follow page is for, or None."""
    model = Show if kind == "show" else Person
    return model.objects.filter(slug=slug).first()
