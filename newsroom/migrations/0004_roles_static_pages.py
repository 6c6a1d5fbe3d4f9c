"""Roles again, now that static pages, redirects and import records exist: editors keep
them."""

from django.db import migrations


def apply_roles(apps, schema_editor):
    from newsroom.roles import apply_roles

    apply_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0003_roles_releases_follows"),
        ("articles", "0012_wordpress_import"),
    ]

    operations = [migrations.RunPython(apply_roles, migrations.RunPython.noop)]
