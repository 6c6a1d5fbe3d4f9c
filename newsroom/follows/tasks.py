"""The digest job on the task queue (django-tasks: the database backend by default, run by
``manage.py db_worker``). ``queue_digests`` is what the weekly schedule runs
(``manage.py send_digests``): it enqueues the due followers in batches, and each batch is
one task, sent over one SMTP connection."""

import datetime

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from . import services


@task()
def send_confirmation(follow_pk):
    return services.send_confirmation(follow_pk)


@task()
def send_digest_batch(follower_ids, now):
    return services.deliver_digests(follower_ids, now=datetime.datetime.fromisoformat(now))


def queue_digests(*, now=None):
    """Expire unconfirmed follows, then enqueue one task per batch of due followers.
    Safe to run as often as wanted: a follower gets one digest a week whatever the
    schedule. Returns (followers due, batches queued)."""
    now = now or timezone.now()
    services.expire_unconfirmed(now=now)
    due = services.due_followers(now=now)
    size = settings.FOLLOWS_DIGEST_BATCH
    batches = [due[start : start + size] for start in range(0, len(due), size)]
    for batch in batches:
        send_digest_batch.enqueue(batch, now.isoformat())
    return len(due), len(batches)
