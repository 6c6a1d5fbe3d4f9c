"""Reads of shows that several pages share: the show box, a show's credits, a person's."""

import datetime
from dataclasses import dataclass
from itertools import groupby

from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from newsroom.core.cache import add_tags
from shows import cache_tags
from shows.models import (
    Availability,
    AvailabilityKind,
    Country,
    Credit,
    CreditRole,
    Episode,
    Season,
    Show,
    ShowKind,
    ShowStatus,
    ShowTitle,
)
from shows.models.show import upcoming_releases
from shows.release import Precision, ReleaseWindow

# The crew a show box names (who made it) and how many of the cast.
SHOW_BOX_CREW = [CreditRole.CREATOR, CreditRole.SHOWRUNNER, CreditRole.DIRECTOR]
SHOW_BOX_CAST = 6
CREDIT_FIELDS = ("show", "person", "role", "character_name", "billing_order")


def show_box_queryset():
    """Shows with what their fact box needs (the credits come from ShowBoxCredits)."""
    return Show.objects.select_related("platform", "based_on_show")


class ShowBoxCredits:
    """The credits every show box on a page names, read in one query, and only when a box is
    rendered: not at all while the boxes' cached fragments are current."""

    def __init__(self, shows):
        self.show_ids = [show.pk for show in shows]

    @cached_property
    def _by_show(self):
        credits = (
            Credit.objects.filter(
                show__in=self.show_ids, role__in=[CreditRole.CAST, *SHOW_BOX_CREW]
            )
            .select_related("person")
            .only(*CREDIT_FIELDS, "person__name", "person__slug")
            .order_by("role", "billing_order", "pk")
        )
        grouped = {pk: [] for pk in self.show_ids}
        for credit in credits:
            grouped[credit.show_id].append(credit)
        return grouped

    def cast(self, show):
        return [c for c in self._by_show[show.pk] if c.role == CreditRole.CAST][:SHOW_BOX_CAST]

    def crew(self, show):
        return [c for c in self._by_show[show.pk] if c.role != CreditRole.CAST]


def show_page_queryset():
    """A show with everything its own page shows of it, in a fixed number of queries."""
    return Show.objects.select_related("platform", "based_on_show").prefetch_related(
        Prefetch("other_titles", queryset=ShowTitle.objects.select_related("language")),
        "countries",
        "languages",
        "genres",
        "companies",
        "status_history",
        "adaptations",
        Prefetch("seasons", queryset=Season.objects.prefetch_related("episodes")),
        Prefetch(
            "availability",
            queryset=Availability.objects.select_related("platform", "country"),
        ),
    )


def show_tags(show):
    """The tags of a show as its own page shows it: the show (its vocabulary is purged with
    it), the shows it is based on or adapted as (prefetched by show_page_queryset)."""
    return [show, show.based_on_show, *show.adaptations.all()]


def show_credits(show):
    """(cast, crew grouped by role, every credit) for a show page: cast in billing order,
    crew in the order crews are listed."""
    credits = list(show.credits.select_related("person").order_by("billing_order", "pk"))
    add_tags(credit.person for credit in credits)
    cast = [credit for credit in credits if credit.role == CreditRole.CAST]
    crew = sorted(
        (credit for credit in credits if credit.role != CreditRole.CAST),
        key=lambda credit: CreditRole.values.index(credit.role),
    )
    labels = dict(CreditRole.choices)
    crew_groups = [
        (labels[role], list(group)) for role, group in groupby(crew, key=lambda c: c.role)
    ]
    return cast, crew_groups, credits


def person_credits(person):
    """[(show, [role, ...])] for a person page: each show once, with every part they hold,
    in release order (undated shows last)."""
    credits = list(
        person.credits.select_related("show", "show__platform").order_by(
            "show__title", "show__pk", "billing_order"
        )
    )
    labels = dict(CreditRole.choices)
    groups = []
    for show, group in groupby(credits, key=lambda credit: credit.show):
        add_tags(show)
        roles = [
            {
                "label": labels[credit.role],
                "detail": credit.role_detail,
                "character": credit.character_name,
                "description": credit.character_description,
            }
            for credit in group
        ]
        groups.append((show, roles))
    groups.sort(key=lambda item: item[0].release_date or timezone.now().date())
    return groups


def tracked_shows():
    """Shows for a list (the tracker, search, the home page): the list's tag is named."""
    add_tags(cache_tags.SHOWS)
    return Show.objects.select_related("platform")


# --- Releases: the calendar, its feeds, "new this week" ------------------------------------

RELEASES_LIMIT = 400  # a calendar page or feed holds at most this many releases


@dataclass(frozen=True)
class Release:
    """One thing readers can mark in a calendar: a film or series premiere, a season, an
    episode, or a title arriving on a platform in a country."""

    kind: str  # "show", "season", "episode", "availability"
    pk: int
    show: Show
    window: ReleaseWindow
    platform: object = None
    country: object = None
    how: str = ""  # availability: stream, rent, buy, free, cinema
    season: object = None
    episode: object = None
    ends_on: object = None
    modified_at: object = None

    @property
    def uid(self):
        """Stable for the life of the record, whatever its date becomes: a calendar app
        updates the event when the date firms up."""
        return f"{self.kind}-{self.pk}"

    @property
    def premiere(self):
        return self.kind in ("show", "season")

    @property
    def label(self):
        """What is released, e.g. "season 2", "episode 3 (season 1)", "on Netflix (stream)"."""
        if self.kind == "season":
            return str(self.season)
        if self.kind == "episode":
            return f"{self.episode}, {self.season}"
        if self.kind == "availability":
            return f"{AvailabilityKind(self.how).label} on {self.platform.name}"
        return str(ShowKind(self.show.kind).label) + " premiere"

    @property
    def summary(self):
        return f"{self.show.title}: {self.label}"

    @property
    def sort_key(self):
        precision = Precision.values[::-1].index(self.window.precision)
        return (self.window.date, precision, self.show.title, self.kind, self.pk)


@dataclass(frozen=True)
class ReleaseFilters:
    """What a calendar or feed is narrowed to. Every field optional."""

    shows: object = None  # a queryset of show ids (one show's feed, one person's)
    platform: object = None
    country: object = None
    kind: str = ""  # a ShowKind
    genre: object = None
    premieres_only: bool = False


def _narrowed(queryset, filters, to_show="", today=None):
    """The filters that apply through the show; ``to_show`` leads from the row to its show
    ("" for a show, "show" for a season, "season__show" for an episode). A country keeps
    the shows watchable there from a row that has not ended."""
    prefix = f"{to_show}__" if to_show else ""
    if filters.shows is not None:
        queryset = queryset.filter(**{f"{to_show}__in" if to_show else "pk__in": filters.shows})
    # The platform is the show's for a premiere, a season or an episode, the row's own for
    # where to watch: releases() applies it.
    if filters.kind:
        queryset = queryset.filter(**{f"{prefix}kind": filters.kind})
    if filters.genre is not None:
        queryset = queryset.filter(**{f"{prefix}genres": filters.genre})
    if filters.country is not None:
        watchable = Availability.objects.filter(
            Q(ends_on__isnull=True) | Q(ends_on__gte=today or timezone.localdate()),
            show=OuterRef(to_show or "pk"),
            country=filters.country,
        )
        queryset = queryset.filter(Exists(watchable))
    return queryset


def releases(*, filters=ReleaseFilters(), today=None, until=None, limit=None):
    """Releases whose window has not ended, soonest first, in four queries whatever the
    number of shows. A season, episode or row known only to the month, season or year is a
    release in that window, never on a made-up day; ``until`` keeps those starting before
    it. A series with seasons premieres with its seasons; an episode that opens its season on
    the season's own day is the season's release. A cancelled show does not premiere, nor
    does a cancelled season or its episodes (where to watch is kept: it is a deal already
    made)."""
    today = today or timezone.localdate()
    limit = limit or RELEASES_LIMIT
    add_tags(cache_tags.RELEASES)

    def ahead(queryset, prefix=""):
        queryset = queryset.filter(upcoming_releases(today, prefix))
        if until is not None:
            queryset = queryset.filter(**{f"{prefix}release_date__lt": until})
        return queryset.order_by(f"{prefix}release_date")[:limit]

    found = []
    with_seasons = Exists(Season.objects.filter(show=OuterRef("pk")))
    shows = _narrowed(Show.objects.select_related("platform"), filters, today=today)
    if filters.platform is not None:
        shows = shows.filter(platform=filters.platform)
    shows = shows.exclude(status=ShowStatus.CANCELLED)
    for show in ahead(shows.exclude(Q(kind=ShowKind.SERIES) & with_seasons)):
        found.append(
            Release(
                "show",
                show.pk,
                show,
                show.release_window,
                show.platform,
                modified_at=show.modified_at,
            )
        )
    seasons = _narrowed(
        Season.objects.select_related("show__platform"), filters, "show", today=today
    ).exclude(status=ShowStatus.CANCELLED)
    if filters.platform is not None:
        seasons = seasons.filter(show__platform=filters.platform)
    season_days = {}
    for season in ahead(seasons):
        season_days[season.pk] = season.release_window
        found.append(
            Release(
                "season",
                season.pk,
                season.show,
                season.release_window,
                season.show.platform,
                season=season,
                modified_at=season.show.modified_at,
            )
        )
    if not filters.premieres_only:
        episodes = _narrowed(
            Episode.objects.select_related("season__show__platform"),
            filters,
            "season__show",
            today=today,
        ).exclude(season__status=ShowStatus.CANCELLED)
        if filters.platform is not None:
            episodes = episodes.filter(season__show__platform=filters.platform)
        for episode in ahead(episodes):
            season = episode.season
            if episode.number == 1 and season_days.get(season.pk) == episode.release_window:
                continue
            found.append(
                Release(
                    "episode",
                    episode.pk,
                    season.show,
                    episode.release_window,
                    season.show.platform,
                    season=season,
                    episode=episode,
                    modified_at=season.show.modified_at,
                )
            )
        rows = _narrowed(
            Availability.objects.select_related("show__platform", "platform", "country"),
            filters,
            "show",
            today=today,
        )
        if filters.platform is not None:
            rows = rows.filter(platform=filters.platform)
        if filters.country is not None:
            rows = rows.filter(country=filters.country)
        for row in ahead(rows):
            found.append(
                Release(
                    "availability",
                    row.pk,
                    row.show,
                    row.release_window,
                    row.platform,
                    row.country,
                    row.kind,
                    ends_on=row.ends_on,
                    modified_at=row.show.modified_at,
                )
            )
    found.sort(key=lambda release: release.sort_key)
    return found[:limit]


def week_of(day):
    """Monday of the week `day` falls in."""
    return day - datetime.timedelta(days=day.weekday())


def arriving(*, platform=None, country=None, today=None):
    """(monday, [(week label, [release, ...]) for this week and next]): what arrives known
    to the day, from the availability and release records ("new this week")."""
    monday = week_of(today or timezone.localdate())
    found = [
        release
        for release in releases(
            filters=ReleaseFilters(platform=platform, country=country),
            today=monday,
            until=monday + datetime.timedelta(days=14),
        )
        if release.window.exact
    ]
    following = monday + datetime.timedelta(days=7)
    return monday, [
        (_("This week"), [r for r in found if r.window.date < following]),
        (_("Next week"), [r for r in found if r.window.date >= following]),
    ]


def by_month(found):
    """[(window, [release, ...])]: a release known to the day or the month under its month,
    one known only to a season or a year under that season or year ("date to be
    announced"), after the months it covers."""
    groups = {}
    for release in found:
        groups.setdefault(release.window.month, []).append(release)
    rank = {Precision.MONTH: 0, Precision.SEASON: 1, Precision.YEAR: 2}
    return sorted(groups.items(), key=lambda item: (item[0].end, rank[item[0].precision]))


_country_codes = None  # every country's code, read once per process (see country_codes)


def country_codes():
    """The codes of the countries listed, as a set: read once per process and forgotten
    whenever a country is saved or deleted here (shows.apps connects that). Another
    process learns of a new country when it restarts; until then its readers of that
    country see every country, as with an unknown code."""
    global _country_codes
    if _country_codes is None:
        _country_codes = frozenset(Country.objects.values_list("code", flat=True))
    return _country_codes


def forget_country_codes(**kwargs):
    global _country_codes
    _country_codes = None


def countries():
    """Every country, for a choice of where the reader watches (purged with the list)."""
    add_tags(cache_tags.vocabulary_list(Country))
    return Country.objects.all()
