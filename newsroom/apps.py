from django.apps import AppConfig


class NewsroomConfig(AppConfig):
    """The project: roles (and their data migrations), the demo and scale newsrooms, date
    formats. Its toolkit (newsroom.core) and composite pages (newsroom.pages) are apps of
    their own."""

    name = "newsroom"
    verbose_name = "Newsroom"
