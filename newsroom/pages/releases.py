"""When readers can watch it, and where: the release calendar, its iCal feeds, "new this
week" per platform and country, and the reader's country for "where to watch".

The releases come from ``shows.selectors.releases`` (seasons, films, episodes, arrivals on a
platform), each at its real precision: a date known only to the month or the season is shown
under that month or season as "date to be announced", never on a made-up day. These pages
live here because they show each title's coverage (an ``articles`` read).
"""

import datetime
import re
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.db.models import OuterRef, Subquery
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation.trans_real import parse_accept_lang_header
from django.views.decorators.http import require_safe

from articles import selectors as articles
from newsroom.core.cache import add_tags, cache_page, expire_at, is_reader
from people.models import Person
from shows import cache_tags as show_tags
from shows import selectors as shows
from shows.filters import ReleaseFilter
from shows.models import Country, Credit, Platform, Show
from shows.selectors import ReleaseFilters

COUNTRY_COOKIE = "country"
COUNTRY_COOKIE_AGE = 365 * 24 * 3600
# A language with no region ("ja" rather than "ja-JP") names the country most of its
# speakers are in; where there is no such country (en, es, ar...), nothing is guessed.
LANGUAGE_COUNTRIES = {
    "ja": "JP",
    "ko": "KR",
    "fr": "FR",
    "de": "DE",
    "it": "IT",
    "nl": "NL",
    "pl": "PL",
    "sv": "SE",
    "da": "DK",
    "fi": "FI",
    "nb": "NO",
    "th": "TH",
    "vi": "VN",
    "id": "ID",
    "tr": "TR",
    "he": "IL",
}
_CODE = re.compile(r"^[A-Za-z]{2}$")
CAST_NAMED = 3  # top-billed cast named on "new this week"


def _tomorrow():
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time()))


# --- The reader's country ---------------------------------------------------------------


def reader_country(request):
    """The reader's two-letter country code: what they chose (``?country=``, then the
    cookie the chooser sets), else the region of their browser's first language that has
    one (``Accept-Language``). "" when nothing says (every country is shown). Only a
    country we list counts: any other code is as if nothing said, so a made-up code
    never makes a page of its own in the cache."""
    known = shows.country_codes()

    def listed(code):
        code = code.upper()
        return code if _CODE.match(code) and code in known else ""

    chosen = request.GET.get("country")
    if chosen is not None:
        return listed(chosen)
    cookie = request.COOKIES.get(COUNTRY_COOKIE, "")
    if cookie == "all":
        return ""
    if listed(cookie):
        return listed(cookie)
    for language, _quality in parse_accept_lang_header(
        request.headers.get("Accept-Language", "")[:200]
    ):
        parts = language.split("-")
        if len(parts) > 1 and listed(parts[-1]):
            return listed(parts[-1])
        if listed(LANGUAGE_COUNTRIES.get(parts[0], "")):
            return LANGUAGE_COUNTRIES[parts[0]]
    return ""


def country_vary(request):
    """For ``cache_page(vary=)``: a page showing the reader's country is kept per country,
    and tells caches beyond this one what it varied on (none when the address says it)."""
    return reader_country(request), () if "country" in request.GET else (
        "Cookie",
        "Accept-Language",
    )


def choose_country(request):
    """The plain selector's target: remember the choice in a cookie and go back."""
    code = request.GET.get("country", "")
    back = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        back = "/"
    response = HttpResponseRedirect(back)
    value = code.upper() if _CODE.match(code) else "all"
    response.set_cookie(
        COUNTRY_COOKIE,
        value,
        max_age=COUNTRY_COOKIE_AGE,
        samesite="Lax",
        secure=request.is_secure(),
        httponly=True,
    )
    response["Cache-Control"] = "private, no-store"
    return response


def where_to_watch(show, code):
    """(the reader's rows, every country's rows grouped, the country chosen or None).
    ``show.availability`` is prefetched with platforms and countries. A row whose last day
    has passed is gone; the page ends the day after the next last day."""
    today = timezone.localdate()
    rows = [row for row in show.availability.all() if not row.ends_on or row.ends_on >= today]
    endings = [row.ends_on for row in rows if row.ends_on]
    if endings:
        following = min(endings) + datetime.timedelta(days=1)
        expire_at(timezone.make_aware(datetime.datetime.combine(following, datetime.time())))
    by_country = {}
    for row in rows:
        by_country.setdefault(row.country, []).append(row)
    # What a row shows of its platform and country is purged with them.
    add_tags({row.platform for row in rows}, {row.country for row in rows})
    mine = [row for row in rows if row.country.code == code]
    chosen = mine[0].country if mine else None
    return mine, sorted(by_country.items(), key=lambda item: item[0].name), chosen


# --- The calendar -----------------------------------------------------------------------


@require_safe
@cache_page(params=ReleaseFilter.params)
def calendar(request):
    release_filter = ReleaseFilter(request.GET)
    found = shows.releases(filters=release_filter.filters)
    _name_vocabulary(found)
    expire_at(_tomorrow())  # "upcoming" counts from today
    query = request.GET.copy()
    return render(
        request,
        "newsroom/calendar.html",
        {
            "section": "calendar",
            "filter": release_filter,
            "months": shows.by_month(found),
            "count": len(found),
            "truncated": len(found) >= shows.RELEASES_LIMIT,
            "ics_query": query.urlencode(),
        },
    )


def _name_vocabulary(found):
    """What a release shows of its platform and country: purged with them."""
    add_tags(
        {release.platform for release in found if release.platform},
        {release.country for release in found if release.country},
    )


# --- iCal feeds (RFC 5545) --------------------------------------------------------------


def _ics_options(request):
    """(premieres only, spread partial dates over their window): ``?premieres=1``,
    ``?partial=skip`` leaves out what is not known to the day."""
    premieres = request.GET.get("premieres", "") in ("1", "on", "true", "yes")
    return premieres, request.GET.get("partial", "") != "skip"


def ics_response(request, found, *, name, spread_partial=True):
    """The releases as an iCalendar feed: one all-day event each, with a UID that stays the
    same when the date moves (calendar apps update the event). A date known only to the
    month, season or year is an all-day event spanning that window, "date to be
    announced", or is left out (``spread_partial=False``)."""
    # The UIDs name the site, not the address this request came by: a feed fetched through
    # another host name (a CDN's, a staging copy's) updates the same events.
    host = urlsplit(settings.NEWSROOM_SITE_URL).hostname or request.get_host().split(":")[0]
    cal = icalendar.Calendar()
    cal.add("prodid", f"-//{settings.NEWSROOM_SITE_NAME}//Release calendar//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add(
        "x-wr-caldesc", _("Release dates from %(site)s") % {"site": settings.NEWSROOM_SITE_NAME}
    )
    cal.add("refresh-interval", datetime.timedelta(hours=12), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "PT12H")
    now = timezone.now()
    for release in found:
        exact = release.window.exact
        if not exact and not spread_partial:
            continue
        event = icalendar.Event()
        event.add("uid", f"{release.uid}@{host}")
        event.add("dtstamp", (release.modified_at or now).astimezone(datetime.UTC))
        summary = release.summary
        if not exact:
            summary += " " + _("(%(window)s, date to be announced)") % {"window": release.window}
        event.add("summary", summary)
        event.add("dtstart", release.window.date)
        event.add("dtend", release.window.end + datetime.timedelta(days=1))
        event.add("transp", "TRANSPARENT")
        event.add("url", request.build_absolute_uri(release.show.get_absolute_url()))
        details = [capfirst(release.label), str(release.window)]
        if release.country:
            details.append(release.country.name)
        elif release.platform:
            details.append(release.platform.name)
        event.add("description", " · ".join(details))
        event.add("categories", ["premiere" if release.premiere else release.kind])
        cal.add_component(event)
    response = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="calendar.ics"'
    return response


@require_safe
@cache_page(params=[*ReleaseFilter.params, "partial"])
def calendar_ics(request):
    premieres, spread = _ics_options(request)
    release_filter = ReleaseFilter(request.GET)
    filters = release_filter.filters
    if premieres and not filters.premieres_only:
        filters = ReleaseFilters(**{**filters.__dict__, "premieres_only": True})
    found = shows.releases(filters=filters)
    _name_vocabulary(found)
    expire_at(_tomorrow())
    return ics_response(request, found, name=settings.NEWSROOM_SITE_NAME, spread_partial=spread)


@require_safe
@cache_page(params=["premieres", "partial"])
def show_ics(request, slug):
    show = get_object_or_404(Show, slug=slug)
    add_tags(show)
    premieres, spread = _ics_options(request)
    found = shows.releases(filters=ReleaseFilters(shows=[show.pk], premieres_only=premieres))
    _name_vocabulary(found)
    expire_at(_tomorrow())
    return ics_response(request, found, name=show.title, spread_partial=spread)


@require_safe
@cache_page(params=["premieres", "partial"])
def platform_ics(request, slug):
    platform = get_object_or_404(Platform, slug=slug)
    add_tags(platform)
    premieres, spread = _ics_options(request)
    found = shows.releases(filters=ReleaseFilters(platform=platform, premieres_only=premieres))
    _name_vocabulary(found)
    expire_at(_tomorrow())
    name = _("%(platform)s releases") % {"platform": platform.name}
    return ics_response(request, found, name=name, spread_partial=spread)


@require_safe
@cache_page(params=["premieres", "partial"])
def person_ics(request, slug):
    person = get_object_or_404(Person, slug=slug)
    add_tags(person)  # their credits are purged with them
    premieres, spread = _ics_options(request)
    credited = Credit.objects.filter(person=person).values("show")
    found = shows.releases(filters=ReleaseFilters(shows=credited, premieres_only=premieres))
    _name_vocabulary(found)
    expire_at(_tomorrow())
    return ics_response(request, found, name=person.name, spread_partial=spread)


# --- New this week ----------------------------------------------------------------------


def title_details(found):
    """{show pk: {"genres": [...], "cast": [credit, ...], "coverage": (headline, url)}} for
    the shows of these releases, in three queries whatever their number."""
    ids = sorted({release.show.pk for release in found})
    details = {pk: {"genres": [], "cast": [], "coverage": None} for pk in ids}
    if not ids:
        return details
    links = Show.genres.through.objects.filter(show_id__in=ids).select_related("genre")
    for link in links.order_by("genre__name"):
        details[link.show_id]["genres"].append(link.genre)
    box = shows.ShowBoxCredits([release.show for release in found])
    for release in found:
        details[release.show.pk]["cast"] = box.cast(release.show)[:CAST_NAMED]
    add_tags(*(credit.person for info in details.values() for credit in info["cast"]))
    newest = articles.published().filter(shows=OuterRef("pk")).order_by("-publish_at")
    latest = Show.objects.filter(pk__in=ids).annotate(
        headline=Subquery(newest.values("headline")[:1]),
        article_slug=Subquery(newest.values("slug")[:1]),
    )
    for pk, headline, slug in latest.values_list("pk", "headline", "article_slug"):
        if slug:
            url = reverse("articles:detail", kwargs={"slug": slug})
            details[pk]["coverage"] = (headline, url)
    add_tags(*(f"show:{pk}" for pk in ids))
    return details


def _may_draft(request):
    """Staff who may write (readers are never asked: their pages are cached, and reading
    the session would make every page vary on the cookie)."""
    return not is_reader(request) and request.user.has_perm("articles.add_article")


@require_safe
@cache_page(params=["country"], vary=country_vary)
def new_this_week(request, platform=None):
    """What arrives this week and next, site-wide or on one platform, in the reader's
    country (``?country=JP``, else the one they chose or their browser says) or in every
    country (``?country=``). Editors (never cached: staff see the live site) get a button
    that turns it into a draft roundup article."""
    platform = get_object_or_404(Platform, slug=platform) if platform else None
    code = reader_country(request)
    country = Country.objects.filter(code=code).first() if code else None
    asked = request.GET.get("country", "")
    add_tags(show_tags.vocabulary_list(Country), show_tags.vocabulary_list(Platform), platform)
    monday, weeks = shows.arriving(platform=platform, country=country)
    found = [release for _label, week in weeks for release in week]
    _name_vocabulary(found)
    details = title_details(found)
    expire_at(_tomorrow())
    return render(
        request,
        "newsroom/new_this_week.html",
        {
            "section": "calendar",
            "platform": platform,
            "country": country,
            "countries": Country.objects.all(),
            "unknown_country": asked[:20] if asked and country is None else "",
            "monday": monday,
            "weeks": [
                (label, [(release, details[release.show.pk]) for release in week])
                for label, week in weeks
            ],
            "may_draft": _may_draft(request),
            "platforms": Platform.objects.all(),
        },
    )
