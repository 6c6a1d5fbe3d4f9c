from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.shortcuts import render
from django.urls import include, path, re_path

from newsroom import feeds, views
from newsroom.sitemaps import NEWS_WINDOW, SITEMAPS, news_articles


def news_sitemap(request):
    articles = list(news_articles())
    response = render(
        request,
        "newsroom/news_sitemap.xml",
        {"articles": articles},
        content_type="application/xml; charset=utf-8",
    )
    if articles:  # a cached copy ends when its oldest story leaves the two-day window
        response.valid_until = min(a.publish_at for a in articles) + NEWS_WINDOW
    return response


urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search_view, name="search"),
    path("robots.txt", views.robots_txt, name="robots"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap-index",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
    path("news-sitemap.xml", news_sitemap, name="news-sitemap"),
    path("feed/", feeds.SiteFeed(), name="feed"),
    path("feed/atom/", feeds.SiteAtomFeed(), name="feed-atom"),
    path("shows/<slug:slug>/feed/", feeds.ShowFeed(), name="show-feed"),
    path("shows/<slug:slug>/feed/atom/", feeds.ShowAtomFeed(), name="show-feed-atom"),
    path("authors/<slug:slug>/feed/", feeds.AuthorFeed(), name="author-feed"),
    path("authors/<slug:slug>/feed/atom/", feeds.AuthorAtomFeed(), name="author-feed-atom"),
    path("tags/<slug:slug>/feed/", feeds.TagFeed(), name="tag-feed"),
    path("tags/<slug:slug>/feed/atom/", feeds.TagAtomFeed(), name="tag-feed-atom"),
    path("", include("articles.urls")),
    path("shows/", include("shows.urls")),
    path("people/", include("shows.people_urls")),
    path("admin/", admin.site.urls),
]

if settings.NEWSROOM_SERVE_MEDIA:
    # Development and tests only: production serves media from its storage (or a CDN).
    urlpatterns.append(
        re_path(rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$", views.media, name="media")
    )
