from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The toolkit: its template tags (``{% load newsroom %}``), counters and pending purges."""

    name = "newsroom.core"
    label = "core"
    verbose_name = "Toolkit"
