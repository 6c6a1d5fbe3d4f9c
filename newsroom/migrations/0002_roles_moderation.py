"""Roles again, now that bans, blocked words and the moderation log exist."""

from django.db import migrations


def apply_roles(apps, schema_editor):
    from newsroom.roles import apply_roles

    apply_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0001_roles"),
        ("articles", "0003_comment_threads_moderation"),
    ]

    operations = [migrations.RunPython(apply_roles, migrations.RunPython.noop)]
