"""The vocabularies a show is filed under: platforms, companies, genres, countries, languages."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class NamedSlugged(models.Model):
    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(
        _("slug"), max_length=120, unique=True, help_text=_("Used in web addresses and filters.")
    )

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class Platform(NamedSlugged):
    """Where a show is carried: a streaming service, a network, a cinema distributor."""

    class Kind(models.TextChoices):
        STREAMING = "streaming", _("streaming service")
        NETWORK = "network", _("TV network")
        THEATRICAL = "theatrical", _("cinema release")

    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=Kind.choices,
        default=Kind.STREAMING,
        help_text=_("How the platform reaches viewers."),
    )
    website = models.URLField(_("website"), blank=True, help_text=_("The platform's own site."))

    class Meta(NamedSlugged.Meta):
        verbose_name = _("platform")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=["streaming", "network", "theatrical"]),
                name="platform_kind_valid",
            )
        ]


class Company(NamedSlugged):
    """A production company, studio or distributor."""

    class Meta(NamedSlugged.Meta):
        verbose_name = _("production company")
        verbose_name_plural = _("production companies")


class Genre(NamedSlugged):
    class Meta(NamedSlugged.Meta):
        verbose_name = _("genre")


class Country(models.Model):
    code = models.CharField(
        _("ISO code"),
        max_length=2,
        unique=True,
        help_text=_("Two-letter ISO 3166 code, e.g. JP for Japan, KR for South Korea."),
    )
    name = models.CharField(_("name"), max_length=100, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self):
        return self.name


class Language(models.Model):
    code = models.CharField(
        _("ISO code"),
        max_length=3,
        unique=True,
        help_text=_("ISO 639 code, e.g. ja for Japanese, ko for Korean."),
    )
    name = models.CharField(_("name"), max_length=100, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("language")

    def __str__(self):
        return self.name
