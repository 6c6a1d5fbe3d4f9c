"""Static pages (About, the policies, Contact): served at their own addresses, kept by
editors only, moved with their subpages, in the footer and the sitemap."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from articles.models import PageText, StaticPage
from articles.services import delete_page, save_page

pytestmark = pytest.mark.django_db


def _page(title, slug, parent=None, *, published=True, in_footer=False, text=""):
    page = save_page(
        page=StaticPage(
            title=title, slug=slug, parent=parent, published=published, in_footer=in_footer
        ),
        by=None,
    )
    if text:
        PageText.objects.create(parent=page, region="body", ordering=10, text=text)
    return page


def test_a_page_answers_at_its_address_with_its_trail_and_subpages(client):
    about = _page("About us", "about", in_footer=True, text="<p>Who we are.</p>")
    _page("Our team", "team", about, text="<p>The desk.</p>")
    _page("Hiring", "hiring", about, published=False)
    page = client.get("/about/")
    assert page.status_code == 200
    html = page.content.decode()
    assert '<h1 id="page-heading">About us</h1>' in html
    assert "<p>Who we are.</p>" in html
    assert 'href="/about/team/"' in html
    assert "Hiring" not in html  # a draft is listed nowhere
    team = client.get("/about/team/").content.decode()
    assert '<a href="/about/">About us</a>' in team  # the trail
    assert '"@type": "BreadcrumbList"' in team or '"@type":"BreadcrumbList"' in team
    assert client.get("/about/hiring/").status_code == 404
    assert client.get("/no-such-page/").status_code == 404
    assert client.get("/articles/").status_code == 200  # the site's own addresses come first


def test_the_footer_lists_the_pages_marked_for_it_and_follows_their_changes(client, committed):
    with committed():
        ethics = _page("Ethics policy", "ethics", in_footer=True)
    assert 'href="/ethics/"' in client.get("/").content.decode()
    ethics.title = "Our ethics"
    with committed():
        save_page(page=ethics, by=None)
    home = client.get("/").content.decode()
    assert ">Our ethics</a>" in home
    ethics.in_footer = False
    with committed():
        save_page(page=ethics, by=None)
    assert 'href="/ethics/"' not in client.get("/").content.decode()


def test_an_address_the_site_uses_is_refused():
    for slug in ("articles", "shows", "admin", "feed"):
        with pytest.raises(ValidationError) as refused:
            _page("Taken", slug)
        assert "belongs to another part of the site" in str(refused.value)
    assert not StaticPage.objects.exists()
    about = _page("About", "about")
    assert _page("Shows we cover", "shows", about).path == "about/shows/"  # below: free


def test_a_page_moved_takes_its_subpages_and_its_old_address_goes(client, committed):
    about = _page("About", "about")
    team = _page("Team", "team", about)
    _page("Desk", "desk", team)
    assert client.get("/about/team/desk/").status_code == 200
    about.slug = "who-we-are"
    with committed():
        save_page(page=about, by=None)
    assert set(StaticPage.objects.values_list("path", flat=True)) == {
        "who-we-are/",
        "who-we-are/team/",
        "who-we-are/team/desk/",
    }
    assert client.get("/who-we-are/team/desk/").status_code == 200
    assert client.get("/about/team/desk/").status_code == 404


def test_a_page_cannot_go_under_itself_or_too_deep():
    about = _page("About", "about")
    team = _page("Team", "team", about)
    about.parent = team
    with pytest.raises(ValidationError, match="cannot be under itself"):
        save_page(page=about, by=None)
    deep = _page("Desk", "desk", team)
    deeper = _page("Night desk", "night", deep)
    with pytest.raises(ValidationError, match="levels deep at most"):
        _page("Too far", "far", deeper)


def test_a_page_with_subpages_is_not_deleted():
    about = _page("About", "about")
    _page("Team", "team", about)
    with pytest.raises(ValidationError, match="has pages under it"):
        delete_page(page=about, by=None)
    assert StaticPage.objects.count() == 2


def test_only_editors_keep_pages(writer, editor):
    page = StaticPage(title="About", slug="about")
    with pytest.raises(PermissionDenied):
        save_page(page=page, by=writer)
    save_page(page=page, by=editor)
    with pytest.raises(PermissionDenied):
        delete_page(page=page, by=writer)
    client = Client()
    client.force_login(writer)
    assert client.get(reverse("admin:articles_staticpage_add")).status_code == 403


def test_an_editor_writes_a_page_in_the_desk_and_its_html_is_sanitised(editor_client):
    data = {
        "title": "Contact",
        "slug": "contact",
        "parent": "",
        "summary": "Tips and corrections.",
        "published": "on",
        "menu_order": "0",
    }
    for prefix, rows in (("articles_pagetext_set", 1), ("articles_pagephoto_set", 0)):
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": str(rows),
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
    data.update(
        {
            "articles_pagetext_set-0-text": "<p>Write to us.</p><script>alert(1)</script>"
            '<p><a href="javascript:alert(1)">x</a></p>',
            "articles_pagetext_set-0-region": "body",
            "articles_pagetext_set-0-ordering": "10",
        }
    )
    response = editor_client.post(reverse("admin:articles_staticpage_add"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = StaticPage.objects.get()
    assert page.created_by is not None
    text = PageText.objects.get(parent=page).text
    assert "<script" not in text
    assert "javascript:" not in text
    html = Client().get("/contact/").content.decode()
    assert "<p>Write to us.</p>" in html
    assert "alert(1)" not in html
    taken = editor_client.post(reverse("admin:articles_staticpage_add"), {**data, "slug": "shows"})
    assert taken.status_code == 200
    assert "belongs to another part of the site" in taken.content.decode()


def test_the_sitemap_lists_published_pages(client):
    _page("About", "about")
    _page("Draft", "draft", published=False)
    index = client.get("/sitemap.xml").content.decode()
    assert "sitemap-pages.xml" in index
    pages = client.get("/sitemap-pages.xml").content.decode()
    assert "/about/</loc>" in pages
    assert "/draft/" not in pages


def test_two_pages_at_one_address_are_refused():
    _page("About", "about")
    with pytest.raises(ValidationError, match="Another page is already at this address"):
        _page("About again", "about")
    assert StaticPage.objects.count() == 1
