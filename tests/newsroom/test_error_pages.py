import pytest
from django.urls import path


def boom(request):
    raise RuntimeError("the database is down")


urlpatterns = [path("boom/", boom)]


@pytest.mark.urls(__name__)
def test_a_server_error_shows_the_friendly_500_page(client):
    client.raise_request_exception = False
    response = client.get("/boom/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong on our side" in html
    assert "the database is down" not in html  # no internals leak


@pytest.mark.django_db
def test_a_missing_page_is_the_friendly_404_with_a_search_box(client):
    response = client.get("/shows/no-such-show/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "We could not find that page" in html
    assert 'action="/search/"' in html
    assert '<meta name="robots" content="noindex">' in html
