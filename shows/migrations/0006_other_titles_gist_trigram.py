"""Other titles' trigram index as GiST, not GIN (PostgreSQL only).

A show's other titles are few and short: the planner read the GIN index as dearer than a scan
and computed the word similarity of every title (18 ms on the large newsroom's 4,000 titles);
with a GiST index it reads the matching titles only (3 ms).
"""

from django.db import migrations


def _indexes():
    from django.contrib.postgres.indexes import GinIndex, GistIndex

    return (
        GinIndex(fields=["title"], opclasses=["gin_trgm_ops"], name="showtitle_trgm_idx"),
        GistIndex(fields=["title"], opclasses=["gist_trgm_ops"], name="showtitle_trgm_gist_idx"),
    )


def to_gist(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        gin, gist = _indexes()
        model = apps.get_model("shows", "ShowTitle")
        schema_editor.add_index(model, gist)
        schema_editor.remove_index(model, gin)


def to_gin(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        gin, gist = _indexes()
        model = apps.get_model("shows", "ShowTitle")
        schema_editor.add_index(model, gin)
        schema_editor.remove_index(model, gist)


class Migration(migrations.Migration):
    dependencies = [("shows", "0005_audit_fields")]

    operations = [migrations.RunPython(to_gist, to_gin)]
