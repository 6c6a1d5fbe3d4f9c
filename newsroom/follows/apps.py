from django.apps import AppConfig


class FollowsConfig(AppConfig):
    name = "newsroom.follows"
    label = "follows"
    verbose_name = "Followers"
