"""Production settings refuse to start half-configured and pass Django's deployment checks."""

import datetime
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.template import Context, Template
from django.utils.formats import date_format

ROOT = Path(__file__).resolve().parents[2]


COMPLETE = {
    "DJANGO_SECRET_KEY": "k3y-" + "s9Xq!v7Lr2#pW8zT" * 4,
    "DJANGO_ALLOWED_HOSTS": "news.example.com",
    "DATABASE_URL": "postgres://newsroom@db.example.com:5432/newsroom",
    "REDIS_URL": "redis://cache.example.com:6379/0",
}


def manage(*args, **env):
    """manage.py under the production settings with only these variables set."""
    environment = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_", "AWS_"))
    }
    environment.update(DJANGO_SETTINGS_MODULE="newsroom.settings.prod", **env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    ("missing", "message"),
    [
        ("DJANGO_SECRET_KEY", "Set DJANGO_SECRET_KEY"),
        ("DJANGO_ALLOWED_HOSTS", "Set DJANGO_ALLOWED_HOSTS"),
        ("DATABASE_URL", "Set DATABASE_URL"),
        ("REDIS_URL", "Set REDIS_URL"),
    ],
)
def test_production_refuses_to_start_half_configured(missing, message):
    result = manage("check", **{k: v for k, v in COMPLETE.items() if k != missing})
    assert result.returncode != 0
    assert message in result.stderr


def test_production_passes_the_deployment_checklist_without_warnings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **COMPLETE)
    assert result.returncode == 0, result.stdout + result.stderr


def test_object_storage_is_used_when_a_bucket_is_named():
    script = (
        "from django.core.files.storage import default_storage as s; from django.conf import "
        "settings as c; print(s.__class__.__name__, "
        "s.bucket_name, s.url('photos/a.jpg'), c.CONTENT_SECURITY_POLICY['DIRECTIVES']"
        "['img-src'][-1])"
    )
    result = manage(
        "shell",
        "-c",
        script,
        **COMPLETE,
        AWS_STORAGE_BUCKET_NAME="newsroom-media",
        AWS_S3_CUSTOM_DOMAIN="media.example.com",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1].split() == [
        "S3Storage",
        "newsroom-media",
        "https://media.example.com/photos/a.jpg",
        "https://media.example.com",
    ]


def test_production_never_loads_the_demo():
    result = manage("load_demo", **{**COMPLETE, "DATABASE_URL": "sqlite:///:memory:"})
    assert result.returncode != 0
    assert "development only" in result.stderr


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (datetime.date(2024, 4, 6), "6 April 2024"),
        (datetime.date(2024, 12, 25), "25 December 2024"),
    ],
)
def test_dates_are_written_out_never_as_ambiguous_numbers(value, shown):
    assert date_format(value) == shown
    assert Template("{{ d|date }}").render(Context({"d": value})) == shown


def test_a_malformed_setting_names_the_variable_and_the_fix(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    from newsroom.settings.base import env_bool, env_int

    monkeypatch.setenv("PHOTO_MAX_PIXELS", "sixty million")
    with pytest.raises(ImproperlyConfigured, match="PHOTO_MAX_PIXELS must be a whole number"):
        env_int("PHOTO_MAX_PIXELS", 1)
    monkeypatch.setenv("DJANGO_SECURE_SSL_REDIRECT", "maybe")
    with pytest.raises(ImproperlyConfigured, match="must be true or false"):
        env_bool("DJANGO_SECURE_SSL_REDIRECT")
    monkeypatch.setenv("DJANGO_SECURE_SSL_REDIRECT", "")
    assert env_bool("DJANGO_SECURE_SSL_REDIRECT", default=True) is True
