"""The project's addresses: the desk's own pages (articles/), the composite pages
(newsroom/pages/), the admin, and last the static pages (any address nothing else took)."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path

from articles.urls import page_urlpatterns
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

# Last: a static page answers at any address nothing above took.
urlpatterns.append(path("", include(page_urlpatterns)))

# A database outage, wherever it is raised, is a 503 with Retry-After; else the 500 page.
handler500 = "newsroom.core.outage.server_error"
