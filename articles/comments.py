"""Reader comments: the form, the defences, the moderation rules and the thread on the page.

Defences refuse a post outright (4xx, nothing stored): the honeypot, the signed form token
(too old, altered, or sent faster than a person types), and the rate limits per IP address
and per email (counted in Django's cache). Rules decide whether an accepted comment is
published at once or held for a moderator: a first comment from an email is held; a
commenter whose earlier comment was approved is published unless the comment has too many
links, contains a blocked word, or comes from a banned email or IP address.
"""

import datetime
import re
import time
import unicodedata
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.core.paginator import Paginator
from django.core.validators import MaxLengthValidator
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import linebreaks, urlize
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Ban, BlockedWord, Comment, CommentStatus, ModerationEvent

TOKEN_SALT = "articles.comment-form"  # noqa: S105 (a signing salt, not a password)
COOKIE = "nr_my_comments"
COOKIE_SALT = "articles.my-comments"
COOKIE_MAX_IDS = 50
MAX_DEPTH = 2  # 0, 1, 2: three levels, then replies stay at the third level
LINK = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
# Characters a comment may not contain: C0/C1 controls except tab and newlines.
_FORBIDDEN = {chr(c) for c in [*range(0, 32), 127, *range(128, 160)]} - {"\t", "\n", "\r"}


# --- The form -----------------------------------------------------------------------------


def _no_control_characters(value):
    if any(ch in _FORBIDDEN for ch in value):
        raise forms.ValidationError(
            _("This contains invisible control characters we cannot store; please retype it."),
            code="control_characters",
        )
    return value


def form_token(article):
    """A signed note of which article the form is for and when it was shown."""
    return signing.dumps({"a": article.pk, "t": time.time()}, salt=TOKEN_SALT)


class CommentForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=80,
        help_text=_("Shown with your comment."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Email"),
        max_length=254,
        help_text=_("Never shown. Used only by our moderators."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    body = forms.CharField(
        label=_("Comment"),
        min_length=2,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Plain text. Links are allowed; HTML is shown as typed."),
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    token = forms.CharField(required=False, widget=forms.HiddenInput)
    # The honeypot: hidden from people (CSS and aria-hidden), filled in by naive bots.
    website = forms.CharField(
        required=False,
        label=_("Leave this empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, article, **kwargs):
        super().__init__(*args, **kwargs)
        self.article = article
        # No maxlength attribute: a browser would cut a long paste silently; the error says.
        self.fields["body"].validators.append(MaxLengthValidator(settings.COMMENTS_MAX_LENGTH))
        if not self.is_bound:
            self.initial.setdefault("token", form_token(article))

    def clean_name(self):
        return " ".join(_no_control_characters(self.cleaned_data["name"]).split())

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean_body(self):
        body = _no_control_characters(self.cleaned_data["body"]).replace("\r\n", "\n")
        return body.strip()

    def clean_parent(self):
        parent_id = self.cleaned_data.get("parent")
        if not parent_id:
            return None
        parent = Comment.objects.filter(
            pk=parent_id, article=self.article, status=CommentStatus.APPROVED
        ).first()
        if parent is None:
            raise forms.ValidationError(
                _("The comment you replied to is no longer there."), code="parent"
            )
        return parent


# --- Defences: refuse before anything is stored --------------------------------------------


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


# --- Rules: publish now or hold for a moderator ---------------------------------------------


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


@transaction.atomic
def post_comment(*, article, name, email, body, parent=None, ip=None, user_agent=""):
    """Store a reader's comment with the status the rules give it."""
    status, reason = decide_status(email=email, ip=ip, body=body)
    depth, thread, display_parent = 0, None, None
    if parent is not None:
        # Three levels, then flat: a reply to a third-level comment sits beside it.
        display_parent = parent if parent.depth < MAX_DEPTH else parent.parent
        depth = display_parent.depth + 1
        thread = display_parent.thread or display_parent
    comment = Comment.objects.create(
        article=article,
        parent=display_parent,
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
    return comment


# --- Who may see what, and the thread on the page ------------------------------------------


def comments_close_at(article):
    """When the thread closes: the editor's date, else some days after publication."""
    if article.comments_close_at:
        return article.comments_close_at
    days = settings.COMMENTS_CLOSE_AFTER_DAYS
    if days and article.publish_at:
        return article.publish_at + datetime.timedelta(days=days)
    return None


def comments_open(article, now=None):
    """Open: the editor's switch is on and the closing time has not come."""
    if not article.comments_open:
        return False
    close_at = comments_close_at(article)
    return close_at is None or (now or timezone.now()) < close_at


def my_comment_ids(request):
    """The comments this browser posted (a signed cookie), to show them while held."""
    raw = request.get_signed_cookie(COOKIE, default="", salt=COOKIE_SALT)
    return {int(part) for part in raw.split(",") if part.isdigit()}


def remember_comment(response, request, comment):
    ids = [*sorted(my_comment_ids(request)), comment.pk][-COOKIE_MAX_IDS:]
    response.set_signed_cookie(
        COOKIE,
        ",".join(map(str, ids)),
        salt=COOKIE_SALT,
        max_age=30 * 24 * 3600,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )


def _visible(mine):
    return Q(status=CommentStatus.APPROVED) | Q(pk__in=mine, status=CommentStatus.HELD)


def visible_roots(article, mine):
    return Comment.objects.filter(article=article, depth=0).filter(_visible(mine))


def thread_page(article, mine, page_number):
    """The page of top-level comments and every visible reply under them (three queries:
    count, top-level comments, replies). A reply whose parent is not visible is not shown.
    """
    paginator = Paginator(
        visible_roots(article, mine).order_by("created_at", "pk"),
        settings.COMMENTS_THREADS_PER_PAGE,
    )
    page = paginator.get_page(page_number)
    roots = list(page.object_list)
    replies = Comment.objects.filter(thread__in=roots).filter(_visible(mine))
    children = {}
    for reply in replies.order_by("created_at", "pk"):
        children.setdefault(reply.parent_id, []).append(reply)
    for comment in roots:
        comment.children = children.get(comment.pk, [])
        for child in comment.children:
            child.children = children.get(child.pk, [])
            for grandchild in child.children:
                grandchild.children = []
    return page, roots


class ThreadPage:
    """A page of the thread for the template, read from the database only when the template
    renders it: not at all while the page's cached fragment is current."""

    def __init__(self, article, mine, number):
        self.article, self.mine, self.number = article, mine, (number or "1")[:12]

    @cached_property
    def _loaded(self):
        return thread_page(self.article, self.mine, self.number)

    @property
    def page(self):
        return self._loaded[0]

    @property
    def comments(self):
        return self._loaded[1]

    @property
    def cache_key(self):
        """What else the fragment varies on: the page asked for, the reader's held comments."""
        return f"{self.number}:{','.join(map(str, sorted(self.mine)))}"


def page_of(comment, mine):
    """Which page of the thread a comment is on."""
    root = comment.thread or comment
    before = visible_roots(comment.article, mine).filter(
        Q(created_at__lt=root.created_at) | Q(created_at=root.created_at, pk__lt=root.pk)
    )
    return before.count() // settings.COMMENTS_THREADS_PER_PAGE + 1


def render_body(body):
    """Plain text to HTML: escaped, paragraphs and line breaks kept, bare links clickable
    with rel="nofollow ugc noopener". Nothing the reader typed becomes markup."""
    html = urlize(body, nofollow=False, autoescape=True)
    html = html.replace('<a href="', '<a rel="nofollow ugc noopener" href="')
    return mark_safe(linebreaks(html, autoescape=False))  # noqa: S308 (escaped by urlize)
