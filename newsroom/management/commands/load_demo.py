from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from newsroom.demo import content
from newsroom.demo.build import build_demo


class Command(BaseCommand):
    help = (
        "Create or refresh the demo newsroom (Romantics Anonymous and friends) and the demo "
        "accounts. Safe to run again: it updates rather than duplicates. Refused in production."
    )

    def handle(self, *args, **options):
        if not getattr(settings, "NEWSROOM_DEMO_ALLOWED", False):
            raise CommandError(
                "The demo newsroom and its well-known passwords are for development only; "
                "these settings do not allow it (NEWSROOM_DEMO_ALLOWED is off)."
            )
        usernames = build_demo()
        # A first version of every article and show, so their history starts here.
        call_command(
            "createinitialrevisions",
            "articles.Article",
            "shows.Show",
            comment="Loaded with the demo newsroom",
            verbosity=0,
        )
        self.stdout.write(self.style.SUCCESS("Demo newsroom loaded."))
        self.stdout.write(
            f"Demo accounts (password for all: {content.DEMO_PASSWORD}): " + ", ".join(usernames)
        )
