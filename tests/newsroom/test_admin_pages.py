"""Every admin page an editor can reach renders, with the demo newsroom loaded."""

import pytest
from django.contrib import admin
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_newsroom):
    """The demo, built once for this module (the tests only read it)."""


def _registered():
    return sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)


def test_every_registered_model_has_search_and_list_columns():
    for model, model_admin in _registered():
        if model._meta.app_label in {"auth", "axes", "django_tasks_database"}:  # third-party
            continue
        assert model_admin.search_fields, f"{model._meta.label} admin has no search"
        assert model_admin.list_display != ("__str__",), f"{model._meta.label} lists only str"


def test_every_admin_page_an_editor_may_see_renders(demo, editor_client, editor):
    checked = set()
    for model, _model_admin in _registered():
        opts = model._meta
        label = f"{opts.app_label}.{{}}_{opts.model_name}"
        if editor.has_perm(label.format("view")) or editor.has_perm(label.format("change")):
            changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
            assert editor_client.get(changelist).status_code == 200, changelist
            assert editor_client.get(changelist, {"q": "an"}).status_code == 200, changelist
            obj = model._default_manager.first()
            assert obj is not None, f"the demo has no {opts.verbose_name}"
            change = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
            assert editor_client.get(change).status_code == 200, change
            checked.add(opts.label)
        if editor.has_perm(label.format("add")):
            add = reverse(f"admin:{opts.app_label}_{opts.model_name}_add")
            assert editor_client.get(add).status_code == 200, add
    newsroom_models = {
        m._meta.label
        for m, _ in _registered()
        if m._meta.app_label not in {"auth", "axes", "django_tasks_database"}
    }
    assert newsroom_models <= checked
    assert editor_client.get(reverse("admin:index")).status_code == 200


def test_list_columns_say_what_editors_need(demo, editor_client):
    shows = editor_client.get(reverse("admin:shows_show_changelist")).content.decode()
    assert "Romantics Anonymous" in shows
    assert "filming" in shows  # status
    assert "6 April 2024" in shows  # last confirmed
    assert "14 March 2027" in shows  # release windows at their precision
    assert "Autumn 2027" in shows
    articles = editor_client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert "Jacob Robinson, Mei Tanaka" in articles  # bylines in order
    assert "scheduled" in articles
    photos = editor_client.get(reverse("admin:articles_photo_changelist")).content.decode()
    assert 'class="nr-thumb"' in photos
    assert "Axelle/Bauer-Griffin/FilmMagic" in photos


def test_autocomplete_finds_people_in_either_script(demo, editor_client):
    url = reverse("admin:autocomplete")
    params = {"app_label": "shows", "model_name": "credit", "field_name": "person"}
    for term in ["小栗", "Oguri"]:
        results = editor_client.get(url, {**params, "term": term}).json()["results"]
        assert [r["text"] for r in results] == ["Shun Oguri (小栗旬)"], term


def test_autocomplete_finds_shows_by_misspelling(demo, editor_client):
    url = reverse("admin:autocomplete")
    params = {"app_label": "articles", "model_name": "article", "field_name": "shows"}
    results = editor_client.get(url, {**params, "term": "Romantic Anonymous"}).json()["results"]
    # The series, and the French film whose English title is "Romantics Anonymous".
    assert [r["text"] for r in results] == ["Les Émotifs anonymes", "Romantics Anonymous"]
    results = editor_client.get(url, {**params, "term": "ロマンティック"}).json()["results"]
    assert [r["text"] for r in results] == ["Romantics Anonymous"]


def test_the_article_body_editor_offers_every_block_type(demo, editor_client):
    from articles.models import Article

    article = Article.objects.get(slug="romantics-anonymous-everything-we-know-so-far")
    page = editor_client.get(reverse("admin:articles_article_change", args=[article.pk]))
    html = page.content.decode()
    for prefix in ["richtext", "photoblock", "quote", "videoembed"]:
        assert f'id="articles_{prefix}_set-group"' in html, prefix
    assert "content_editor/index.js" in html
    assert "django_prose_editor" in html


def test_people_filter_by_role_lists_each_person_once(demo, editor_client):
    url = reverse("admin:people_person_changelist")
    page = editor_client.get(url, {"credits__role__exact": "cast"})
    names = [str(p) for p in page.context["cl"].result_list]
    assert "Han Hyo-Joo (한효주)" in names
    assert names.count("Han Hyo-Joo (한효주)") == 1  # three cast credits, one row
    assert "Sho Tsukikawa (月川翔)" not in names
