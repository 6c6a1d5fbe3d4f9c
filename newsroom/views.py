"""Site-wide pages: home, search, robots.txt. (404.html and 500.html are plain templates.)"""

import datetime

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET
from django.views.static import serve as static_serve

from articles.models import Article
from newsroom import search
from newsroom.cache import CONTENT, CachedCountPaginator, version_token
from shows.models import Show, ShowStatus

LATEST_COUNT = 9
TRACKER_COUNT = 6
POPULAR_COUNT = 8
POPULAR_DAYS = 90
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


@require_GET
def home(request):
    now = timezone.now()
    today = timezone.localdate()
    latest = list(Article.objects.published(now=now).for_cards()[: LATEST_COUNT + 1])
    lead = next((article for article in latest if article.hero_photo_id), None)
    if lead is None and latest:
        lead = latest[0]
    rest = [article for article in latest if article is not lead][:LATEST_COUNT]
    shows = Show.objects.select_related("platform")
    filming = shows.filter(status=ShowStatus.FILMING).order_by("-status_confirmed_on", "title")
    coming = shows.filter(
        status__in=UPCOMING, release_date__gte=today.replace(month=1, day=1)
    ).order_by("release_date", "title")
    recent = Article.objects.published(now=now).filter(
        publish_at__gte=now - datetime.timedelta(days=POPULAR_DAYS)
    )
    # Counting a quarter's stories per show is the home page's dearest query: its answer is
    # kept until the content changes (the cache key holds the content version) or an hour.
    popular_ids = cache.get_or_set(
        f"home-popular:{version_token(CONTENT)}",
        lambda: list(
            shows.filter(articles__in=recent)
            .annotate(article_count=Count("articles"))
            .order_by("-article_count", "title")
            .values_list("pk", flat=True)[:POPULAR_COUNT]
        ),
        3600,
    )
    popular = sorted(shows.filter(pk__in=popular_ids), key=lambda s: popular_ids.index(s.pk))
    response = render(
        request,
        "newsroom/home.html",
        {
            "lead": lead,
            "latest": rest,
            "filming": filming[:TRACKER_COUNT],
            "coming": coming[:TRACKER_COUNT],
            "popular": popular,
            "structured_data": [
                {
                    "@context": "https://schema.org",
                    "@type": "WebSite",
                    "name": settings.NEWSROOM_SITE_NAME,
                    "url": request.build_absolute_uri("/"),
                    "potentialAction": {
                        "@type": "SearchAction",
                        "target": request.build_absolute_uri(reverse("search"))
                        + "?q={search_term_string}",
                        "query-input": "required name=search_term_string",
                    },
                }
            ],
        },
    )
    # "Coming soon" is counted from this year: a cached home page ends with the day.
    tomorrow = datetime.datetime.combine(today + datetime.timedelta(days=1), datetime.time())
    response.valid_until = timezone.make_aware(tomorrow)
    return response


@require_GET
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


@require_GET
def media(request, path):
    """Uploaded files, read from MEDIA_ROOT at request time (it moves between tests)."""
    return static_serve(request, path, document_root=settings.MEDIA_ROOT)


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap-index'))}",
        f"Sitemap: {request.build_absolute_uri(reverse('news-sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
