from django.urls import path

from . import views

app_name = "follows"

urlpatterns = [
    path("follow/<str:kind>/<slug:slug>/", views.follow, name="follow"),
    path("follow/sent/", views.sent, name="sent"),
    path("follow/confirm/<str:token>/", views.confirm, name="confirm"),
    path("follow/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
