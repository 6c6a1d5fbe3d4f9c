"""No lost edits: a second save on top of a newer one is merged when they changed different
fields; when both changed one field, it is refused, names who saved first, shows theirs and
yours side by side and keeps what the second person typed."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from articles.models import Article
from newsroom.roles import EDITORS
from shows.models import Show
from tests.articles.factories import ArticleFactory, RichTextFactory, UserFactory
from tests.desk import form_data
from tests.shows.factories import ShowFactory

pytestmark = pytest.mark.django_db


def editor_named(first_name):
    user = UserFactory(username=first_name.lower(), first_name=first_name, last_name="Editor")
    user.groups.add(Group.objects.get(name=EDITORS))
    client = Client()
    client.force_login(user)
    return client


def both_open(url):
    """Mei and Daniel, two editors, each with the page at `url` open: (their clients, the
    forms as their browsers would send them back)."""
    mei, daniel = editor_named("Mei"), editor_named("Daniel")
    return mei, daniel, form_data(mei.get(url)), form_data(daniel.get(url))


def test_a_second_save_changing_other_fields_is_merged_with_the_first(media_root):
    article = ArticleFactory(headline="Original headline", dek="Original dek")
    RichTextFactory(parent=article, text="<p>Original body.</p>")
    url = reverse("admin:articles_article_change", args=[article.pk])
    mei, daniel, mei_form, daniel_form = both_open(url)

    mei_form["headline"] = "Mei's sharper headline"
    mei_form["articles_richtext_set-0-text"] = "<p>Mei rewrote the body.</p>"
    assert mei.post(url, mei_form).status_code == 302

    daniel_form["dek"] = "Daniel's careful new dek"
    response = daniel.post(url, daniel_form, follow=True)
    assert response.status_code == 200
    shown = " ".join(str(m) for m in response.context["messages"])
    assert "Mei Editor saved this after you opened it; both saves are kept" in shown
    assert "headline" in shown
    assert "body" in shown
    article.refresh_from_db()
    assert (article.headline, article.dek) == ("Mei's sharper headline", "Daniel's careful new dek")
    assert "Mei rewrote the body." in article.body_html  # their body was not written over
    assert article.modified_by.first_name == "Daniel"


def test_a_field_both_changed_is_shown_side_by_side_and_nothing_is_saved(media_root):
    article = ArticleFactory(headline="Original headline", dek="Original dek")
    RichTextFactory(parent=article, text="<p>Original body.</p>")
    url = reverse("admin:articles_article_change", args=[article.pk])
    mei, daniel, mei_form, daniel_form = both_open(url)
    mei_form["headline"] = "Mei's sharper headline"
    mei_form["dek"] = "Mei's dek"
    assert mei.post(url, mei_form).status_code == 302

    daniel_form["headline"] = "Daniel's headline"
    response = daniel.post(url, daniel_form)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Mei Editor saved this at" in html
    assert "Nothing of yours has been saved" in html
    assert '<table class="nr-merge">' in html
    assert "<td>Mei&#x27;s sharper headline" in html  # theirs
    assert "<td>Daniel&#x27;s headline</td>" in html  # yours
    assert 'class="button nr-use-theirs" data-field="id_headline"' in html
    assert 'value="Daniel&#x27;s headline"' in html  # what Daniel typed is still there
    assert "Their changes to these are now in the form: dek" in html
    assert "Mei&#x27;s dek</textarea>" in html  # only Mei changed it: hers, in the form
    article.refresh_from_db()
    assert (article.headline, article.dek) == ("Mei's sharper headline", "Mei's dek")

    # Saving again, having seen both, keeps what the form shows.
    again = form_data(response)
    assert daniel.post(url, again).status_code == 302
    article.refresh_from_db()
    assert (article.headline, article.dek) == ("Daniel's headline", "Mei's dek")
    assert article.modified_by.first_name == "Daniel"


def test_one_person_saving_twice_is_not_a_conflict(media_root):
    article = ArticleFactory()
    RichTextFactory(parent=article)
    url = reverse("admin:articles_article_change", args=[article.pk])
    mei = editor_named("Mei")
    for dek in ["First", "Second"]:
        data = form_data(mei.get(url))
        data["dek"] = dek
        assert mei.post(url, data).status_code == 302
    assert Article.objects.get().dek == "Second"


def test_a_second_show_save_changing_other_fields_is_merged():
    show = ShowFactory(title="Harbour Lights", synopsis="A lighthouse relit.")
    url = reverse("admin:shows_show_change", args=[show.pk])
    mei, daniel, mei_form, daniel_form = both_open(url)
    mei_form["synopsis"] = "Mei's synopsis."
    assert mei.post(url, mei_form).status_code == 302
    daniel_form["release_note"] = "confirmed by Lumen+"
    assert daniel.post(url, daniel_form).status_code == 302
    show.refresh_from_db()
    assert (show.synopsis, show.release_note) == ("Mei's synopsis.", "confirmed by Lumen+")


def test_a_show_save_both_changed_names_the_field_side_by_side():
    show = ShowFactory(title="Harbour Lights", synopsis="A lighthouse relit.")
    url = reverse("admin:shows_show_change", args=[show.pk])
    mei, daniel, mei_form, daniel_form = both_open(url)
    mei_form["synopsis"] = "Mei's synopsis."
    assert mei.post(url, mei_form).status_code == 302
    daniel_form["synopsis"] = "Daniel's synopsis."
    daniel_form["release_note"] = "confirmed by Lumen+"
    response = daniel.post(url, daniel_form)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Mei Editor saved this at" in html
    assert '<th scope="row">synopsis</th><td>Mei&#x27;s synopsis.' in html
    assert 'value="confirmed by Lumen+"' in html
    assert Show.objects.get().release_note == ""


def test_a_status_update_from_the_tracker_is_kept_by_a_later_save():
    show = ShowFactory(title="Signal Fire", status="announced")
    url = reverse("admin:shows_show_change", args=[show.pk])
    mei, daniel = editor_named("Mei"), editor_named("Daniel")
    daniel_form = form_data(daniel.get(url))
    mei.post(
        reverse("admin:shows_show_changelist"),
        {
            "action": "update_status",
            "_selected_action": [show.pk],
            "apply": "1",
            "status": "filming",
            "confirmed_on": datetime.date.today().isoformat(),
        },
    )
    daniel_form["synopsis"] = "Daniel's synopsis."
    assert daniel.post(url, daniel_form).status_code == 302
    show.refresh_from_db()
    assert (show.status, show.synopsis) == ("filming", "Daniel's synopsis.")


def test_after_a_conflict_their_body_is_kept_unless_edited(media_root):
    """Both changed the dek; only Mei changed the body. Daniel sees both, saves again
    without touching the body: Mei's body stays."""
    article = ArticleFactory(headline="Original headline", dek="Original dek")
    RichTextFactory(parent=article, text="<p>Original body.</p>")
    url = reverse("admin:articles_article_change", args=[article.pk])
    mei, daniel, mei_form, daniel_form = both_open(url)
    mei_form["dek"] = "Mei's dek"
    mei_form["articles_richtext_set-0-text"] = "<p>Mei rewrote the body.</p>"
    assert mei.post(url, mei_form).status_code == 302
    daniel_form["dek"] = "Daniel's dek"
    response = daniel.post(url, daniel_form)
    html = response.content.decode()
    assert "unchanged by you: theirs is kept" in html
    assert daniel.post(url, form_data(response)).status_code == 302
    article.refresh_from_db()
    assert article.dek == "Daniel's dek"
    assert "Mei rewrote the body." in article.body_html


def test_a_body_change_only_markup_or_a_photo_shows_is_never_merged_over(media_root):
    article = ArticleFactory(dek="Original dek")
    RichTextFactory(parent=article, text="<p>The same words.</p>")
    url = reverse("admin:articles_article_change", args=[article.pk])
    mei, daniel, mei_form, daniel_form = both_open(url)
    mei_form["articles_richtext_set-0-text"] = "<p>The <strong>same</strong> words.</p>"
    assert mei.post(url, mei_form).status_code == 302
    daniel_form["dek"] = "Daniel's dek"
    assert daniel.post(url, daniel_form).status_code == 302  # merged: the dek is his...
    article.refresh_from_db()
    assert "<strong>same</strong>" in article.body_html  # ...and her bold stays


def test_rows_no_extra_compares_stop_the_merge(media_root):
    from articles.models import PageText, StaticPage

    page = StaticPage.objects.create(title="About", slug="about", path="about", published=True)
    PageText.objects.create(parent=page, region="body", ordering=10, text="<p>Who we are.</p>")
    url = reverse("admin:articles_staticpage_change", args=[page.pk])
    mei, daniel, mei_form, daniel_form = both_open(url)
    mei_form["articles_pagetext_set-0-text"] = "<p>Who we are, and why.</p>"
    assert mei.post(url, mei_form).status_code == 302
    daniel_form["title"] = "About us"
    response = daniel.post(url, daniel_form)
    assert response.status_code == 200
    assert "Nothing of yours has been saved" in response.content.decode()
    assert PageText.objects.get().text == "<p>Who we are, and why.</p>"
