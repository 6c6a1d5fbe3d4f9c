"""Roles again, now that bans, blocked words, the moderation log and share links exist."""

from django.db import migrations


def apply_roles(apps, schema_editor):
    from newsroom.roles import apply_roles

    apply_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0001_roles"),
        ("articles", "0005_share_links"),
    ]

    operations = [migrations.RunPython(apply_roles, migrations.RunPython.noop)]
