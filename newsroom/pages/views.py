"""The composite pages: each shows records of several apps, so it lives above them all.

Home, search, the show page and the tracker (shows with their photos and articles), the
person page and the people list (people with their credits, photos, quotes and articles),
author and tag pages, robots.txt. Every page is cached for readers with the tags of what it
showed (newsroom/core/cache.py) and costs a fixed number of queries on a miss.
"""

import datetime

from django.conf import settings
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe
from django.views.generic import DetailView, ListView
from django.views.static import serve as static_serve
from django_filters.views import FilterView

from articles import selectors as articles
from articles import seo as article_seo
from articles.models import Author, Tag
from newsroom.core.cache import add_tags, cache_page, cached_value, expire_at
from newsroom.core.paginator import CachedCountPaginator
from newsroom.core.public import PublicListMixin, breadcrumbs, filter_params
from newsroom.pages import releases, search
from people import cache_tags as people_tags
from people import seo as people_seo
from people.models import Person
from shows import selectors as shows
from shows import seo as show_seo
from shows.filters import PersonFilter, ShowFilter
from shows.models import ShowStatus

LATEST_COUNT = 9
TRACKER_COUNT = 6
POPULAR_COUNT = 8
POPULAR_DAYS = 90
ARTICLES_ON_PAGE = 20
PHOTOS_ON_PAGE = 24
# Statuses of shows still to come: "coming soon" lists those with a release window ahead.
UPCOMING = [
    ShowStatus.ANNOUNCED,
    ShowStatus.IN_DEVELOPMENT,
    ShowStatus.PRE_PRODUCTION,
    ShowStatus.FILMING,
    ShowStatus.POST_PRODUCTION,
    ShowStatus.COMPLETED,
    ShowStatus.RENEWED,
]


def _tomorrow():
    """Midnight in the newsroom's zone: pages that count from today end then."""
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time()))


def popular_shows(now):
    """[(show, number of stories in the last three months)], most covered first. Counting
    a quarter's stories per show is the home page's dearest query: it is kept until an
    article joins or leaves a list (or an hour passes)."""

    def compute():
        recent = articles.published().filter(
            publish_at__gte=now - datetime.timedelta(days=POPULAR_DAYS)
        )
        expire_at(now + datetime.timedelta(hours=1))  # stories age out of the quarter
        return list(
            shows.tracked_shows()
            .filter(articles__in=recent)
            .annotate(article_count=Count("articles"))
            .order_by("-article_count", "title")
            .values_list("pk", "article_count")[:POPULAR_COUNT]
        )

    counts = dict(cached_value("home:popular-shows", compute))
    found = shows.tracked_shows().in_bulk(counts)
    ranked = [found[pk] for pk in counts if pk in found]  # in the order counted
    for show in ranked:
        show.article_count = counts[show.pk]
    return ranked


@require_safe
@cache_page()
def home(request):
    now = timezone.now()
    today = timezone.localdate()
    latest = list(articles.cards(articles.published())[: LATEST_COUNT + 1])
    lead = next((article for article in latest if article.hero_photo_id), None)
    if lead is None and latest:
        lead = latest[0]
    rest = [article for article in latest if article is not lead][:LATEST_COUNT]
    tracked = shows.tracked_shows()
    filming = tracked.filter(status=ShowStatus.FILMING).order_by("-status_confirmed_on", "title")
    coming = tracked.filter(
        status__in=UPCOMING, release_date__gte=today.replace(month=1, day=1)
    ).order_by("release_date", "title")
    expire_at(_tomorrow())  # "coming soon" is counted from this year
    return render(
        request,
        "newsroom/home.html",
        {
            "lead": lead,
            "latest": rest,
            "filming": filming[:TRACKER_COUNT],
            "coming": coming[:TRACKER_COUNT],
            "popular": popular_shows(now),
            "structured_data": [
                {
                    "@context": "https://schema.org",
                    "@type": "WebSite",
                    "name": settings.NEWSROOM_SITE_NAME,
                    "url": request.build_absolute_uri("/"),
                    "potentialAction": {
                        "@type": "SearchAction",
                        "target": request.build_absolute_uri(reverse("pages:search"))
                        + "?q={search_term_string}",
                        "query-input": "required name=search_term_string",
                    },
                }
            ],
        },
    )


@require_safe
@cache_page(params=["q", "page"])
def search_view(request):
    query = search.clean_query(request.GET.get("q", ""))
    context = {"query": query}
    if query:
        paginator = CachedCountPaginator(search.search_articles(query), settings.NEWSROOM_PAGE_SIZE)
        page = paginator.get_page(request.GET.get("page"))
        first_page = page.number == 1
        context.update(
            page_obj=page,
            articles=page.object_list,
            shows=search.search_shows(query) if first_page else [],
            people=search.search_people(query) if first_page else [],
        )
    return render(request, "newsroom/search.html", context)


@method_decorator(
    [require_safe, cache_page(params=["country"], vary=releases.country_vary)], name="dispatch"
)
class ShowDetailView(DetailView):
    template_name = "shows/show_detail.html"
    context_object_name = "show"
    extra_context = {"section": "shows"}

    def get_queryset(self):
        return shows.show_page_queryset().select_related("key_art__photo")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        show = self.object
        add_tags(*shows.show_tags(show))
        cast, crew_groups, credits = shows.show_credits(show)
        code = releases.reader_country(self.request)
        watch_here, watch_by_country, country = releases.where_to_watch(show, code)
        trail = [
            (_("Home"), "/"),
            (_("Shows"), reverse("pages:shows")),
            (show.title, show.get_absolute_url()),
        ]
        context.update(
            cast=cast,
            crew_groups=crew_groups,
            seasons=list(show.seasons.all()),
            reader_country=code,
            watch_country=country,
            watch_here=watch_here,
            watch_by_country=watch_by_country,
            countries=shows.countries(),
            key_art=articles.key_art(show),  # read with the show (select_related)
            articles=articles.articles_about(show, ARTICLES_ON_PAGE),
            photos=articles.photos_of(show, "shows", PHOTOS_ON_PAGE),
            breadcrumbs=trail,
            structured_data=[
                show_seo.show_data(self.request, show, credits, list(show.companies.all())),
                breadcrumbs(self.request, trail),
            ],
        )
        return context


@method_decorator([require_safe, cache_page(params=filter_params(ShowFilter))], name="dispatch")
class ShowListView(PublicListMixin, FilterView):
    """The reader-facing production tracker: filter by status, platform, year... Its cards
    carry a photo of each show from the library, so it lives here, not in shows/."""

    filterset_class = ShowFilter
    template_name = "shows/show_list.html"
    context_object_name = "shows"
    extra_context = {"section": "shows"}

    def get_queryset(self):
        expire_at(_tomorrow())  # "soonest first" counts from today
        return shows.tracked_shows().by_release().prefetch_related("photos")


@method_decorator([require_safe, cache_page()], name="dispatch")
class PersonDetailView(DetailView):
    template_name = "people/person_detail.html"
    context_object_name = "person"
    extra_context = {"section": "people"}

    def get_queryset(self):
        return Person.objects.select_related("headshot__photo").prefetch_related(
            "known_for_shows__show"
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = self.object
        known_for = list(person.known_for_shows.all())
        add_tags(person, (link.show for link in known_for))
        trail = [
            (_("Home"), "/"),
            (_("People"), reverse("pages:people")),
            (person.name, person.get_absolute_url()),
        ]
        context.update(
            credit_groups=shows.person_credits(person),
            headshot=articles.headshot(person),
            known_for=known_for,
            photos=articles.photos_of(person, "people", PHOTOS_ON_PAGE),
            articles=articles.articles_about(person, ARTICLES_ON_PAGE),
            quotes=articles.quotes_by(person),
            breadcrumbs=trail,
            structured_data=[
                people_seo.person_data(self.request, person),
                breadcrumbs(self.request, trail),
            ],
        )
        return context


@method_decorator(
    [require_safe, cache_page(people_tags.PEOPLE, params=filter_params(PersonFilter))],
    name="dispatch",
)
class PersonListView(PublicListMixin, FilterView):
    filterset_class = PersonFilter
    template_name = "people/person_list.html"
    context_object_name = "people"
    extra_context = {"section": "people"}

    def get_queryset(self):
        return (
            Person.objects.annotate(credit_count=Count("credits", distinct=True))
            .prefetch_related("photos")
            .order_by("name", "pk")
        )


class _ArticlesOf(PublicListMixin, ListView):
    """A paginated list of one author's or one tag's published articles."""

    context_object_name = "articles"
    model = None
    extra_context = {"section": "news"}

    def get_queryset(self):
        self.owner = get_object_or_404(self.model, slug=self.kwargs["slug"])
        add_tags(self.owner)
        return articles.cards(articles.published_about(self.owner))

    def get_context_data(self, **kwargs):
        return super().get_context_data(owner=self.owner, **kwargs)


@method_decorator([require_safe, cache_page(params=["page"])], name="dispatch")
class AuthorDetailView(_ArticlesOf):
    template_name = "articles/author_detail.html"
    model = Author

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        author = self.owner
        trail = [(_("Home"), "/"), (author.display_name, author.get_absolute_url())]
        person = article_seo.author_person(self.request, author)
        context["structured_data"] = [
            {"@context": "https://schema.org", "@type": "ProfilePage", "mainEntity": person},
            breadcrumbs(self.request, trail),
        ]
        return context


@method_decorator([require_safe, cache_page(params=["page"])], name="dispatch")
class TagDetailView(_ArticlesOf):
    template_name = "articles/tag_detail.html"
    model = Tag

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        trail = [(_("Home"), "/"), (self.owner.name, self.owner.get_absolute_url())]
        context["structured_data"] = [breadcrumbs(self.request, trail)]
        return context


@require_safe
def media(request, path):
    """Uploaded files, read from MEDIA_ROOT at request time (it moves between tests)."""
    return static_serve(request, path, document_root=settings.MEDIA_ROOT)


@require_safe
@cache_page()
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('pages:sitemap-index'))}",
        f"Sitemap: {request.build_absolute_uri(reverse('pages:news-sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
