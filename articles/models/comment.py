from django.conf import settings
from django.db import models
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from articles.comments.rendering import render_body

from .article import Article


class CommentKind(models.TextChoices):
    COMMENT = "comment", _("comment")
    PINGBACK = "pingback", _("pingback")
    TRACKBACK = "trackback", _("trackback")


class CommentStatus(models.TextChoices):
    HELD = "held", _("held for moderation")
    APPROVED = "approved", _("approved")
    SPAM = "spam", _("spam")
    REMOVED = "removed", _("removed")


def desk_queue():
    """0 for a held comment, 1 for any other: the moderation desk lists held ones first (an
    index on this expression keeps that ordering instant over millions of comments)."""
    return models.Case(
        models.When(status=CommentStatus.HELD, then=models.Value(0)),
        default=models.Value(1),
        output_field=models.IntegerField(),
    )


class Comment(models.Model):
    """A reader's comment. The email is for moderation only and is never shown."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="comments")
    parent = models.ForeignKey(
        "self",
        verbose_name=_("reply to"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="replies",
        help_text=_("Where the reply sits in the thread (replies nest three levels deep)."),
    )
    thread = models.ForeignKey(
        "self",
        verbose_name=_("thread"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        help_text=_("The top-level comment this one belongs under; empty for a top-level one."),
    )
    reply_to = models.ForeignKey(
        "self",
        verbose_name=_("in reply to"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        help_text=_(
            "The comment this one answers, exactly (the thread shows replies three levels "
            "deep; deeper ones sit under their parent's parent)."
        ),
    )
    depth = models.PositiveSmallIntegerField(_("depth"), default=0, editable=False)
    kind = models.CharField(
        _("kind"),
        max_length=10,
        choices=CommentKind.choices,
        default=CommentKind.COMMENT,
        db_default=CommentKind.COMMENT,
    )
    name = models.CharField(_("name"), max_length=80)
    email = models.EmailField(
        _("email"),
        blank=True,
        help_text=_("Never shown to readers. Empty only for imported pingbacks and the like."),
    )
    website = models.URLField(
        _("website"), max_length=500, blank=True, editable=False, default="", db_default=""
    )
    body = models.TextField(_("comment"), max_length=5000)
    # The body as readers see it, rendered once when it is saved (posted, edited, erased),
    # never on a page view: escaped, paragraphs kept, bare links made nofollow links.
    body_html = models.TextField(_("comment as shown"), editable=False, default="")
    status = models.CharField(
        _("status"), max_length=10, choices=CommentStatus.choices, default=CommentStatus.HELD
    )
    held_reason = models.CharField(
        _("why held"),
        max_length=200,
        blank=True,
        help_text=_("The rule that held it for review, e.g. “first comment from this email”."),
    )
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=400, blank=True)
    created_at = models.DateTimeField(_("posted"), auto_now_add=True, db_index=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderated by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment")
        indexes = [
            models.Index(fields=["article", "status", "created_at"], name="comment_thread_idx"),
            models.Index(fields=["status", "created_at"], name="comment_queue_idx"),
            models.Index(fields=["email"], name="comment_email_idx"),
            models.Index(fields=["thread", "created_at"], name="comment_thread_replies_idx"),
            models.Index(
                desk_queue(),
                models.F("created_at").desc(),
                models.F("id").desc(),
                name="comment_desk_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=CommentStatus.values), name="comment_status_valid"
            ),
            models.CheckConstraint(condition=models.Q(depth__lte=2), name="comment_depth_max"),
            models.CheckConstraint(
                condition=models.Q(kind__in=CommentKind.values), name="comment_kind_valid"
            ),
        ]

    def __str__(self):
        return f"{self.name}: {self.excerpt}"

    def save(self, *args, **kwargs):
        self.body_html = render_body(self.body)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "body" in update_fields:
            kwargs["update_fields"] = {*update_fields, "body_html"}
        super().save(*args, **kwargs)

    @property
    def shown_body(self):
        """The body's HTML as stored (safe: rendered from escaped text by ``save()``, the
        migration that added it, and load_scale: every writer of comments)."""
        return mark_safe(self.body_html)  # noqa: S308

    @property
    def excerpt(self):
        body = " ".join(self.body.split())
        return body if len(body) <= 90 else f"{body[:89]}…"


class Ban(models.Model):
    """A commenter whose comments are held for review: by email, by IP address, or both."""

    email = models.EmailField(_("email"), blank=True, db_index=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True, db_index=True)
    reason = models.CharField(_("reason"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("banned by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("banned at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("banned commenter")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(email="") | models.Q(ip_address__isnull=False),
                name="ban_has_email_or_ip",
                violation_error_message=_("Give an email, an IP address, or both."),
            )
        ]

    def __str__(self):
        return " / ".join(part for part in (self.email, self.ip_address or "") if part)


class BlockedWord(models.Model):
    """A word or phrase that holds a comment for review when it appears in it."""

    phrase = models.CharField(
        _("word or phrase"),
        max_length=100,
        unique=True,
        help_text=_("Matched without regard to case, as a whole word or phrase."),
    )
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        ordering = ["phrase"]
        verbose_name = _("blocked word")

    def __str__(self):
        return self.phrase


class ModerationEvent(models.Model):
    """One moderation action on one comment: who, when, what."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="moderation_log")
    status = models.CharField(_("set to"), max_length=10, choices=CommentStatus.choices)
    note = models.CharField(_("note"), max_length=200, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("moderation event")

    def __str__(self):
        return f"{self.comment_id}: {self.status} by {self.by} at {self.at:%Y-%m-%d %H:%M}"
