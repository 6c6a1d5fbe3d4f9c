from django.core.management.base import BaseCommand

from newsroom.follows.tasks import queue_digests


class Command(BaseCommand):
    help = (
        "Queue this week's digests for followers of shows and people (run it from a schedule: "
        "hourly or daily is fine, each follower gets one a week). A worker sends them."
    )

    def handle(self, *args, **options):
        due, batches = queue_digests()
        self.stdout.write(f"{due} follower(s) due, queued in {batches} batch(es).")
