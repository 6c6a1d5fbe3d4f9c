"""Show and person pages, and the public production tracker (the filtered show list).

Person pages live here, not in people/, because they are made of credits (shows) and of
what the desk published (reached through reverse relations, never by importing articles/).
Each page costs a fixed number of queries.
"""

from itertools import groupby

from django.conf import settings
from django.db.models import Count, Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView
from django_filters.views import FilterView

from people.models import Person
from shows import seo
from shows.filters import PersonFilter, ShowFilter
from shows.models import CreditRole, Show, ShowTitle

ARTICLES_ON_PAGE = 20
PHOTOS_ON_PAGE = 24


def published_articles(manager):
    """A related manager's published articles, ready for cards (ArticleQuerySet through the
    reverse relation: shows/ does not import articles/)."""
    return manager.published().for_cards()


class PublicListMixin:
    """A public list: NEWSROOM_PAGE_SIZE a page, counted by NEWSROOM_LIST_PAGINATOR (counts
    kept per content version; read through settings, as apps never import newsroom)."""

    def get_paginate_by(self, queryset):
        return settings.NEWSROOM_PAGE_SIZE

    def get_paginator(self, *args, **kwargs):
        return import_string(settings.NEWSROOM_LIST_PAGINATOR)(*args, **kwargs)


class ShowDetailView(DetailView):
    template_name = "shows/show_detail.html"
    context_object_name = "show"

    def get_queryset(self):
        return Show.objects.select_related("platform", "based_on_show").prefetch_related(
            Prefetch("other_titles", queryset=ShowTitle.objects.select_related("language")),
            "countries",
            "languages",
            "genres",
            "companies",
            "status_history",
            "adaptations",
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        show = self.object
        credits = list(show.credits.select_related("person").order_by("billing_order", "pk"))
        cast = [credit for credit in credits if credit.role == CreditRole.CAST]
        crew = sorted(
            (credit for credit in credits if credit.role != CreditRole.CAST),
            key=lambda credit: CreditRole.values.index(credit.role),
        )
        labels = dict(CreditRole.choices)
        crew_groups = [
            (labels[role], list(group)) for role, group in groupby(crew, key=lambda c: c.role)
        ]
        companies = list(show.companies.all())
        trail = [
            (_("Home"), "/"),
            (_("Shows"), reverse("shows:list")),
            (show.title, show.get_absolute_url()),
        ]
        context.update(
            cast=cast,
            crew_groups=crew_groups,
            articles=published_articles(show.articles)[:ARTICLES_ON_PAGE],
            photos=show.photos.all()[:PHOTOS_ON_PAGE],
            breadcrumbs=trail,
            structured_data=[
                seo.show_data(self.request, show, credits, companies),
                seo.breadcrumbs(self.request, trail),
            ],
        )
        return context


class ShowListView(PublicListMixin, FilterView):
    """The reader-facing production tracker: filter by status, platform, year..."""

    filterset_class = ShowFilter
    template_name = "shows/show_list.html"
    context_object_name = "shows"

    def get_queryset(self):
        return Show.objects.select_related("platform").prefetch_related("photos")


class PersonDetailView(DetailView):
    template_name = "people/person_detail.html"
    context_object_name = "person"

    def get_queryset(self):
        return Person.objects.prefetch_related("known_for_shows__show")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = self.object
        credits = list(
            person.credits.select_related("show", "show__platform").order_by(
                "show__title", "show__pk", "billing_order"
            )
        )
        labels = dict(CreditRole.choices)
        credit_groups = []
        for show, group in groupby(credits, key=lambda credit: credit.show):
            roles = [
                {
                    "label": labels[credit.role],
                    "detail": credit.role_detail,
                    "character": credit.character_name,
                    "description": credit.character_description,
                }
                for credit in group
            ]
            credit_groups.append((show, roles))
        credit_groups.sort(key=lambda item: item[0].release_date or timezone.now().date())
        quotes = (
            # Article is reached through the relation (shows/ does not import articles/).
            person.quotes.filter(parent__in=person.articles.model.objects.published())
            .select_related("parent")
            .order_by("-parent__publish_at")[:10]
        )
        trail = [
            (_("Home"), "/"),
            (_("People"), reverse("people:list")),
            (person.name, person.get_absolute_url()),
        ]
        context.update(
            credit_groups=credit_groups,
            known_for=list(person.known_for_shows.all()),
            photos=person.photos.all()[:PHOTOS_ON_PAGE],
            articles=published_articles(person.articles)[:ARTICLES_ON_PAGE],
            quotes=quotes,
            breadcrumbs=trail,
            structured_data=[
                seo.person_data(self.request, person),
                seo.breadcrumbs(self.request, trail),
            ],
        )
        return context


class PersonListView(PublicListMixin, FilterView):
    filterset_class = PersonFilter
    template_name = "people/person_list.html"
    context_object_name = "people"

    def get_queryset(self):
        return (
            Person.objects.annotate(credit_count=Count("credits", distinct=True))
            .prefetch_related("photos")
            .order_by("name", "pk")
        )
