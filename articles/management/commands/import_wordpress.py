"""Move a WordPress site in: ``manage.py import_wordpress export.xml [--media DIR]
[--dry-run] [--map-authors FILE.csv]``. Safe to run again: what was imported is updated,
never doubled; a run stopped halfway finishes on the next."""

import csv
import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from articles.wordpress.importer import run_import
from articles.wordpress.wxr import NotAnExport


class Command(BaseCommand):
    help = "Import a WordPress export (WXR): posts, pages, authors, terms, comments, photos."

    def add_arguments(self, parser):
        parser.add_argument("file", help="The export, from WordPress's Tools > Export.")
        parser.add_argument(
            "--media",
            metavar="DIR",
            help="A copy of the site's wp-content/uploads folder, for the photos.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Read and report everything, keep nothing."
        )
        parser.add_argument(
            "--map-authors",
            metavar="FILE.csv",
            help="Rows of “WordPress login,username here”: those authors write as that account.",
        )

    def handle(self, *args, file, media=None, dry_run=False, map_authors=None, **options):
        if not os.path.isfile(file):
            raise CommandError(f"No such file: {file}")
        if media and not os.path.isdir(media):
            raise CommandError(f"No such folder: {media}")
        authors = self._author_map(map_authors) if map_authors else {}

        def progress(report, items):
            if items and items % 500 == 0:
                self.stderr.write(f"{items} items read")

        try:
            _run, report = run_import(
                file, media_dir=media, dry_run=dry_run, author_map=authors, progress=progress
            )
        except NotAnExport as error:
            raise CommandError(str(error)) from None
        for line in report.lines():
            self.stdout.write(line)

    def _author_map(self, path):
        users = get_user_model().objects
        mapped = {}
        try:
            with open(path, newline="", encoding="utf-8") as rows:
                for number, row in enumerate(csv.reader(rows), start=1):
                    if not row or row[0].startswith("#"):
                        continue
                    if len(row) != 2:
                        raise CommandError(f"{path}, line {number}: expected “login,username”.")
                    login, username = (value.strip() for value in row)
                    user = users.filter(username=username).first()
                    if user is None:
                        raise CommandError(f"{path}, line {number}: no user “{username}” here.")
                    mapped[login] = user
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error}") from None
        return mapped
