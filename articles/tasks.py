"""The desk's background jobs (django-tasks; ``manage.py db_worker`` runs them)."""

import logging

from django_tasks import task

from articles.models import ImportRun, Photo
from articles.renditions import make_renditions, renditions_current
from articles.services import renditions_remade
from articles.services.notifications import step_notice
from articles.wordpress.importer import perform

logger = logging.getLogger(__name__)


@task()
def import_wordpress(run_pk):
    """Run a queued WordPress import. A second worker, or a retry of a run that is going,
    finds it taken and does nothing."""
    claimed = ImportRun.objects.filter(pk=run_pk, status="queued").update(status="running")
    if not claimed:
        return None
    run = ImportRun.objects.get(pk=run_pk)
    with run.file.open("rb") as export:
        report = perform(run, export)
    return report.as_dict()["counts"]


@task()
def make_photo_renditions(*photo_pks):
    """Make photos' resized copies (a large upload; an import's batch). Pages show the
    original until then; a photo deleted or remade meanwhile needs nothing. One that fails
    is logged and the others are made; the job then fails naming it, so a retry makes it.
    Returns how many were made."""
    made, failed = 0, []
    for pk in photo_pks:
        photo = Photo.objects.filter(pk=pk).first()
        if photo is None or renditions_current(photo):
            continue
        try:
            make_renditions(photo)
        except Exception:  # one photo's failure (a bad file, storage) stops no other's
            logger.exception("Renditions of photo %s failed", pk)
            failed.append(pk)
            continue
        renditions_remade(photo)
        made += 1
    if failed:
        raise RenditionsFailed(f"The renditions of photos {', '.join(map(str, failed))} failed.")
    return made


class RenditionsFailed(Exception):
    """Some photos of a renditions job could not be resized (their files are unreadable)."""


@task()
def send_step_notice(article_pk, step, was, by_pk):
    """Email who should hear of a workflow step (articles.services.notifications)."""
    return step_notice(article_pk, step, was, by_pk)
