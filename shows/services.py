"""Every write to shows, their credits, status history and vocabularies: each in one
transaction, checked on the server, and purging the pages that show what changed once it
commits.

What a show edit touches is read from its facts before and after (ShowFacts): its own pages
and every box, card and credit showing it (``show:<id>``); the tracker and home lists when
what they filter or sort on changed (``list:shows``); search when a title changed; the shows
it is based on (their "adapted as"); the people whose credits changed.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from newsroom.core.cache import purge, tag_of
from newsroom.core.models import UNCHECKED, lock_version
from newsroom.core.rules import require
from people import cache_tags as people_tags
from shows import cache_tags
from shows.models import (
    Availability,
    Credit,
    Episode,
    KnownFor,
    Language,
    Season,
    Show,
    ShowTitle,
    StatusChange,
)

CHANGE_STATUS = "shows.change_show_status"
LISTED = (
    "title",
    "slug",
    "kind",
    "status",
    "status_confirmed_on",
    "release_date",
    "release_precision",
    "platform_id",
)
CREDIT = (
    "person_id",
    "role",
    "role_detail",
    "character_name",
    "character_description",
    "billing_order",
)
SEASON = ("pk", "number", "title", "status", "release_date", "release_precision", "episode_count")
EPISODE = ("pk", "season_id", "number", "title", "release_date", "release_precision", "runtime")
AVAILABILITY = (
    "pk",
    "platform_id",
    "country_id",
    "kind",
    "release_date",
    "release_precision",
    "ends_on",
    "confirmed_on",
)


@dataclass(frozen=True)
class ShowFacts:
    """What readers' pages know of a show, enough to tell which of them an edit touches."""

    pk: int
    listed: tuple
    status: tuple  # (status, the day it was last confirmed)
    based_on_show_id: int | None
    filters: frozenset
    titles: frozenset
    credits: frozenset
    releases: frozenset  # seasons, episodes and where-to-watch rows


def show_facts(pk):
    row = Show.objects.filter(pk=pk).values(*LISTED, "based_on_show_id").first()
    if row is None:
        return None
    filters = frozenset(
        (name, linked)
        for name in ("countries", "languages", "genres")
        for linked in getattr(Show, name)
        .through.objects.filter(show_id=pk)
        .values_list(getattr(Show, name).field.m2m_reverse_name(), flat=True)
    )
    titles = ShowTitle.objects.filter(show_id=pk).values_list("title", flat=True)
    return ShowFacts(
        pk=pk,
        listed=tuple(row[name] for name in LISTED),
        status=(row["status"], row["status_confirmed_on"]),
        based_on_show_id=row["based_on_show_id"],
        filters=filters,
        titles=frozenset([row["title"], *titles]),
        credits=frozenset(Credit.objects.filter(show_id=pk).values_list(*CREDIT)),
        releases=release_facts(pk),
    )


def release_facts(pk):
    """A show's seasons, episodes and where-to-watch rows, as stored now."""
    return frozenset(
        [
            *(("season", *row) for row in Season.objects.filter(show_id=pk).values_list(*SEASON)),
            *(
                ("episode", *row)
                for row in Episode.objects.filter(season__show_id=pk).values_list(*EPISODE)
            ),
            *(
                ("availability", *row)
                for row in Availability.objects.filter(show_id=pk).values_list(*AVAILABILITY)
            ),
        ]
    )


def change_tags(before, after):
    """The cache tags an edit from `before` to `after` (None: no show) touches."""
    facts = [f for f in (before, after) if f is not None]
    if not facts:
        return set()
    tags = {f"show:{facts[0].pk}", cache_tags.SITEMAP}
    if before is None or after is None:
        tags |= {cache_tags.SHOWS, cache_tags.SEARCH, cache_tags.RELEASES}
    else:
        if (before.listed, before.filters) != (after.listed, after.filters):
            tags |= {cache_tags.SHOWS, cache_tags.RELEASES}
        if before.releases != after.releases:
            tags.add(cache_tags.RELEASES)
        if before.titles != after.titles:
            tags |= {cache_tags.SEARCH, cache_tags.SHOWS}
    tags.update(f"show:{f.based_on_show_id}" for f in facts if f.based_on_show_id)
    old = before.credits if before else frozenset()
    new = after.credits if after else frozenset()
    people = {credit[0] for credit in old ^ new}
    if people:
        tags.add(people_tags.PEOPLE)
        tags.update(f"person:{pk}" for pk in people)
    return tags


def _may_change_status(by):
    return by is None or by.has_perm(CHANGE_STATUS)


@transaction.atomic
def save_show(*, show, by, before=None, is_new=False, loaded=UNCHECKED, restoring=False):
    """Save a show's own fields (the desk saves titles and credits next, then calls
    ``show_saved``). The show must still be the version the edit was loaded from
    (``loaded``, checked under a row lock: EditConflict if not). Only those who may change a
    show's status change it or its date here. ``restoring``: an old version's content is
    written back; the status and its date stay as they are (a new status is recorded with
    its own date and source, through ``record_status``)."""
    require(by, "shows.change_show" if show.pk else "shows.add_show")
    if show.pk and not show._state.adding and not is_new:  # is_new: recovered from history
        lock_version(Show, show.pk, loaded)
    if before is None and show.pk and not is_new:
        before = show_facts(show.pk)
    if restoring and before is not None:
        show.status, show.status_confirmed_on = before.status
    if show.status_confirmed_on is None:  # proposed by someone who may not set the status
        show.status_confirmed_on = timezone.localdate()
    moved = before is not None and (show.status, show.status_confirmed_on) != before.status
    if moved and not _may_change_status(by):
        raise PermissionDenied(_("You may not change a show's production status."))
    show.stamp(by)
    show.save()
    return show


@transaction.atomic
def show_saved(*, show, by, before=None, status_note="", status_source_url=""):
    """After a show and what is edited with it were saved: a new show or a new status (or
    date) is recorded in its history, and what readers saw of it is purged."""
    moved = before is None or before.status != (show.status, show.status_confirmed_on)
    recorded = show.status_history.filter(
        status=show.status, confirmed_on=show.status_confirmed_on
    ).exists()
    if moved and recorded:  # a restored version: the status follows its history, unchanged
        _follow_history(show, by)
    elif moved:
        record_status(
            show=show,
            status=show.status,
            confirmed_on=show.status_confirmed_on,
            note=status_note,
            source_url=status_source_url,
            by=by,
        )
    purge(*change_tags(before, show_facts(show.pk)))
    return show


@transaction.atomic
def delete_show(*, show, by):
    require(by, "shows.delete_show")
    before = show_facts(show.pk)
    show.delete()
    purge(*change_tags(before, None))


@transaction.atomic
def record_status(*, show, status, confirmed_on, note="", source_url="", by=None):
    """Record a production status confirmed on a date: append it to the show's history and
    make the show's status and "last confirmed" date follow the newest entry.

    An entry dated before the newest one (a backfilled earlier status) joins the history
    without changing the current status. A show's first entry may come from whoever
    proposed it; every later one needs the right to change a show's status.
    """
    # Lock the show so two status updates at once cannot leave it out of step with its history.
    Show.objects.select_for_update().filter(pk=show.pk).first()
    if show.status_history.exists() and not _may_change_status(by):
        raise PermissionDenied(_("You may not change a show's production status."))
    entry = StatusChange.objects.create(
        show=show,
        status=status,
        confirmed_on=confirmed_on,
        note=note,
        source_url=source_url,
        recorded_by=by,
    )
    _follow_history(show, by)
    return entry


@transaction.atomic
def correct_status(*, entry, status, confirmed_on, note, source_url, reason, by):
    """Correct a mistaken history entry. What it said before, who corrected it, when and why
    are kept on the entry; the show's status then follows its newest entry again."""
    if not _may_change_status(by):
        raise PermissionDenied(_("You may not correct a show's status history."))
    show = Show.objects.select_for_update().get(pk=entry.show_id)
    entry = StatusChange.objects.select_for_update().get(pk=entry.pk)
    entry.corrections = [
        *entry.corrections,
        {
            "at": timezone.now().isoformat(),
            "by": by.get_username() if by else "",
            "reason": reason,
            "was": {
                "status": entry.status,
                "confirmed_on": entry.confirmed_on.isoformat(),
                "note": entry.note,
                "source_url": entry.source_url,
            },
        },
    ]
    entry.status, entry.confirmed_on = status, confirmed_on
    entry.note, entry.source_url = note, source_url
    entry.save()
    _follow_history(show, by)
    return entry


def _follow_history(show, by):
    """The show's status and date follow its newest history entry; the show's pages and
    the lists that filter by status are purged (the calendar too: a cancelled show leaves
    it)."""
    newest = show.status_history.first()  # history is ordered newest first
    show.status = newest.status
    show.status_confirmed_on = newest.confirmed_on
    Show.objects.filter(pk=show.pk).update(
        status=newest.status,
        status_confirmed_on=newest.confirmed_on,
        modified_at=timezone.now(),
        modified_by=by,  # an editor with the show open is told who changed it
    )
    purge(show, cache_tags.SHOWS, cache_tags.SITEMAP, cache_tags.RELEASES)


@transaction.atomic
def save_season(*, season, by, loaded=UNCHECKED):
    """A season's own fields, edited on its page (its episodes follow, then
    ``season_saved``). The seasons edited inline on a show go through ``show_saved``. An
    edit of a stored season must start from the show's version as it is now (``loaded``,
    checked under the show's row lock: EditConflict if not): ``season_saved`` stamps the
    show, so one save after another's is refused, on this page and on the show's."""
    require(by, "shows.change_season" if season.pk else "shows.add_season")
    if season.pk and not season._state.adding:
        lock_version(Show, season.show_id, loaded)
    else:
        Show.objects.select_for_update().filter(pk=season.show_id).first()
    season.save()
    return season


@transaction.atomic
def season_saved(*, season, by, before):
    """After a season and its episodes were saved: the show's pages, and the calendar."""
    require(by, "shows.change_season")
    Show.objects.filter(pk=season.show_id).update(modified_at=timezone.now(), modified_by=by)
    purge(*change_tags(before, show_facts(season.show_id)))


@transaction.atomic
def delete_season(*, season, by):
    require(by, "shows.delete_season")
    before = show_facts(season.show_id)
    season.delete()
    purge(*change_tags(before, show_facts(season.show_id)))


def person_credits(person):
    """The shows a person is credited in or known for (and how), as stored now."""
    if person.pk is None:
        return frozenset()
    credits = Credit.objects.filter(person=person).values_list("show_id", *CREDIT[1:])
    known_for = KnownFor.objects.filter(person=person).values_list("show_id", "note", "ordering")
    return frozenset(credits) | frozenset(("known-for", *row) for row in known_for)


def person_credits_saved(*, person, before):
    """After a person's credits and known-for links were edited on their page: purge the
    shows whose credits changed, and the person's lists."""
    changed = before ^ person_credits(person)
    shows = {row[0] for row in changed if row[0] != "known-for"}
    purge(person, *(f"show:{pk}" for pk in shows), people_tags.PEOPLE if shows else None)


def _filed_under(obj):
    """Tags of the shows filed under a vocabulary entry (their pages, boxes and cards name
    it), and of those with a title in it (a language)."""
    shows = set(obj.shows.values_list("pk", flat=True))
    if isinstance(obj, Language):
        shows |= set(ShowTitle.objects.filter(language=obj).values_list("show_id", flat=True))
    return [f"show:{pk}" for pk in shows]


@transaction.atomic
def save_vocabulary(*, obj, by):
    """A platform, company, genre, country or language: every show filed under it (rare,
    and the pages showing them name it), and the filter forms offering it."""
    name = obj._meta.model_name
    require(by, f"shows.{'change' if obj.pk else 'add'}_{name}")
    obj.save()
    purge(obj, cache_tags.vocabulary_list(type(obj)), _filed_under(obj))
    return obj


@transaction.atomic
def delete_vocabulary(*, obj, by):
    require(by, f"shows.delete_{obj._meta.model_name}")
    tags = [
        tag_of(obj),
        cache_tags.vocabulary_list(type(obj)),
        cache_tags.SHOWS,
        *_filed_under(obj),
    ]
    obj.delete()
    purge(*tags)
