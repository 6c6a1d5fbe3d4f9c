from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from articles.comments.services import erase_old_network_details


class Command(BaseCommand):
    help = (
        "Erase the IP addresses and browser strings of comments older than "
        "COMMENTS_KEEP_IP_DAYS days (kept for moderation only). Run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=None, help="Override COMMENTS_KEEP_IP_DAYS."
        )

    def handle(self, *args, **options):
        days = settings.COMMENTS_KEEP_IP_DAYS if options["days"] is None else options["days"]
        if days < 0:
            raise CommandError("--days must be 0 or more.")
        erased = erase_old_network_details(days=days)
        self.stdout.write(f"Erased the IP address and browser of {erased} comment(s).")
