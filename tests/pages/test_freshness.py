"""Readers' cached pages are fresh the moment a change commits, and only the pages that
showed what changed are re-rendered: each service purges exactly the tags it touched."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles import services
from articles.comments import services as comment_services
from articles.models import ArticleStatus, Comment, CommentStatus
from people import services as people_services
from shows import services as show_services
from shows.models import CreditRole, ShowStatus
from tests.articles.comments.readers import post
from tests.articles.factories import (
    ArticleFactory,
    AuthorFactory,
    CommentFactory,
    PhotoFactory,
    RichTextFactory,
    TagFactory,
)
from tests.desk import form_data
from tests.people.factories import PersonFactory
from tests.shows.factories import CreditFactory, ShowFactory

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


def cached(client, url):
    """The page twice: the second answer must come from the cache."""
    get(client, url)
    response = get(client, url)
    assert response["X-Page-Cache"] == "hit", url
    return response.content.decode()


def fresh(client, url):
    response = get(client, url)
    assert response["X-Page-Cache"] == "miss", url
    return response.content.decode()


def still_cached(client, url):
    """A hit that costs no query at all."""
    with CaptureQueriesContext(connection) as queries:
        response = get(client, url)
    assert response["X-Page-Cache"] == "hit", url
    assert len(queries) == 0, (url, [query["sql"] for query in queries])
    return response.content.decode()


@pytest.fixture
def show():
    return ShowFactory(title="Romantics Anonymous", slug="romantics-anonymous")


@pytest.fixture
def article(show):
    article = ArticleFactory(
        headline="Filming begins", slug="filming-begins", publish_at=timezone.now() - HOUR
    )
    article.shows.add(show)
    return article


def edit_article(article, by=None, **fields):
    """What the desk does for a save of the article's own fields."""
    before = services.article_facts(article.pk)
    for name, value in fields.items():
        setattr(article, name, value)
    services.save_article(article=article, by=by, before=before)
    services.article_saved(article=article, by=by, before=before)


# --- Articles ----------------------------------------------------------------------------


def test_publishing_an_article_shows_it_everywhere_at_once(client, article, show, committed):
    draft = ArticleFactory(
        headline="Second season confirmed", status=ArticleStatus.DRAFT, publish_at=None
    )
    draft.shows.add(show)
    pages = ["/", "/articles/", show.get_absolute_url(), "/feed/", article.get_absolute_url()]
    for url in pages:
        assert "Second season confirmed" not in cached(client, url)
    assert draft.slug not in cached(client, "/sitemap-articles.xml")
    with committed():
        services.transition_article(article=draft, step="publish", by=None)
    for url in pages:  # the last: it appears in the article's related stories
        assert "Second season confirmed" in fresh(client, url), url
    assert draft.get_absolute_url() in fresh(client, "/sitemap-articles.xml")


def test_editing_a_published_article_refreshes_its_page_and_the_lists(client, article, committed):
    cached(client, article.get_absolute_url())
    cached(client, "/")
    with committed():
        edit_article(article, headline="Filming begins in Tokyo")
    assert "Filming begins in Tokyo" in fresh(client, article.get_absolute_url())
    assert "Filming begins in Tokyo" in fresh(client, "/")


def test_editing_the_body_refreshes_the_article(client, article, committed):
    block = RichTextFactory(parent=article, text="<p>First version.</p>")
    assert "First version." in fresh(client, article.get_absolute_url())
    cached(client, article.get_absolute_url())
    block.text = "<p>Second version.</p>"
    block.save()
    with committed():
        services.article_saved(article=article, by=None, before=services.article_facts(article.pk))
    assert "Second version." in fresh(client, article.get_absolute_url())


def test_a_writer_saving_a_draft_empties_no_cache(client, article, writer, committed):
    draft = ArticleFactory(status=ArticleStatus.DRAFT, publish_at=None, created_by=writer)
    cached(client, "/")
    with committed() as callbacks:
        edit_article(draft, by=writer, headline="Still a draft")
    assert get(client, "/")["X-Page-Cache"] == "hit"
    assert callbacks == []  # nothing to purge


def test_unpublishing_takes_it_off_every_page(client, article, show, committed):
    for url in ("/", "/articles/", show.get_absolute_url()):
        assert "Filming begins" in cached(client, url)
    with committed():
        services.transition_article(article=article, step="unpublish", by=None)
    for url in ("/", "/articles/", show.get_absolute_url()):
        assert "Filming begins" not in fresh(client, url)
    assert client.get(article.get_absolute_url()).status_code == 404


def test_a_new_hero_photo_or_caption_reaches_every_card(client, article, committed):
    photo = PhotoFactory(alt_text="Old alt text.")
    with committed():
        edit_article(article, hero_photo=photo)
    assert "Old alt text." in cached(client, "/articles/")
    photo.alt_text = "The cast on set."
    with committed():
        services.save_photo(photo=photo, by=None)
    assert "The cast on set." in fresh(client, "/articles/")


def test_renaming_an_author_or_a_tag_reaches_their_cards_and_pages(client, article, committed):
    author = article.bylines.get().author
    tag = TagFactory(name="Netflix", slug="netflix")
    with committed():
        article.tags.add(tag)
        services.article_saved(article=article, by=None, before=None)
    assert author.display_name in cached(client, "/articles/")
    assert "Netflix" in cached(client, article.get_absolute_url())
    author.display_name, tag.name = "Jacob Robinson", "Streaming"
    with committed():
        services.save_author(author=author, by=None)
        services.save_tag(tag=tag, by=None)
    assert "Jacob Robinson" in fresh(client, "/articles/")
    assert "Streaming" in fresh(client, article.get_absolute_url())
    assert "Streaming" in fresh(client, "/tags/netflix/")


# --- Shows and people ----------------------------------------------------------------------


def test_a_status_update_refreshes_the_show_page_and_every_show_box(
    client, article, show, committed
):
    cached(client, show.get_absolute_url())
    assert "Announced" in cached(client, article.get_absolute_url())
    with committed():
        show_services.record_status(
            show=show, status=ShowStatus.FILMING, confirmed_on=datetime.date(2024, 4, 6)
        )
    assert "Filming" in fresh(client, show.get_absolute_url())
    box = fresh(client, article.get_absolute_url()).split('class="show-box"')[1]
    assert "Filming" in box
    assert "6 April 2024" in box


def test_a_credit_change_refreshes_the_cast_list_and_the_show_box(client, article, show, committed):
    def credits_saved(change):
        before = show_services.show_facts(show.pk)
        change()
        with committed():
            show_services.show_saved(show=show, by=None, before=before)

    cached(client, show.get_absolute_url())
    cached(client, article.get_absolute_url())
    credit = None

    def add():
        nonlocal credit
        credit = CreditFactory(show=show, person=PersonFactory(name="Shun Oguri"), role="cast")

    credits_saved(add)
    for url in (show.get_absolute_url(), article.get_absolute_url()):
        assert "Shun Oguri" in fresh(client, url)

    def rename_character():
        credit.character_name = "Sosuke Fujiwara"
        credit.save()

    credits_saved(rename_character)
    assert "Sosuke Fujiwara" in fresh(client, article.get_absolute_url())
    credit.person.name = "Oguri Shun"
    with committed():  # a rename reaches the cached fragments of their shows
        people_services.save_person(person=credit.person, by=None)
    assert "Oguri Shun" in fresh(client, article.get_absolute_url())
    assert "Oguri Shun" in fresh(client, show.get_absolute_url())
    assert "Oguri Shun" in fresh(client, credit.person.get_absolute_url())

    def make_director():
        credit.role, credit.character_name = CreditRole.DIRECTOR, ""
        credit.save()

    credits_saved(make_director)
    assert "Director" in fresh(client, show.get_absolute_url())


def test_renaming_a_source_refreshes_the_boxes_of_its_adaptations(client, article, show, committed):
    film = ShowFactory(title="Les Émotifs anonymes", slug="les-emotifs-anonymes")
    before = show_services.show_facts(show.pk)
    show.based_on_show = film
    with committed():
        show_services.save_show(show=show, by=None, before=before)
        show_services.show_saved(show=show, by=None, before=before)
    assert "Les Émotifs anonymes" in fresh(client, article.get_absolute_url())
    assert "Romantics Anonymous" in cached(client, film.get_absolute_url())  # "adapted as"
    before = show_services.show_facts(film.pk)
    film.title = "Romantics Anonymous (2010 film)"
    with committed():
        show_services.save_show(show=film, by=None, before=before)
        show_services.show_saved(show=film, by=None, before=before)
    box = fresh(client, article.get_absolute_url()).split('class="show-box"')[1]
    assert "Romantics Anonymous (2010 film)" in box


def test_renaming_a_platform_refreshes_cached_show_boxes(client, article, show, committed):
    assert show.platform.name in cached(client, article.get_absolute_url())
    show.platform.name = "Renamed Platform"
    with committed():
        show_services.save_vocabulary(obj=show.platform, by=None)
    assert "Renamed Platform" in fresh(client, article.get_absolute_url())
    assert "Renamed Platform" in fresh(client, "/shows/")  # the card and the filter's choices


# --- Comments ------------------------------------------------------------------------------


def test_an_approved_comment_appears_at_once_with_its_count(client, article, committed):
    url = article.get_absolute_url()
    cached(client, url)
    cached(client, "/articles/")
    held = CommentFactory(article=article, status=CommentStatus.HELD, body="Waiting here.")
    assert get(client, url)["X-Page-Cache"] == "hit"  # a held comment changes no public page
    with committed():
        comment_services.moderate_comments(
            comments=Comment.objects.filter(pk=held.pk), status=CommentStatus.APPROVED, by=None
        )
    page = fresh(client, url)
    assert "Waiting here." in page
    assert 'Comments <span class="muted">(1)</span>' in page
    assert "1 comment" in fresh(client, "/articles/")
    with committed():
        comment_services.moderate_comments(
            comments=Comment.objects.filter(pk=held.pk), status=CommentStatus.REMOVED, by=None
        )
    assert "Waiting here." not in fresh(client, url)


def test_a_comment_published_at_once_appears_at_once(client, article, committed):
    CommentFactory(article=article, email="aoi@example.com", status=CommentStatus.APPROVED)
    url = article.get_absolute_url()
    cached(client, url)
    with committed():
        post(Client(), article, body="Straight onto the page.")
    assert "Straight onto the page." in fresh(Client(), url)


def test_a_reader_sees_their_own_held_comment_although_the_page_is_cached(client, article):
    url = article.get_absolute_url()
    cached(Client(), url)
    cached(Client(), "/")
    post(client, article, body="My first comment ever.")
    response = get(client, url)
    assert "X-Page-Cache" not in response
    assert "My first comment ever." in response.content.decode()
    assert "My first comment ever." not in cached(Client(), url)
    assert get(client, "/")["X-Page-Cache"] == "hit"  # other pages stay cached for them


# --- Time ----------------------------------------------------------------------------------


def test_a_scheduled_article_appears_at_its_second(client, article, show, committed):
    at = timezone.now().replace(microsecond=0) + datetime.timedelta(minutes=10)
    scheduled = ArticleFactory(headline="Trailer released", status=ArticleStatus.DRAFT)
    scheduled.shows.add(show)
    with committed():
        services.transition_article(article=scheduled, step="publish", by=None, at=at)
    pages = ("/", "/articles/", show.get_absolute_url(), "/feed/", article.get_absolute_url())
    with time_machine.travel(at - datetime.timedelta(seconds=1), tick=False):
        for url in pages:
            assert "Trailer released" not in cached(client, url)
        assert client.get(scheduled.get_absolute_url()).status_code == 404
    with time_machine.travel(at, tick=False):
        for url in pages:
            assert "Trailer released" in fresh(client, url), url
        assert client.get(scheduled.get_absolute_url()).status_code == 200


def test_a_closing_thread_takes_its_form_away_on_time(client, article):
    article.comments_close_at = timezone.now().replace(microsecond=0) + HOUR
    article.save()
    with time_machine.travel(article.comments_close_at - datetime.timedelta(seconds=1)):
        assert 'id="comment-form"' in cached(client, article.get_absolute_url())
    with time_machine.travel(article.comments_close_at):
        html = fresh(client, article.get_absolute_url())
    assert 'id="comment-form"' not in html
    assert "Comments on this article are closed." in html


# --- Precision: what one change re-renders, and what it leaves alone -------------------------


@pytest.fixture
def newsroom():
    """Two unrelated stories, and a third about the first one's show (its related stories
    show the first)."""
    shows = [ShowFactory(title=f"Show {n}", slug=f"show-{n}") for n in "ab"]
    tags = [TagFactory(name=f"Tag {n}", slug=f"tag-{n}") for n in "ab"]
    authors = [AuthorFactory(display_name=f"Author {n}", slug=f"author-{n}") for n in "ab"]
    people = [PersonFactory(name=f"Person {n}", slug=f"person-{n}") for n in "ab"]
    stories = []
    for n, headline in enumerate(["Story A", "Story B"]):
        story = ArticleFactory(
            headline=headline,
            slug=headline.lower().replace(" ", "-"),
            publish_at=timezone.now() - HOUR * (n + 2),
            authors=[authors[n]],
        )
        story.shows.add(shows[n])
        story.tags.add(tags[n])
        story.people.add(people[n])
        CreditFactory(show=shows[n], person=people[n])
        stories.append(story)
    follow_up = ArticleFactory(
        headline="Story C", slug="story-c", publish_at=timezone.now() - HOUR * 5
    )
    follow_up.shows.add(shows[0])
    return {
        "a": stories[0],
        "b": stories[1],
        "c": follow_up,
        "show a": shows[0],
        "show b": shows[1],
        "pages of a": [
            stories[0].get_absolute_url(),
            "/",
            "/articles/",
            "/feed/",
            "/tags/tag-a/",
            "/authors/author-a/",
            "/shows/show-a/",
            "/people/person-a/",
            follow_up.get_absolute_url(),  # its related stories show A
            "/search/?q=story",
        ],
    }


def test_a_headline_edit_re_renders_only_the_pages_that_showed_it(
    client, editor, newsroom, committed
):
    a = newsroom["a"]
    desk = Client()  # the editor, in the desk (the reader is `client`)
    desk.force_login(editor)
    untouched = [newsroom["b"].get_absolute_url(), "/shows/", "/shows/show-b/"]
    for url in [*newsroom["pages of a"], *untouched]:
        assert "Story A" in cached(client, url) or url in untouched, url
    change = reverse("admin:articles_article_change", args=[a.pk])
    data = form_data(desk.get(change))
    data["headline"] = "Story A, retitled"
    with committed():
        assert desk.post(change, data).status_code == 302
    for url in newsroom["pages of a"]:
        assert "Story A, retitled" in fresh(client, url), url
    for url in untouched:
        still_cached(client, url)


def test_a_status_change_re_renders_only_the_pages_showing_that_show(client, newsroom, committed):
    show = newsroom["show a"]
    showing = [
        show.get_absolute_url(),
        newsroom["a"].get_absolute_url(),  # its show box
        newsroom["c"].get_absolute_url(),
        "/people/person-a/",  # the credit names the show's status
        "/shows/",
        "/",
    ]
    untouched = [newsroom["b"].get_absolute_url(), "/tags/tag-a/", "/articles/", "/feed/"]
    for url in [*showing, *untouched]:
        cached(client, url)
    with committed():
        show_services.record_status(
            show=show, status=ShowStatus.FILMING, confirmed_on=timezone.localdate()
        )
    for url in showing:
        assert "Filming" in fresh(client, url), url
    for url in untouched:
        still_cached(client, url)


def test_an_approved_comment_re_renders_its_page_and_the_cards_counting_it(
    client, newsroom, committed
):
    a = newsroom["a"]
    counting = [a.get_absolute_url(), "/articles/", "/tags/tag-a/", "/shows/show-a/"]
    untouched = [
        newsroom["c"].get_absolute_url(),  # A's related card there shows no count
        newsroom["b"].get_absolute_url(),
        "/shows/",
        "/feed/",
    ]
    for url in [*counting, *untouched]:
        cached(client, url)
    comment = CommentFactory(article=a, status=CommentStatus.HELD, body="First!")
    with committed():
        comment_services.moderate_comments(
            comments=Comment.objects.filter(pk=comment.pk), status=CommentStatus.APPROVED, by=None
        )
    assert "First!" in fresh(client, a.get_absolute_url())
    for url in counting[1:]:
        assert "1 comment" in fresh(client, url), url
    for url in untouched:
        still_cached(client, url)


def test_scheduling_a_story_leaves_the_pages_it_will_not_join_cached(client, newsroom, committed):
    """A story scheduled about show A: the site's lists and show A's pages end when it goes
    live; the pages of an unrelated story do not."""
    at = timezone.now().replace(microsecond=0) + HOUR
    scheduled = ArticleFactory(headline="Coming up", status=ArticleStatus.DRAFT, publish_at=None)
    scheduled.shows.add(newsroom["show a"])
    joins = ["/", "/articles/", "/shows/show-a/", newsroom["a"].get_absolute_url()]
    apart = [newsroom["b"].get_absolute_url(), "/shows/show-b/", "/tags/tag-b/"]
    for url in [*joins, *apart]:
        cached(client, url)
    with committed():
        services.transition_article(article=scheduled, step="publish", by=None, at=at)
    for url in apart:
        still_cached(client, url)
    with time_machine.travel(at, tick=False):
        for url in joins:
            assert "Coming up" in fresh(client, url), url
        for url in apart:
            still_cached(client, url)


def test_a_new_kind_moves_it_between_the_kind_filtered_lists(client, article, committed):
    assert "Filming begins" in cached(client, "/articles/?kind=news")
    assert "Filming begins" not in cached(client, "/articles/?kind=review")
    with committed():
        edit_article(article, kind="review")
    assert "Filming begins" not in fresh(client, "/articles/?kind=news")
    assert "Filming begins" in fresh(client, "/articles/?kind=review")


def test_a_story_that_gains_a_show_lists_that_shows_stories_as_related(client, article, committed):
    other = ShowFactory(title="Other show", slug="other-show")
    ArticleFactory(headline="About the other show", publish_at=timezone.now() - HOUR * 3).shows.add(
        other
    )
    assert "About the other show" not in cached(client, article.get_absolute_url())
    before = services.article_facts(article.pk)
    with committed():
        article.shows.add(other)
        services.article_saved(article=article, by=None, before=before)
    assert "About the other show" in fresh(client, article.get_absolute_url())


def test_a_scheduled_story_moved_to_another_show_appears_there_on_time(client, show, committed):
    other = ShowFactory(title="Other show", slug="other-show")
    at = timezone.now().replace(microsecond=0) + HOUR
    scheduled = ArticleFactory(headline="Coming up", status=ArticleStatus.DRAFT, publish_at=None)
    scheduled.shows.add(show)
    with committed():
        services.transition_article(article=scheduled, step="publish", by=None, at=at)
    cached(client, other.get_absolute_url())  # nothing of it there, nor expected
    before = services.article_facts(scheduled.pk)
    with committed():
        scheduled.shows.set([other])
        services.article_saved(article=scheduled, by=None, before=before)
    cached(client, other.get_absolute_url())
    with time_machine.travel(at, tick=False):
        assert "Coming up" in fresh(client, other.get_absolute_url())


def test_a_recovered_article_is_listed_again(client, editor, committed):
    """Recovering a deleted article from history (django-reversion) goes through the desk's
    save: it is listed everywhere again at once."""
    import reversion
    from reversion.models import Version

    desk = Client()
    desk.force_login(editor)
    story = ArticleFactory(headline="Back from the bin", publish_at=timezone.now() - HOUR)
    RichTextFactory(parent=story)
    with reversion.create_revision():
        story.save()
        for block in story.articles_richtext_set.all():
            block.save()
        for byline in story.bylines.all():
            byline.save()
    with committed():
        services.delete_article(article=story, by=editor)
    assert "Back from the bin" not in cached(client, "/articles/")
    version = Version.objects.get_deleted(type(story)).get()
    recover = reverse("admin:articles_article_recover", args=[version.pk])
    with committed():
        assert desk.post(recover, form_data(desk.get(recover))).status_code == 302
    assert "Back from the bin" in fresh(client, "/articles/")


def test_services_check_who_may_write_whoever_calls_them(writer, moderator):
    """The desk's checks hold for any caller of a service, not only for the admin."""
    from django.core.exceptions import PermissionDenied

    draft = ArticleFactory(status=ArticleStatus.DRAFT, publish_at=None)  # not the writer's
    with pytest.raises(PermissionDenied):
        services.transition_article(article=draft, step="submit", by=writer)
    with pytest.raises(PermissionDenied):
        services.save_author(author=AuthorFactory(), by=writer)
    with pytest.raises(PermissionDenied):
        show_services.save_vocabulary(obj=ShowFactory().platform, by=writer)
    with pytest.raises(PermissionDenied):
        people_services.save_person(person=PersonFactory(), by=moderator)
    with pytest.raises(PermissionDenied):
        edit_article(draft, by=writer, headline="Not mine")
    draft.created_by = writer  # an attempt to claim it in passing
    with pytest.raises(PermissionDenied):
        edit_article(draft, by=writer, headline="Not mine")


def test_a_recovered_show_is_on_the_tracker_again_with_its_status_recorded(
    client, editor, committed
):
    from reversion.models import Version

    from shows.models import Show
    from tests.shows.test_admin import show_post

    desk = Client()
    desk.force_login(editor)
    with committed():
        assert desk.post(reverse("admin:shows_show_add"), show_post()).status_code == 302
    show = Show.objects.get()
    assert show.title in cached(client, "/shows/")
    with committed():
        show_services.delete_show(show=show, by=editor)
    assert show.title not in fresh(client, "/shows/")
    version = Version.objects.get_deleted(Show).get()
    recover = reverse("admin:shows_show_recover", args=[version.pk])
    with committed():
        assert desk.post(recover, form_data(desk.get(recover))).status_code == 302
    assert show.title in fresh(client, "/shows/")
    assert Show.objects.get().status_history.count() == 1
