"""Everything the newsroom knows, as one JSON file: ``manage.py export_json [FILE.json]``.
The format is documented in docs/export-json.md. Staff accounts and their passwords are
not in it; commenters' and followers' email addresses are (it is the newsroom's own data:
keep the file as safe as the database)."""

import datetime
import json
import sys

from django.apps import apps
from django.core.management.base import BaseCommand
from django.core.serializers.json import DjangoJSONEncoder
from django.core.serializers.python import Serializer

APPS = ["people", "shows", "articles", "follows"]
CHUNK = 1000


def export(out):
    """Write the export to the text file `out`; returns {model label: rows}."""
    counts = {}
    out.write('{"format": "newsroom-export", "version": 1, "exported_at": ')
    out.write(json.dumps(datetime.datetime.now(datetime.UTC).isoformat()))
    out.write(', "models": {')
    first_model = True
    for label in APPS:
        for model in apps.get_app_config(label).get_models():
            name = model._meta.label_lower
            out.write(("" if first_model else ",") + f"\n{json.dumps(name)}: [")
            first_model, first_row, count = False, True, 0
            queryset = model._default_manager.order_by("pk")
            for start in range(0, queryset.count(), CHUNK):
                rows = Serializer().serialize(queryset[start : start + CHUNK])
                for row in rows:
                    out.write(("" if first_row else ",") + "\n")
                    out.write(json.dumps(row, cls=DjangoJSONEncoder, ensure_ascii=False))
                    first_row = False
                    count += 1
            out.write("]")
            counts[name] = count
    out.write("\n}}\n")
    return counts


class Command(BaseCommand):
    help = "Write every show, person, article, comment and follower as JSON."

    def add_arguments(self, parser):
        parser.add_argument(
            "file", nargs="?", help="Where to write it (standard output if not given)."
        )

    def handle(self, *args, file=None, **options):
        if file:
            with open(file, "w", encoding="utf-8") as out:
                counts = export(out)
        else:
            counts = export(sys.stdout)
        total = sum(counts.values())
        self.stderr.write(f"Exported {total} rows of {len(counts)} kinds.")
