from django.core.management.base import BaseCommand

from articles.models import Photo
from articles.renditions import make_renditions, renditions_current
from articles.services import renditions_remade


class Command(BaseCommand):
    help = (
        "Make the responsive renditions of every photo whose renditions are missing or out of "
        "date (new sizes, a new focal point). --all remakes every photo's."
    )

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Remake every photo's renditions.")

    def handle(self, *args, **options):
        made = failed = 0
        for photo in Photo.objects.order_by("pk").iterator(chunk_size=200):
            if not options["all"] and renditions_current(photo):
                continue
            try:
                make_renditions(photo)
            except (OSError, ValueError) as error:
                failed += 1
                self.stderr.write(f"Photo {photo.pk} ({photo.image.name}): {error}")
                continue
            renditions_remade(photo)  # pages showing it use the new copies at once
            made += 1
        self.stdout.write(f"Renditions made for {made} photo(s); {failed} could not be read.")
        if failed:
            raise SystemExit(1)
