"""What came in from another system (a WordPress export), and the old addresses that still
answer: every imported row remembers its source, so a second run updates it instead of
making another, and a run stopped halfway picks up where it was."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedRecord(models.Model):
    """One row made from one record of a source: (site, kind, id there) -> the row here."""

    source = models.CharField(_("source site"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20)  # author, term, post, page, attachment...
    source_id = models.CharField(_("id there"), max_length=200)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    digest = models.CharField(
        _("digest"),
        max_length=64,
        blank=True,
        help_text=_("Of the source record as last imported: unchanged, it is skipped."),
    )
    imported_at = models.DateTimeField(_("imported"), auto_now=True)

    class Meta:
        verbose_name = _("imported record")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "kind", "source_id"], name="imported_record_once"
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="imported_target_idx")]

    def __str__(self):
        return f"{self.source} {self.kind} {self.source_id}"


class Redirect(models.Model):
    """An old address (a WordPress permalink, ``?p=123``, an old slug) that answers 301 with
    its record's address, while that record is public; else it is a 404 like any other."""

    old_path = models.CharField(
        _("old address"),
        max_length=500,
        unique=True,
        help_text=_("The path, with its query when it has one: /2019/05/a-story/, /?p=123."),
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(_("made"), auto_now_add=True)

    class Meta:
        ordering = ["old_path"]
        verbose_name = _("redirect")
        indexes = [models.Index(fields=["content_type", "object_id"], name="redirect_target_idx")]

    def __str__(self):
        return self.old_path


class ImportRunStatus(models.TextChoices):
    QUEUED = "queued", _("queued")
    RUNNING = "running", _("running")
    DONE = "done", _("done")
    FAILED = "failed", _("failed")


def import_storage():
    """Where uploaded exports wait for the worker: a private folder, never the public media
    storage (an export holds drafts and commenters' email addresses)."""
    return FileSystemStorage(location=settings.NEWSROOM_IMPORT_UPLOAD_ROOT)


class ImportRun(models.Model):
    """One import, from the desk or the command: its file (kept until the import is done,
    for a retry), progress and final report."""

    file = models.FileField(
        _("export file"), upload_to="imports/", storage=import_storage, blank=True
    )
    file_name = models.CharField(_("file name"), max_length=300, blank=True)
    media_dir = models.CharField(_("media folder"), max_length=500, blank=True)
    dry_run = models.BooleanField(_("dry run"), default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=ImportRunStatus.choices, default=ImportRunStatus.QUEUED
    )
    progress = models.JSONField(_("progress"), default=dict, blank=True)
    report = models.JSONField(_("report"), default=dict, blank=True)
    error = models.TextField(_("why it failed"), blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last progress"), auto_now=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("WordPress import")

        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=ImportRunStatus.values), name="import_status_valid"
            )
        ]

    def __str__(self):
        return f"{self.file_name or 'import'} ({self.get_status_display()})"
