"""The composite pages' addresses, in the "pages" namespace."""

from django.contrib.sitemaps import views as sitemap_views
from django.urls import path

from newsroom.core.cache import cache_page

from . import feeds, releases, views
from .sitemaps import SITEMAPS, news_sitemap

app_name = "pages"


def feed(feed_class):
    return cache_page()(feed_class())


urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search_view, name="search"),
    path("robots.txt", views.robots_txt, name="robots"),
    path(
        "sitemap.xml",
        cache_page()(sitemap_views.index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "pages:sitemap-section"},
        name="sitemap-index",
    ),
    path(
        "sitemap-<section>.xml",
        cache_page(params=["p"])(sitemap_views.sitemap),
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
    path("news-sitemap.xml", cache_page()(news_sitemap), name="news-sitemap"),
    path("feed/", feed(feeds.SiteFeed), name="feed"),
    path("feed/atom/", feed(feeds.SiteAtomFeed), name="feed-atom"),
    path("calendar/", releases.calendar, name="calendar"),
    path("calendar.ics", releases.calendar_ics, name="calendar-ics"),
    path("new/", releases.new_this_week, name="new"),
    path("new/<slug:platform>/", releases.new_this_week, name="new-on"),
    path("platforms/<slug:slug>/calendar.ics", releases.platform_ics, name="platform-ics"),
    path("country/", releases.choose_country, name="country"),
    path("shows/", views.ShowListView.as_view(), name="shows"),
    path("shows/<slug:slug>/", views.ShowDetailView.as_view(), name="show"),
    path("shows/<slug:slug>/feed/", feed(feeds.ShowFeed), name="show-feed"),
    path("shows/<slug:slug>/calendar.ics", releases.show_ics, name="show-ics"),
    path("shows/<slug:slug>/feed/atom/", feed(feeds.ShowAtomFeed), name="show-feed-atom"),
    path("people/", views.PersonListView.as_view(), name="people"),
    path("people/<slug:slug>/", views.PersonDetailView.as_view(), name="person"),
    path("people/<slug:slug>/feed/", feed(feeds.PersonFeed), name="person-feed"),
    path("people/<slug:slug>/feed/atom/", feed(feeds.PersonAtomFeed), name="person-feed-atom"),
    path("people/<slug:slug>/calendar.ics", releases.person_ics, name="person-ics"),
    path("authors/<uslug:slug>/", views.AuthorDetailView.as_view(), name="author"),
    path("authors/<uslug:slug>/feed/", feed(feeds.AuthorFeed), name="author-feed"),
    path("authors/<uslug:slug>/feed/atom/", feed(feeds.AuthorAtomFeed), name="author-feed-atom"),
    path("tags/<uslug:slug>/", views.TagDetailView.as_view(), name="tag"),
    path("tags/<uslug:slug>/feed/", feed(feeds.TagFeed), name="tag-feed"),
    path("tags/<uslug:slug>/feed/atom/", feed(feeds.TagAtomFeed), name="tag-feed-atom"),
]
