"""The abstract audit model: who created a record and who saved it last, and when."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

AUDIT_FIELDS = ("created_at", "created_by", "modified_at", "modified_by")


class AuditedModel(models.Model):
    """A record the desk edits. Services stamp it (``stamp(by)``) before saving; the edit
    conflict check names ``modified_by`` to whoever would overwrite their save."""

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    modified_at = models.DateTimeField(_("last saved"), auto_now=True)
    modified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last saved by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    class Meta:
        abstract = True

    def stamp(self, by):
        """Record who is saving it (and who created it, on its first save)."""
        if by is None or not getattr(by, "pk", None):
            return
        if self._state.adding and self.created_by_id is None:
            self.created_by = by
        self.modified_by = by
