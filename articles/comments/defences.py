"""Defences: a post is refused outright (4xx, nothing stored) when the honeypot is filled,
the signed form token is too old, altered, for another article, sent faster than a person
types or already used, or when an IP address or an email posts more often than the rate
limits allow.

Each reader's page gets its own token (a ``reader_value``: a cached page holds a marker, not
a token), stamped when that reader was shown the form, with a random nonce; a comment
stored spends it, so one token posts once. Rate limits and spent tokens are counted in the
database (``newsroom.core.limits``), shared by every app server and never evicted."""

import secrets
import time
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from newsroom.core import limits
from newsroom.core.cache import register_reader_value

TOKEN_SALT = "articles.comment-form"  # noqa: S105 (a signing salt, not a password)
READER_TOKEN = "comment-token"  # noqa: S105 (the name of a reader value)


def form_token(article_pk, *, at=None):
    """A signed note of which article the form is for, when it was shown, and a nonce that
    makes it this reader's alone."""
    issued = time.time() if at is None else at
    return signing.dumps(
        {"a": article_pk, "t": issued, "n": secrets.token_urlsafe(12)}, salt=TOKEN_SALT
    )


# Issued to each reader as their page is sent, cached or not.
register_reader_value(READER_TOKEN, lambda request, pk: form_token(int(pk)))  # ValueError: ""


@dataclass(frozen=True)
class Refusal:
    status: int
    message: str
    keep_text: bool = True


def _rate(setting_name):
    value = getattr(settings, setting_name)
    try:
        count, seconds = (int(part) for part in str(value).split("/"))
    except ValueError:
        raise ImproperlyConfigured(
            f"{setting_name} must look like 5/600 (posts per seconds), not {value!r}."
        ) from None
    return count, seconds


def _over_limit(kind, key, setting_name):
    """Count one post against a fixed window in the cache; True when over the limit."""
    limit, seconds = _rate(setting_name)
    return limits.hit(f"comments:rate:{kind}:{key}", seconds=seconds) > limit


def spend_token(data):
    """Spend the form's token (already checked by ``check_defences``): a Refusal if it was
    spent before, by this post's twin or by a replay. Call it in the transaction that
    stores the comment, so that a post that fails leaves its token unspent."""
    token = signing.loads(data.get("token", ""), salt=TOKEN_SALT)
    if limits.first_use(f"comment-token:{token['n']}", seconds=settings.COMMENTS_FORM_MAX_AGE):
        return None
    return Refusal(
        400,
        _(
            "That comment form has already been sent once. If your comment is not on the "
            "page, please send it again."
        ),
    )


def check_defences(data, article, *, ip, email):
    """A Refusal if the post must be turned away, else None. Stores nothing."""
    if data.get("website"):
        return Refusal(
            400,
            _("Your comment could not be accepted: it looked as if a program sent it."),
            keep_text=False,
        )
    try:
        token = signing.loads(
            data.get("token", ""), salt=TOKEN_SALT, max_age=settings.COMMENTS_FORM_MAX_AGE
        )
    except signing.SignatureExpired:
        return Refusal(
            400, _("The comment form had been open too long. Please check and send it again.")
        )
    except signing.BadSignature:
        return Refusal(400, _("The comment form was not one we sent. Please send it again."))
    if not isinstance(token, dict) or not token.get("n"):
        return Refusal(400, _("The comment form was not one we sent. Please send it again."))
    age = time.time() - token.get("t", 0)
    if age > settings.COMMENTS_FORM_MAX_AGE:
        return Refusal(
            400, _("The comment form had been open too long. Please check and send it again.")
        )
    if token.get("a") != article.pk:
        return Refusal(400, _("The comment form was for another article. Please send it again."))
    if age < settings.COMMENTS_MIN_SECONDS:
        return Refusal(
            400,
            _("That was sent faster than anyone can type. Please check it and send it again."),
        )
    if ip and _over_limit("ip", ip, "COMMENTS_RATE_IP"):
        return Refusal(
            429,
            _(
                "Several comments have come from your connection in the last few minutes. "
                "Please wait a little and send it again."
            ),
        )
    if email and _over_limit("email", email, "COMMENTS_RATE_EMAIL"):
        return Refusal(
            429,
            _(
                "You have posted several comments in the last few minutes. "
                "Please wait a little and send it again."
            ),
        )
    return None
