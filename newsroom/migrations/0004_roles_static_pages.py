"""Roles again, now that static pages exist: editors keep them."""

from django.db import migrations


def apply_roles(apps, schema_editor):
    from newsroom.roles import apply_roles

    apply_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0003_roles_releases_follows"),
        ("articles", "0011_static_pages"),
    ]

    operations = [migrations.RunPython(apply_roles, migrations.RunPython.noop)]
