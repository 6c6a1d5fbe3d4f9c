"""The desk's background jobs (django-tasks; ``manage.py db_worker`` runs them)."""

from django_tasks import task

from articles.models import ImportRun, Photo
from articles.renditions import make_renditions, renditions_current
from articles.services import renditions_remade
from articles.wordpress.importer import perform


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
def make_photo_renditions(photo_pk):
    """Make a photo's resized copies (a large upload, an imported photo). Pages show the
    original until then; a photo deleted or remade meanwhile needs nothing."""
    photo = Photo.objects.filter(pk=photo_pk).first()
    if photo is None or renditions_current(photo):
        return False
    make_renditions(photo)
    renditions_remade(photo)
    return True
