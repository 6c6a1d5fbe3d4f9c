from django.apps import AppConfig
from django.db.models.signals import pre_save


class CoreConfig(AppConfig):
    """The toolkit: its template tags (``{% load newsroom %}``), counters and pending purges,
    and the rule that no text field stores a character XML forbids."""

    name = "newsroom.core"
    label = "core"
    verbose_name = "Toolkit"

    def ready(self):
        from django.urls import register_converter

        from newsroom.core.http import UnicodeSlug
        from newsroom.core.text import strip_forbidden_characters

        register_converter(UnicodeSlug, "uslug")
        pre_save.connect(strip_forbidden_characters, dispatch_uid="newsroom-xml-safe-text")
