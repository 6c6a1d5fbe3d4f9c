"""Imports started from the desk: an uploaded WordPress export becomes an ImportRun, run by
the worker (``articles.tasks.import_wordpress``), checked here whoever calls."""

import datetime
import os

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from articles.models import ImportRun, ImportRunStatus
from newsroom.core.rules import require

START = "articles.add_importrun"
STALLED = datetime.timedelta(minutes=15)  # a run with no progress for this long may be retried
SNIFF = 16384  # the bytes read to tell an export from another file (a long comment may lead)


def check_export(upload):
    """ValidationError unless `upload` looks like a WordPress export (the import reads it all
    later, in the worker; this catches the wrong file at once)."""
    limit = settings.NEWSROOM_IMPORT_MAX_MB * 1024 * 1024
    if upload.size > limit:
        raise ValidationError(
            _("The file is %(size)d MB; the most this site takes is %(limit)d MB.")
            % {"size": upload.size // (1024 * 1024), "limit": settings.NEWSROOM_IMPORT_MAX_MB}
        )
    upload.seek(0)
    head = upload.read(SNIFF)
    upload.seek(0)
    if b"<rss" not in head or b"wordpress.org/export/" not in head:
        raise ValidationError(
            _(
                "This is not a WordPress export. In WordPress, Tools > Export > All content "
                "gives the .xml file to upload here."
            )
        )


def media_folder(path):
    """The folder photos are read from: "" for none, else a folder under
    NEWSROOM_IMPORT_MEDIA_ROOT (the desk may not read anywhere else on the server)."""
    if not path:
        return ""
    root = settings.NEWSROOM_IMPORT_MEDIA_ROOT
    if not root:
        raise ValidationError(
            _("This site reads no media folders: NEWSROOM_IMPORT_MEDIA_ROOT is not set.")
        )
    folder = os.path.realpath(os.path.join(root, path))
    if os.path.commonpath([folder, os.path.realpath(root)]) != os.path.realpath(root):
        raise ValidationError(_("The media folder must be inside %(root)s.") % {"root": root})
    if not os.path.isdir(folder):
        raise ValidationError(
            _("There is no folder %(path)s in %(root)s.") % {"path": path, "root": root}
        )
    return folder


@transaction.atomic
def start_import(*, upload, by, dry_run=False, media_dir=""):
    """Keep the uploaded export and queue its import. Returns the ImportRun."""
    require(by, START)
    check_export(upload)
    run = ImportRun(
        file_name=os.path.basename(upload.name)[:300],
        media_dir=media_folder(media_dir),
        dry_run=dry_run,
        started_by=by,
    )
    run.file.save(os.path.basename(upload.name), upload, save=False)
    run.save()
    _queue(run)
    return run


def may_retry(run, *, now=None):
    """A failed run, or one whose worker stopped (no progress for a while), may run again:
    the import picks up where it was."""
    now = now or timezone.now()
    if run.status == ImportRunStatus.FAILED:
        return bool(run.file)
    stalled = run.status in (ImportRunStatus.QUEUED, ImportRunStatus.RUNNING)
    return stalled and bool(run.file) and run.updated_at < now - STALLED


@transaction.atomic
def retry_import(*, run, by):
    require(by, START)
    run = ImportRun.objects.select_for_update().get(pk=run.pk)
    if not may_retry(run):
        raise PermissionDenied(_("This import is running or done; it cannot be started again."))
    run.status, run.error = ImportRunStatus.QUEUED, ""
    run.save(update_fields=["status", "error", "updated_at"])
    _queue(run)
    return run


def _queue(run):
    from articles.tasks import import_wordpress

    pk = run.pk
    transaction.on_commit(lambda: import_wordpress.enqueue(pk))
