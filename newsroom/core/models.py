"""The abstract audit model (who created a record and who saved it last, and when), the
version check that keeps two saves from overwriting each other, and the toolkit's own
tables: counters that must never be evicted, purges still to be delivered, and the desk's
autosaves."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
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


class EditConflict(Exception):
    """Someone saved the record after the copy being saved was loaded."""


UNCHECKED = object()  # a caller with no loaded copy to compare (a command, the system)


def version_of(obj):
    """What an edit records of the version it started from: the record's last-saved time."""
    return obj.modified_at.isoformat() if obj.modified_at else ""


def lock_version(model, pk, loaded):
    """Lock the row until the transaction ends and check that it is still the version
    ``loaded`` (``version_of`` when the edit began): the check and the write that follows
    are one step, so two saves sent together cannot both pass it. A missing or unreadable
    note (``""``, None) is a stale save, never a skipped check. Returns the row as stored;
    raises EditConflict with the row as ``.current``."""
    current = model._default_manager.select_for_update().get(pk=pk)
    if loaded is UNCHECKED or (loaded and loaded == version_of(current)):
        return current
    error = EditConflict(f"{model._meta.verbose_name} {pk} was saved after it was loaded")
    error.current = current
    raise error


class Counter(models.Model):
    """A count that must survive any cache flush or eviction: rate limits, login
    throttles, the uses of a one-time token (``newsroom.core.limits``). In the database, not
    the cache, because a cache under memory pressure evicts them (a flood of new pages could
    reopen a rate limit) and forgets them when restarted."""

    key = models.CharField(max_length=250, primary_key=True)
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("counter")

    def __str__(self):
        return f"{self.key}: {self.count}"


class PendingPurge(models.Model):
    """Cache tags whose purge has not yet reached the cache: written in the transaction
    that changed what they show, deleted once the purge is delivered (``newsroom.core.
    cache``). A purge that could not reach Redis (a stall, an outage) is retried from here."""

    tags = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("purge still to deliver")
        verbose_name_plural = _("purges still to deliver")

    def __str__(self):
        return ", ".join(self.tags)


class Autosave(models.Model):
    """A desk form as someone left it, unsaved (``newsroom.core.autosave``): one per person
    and record, ``object_id`` "" for a record not created yet. Offered back when they open the
    record again; deleted when they save it, or after ``NEWSROOM_AUTOSAVE_DAYS``. Not a
    version, never seen by readers, and it purges nothing."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=64, blank=True)
    # The form's fields as it posts them: [[name, value], ...] (a name may repeat).
    data = models.JSONField()
    # The record's version when the form was opened (``version_of``); "" for a new one.
    base_version = models.CharField(max_length=64, blank=True)
    saved_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("autosave")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "content_type", "object_id"], name="one_autosave_per_record"
            )
        ]

    def __str__(self):
        return f"{self.user} on {self.content_type.model} {self.object_id or 'new'}"


class Presence(models.Model):
    """Someone with a record open in the desk, seen at their page's last heartbeat
    (``newsroom.core.presence``); forgotten when they leave or stop beating."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=64)
    since = models.DateTimeField(default=timezone.now)
    seen_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("presence")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "content_type", "object_id"], name="one_presence_per_record"
            )
        ]

    def __str__(self):
        return f"{self.user} on {self.content_type.model} {self.object_id}"


class EditLock(models.Model):
    """A record locked for editing by one person: others may read it but not save it until
    it is unlocked; an editor may take the lock over (as in Wagtail)."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=64)
    locked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    locked_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("edit lock")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="one_lock_per_record"
            )
        ]

    def __str__(self):
        return f"{self.content_type.model} {self.object_id} locked by {self.locked_by}"
