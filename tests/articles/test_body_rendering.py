"""An article's body is rendered to HTML when it is written, stored, and shown as stored: a
page view renders no block, unless the stored body is stale (a block, a photo or a quoted
person changed, or the block templates did), when the page renders it once and stores it."""

import datetime
import io

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from articles import rendering, services
from articles.models import Article, PhotoBlock, Quote, QuoteStyle
from people import services as people_services
from tests.articles.factories import ArticleFactory, AuthorFactory, PhotoFactory, RichTextFactory
from tests.articles.test_admin import ADD_URL, article_post
from tests.people.factories import PersonFactory

pytestmark = pytest.mark.django_db


def saved(article):
    """What the desk does once an article's blocks are written."""
    services.article_saved(article=article, by=None, before=services.article_facts(article.pk))
    article.refresh_from_db()
    return article


def page(client, article):
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def renders(monkeypatch):
    """The blocks rendered from here on, one list per rendering."""
    calls = []
    original = rendering.render_blocks

    def counted(blocks):
        calls.append(list(blocks))
        return original(blocks)

    monkeypatch.setattr(rendering, "render_blocks", counted)
    return calls


def test_the_desk_stores_the_body_sanitised_and_the_page_shows_it_without_rendering(
    editor_client, client, renders
):
    response = editor_client.post(ADD_URL, article_post(AuthorFactory(), _workflow="publish"))
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.body_format == rendering.current_format()
    assert "<p>Cameras are rolling.</p>" in article.body_html
    assert "<script" not in article.body_html  # sanitised when the text was saved
    assert "We argue over every shot." in article.body_html
    assert "Play “Teaser” on YouTube" in article.body_html
    renders.clear()
    editor_client.logout()
    assert article.body_html in page(client, article)
    assert renders == []


def test_what_blocks_hold_is_escaped_in_the_stored_body():
    article = ArticleFactory()
    Quote.objects.create(
        parent=article,
        region="body",
        ordering=10,
        text='<img src=x onerror="alert(1)">',
        style=QuoteStyle.DIRECT,
        speaker="<b>Someone</b>",
    )
    html = saved(article).body_html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html
    assert "&lt;b&gt;Someone&lt;/b&gt;" in html
    assert "<img" not in html
    assert "<b>" not in html


def test_a_block_written_outside_the_desk_is_rendered_by_the_first_page_view_only(
    client, settings, renders
):
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 0  # every view renders the page
    article = saved(ArticleFactory())
    RichTextFactory(parent=article, text="<p>Added by an import.</p>")
    article.refresh_from_db()
    assert article.body_format == ""  # the block marked it stale
    renders.clear()
    assert "<p>Added by an import.</p>" in page(client, article)
    assert len(renders) == 1
    article.refresh_from_db()
    assert article.body_format == rendering.current_format()
    assert "<p>Added by an import.</p>" in article.body_html
    cache.clear()  # nothing kept anywhere: the stored body is used
    assert "<p>Added by an import.</p>" in page(client, article)
    assert len(renders) == 1


def test_deleting_a_block_marks_the_body_stale():
    article = ArticleFactory()
    block = RichTextFactory(parent=article, text="<p>Gone soon.</p>")
    saved(article)
    block.delete()
    article.refresh_from_db()
    assert article.body_format == ""


def test_blocks_deleted_by_a_queryset_or_saved_raw_mark_the_body_stale():
    from articles.models import RichText

    article = ArticleFactory()
    block = RichTextFactory(parent=article, text="<p>One.</p>")
    saved(article)
    RichText.objects.filter(parent=article).delete()
    article.refresh_from_db()
    assert article.body_format == ""
    saved(article)
    block.save_base(raw=True)  # as django-reversion writes an old version back
    article.refresh_from_db()
    assert article.body_format == ""


def test_a_version_keeps_the_blocks_not_the_html_made_from_them():
    import reversion
    from reversion.models import Version

    from articles.admin.article import ArticleAdmin  # noqa: F401 (registers Article)

    article = ArticleFactory()
    saved(article)
    with reversion.create_revision():
        article.save()
    data = Version.objects.get_for_object(article).get().field_dict
    assert "body_html" not in data
    assert "body_format" not in data


def test_a_change_of_block_templates_renders_stored_bodies_again(client, monkeypatch, renders):
    article = ArticleFactory()
    RichTextFactory(parent=article, text="<p>Body.</p>")
    saved(article)
    page(client, article)
    renders.clear()
    cache.clear()
    monkeypatch.setattr(rendering, "current_format", lambda: "after-a-deploy")
    assert "<p>Body.</p>" in page(client, article)
    assert len(renders) == 1
    article.refresh_from_db()
    assert article.body_format == "after-a-deploy"


def test_the_format_follows_the_block_templates():
    rendering.current_format.cache_clear()
    before = rendering.current_format()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(rendering, "TEMPLATES", (*rendering.TEMPLATES, "includes/show_box.html"))
        rendering.current_format.cache_clear()
        assert rendering.current_format() != before
    rendering.current_format.cache_clear()
    assert rendering.current_format() == before


def test_a_new_photo_caption_reaches_the_bodies_showing_it(client, committed):
    article = ArticleFactory()
    photo = PhotoFactory(caption="The old caption.")
    PhotoBlock.objects.create(parent=article, region="body", ordering=10, photo=photo)
    saved(article)
    assert "The old caption." in page(client, article)
    photo.caption = "The new caption."
    with committed():
        services.save_photo(photo=photo, by=None)
    html = page(client, article)
    assert "The new caption." in html
    assert "The old caption." not in html


def test_renaming_a_quoted_person_reaches_the_bodies_quoting_them(client, committed):
    article = ArticleFactory()
    person = PersonFactory(name="Old Name")
    Quote.objects.create(parent=article, region="body", ordering=10, text="Hello.", person=person)
    other = saved(ArticleFactory())
    saved(article)
    assert "Old Name" in page(client, article)
    person.name = "New Name"
    with committed():
        people_services.save_person(person=person, by=None)
    html = page(client, article)
    assert "New Name" in html
    assert "Old Name" not in html
    other.refresh_from_db()
    assert other.body_format == rendering.current_format()  # quoting nobody: untouched


def test_a_preview_shows_the_blocks_as_they_are_now(editor_client):
    article = ArticleFactory(status="draft", publish_at=None)
    RichTextFactory(parent=article, text="<p>Stored.</p>")
    saved(article)
    Article.objects.filter(pk=article.pk).update(body_html="<p>Something else.</p>")
    preview = editor_client.get(reverse("articles:preview", args=[article.slug]))
    assert "<p>Stored.</p>" in preview.content.decode()


def test_render_bodies_renders_the_stale_ones():
    current = saved(ArticleFactory())
    stale = ArticleFactory()
    RichTextFactory(parent=stale, text="<p>From an import.</p>")
    out = io.StringIO()
    call_command("render_bodies", stdout=out)
    assert "Rendered the body of 1 article(s)." in out.getvalue()
    stale.refresh_from_db()
    assert stale.body_format == rendering.current_format()
    assert "<p>From an import.</p>" in stale.body_html
    call_command("render_bodies", "--all", stdout=out)
    assert "Rendered the body of 2 article(s)." in out.getvalue()
    current.refresh_from_db()
    assert current.body_format == rendering.current_format()


def test_a_refused_comment_shows_the_article_with_its_body(client):
    from tests.articles.comments.readers import post

    article = ArticleFactory(publish_at=timezone.now() - datetime.timedelta(hours=1))
    RichTextFactory(parent=article, text="<p>The story itself.</p>")
    saved(article)
    response = post(client, article, body="")
    assert response.status_code == 400
    html = response.content.decode()
    assert "<p>The story itself.</p>" in html
