"""Readers who follow a show or a person by email: one weekly digest of what changed."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from people.models import Person
from shows.models import Show


class Follower(models.Model):
    """A reader's email address. Nothing else is kept about them: no name, no address."""

    email = models.EmailField(_("email"), unique=True)
    created_at = models.DateTimeField(_("first followed"), auto_now_add=True)
    last_digest_at = models.DateTimeField(
        _("last digest sent"),
        null=True,
        blank=True,
        help_text=_("Digests go out once a week; the next one covers what came after this."),
    )

    class Meta:
        ordering = ["email"]
        verbose_name = _("follower")

    def __str__(self):
        return self.email


class Follow(models.Model):
    """One show or one person a follower asked for. It sends nothing until the follower
    confirms it from the link emailed to them (double opt-in)."""

    follower = models.ForeignKey(Follower, on_delete=models.CASCADE, related_name="follows")
    show = models.ForeignKey(
        Show,
        verbose_name=_("show"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("asked"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("follow")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(show__isnull=False, person__isnull=True)
                | models.Q(show__isnull=True, person__isnull=False),
                name="follow_one_thing",
            ),
            models.UniqueConstraint(fields=["follower", "show"], name="follow_show_once"),
            models.UniqueConstraint(fields=["follower", "person"], name="follow_person_once"),
        ]
        indexes = [models.Index(fields=["confirmed_at"], name="follow_confirmed_idx")]

    def __str__(self):
        return f"{self.follower} follows {self.followed}"

    @property
    def followed(self):
        return self.show or self.person
