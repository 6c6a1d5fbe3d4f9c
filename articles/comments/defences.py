"""Defences: a post is refused outright (4xx, nothing stored) when the honeypot is filled,
the signed form token is too old, altered, for another article or sent faster than a person
types, or when an IP address or an email posts more often than the rate limits allow
(counted in Django's cache, shared by every app process through Redis)."""

import time
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

TOKEN_SALT = "articles.comment-form"  # noqa: S105 (a signing salt, not a password)


def form_token(article):
    """A signed note of which article the form is for and when it was shown."""
    return signing.dumps({"a": article.pk, "t": time.time()}, salt=TOKEN_SALT)


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
    window = int(time.time() // seconds)
    cache_key = f"comments:rate:{kind}:{key}:{window}"
    cache.add(cache_key, 0, timeout=seconds + 5)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=seconds + 5)
        count = 1
    return count > limit


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
