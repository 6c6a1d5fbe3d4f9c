"""The project's addresses: the desk's own pages (articles/), the composite pages
(newsroom/pages/), the admin."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path

from newsroom.pages import views

urlpatterns = [
    path("", include("articles.urls")),
    path("", include("newsroom.pages.urls")),
    path("", include("newsroom.follows.urls")),
    path("admin/", admin.site.urls),
]

if settings.NEWSROOM_SERVE_MEDIA:
    # Development and tests only: production serves media from its storage (or a CDN).
    urlpatterns.append(
        re_path(rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$", views.media, name="media")
    )

# A database outage, wherever it is raised, is a 503 with Retry-After; else the 500 page.
handler500 = "newsroom.core.outage.server_error"
