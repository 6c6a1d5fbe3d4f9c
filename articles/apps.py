from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Editorial desk"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from articles.models.blocks import BLOCK_MODELS, block_written
        from articles.services.editing import quoted_person_renamed
        from people.signals import person_renamed

        person_renamed.connect(quoted_person_renamed, dispatch_uid="articles.quotes")
        for model in BLOCK_MODELS:  # a block written: its article's stored body is stale
            post_save.connect(block_written, sender=model, dispatch_uid=f"body:{model.__name__}")
            post_delete.connect(block_written, sender=model, dispatch_uid=f"body-:{model.__name__}")
