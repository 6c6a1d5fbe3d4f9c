from django.apps import AppConfig


class PagesConfig(AppConfig):
    """Installed for its template tags (the desk's dashboard); it has no models."""

    name = "newsroom.pages"
    label = "pages"
    verbose_name = "Pages"
