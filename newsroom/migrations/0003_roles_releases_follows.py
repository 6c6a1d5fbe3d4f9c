"""Roles again, now that seasons, episodes, where to watch, key art, headshots and followers
exist."""

from django.db import migrations


def apply_roles(apps, schema_editor):
    from newsroom.roles import apply_roles

    apply_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0002_roles_moderation"),
        ("shows", "0007_seasons_episodes_availability"),
        ("articles", "0010_key_art_headshots"),
        ("follows", "0001_initial"),
    ]

    operations = [migrations.RunPython(apply_roles, migrations.RunPython.noop)]
