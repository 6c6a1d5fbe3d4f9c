"""Two saves of one record sent at the same moment, against a live server with its own
connections to the database: one is saved, the other is refused as an edit conflict, and
no one's edit disappears without a word. Several trials, since a race shows only sometimes."""

import threading
import urllib.error
import urllib.parse
import urllib.request

import pytest
from django.test import Client
from django.urls import reverse

from articles.models import Article
from newsroom.roles import EDITORS
from shows.models import Show
from tests.articles.factories import ArticleFactory, RichTextFactory, UserFactory
from tests.conftest import role
from tests.desk import form_data
from tests.shows.factories import ShowFactory

TRIALS = 5
CSRF = "c" * 32  # a CSRF secret: sent as the cookie and as the form field


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _editor(name):
    user = UserFactory(username=name, first_name=name.title())
    user.groups.add(role(EDITORS))
    client = Client()
    client.force_login(user)
    return client


def _send_together(url, posts):
    """POST each (client, data) at the same moment; [(status, body)] in the same order."""
    barrier = threading.Barrier(len(posts))
    results = [None] * len(posts)
    opener = urllib.request.build_opener(NoRedirect)

    def send(index, client, data):
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": CSRF}, doseq=True).encode()
        cookie = f"sessionid={client.cookies['sessionid'].value}; csrftoken={CSRF}"
        request = urllib.request.Request(url, data=body, headers={"Cookie": cookie})  # noqa: S310
        barrier.wait()
        try:
            with opener.open(request) as response:
                results[index] = (response.status, response.read().decode())
        except urllib.error.HTTPError as error:
            results[index] = (error.code, error.read().decode())

    threads = [
        threading.Thread(target=send, args=(index, client, data))
        for index, (client, data) in enumerate(posts)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def _article():
    article = ArticleFactory(headline="Original headline")
    RichTextFactory(parent=article)
    return article, "admin:articles_article_change", "headline", Article


def _show():
    return ShowFactory(title="Harbour Lights"), "admin:shows_show_change", "title", Show


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("make", [_article, _show], ids=["article", "show"])
def test_two_saves_sent_together_never_lose_an_edit(live_server, make):
    mei, daniel = _editor("mei"), _editor("daniel")
    obj, view, field, model = make()
    path = reverse(view, args=[obj.pk])
    for trial in range(TRIALS):
        forms = []
        for client, name in [(mei, "Mei"), (daniel, "Daniel")]:
            data = form_data(client.get(path))
            data[field] = f"{name}'s version, trial {trial}"
            forms.append((client, data))
        results = _send_together(live_server.url + path, forms)
        statuses = sorted(status for status, _body in results)
        assert statuses == [200, 302], f"trial {trial}: {statuses}"
        saved = next(i for i, (status, _body) in enumerate(results) if status == 302)
        refused_body = results[1 - saved][1]
        assert "after you opened it" in refused_body  # the other is told, with their text
        assert f"{['Daniel', 'Mei'][1 - saved]}&#x27;s version, trial {trial}" in refused_body
        stored = getattr(model.objects.get(pk=obj.pk), field)
        assert stored == forms[saved][1][field]


@pytest.mark.django_db
@pytest.mark.parametrize("make", [_article, _show], ids=["article", "show"])
@pytest.mark.parametrize("note", ["", "forged"], ids=["missing", "forged"])
def test_a_form_without_its_version_note_is_a_stale_save(make, note):
    """A stale form whose note was removed or altered does not skip the check: it is
    refused, and what was typed stays in the form."""
    obj, view, field, model = make()
    path = reverse(view, args=[obj.pk])
    mei = _editor("mei")
    data = form_data(mei.get(path))
    data[field] = "Typed over a stale copy"
    if note:
        data["loaded_version"] = note
    else:
        data.pop("loaded_version")
    response = mei.post(path, data)
    assert response.status_code == 200
    assert "after you opened it" in response.content.decode()
    assert "Typed over a stale copy" in response.content.decode()
    assert getattr(model.objects.get(pk=obj.pk), field) != "Typed over a stale copy"
