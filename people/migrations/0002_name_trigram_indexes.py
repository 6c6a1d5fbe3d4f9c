"""Trigram indexes for typo-tolerant name search (both scripts) on PostgreSQL (pg_trgm).

SQLite has neither the extension nor GIN indexes; there the search falls back to LIKE.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

INDEXES = [
    ("Person", "name", "person_name_trgm_idx"),
    ("Person", "native_name", "person_native_trgm_idx"),
]


def _index(field, name):
    from django.contrib.postgres.indexes import GinIndex

    return GinIndex(fields=[field], opclasses=["gin_trgm_ops"], name=name)


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for model, field, name in INDEXES:
            schema_editor.add_index(apps.get_model("people", model), _index(field, name))


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for model, field, name in INDEXES:
            schema_editor.remove_index(apps.get_model("people", model), _index(field, name))


class Migration(migrations.Migration):
    dependencies = [("people", "0001_initial")]

    operations = [
        TrigramExtension(),
        migrations.RunPython(create_indexes, drop_indexes),
    ]
