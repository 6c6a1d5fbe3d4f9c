from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in


class NewsroomConfig(AppConfig):
    """The project: roles (and their data migrations), the demo and scale newsrooms, date
    formats. Its toolkit (newsroom.core) and composite pages (newsroom.pages) are apps of
    their own."""

    name = "newsroom"
    verbose_name = "Newsroom"

    def ready(self):
        from newsroom.logins import clear_own_failures

        user_logged_in.connect(clear_own_failures, dispatch_uid="newsroom-clear-own-failures")
