"""Make cached pages miss: everything (after a deploy that changed templates), or only what
carries the given tags (``article:12``, ``list:shows``...)."""

from django.core.management.base import BaseCommand

from newsroom.core.cache import purge, purge_site


class Command(BaseCommand):
    help = "Purge the page cache: every page, or those carrying the given tags."

    def add_arguments(self, parser):
        parser.add_argument("tags", nargs="*", help="Cache tags, e.g. article:12 list:shows")

    def handle(self, *args, tags, **options):
        if tags:
            purge(*tags)
            self.stdout.write(f"Purged {len(tags)} tag(s): {' '.join(tags)}")
        else:
            purge_site()
            self.stdout.write("Purged every cached page, fragment and value.")
