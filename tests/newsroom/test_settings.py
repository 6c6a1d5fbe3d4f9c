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


def manage(*args, **env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
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


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", DJANGO_ALLOWED_HOSTS="news.example.com")
    assert result.returncode != 0
    assert "Set DJANGO_SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = manage("check", DJANGO_SECRET_KEY="x" * 60)
    assert result.returncode != 0
    assert "Set DJANGO_ALLOWED_HOSTS" in result.stderr


def test_production_passes_the_deployment_checklist_without_warnings():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SECRET_KEY="k3y-" + "s9Xq!v7Lr2#pW8zT" * 4,
        DJANGO_ALLOWED_HOSTS="news.example.com",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_never_loads_the_demo():
    result = manage(
        "load_demo",
        DJANGO_SECRET_KEY="k3y-" + "s9Xq!v7Lr2#pW8zT" * 4,
        DJANGO_ALLOWED_HOSTS="news.example.com",
        DATABASE_URL="sqlite:///:memory:",
    )
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
