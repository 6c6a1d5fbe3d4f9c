"""Move out any time: ``manage.py export_wordpress [FILE.xml]`` writes the newsroom as a
WordPress export (WXR 1.2) that WordPress's importer, and this site's, accept."""

import sys

from django.core.management.base import BaseCommand

from articles.wordpress.export import write_wxr


class Command(BaseCommand):
    help = "Write every article, page, photo, author, tag and comment as a WordPress export."

    def add_arguments(self, parser):
        parser.add_argument(
            "file", nargs="?", help="Where to write it (standard output if not given)."
        )

    def handle(self, *args, file=None, **options):
        if file:
            with open(file, "wb") as out:
                counts = write_wxr(out)
        else:
            counts = write_wxr(sys.stdout.buffer)
        summary = ", ".join(f"{kind} {number}" for kind, number in counts.items())
        self.stderr.write(f"Exported: {summary}")
