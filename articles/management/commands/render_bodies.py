from content_editor.contents import contents_for_items
from django.core.management.base import BaseCommand
from django.db import transaction

from articles.models import BLOCK_MODELS, Article
from articles.rendering import current_format, render_blocks

BATCH = 200


class Command(BaseCommand):
    help = (
        "Render and store the body HTML of every article whose stored body is stale (a block "
        "changed outside the desk, or the block templates changed in a deploy); pages would "
        "otherwise render each one when it is first shown. --all renders every article's."
    )

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Render every article's body.")

    def handle(self, *args, **options):
        form = current_format()
        articles = Article.objects.all()
        if not options["all"]:
            articles = articles.exclude(body_format=form)
        pks = list(articles.order_by("pk").values_list("pk", flat=True))
        rendered = 0
        for start in range(0, len(pks), BATCH):
            with transaction.atomic():  # locked: a desk save or a change waits, then wins
                batch = Article.objects.select_for_update().only("pk", "body_format")
                batch = batch.filter(pk__in=pks[start : start + BATCH]).order_by("pk")
                if not options["all"]:
                    batch = batch.exclude(body_format=form)  # stored meanwhile: kept
                batch = list(batch)
                contents = contents_for_items(batch, BLOCK_MODELS)
                for article in batch:
                    article.body_html = render_blocks(contents[article].body)
                    article.body_format = form
                Article.objects.bulk_update(batch, ["body_html", "body_format"])
                rendered += len(batch)
        self.stdout.write(f"Rendered the body of {rendered} article(s).")
