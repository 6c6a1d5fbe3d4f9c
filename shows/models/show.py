import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from newsroom.core.models import AuditedModel
from shows.release import Precision, ReleaseWindow

from .taxonomy import Company, Country, Genre, Language, Platform


class ShowKind(models.TextChoices):
    SERIES = "series", _("series")
    FILM = "film", _("film")
    SPECIAL = "special", _("special")


class ShowStatus(models.TextChoices):
    """Where a production stands, in the order a show usually moves through them."""

    RUMORED = "rumored", _("rumoured")
    ANNOUNCED = "announced", _("announced")
    IN_DEVELOPMENT = "in_development", _("in development")
    PRE_PRODUCTION = "pre_production", _("pre-production")
    FILMING = "filming", _("filming")
    POST_PRODUCTION = "post_production", _("post-production")
    ON_HOLD = "on_hold", _("on hold")
    COMPLETED = "completed", _("completed")
    RELEASED = "released", _("released")
    RENEWED = "renewed", _("renewed")
    ENDED = "ended", _("ended")
    CANCELLED = "cancelled", _("cancelled")


def stale_cutoff(today=None):
    """A status confirmed before this day is stale (SHOWS_STALE_AFTER_DAYS)."""
    return (today or timezone.localdate()) - datetime.timedelta(
        days=settings.SHOWS_STALE_AFTER_DAYS
    )


def upcoming_releases(today, prefix=""):
    """Windows that have not ended yet: this day on, this month, this season, this year.
    ``prefix``: the path to the window's fields (``"season__"``)."""
    season = datetime.date(today.year, (today.month - 1) // 3 * 3 + 1, 1)
    year = today.replace(month=1, day=1)
    date, precision = f"{prefix}release_date", f"{prefix}release_precision"
    return (
        models.Q(**{precision: Precision.DAY, f"{date}__gte": today})
        | models.Q(**{precision: Precision.MONTH, f"{date}__gte": today.replace(day=1)})
        | models.Q(**{precision: Precision.SEASON, f"{date}__gte": season})
        | models.Q(**{precision: Precision.YEAR, f"{date}__gte": year})
    )


# Statuses a show no longer moves from: its status cannot go stale.
SETTLED = [ShowStatus.RELEASED, ShowStatus.ENDED, ShowStatus.CANCELLED]


class ShowQuerySet(models.QuerySet):
    def stale(self, *, today=None):
        """Shows whose status was last confirmed more than SHOWS_STALE_AFTER_DAYS ago and
        that can still move (released, ended and cancelled shows are settled): the one
        meaning of "stale", for the dashboard, the tracker's filter and its flag."""
        return self.filter(status_confirmed_on__lt=stale_cutoff(today)).exclude(status__in=SETTLED)

    def fresh(self, *, today=None):
        """Every show that is not stale."""
        return self.filter(
            models.Q(status_confirmed_on__gte=stale_cutoff(today)) | models.Q(status__in=SETTLED)
        )

    def by_release(self, *, today=None):
        """The tracker's "release window, soonest first": windows still to come (soonest
        first), then those already past (most recent first), then shows with no window."""
        upcoming = upcoming_releases(today or timezone.localdate())
        group = models.Case(
            models.When(upcoming, then=models.Value(0)),
            models.When(release_date__isnull=False, then=models.Value(1)),
            default=models.Value(2),
            output_field=models.IntegerField(),
        )
        ahead = models.Case(models.When(upcoming, then="release_date"), default=None)
        past = models.Case(
            models.When(~upcoming & models.Q(release_date__isnull=False), then="release_date"),
            default=None,
        )
        return self.alias(release_group=group, release_ahead=ahead, release_past=past).order_by(
            "release_group", "release_ahead", models.F("release_past").desc(), "title", "pk"
        )

    def named(self, value):
        """What a reader typed in a filter box: the show's slug, or every word of its title."""
        value = value.strip()
        words = models.Q()
        for word in value.split()[:8]:
            words &= models.Q(title__icontains=word)
        return self.filter(models.Q(slug=value) | words)

    def search(self, text):
        """Every title counts: the main one, the original-language one, working titles and
        the misspellings readers type."""
        text = text.strip()
        return self.filter(
            models.Q(title__icontains=text) | models.Q(other_titles__title__icontains=text)
        ).distinct()


class Show(AuditedModel):
    """A series, film or special the newsroom tracks."""

    title = models.CharField(
        _("title"), max_length=200, help_text=_("The title readers know, in English.")
    )
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        help_text=_("The last part of the show's web address."),
    )
    kind = models.CharField(
        _("kind"), max_length=10, choices=ShowKind.choices, default=ShowKind.SERIES
    )
    platform = models.ForeignKey(
        Platform,
        verbose_name=_("platform"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="shows",
        help_text=_("The streaming service or network that carries it."),
    )
    countries = models.ManyToManyField(
        Country,
        verbose_name=_("countries of origin"),
        blank=True,
        related_name="shows",
        help_text=_("Every producing country; a co-production has several."),
    )
    languages = models.ManyToManyField(
        Language,
        verbose_name=_("original languages"),
        blank=True,
        related_name="shows",
        help_text=_("The languages it is made in, not the dubs."),
    )
    genres = models.ManyToManyField(
        Genre, verbose_name=_("genres"), blank=True, related_name="shows"
    )
    companies = models.ManyToManyField(
        Company,
        verbose_name=_("production companies"),
        blank=True,
        related_name="shows",
    )
    based_on = models.CharField(
        _("based on (text)"),
        max_length=300,
        blank=True,
        help_text=_(
            "The source it adapts, as readers should read it, e.g. "
            "“the 2010 French film Les Émotifs anonymes”."
        ),
    )
    based_on_show = models.ForeignKey(
        "self",
        verbose_name=_("based on (tracked show)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="adaptations",
        help_text=_("When the source is a film or series the site tracks, link it here."),
    )
    synopsis = models.TextField(
        _("synopsis"),
        blank=True,
        help_text=_("What it is about, in plain sentences. No spoilers past the premise."),
    )
    status = models.CharField(
        _("production status"),
        max_length=20,
        choices=ShowStatus.choices,
        default=ShowStatus.ANNOUNCED,
        help_text=_("Where the production stands. Every change is kept in the status history."),
    )
    status_confirmed_on = models.DateField(
        _("status last confirmed"),
        help_text=_("The day a reliable source last confirmed this status."),
    )
    release_date = models.DateField(
        _("release date"),
        null=True,
        blank=True,
        help_text=_("Start of the release window; its precision says how much of it is known."),
    )
    release_precision = models.CharField(
        _("release precision"),
        max_length=10,
        choices=Precision.choices,
        blank=True,
        help_text=_("How much of the release date is known: year, season, month or day."),
    )
    release_note = models.CharField(
        _("release note"),
        max_length=200,
        blank=True,
        help_text=_("Who confirmed the window, e.g. “confirmed by Netflix”."),
    )
    objects = ShowQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("show")
        permissions = [("change_show_status", "Can change a show's production status")]
        indexes = [
            models.Index(fields=["status", "status_confirmed_on"], name="show_status_idx"),
            models.Index(fields=["release_date"], name="show_release_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=ShowStatus.values), name="show_status_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=ShowKind.values), name="show_kind_valid"
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(release_date__isnull=True, release_precision="")
                    | models.Q(release_date__isnull=False, release_precision__in=Precision.values)
                ),
                name="show_release_date_has_precision",
                violation_error_message=_("A release date needs its precision, and vice versa."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("pages:show", kwargs={"slug": self.slug})

    @property
    def is_stale(self):
        """The same rule as ShowQuerySet.stale(), for one show in hand."""
        return self.status not in SETTLED and self.status_confirmed_on < stale_cutoff()

    @property
    def public_titles(self):
        """Other titles readers may see: every kind but misspellings (prefetch-friendly)."""
        return [title for title in self.other_titles.all() if title.kind != TitleKind.MISSPELLING]

    @property
    def release_window(self):
        return ReleaseWindow.of(self.release_date, self.release_precision)

    @release_window.setter
    def release_window(self, window):
        self.release_date = window.date if window else None
        self.release_precision = window.precision if window else ""

    def clean(self):
        if self.based_on_show_id and self.based_on_show_id == self.pk:
            raise ValidationError({"based_on_show": _("A show cannot be based on itself.")})
        if self.release_date and self.release_precision:
            self.release_date = ReleaseWindow.normalise(self.release_date, self.release_precision)


class TitleKind(models.TextChoices):
    ORIGINAL = "original", _("original-language title")
    WORKING = "working", _("working title")
    ALTERNATE = "alternate", _("alternate or regional title")
    MISSPELLING = "misspelling", _("common misspelling")


class ShowTitle(models.Model):
    """Another name a show goes by; all of them are searchable."""

    show = models.ForeignKey(Show, on_delete=models.CASCADE, related_name="other_titles")
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=TitleKind.choices,
        default=TitleKind.ALTERNATE,
        help_text=_("Misspellings are searchable but never shown to readers."),
    )
    language = models.ForeignKey(
        Language,
        verbose_name=_("language"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        help_text=_("The language of this title, for original-language titles."),
    )

    class Meta:
        ordering = ["kind", "title"]
        verbose_name = _("other title")
        constraints = [
            models.UniqueConstraint(fields=["show", "title"], name="show_title_unique"),
            models.CheckConstraint(
                condition=models.Q(kind__in=TitleKind.values), name="show_title_kind_valid"
            ),
        ]
        indexes = [models.Index(fields=["title"], name="show_other_title_idx")]

    def __str__(self):
        return self.title


class StatusChange(models.Model):
    """One entry in a show's production-status history. Rows are appended, never edited away."""

    show = models.ForeignKey(Show, on_delete=models.CASCADE, related_name="status_history")
    status = models.CharField(_("status"), max_length=20, choices=ShowStatus.choices)
    confirmed_on = models.DateField(
        _("confirmed on"), help_text=_("The day the source confirmed this status.")
    )
    note = models.CharField(
        _("note"),
        max_length=300,
        blank=True,
        help_text=_("What happened, e.g. “Cameras rolled in Tokyo”."),
    )
    source_url = models.URLField(
        _("source link"), blank=True, help_text=_("Where the status was confirmed.")
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    corrections = models.JSONField(
        _("corrections"),
        default=list,
        blank=True,
        editable=False,
        help_text=_("Earlier values of this entry, with who corrected it, when and why."),
    )

    class Meta:
        ordering = ["-confirmed_on", "-recorded_at", "-pk"]
        get_latest_by = ["confirmed_on", "recorded_at"]
        verbose_name = _("status change")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=ShowStatus.values),
                name="status_change_status_valid",
            )
        ]

    def __str__(self):
        return f"{self.show}: {self.get_status_display()} ({self.confirmed_on:%Y-%m-%d})"
