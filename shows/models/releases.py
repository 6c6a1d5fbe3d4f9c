"""What a show releases, and where readers can watch it: seasons, episodes, availability.

Each carries a release window at its real precision (a date plus how much of it is known,
``shows.release``), stored like the show's own: the first day of what is known.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from shows.release import Precision, ReleaseWindow

from .show import Show, ShowStatus
from .taxonomy import Country, Platform


def windowed_constraint(name):
    return models.CheckConstraint(
        condition=(
            models.Q(release_date__isnull=True, release_precision="")
            | models.Q(release_date__isnull=False, release_precision__in=Precision.values)
        ),
        name=name,
        violation_error_message=_("A release date needs its precision, and vice versa."),
    )


class Windowed(models.Model):
    """A release window at its precision: "2025", "Spring 2025", "March 2025", "14 March 2025"."""

    release_date = models.DateField(
        _("release date"),
        null=True,
        blank=True,
        help_text=_("Start of the release window; its precision says how much of it is known."),
    )
    release_precision = models.CharField(
        _("release precision"), max_length=10, choices=Precision.choices, blank=True
    )

    class Meta:
        abstract = True

    @property
    def release_window(self):
        return ReleaseWindow.of(self.release_date, self.release_precision)

    @release_window.setter
    def release_window(self, window):
        self.release_date = window.date if window else None
        self.release_precision = window.precision if window else ""

    def clean(self):
        super().clean()
        if self.release_date and self.release_precision:
            self.release_date = ReleaseWindow.normalise(self.release_date, self.release_precision)


class Season(Windowed):
    """A season of a series, with its own status: a renewed show's season 2 can be in
    pre-production while season 1 is released."""

    show = models.ForeignKey(Show, on_delete=models.CASCADE, related_name="seasons")
    number = models.PositiveSmallIntegerField(_("number"), help_text=_("1 for the first season."))
    title = models.CharField(
        _("title"),
        max_length=200,
        blank=True,
        help_text=_("Only when the season has its own name, e.g. “The Final Season”."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ShowStatus.choices,
        default=ShowStatus.ANNOUNCED,
        help_text=_("Where this season's production stands."),
    )
    episode_count = models.PositiveSmallIntegerField(
        _("episodes"),
        null=True,
        blank=True,
        help_text=_("How many episodes are announced; leave empty if unknown."),
    )

    class Meta:
        ordering = ["number"]
        verbose_name = _("season")
        constraints = [
            models.UniqueConstraint(
                fields=["show", "number"],
                name="season_number_unique",
                violation_error_message=_("This show already has a season with this number."),
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=ShowStatus.values), name="season_status_valid"
            ),
            models.CheckConstraint(condition=models.Q(number__gte=1), name="season_number_min"),
            windowed_constraint("season_release_has_precision"),
        ]
        indexes = [models.Index(fields=["release_date"], name="season_release_idx")]

    def __str__(self):
        label = _("Season %(number)d") % {"number": self.number}
        return f"{label}: {self.title}" if self.title else label


class Episode(Windowed):
    season = models.ForeignKey(Season, on_delete=models.CASCADE, related_name="episodes")
    number = models.PositiveSmallIntegerField(_("number"), help_text=_("Within the season."))
    title = models.CharField(_("title"), max_length=200, blank=True)
    runtime = models.PositiveSmallIntegerField(
        _("runtime (minutes)"), null=True, blank=True, help_text=_("Leave empty if unknown.")
    )

    class Meta:
        ordering = ["number"]
        verbose_name = _("episode")
        constraints = [
            models.UniqueConstraint(
                fields=["season", "number"],
                name="episode_number_unique",
                violation_error_message=_("This season already has an episode with this number."),
            ),
            models.CheckConstraint(condition=models.Q(number__gte=1), name="episode_number_min"),
            windowed_constraint("episode_release_has_precision"),
        ]
        indexes = [models.Index(fields=["release_date"], name="episode_release_idx")]

    def __str__(self):
        label = _("Episode %(number)d") % {"number": self.number}
        return f"{label}: {self.title}" if self.title else label


class AvailabilityKind(models.TextChoices):
    STREAM = "stream", _("stream")
    FREE = "free", _("free")
    RENT = "rent", _("rent")
    BUY = "buy", _("buy")
    CINEMA = "cinema", _("in cinemas")


class Availability(Windowed):
    """Where and how a show can be watched in one country, from when (and until when): kept
    by the desk from what the platforms announce, never fetched at run time."""

    show = models.ForeignKey(Show, on_delete=models.CASCADE, related_name="availability")
    platform = models.ForeignKey(
        Platform, verbose_name=_("platform"), on_delete=models.PROTECT, related_name="+"
    )
    country = models.ForeignKey(
        Country, verbose_name=_("country"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(
        _("how"), max_length=10, choices=AvailabilityKind.choices, default=AvailabilityKind.STREAM
    )
    ends_on = models.DateField(
        _("until"), null=True, blank=True, help_text=_("The last day, when announced.")
    )
    confirmed_on = models.DateField(
        _("last confirmed"), help_text=_("The day a reliable source last confirmed this row.")
    )

    class Meta:
        ordering = ["country__name", "kind", "platform__name", "pk"]
        verbose_name = _("where to watch")
        verbose_name_plural = _("where to watch")
        constraints = [
            models.UniqueConstraint(
                fields=["show", "platform", "country", "kind"],
                name="availability_unique",
                violation_error_message=_(
                    "This show already has this platform and kind in this country."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=AvailabilityKind.values),
                name="availability_kind_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(release_date__isnull=True)
                | models.Q(ends_on__gte=models.F("release_date")),
                name="availability_ends_after_start",
                violation_error_message=_("The last day cannot come before the start."),
            ),
            windowed_constraint("availability_release_has_precision"),
        ]
        indexes = [
            models.Index(fields=["release_date"], name="availability_release_idx"),
            models.Index(fields=["country", "release_date"], name="availability_country_idx"),
        ]

    def __str__(self):
        return f"{self.show} on {self.platform} ({self.country.code}, {self.get_kind_display()})"
