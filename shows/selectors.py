"""Reads of shows that several pages share: the show box, a show's credits, a person's."""

from itertools import groupby

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.functional import cached_property

from newsroom.core.cache import add_tags
from shows import cache_tags
from shows.models import Credit, CreditRole, Show, ShowTitle

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
