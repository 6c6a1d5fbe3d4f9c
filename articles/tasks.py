"""The desk's background jobs (django-tasks; ``manage.py db_worker`` runs them)."""

from django_tasks import task

from articles.models import ImportRun
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
