"""The desk's photo library: the chooser's grid, uploads checked before they are added, and a
file already in the library caught by its content hash."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import Photo
from tests.articles.test_photo_metadata import _jpeg, jpeg_with_xmp

pytestmark = pytest.mark.django_db
LIBRARY = reverse("admin:articles_photo_library")
CHECK = reverse("admin:articles_photo_library_check")
ADD = reverse("admin:articles_photo_library_add")


def upload(data, name="shot.jpg"):
    return SimpleUploadedFile(name, data, content_type="image/jpeg")


def add(client, data, **fields):
    return client.post(
        ADD,
        {
            "image": upload(data),
            "caption": "A caption",
            "credit": "Photo: Staff",
            "alt_text": "What it shows",
            "focal_x": "50",
            "focal_y": "50",
            **fields,
        },
    )


def test_a_photo_added_from_the_chooser_is_in_the_grid_with_its_thumbnail(writer_client):
    response = add(writer_client, _jpeg())
    assert response.status_code == 201
    card = response.json()["photo"]
    photo = Photo.objects.get()
    assert card["id"] == photo.pk
    assert card["thumb"] == photo.thumbnail_url()
    assert len(photo.content_hash) == 64
    grid = writer_client.get(LIBRARY).json()
    assert [p["id"] for p in grid["photos"]] == [photo.pk]
    assert grid["photos"][0]["credit"] == "Photo: Staff"
    assert writer_client.get(LIBRARY, {"q": "nothing like it"}).json()["photos"] == []


def test_checking_a_file_shows_its_metadata_and_stores_nothing(writer_client):
    response = writer_client.post(CHECK, {"image": upload(jpeg_with_xmp("At the gala."))})
    found = response.json()["metadata"]
    assert found["caption"] == "At the gala."
    assert found["credit"]
    assert response.json()["duplicate"] is None
    assert not Photo.objects.exists()


def test_the_same_file_twice_is_offered_back_and_added_again_only_on_purpose(writer_client):
    data = _jpeg()
    first = add(writer_client, data).json()["photo"]
    check = writer_client.post(CHECK, {"image": upload(data)}).json()
    assert check["duplicate"]["id"] == first["id"]
    refused = add(writer_client, data)
    assert refused.status_code == 400
    assert "already in the library" in refused.json()["errors"]["image"][0]
    assert Photo.objects.count() == 1
    assert add(writer_client, data, add_again="on").status_code == 201
    assert Photo.objects.count() == 2


def test_a_refused_photo_says_why_field_by_field(writer_client):
    response = add(writer_client, _jpeg(), caption="", credit="")
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert set(errors) >= {"caption", "credit"}
    assert not Photo.objects.exists()
    not_a_photo = writer_client.post(CHECK, {"image": upload(b"GIF89a not really", "x.jpg")})
    assert not_a_photo.status_code == 400
    assert not_a_photo.json()["errors"]["image"]


def test_the_library_needs_the_rights(moderator_client):
    from django.test import Client

    assert Client().get(LIBRARY).status_code == 302  # to the login
    assert moderator_client.get(LIBRARY).status_code == 403
    assert moderator_client.post(CHECK, {"image": upload(_jpeg())}).status_code == 403
    assert moderator_client.get(CHECK).status_code == 405


def test_the_photo_form_catches_a_file_already_in_the_library(writer_client):
    data = _jpeg()
    add(writer_client, data)
    response = writer_client.post(
        reverse("admin:articles_photo_add"),
        {
            "image": upload(data),
            "caption": "Again",
            "credit": "Photo: Staff",
            "alt_text": "x",
            "focal_x": "50",
            "focal_y": "50",
        },
    )
    assert response.status_code == 200
    assert "This file is already in the library" in response.content.decode()
    assert Photo.objects.count() == 1


def test_an_article_form_shows_its_hero_photo(editor_client):
    from tests.articles.factories import ArticleFactory

    response = add(editor_client, _jpeg(), caption="The hero's caption")
    photo = Photo.objects.get(pk=response.json()["photo"]["id"])
    article = ArticleFactory(hero_photo=photo)
    html = editor_client.get(
        reverse("admin:articles_article_change", args=[article.pk])
    ).content.decode()
    assert f'src="{photo.thumbnail_url()}"' in html
    assert "The hero&#x27;s caption" in html
    assert "Choose a photo" in html
