from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Installed for its template tags (``{% load newsroom %}``); it has no models."""

    name = "newsroom.core"
    label = "core"
    verbose_name = "Toolkit"
