from django.urls import path

from . import views
from .comments import views as comment_views

app_name = "articles"

urlpatterns = [
    path("articles/", views.ArticleListView.as_view(), name="list"),
    path("articles/<slug:slug>/", views.article_detail, name="detail"),
    path("articles/<slug:slug>/comments/", comment_views.post_comment, name="post-comment"),
    path("comments/<int:pk>/", comment_views.comment_permalink, name="comment"),
    path("preview/articles/<slug:slug>/", views.article_preview, name="preview"),
    path("preview/shared/<str:token>/", views.share_preview, name="share"),
]
