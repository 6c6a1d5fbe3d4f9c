from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class ShowsConfig(AppConfig):
    name = "shows"
    verbose_name = "Shows and production tracker"

    def ready(self):
        from shows.models import Country
        from shows.selectors import forget_country_codes

        for signal in (post_save, post_delete):
            signal.connect(forget_country_codes, sender=Country, dispatch_uid="country-codes")
