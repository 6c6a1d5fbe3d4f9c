from django.urls import path

from . import views

app_name = "shows"

urlpatterns = [
    path("", views.ShowListView.as_view(), name="list"),
    path("<slug:slug>/", views.ShowDetailView.as_view(), name="detail"),
]
