from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Editorial desk"

    def ready(self):
        from articles.services.editing import quoted_person_renamed
        from people.signals import person_renamed

        person_renamed.connect(quoted_person_renamed, dispatch_uid="articles.quotes")
