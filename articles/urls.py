from django.urls import path, re_path

from . import views
from .comments import views as comment_views

app_name = "articles"


urlpatterns = [
    path("articles/", views.ArticleListView.as_view(), name="list"),
    path("articles/<uslug:slug>/", views.article_detail, name="detail"),
    path("articles/<uslug:slug>/comments/", comment_views.post_comment, name="post-comment"),
    path("comments/<int:pk>/", comment_views.comment_permalink, name="comment"),
    path("preview/articles/<uslug:slug>/", views.article_preview, name="preview"),
    path("preview/shared/<str:token>/", views.share_preview, name="share"),
]

# Static pages answer at any address nothing else took (/about/, /about/team/): included
# last of all, by the project's urls.
page_urlpatterns = (
    [re_path(r"^(?P<path>(?:[-\w]+/){1,4})$", views.static_page, name="page")],
    "static",
)
