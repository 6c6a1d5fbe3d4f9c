"""No lost edits: the second of two overlapping saves is refused, names who saved first and
what they changed, and keeps what the second person typed."""

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


def test_the_second_article_save_is_refused_and_keeps_the_text(media_root):
    article = ArticleFactory(headline="Original headline", dek="Original dek")
    RichTextFactory(parent=article, text="<p>Original body.</p>")
    url = reverse("admin:articles_article_change", args=[article.pk])
    mei, daniel = editor_named("Mei"), editor_named("Daniel")
    mei_form, daniel_form = form_data(mei.get(url)), form_data(daniel.get(url))

    mei_form["headline"] = "Mei's sharper headline"
    mei_form["articles_richtext_set-0-text"] = "<p>Mei rewrote the body.</p>"
    assert mei.post(url, mei_form).status_code == 302

    daniel_form["dek"] = "Daniel's careful new dek"
    response = daniel.post(url, daniel_form)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Mei Editor saved this at" in html
    assert "Nothing of yours has been saved" in html
    assert "<strong>headline</strong>: Mei&#x27;s sharper headline" in html
    assert "<strong>Body</strong>: Mei rewrote the body." in html
    assert "Daniel&#x27;s careful new dek" in html  # what Daniel typed is still there
    article.refresh_from_db()
    assert (article.headline, article.dek) == ("Mei's sharper headline", "Original dek")

    # Saving again, having seen the warning, replaces Mei's version on purpose.
    again = form_data(response)
    assert daniel.post(url, again).status_code == 302
    article.refresh_from_db()
    assert (article.headline, article.dek) == ("Original headline", "Daniel's careful new dek")
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


def test_the_second_show_save_is_refused_and_names_the_credits_that_changed():
    show = ShowFactory(title="Harbour Lights", synopsis="A lighthouse relit.")
    url = reverse("admin:shows_show_change", args=[show.pk])
    mei, daniel = editor_named("Mei"), editor_named("Daniel")
    mei_form, daniel_form = form_data(mei.get(url)), form_data(daniel.get(url))
    mei_form["synopsis"] = "Mei's synopsis."
    assert mei.post(url, mei_form).status_code == 302
    daniel_form["release_note"] = "confirmed by Lumen+"
    response = daniel.post(url, daniel_form)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Mei Editor saved this at" in html
    assert "<strong>synopsis</strong>: Mei&#x27;s synopsis." in html
    assert 'value="confirmed by Lumen+"' in html
    assert Show.objects.get().release_note == ""


def test_a_status_update_from_the_tracker_is_not_overwritten_either():
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
    html = daniel.post(url, daniel_form).content.decode()
    assert "Mei Editor saved this at" in html
    assert "<strong>production status</strong>: filming" in html
    assert Show.objects.get().status == "filming"
