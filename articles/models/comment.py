from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .article import Article


class CommentStatus(models.TextChoices):
    HELD = "held", _("held for moderation")
    APPROVED = "approved", _("approved")
    SPAM = "spam", _("spam")
    REMOVED = "removed", _("removed")


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
    )
    name = models.CharField(_("name"), max_length=80)
    email = models.EmailField(_("email"), help_text=_("Never shown to readers."))
    body = models.TextField(_("comment"), max_length=5000)
    status = models.CharField(
        _("status"), max_length=10, choices=CommentStatus.choices, default=CommentStatus.HELD
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
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=CommentStatus.values), name="comment_status_valid"
            ),
        ]

    def __str__(self):
        return f"{self.name}: {self.excerpt}"

    @property
    def excerpt(self):
        body = " ".join(self.body.split())
        return body if len(body) <= 90 else f"{body[:89]}…"
