from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Author(models.Model):
    """A staff member's public profile, shown with their bylines."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="author_profile",
        help_text=_("The staff account that writes as this author. Empty for contributors."),
    )
    display_name = models.CharField(_("display name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    job_title = models.CharField(
        _("job title"), max_length=120, blank=True, help_text=_("E.g. “Staff writer”.")
    )
    bio = models.TextField(_("bio"), blank=True, help_text=_("A few plain sentences."))
    beats = models.CharField(
        _("beats"),
        max_length=300,
        blank=True,
        help_text=_("What they cover, comma-separated, e.g. “anime, K-dramas, Netflix”."),
    )
    location = models.CharField(
        _("location"), max_length=120, blank=True, help_text=_("E.g. “Norwich, UK”.")
    )
    joined_year = models.PositiveSmallIntegerField(
        _("year joined"), null=True, blank=True, help_text=_("The year they joined the newsroom.")
    )

    class Meta:
        ordering = ["display_name"]
        verbose_name = _("author")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(joined_year__isnull=True)
                | models.Q(joined_year__gte=1900, joined_year__lte=2200),
                name="author_joined_year_plausible",
            )
        ]

    def __str__(self):
        return self.display_name

    def get_absolute_url(self):
        return reverse("pages:author", kwargs={"slug": self.slug})

    @property
    def beat_list(self):
        return [beat.strip() for beat in self.beats.split(",") if beat.strip()]


class Tag(models.Model):
    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True, allow_unicode=True)
    is_category = models.BooleanField(
        _("section"),
        default=False,
        db_default=False,
        help_text=_("A section of the site (a WordPress category), not a topic tag."),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent section"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
    )
    description = models.TextField(_("description"), blank=True, default="", db_default="")

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("pages:tag", kwargs={"slug": self.slug})
