from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from newsroom.demo.build import build_demo
from newsroom.demo.scale import Sizes, generate


class Command(BaseCommand):
    help = (
        "Add a large, realistic newsroom for benchmarks on top of the demo: by default 100,000 "
        "articles, 20,000 shows, 50,000 people, 300,000 credits and 1,000,000 comments, written "
        "in bulk (COPY on PostgreSQL). Each run adds another such newsroom. Refused in "
        "production."
    )

    def add_arguments(self, parser):
        defaults = Sizes()
        for name in Sizes.__dataclass_fields__:
            parser.add_argument(f"--{name}", type=int, default=getattr(defaults, name))
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, **options):
        if not getattr(settings, "NEWSROOM_DEMO_ALLOWED", False):
            raise CommandError(
                "Generated newsrooms are for development and benchmarks only; these settings "
                "do not allow it (NEWSROOM_DEMO_ALLOWED is off)."
            )
        sizes = Sizes(**{name: options[name] for name in Sizes.__dataclass_fields__})
        if sizes.shows < 1 or sizes.articles < 1 or sizes.people < 1:
            raise CommandError("Give at least one show, one article and one person.")
        build_demo()  # vocabularies, accounts and the demo stories the large newsroom joins
        self.stdout.write(
            f"Generating {sizes.articles:,} articles, {sizes.shows:,} shows, {sizes.people:,} "
            f"people, {sizes.credits:,} credits and {sizes.comments:,} comments..."
        )
        seconds = generate(sizes, seed=options["seed"], log=self.stdout.write)
        self.stdout.write(self.style.SUCCESS(f"Done in {seconds:.0f} s."))
