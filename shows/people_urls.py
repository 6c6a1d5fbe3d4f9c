"""Person pages: served by shows/ (they are made of credits), named in the "people" namespace."""

from django.urls import path

from . import views

app_name = "people"

urlpatterns = [
    path("", views.PersonListView.as_view(), name="list"),
    path("<slug:slug>/", views.PersonDetailView.as_view(), name="detail"),
]
