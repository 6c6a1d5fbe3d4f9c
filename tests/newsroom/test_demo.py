"""The demo newsroom: complete, true to the Romantics Anonymous case, and idempotent."""

import datetime
import io

import pytest
from django.apps import apps
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.test import RequestFactory

from articles.models import Article, Author, Comment, CommentStatus, Photo, Quote
from people.models import Person
from shows.models import Credit, Show, StatusChange

pytestmark = pytest.mark.django_db
RA_ARTICLE = "romantics-anonymous-everything-we-know-so-far"


@pytest.fixture
def demo(demo_newsroom, settings):
    """The demo, built once for this module (the tests only read it), and its photos."""
    settings.MEDIA_ROOT = demo_newsroom.media
    return demo_newsroom.output


def _counts():
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label in {"people", "shows", "articles", "auth"}
    }


def test_loading_twice_leaves_one_copy(media_root):
    call_command("load_demo", stdout=io.StringIO())  # into this test's own media folder
    before = _counts()
    files_before = sorted(p.name for p in media_root.rglob("*.jpg"))
    call_command("load_demo", stdout=io.StringIO())
    assert _counts() == before
    assert sorted(p.name for p in media_root.rglob("*.jpg")) == files_before


def test_it_tells_how_to_log_in(demo):
    assert "newsroom-demo" in demo
    for username in ["writer", "editor", "moderator"]:
        assert username in demo


def test_demo_accounts_log_in_with_their_roles(demo):
    for username, group in [
        ("writer", "Writers"),
        ("editor", "Editors"),
        ("moderator", "Comment moderators"),
    ]:
        user = authenticate(
            RequestFactory().post("/admin/login/"), username=username, password="newsroom-demo"
        )
        assert user is not None
        assert user.is_staff
        assert list(user.groups.values_list("name", flat=True)) == [group]


def test_it_is_refused_where_settings_do_not_allow_it(settings):
    settings.NEWSROOM_DEMO_ALLOWED = False
    before = _counts()
    with pytest.raises(CommandError, match="development only"):
        call_command("load_demo", stdout=io.StringIO())
    assert _counts() == before


def test_there_is_enough_to_browse(demo):
    assert Article.objects.published().count() >= 12
    assert Article.objects.published().values("kind").distinct().count() == 5
    assert Author.objects.count() >= 3
    assert Article.objects.published().values("bylines__author").distinct().count() >= 3
    assert Show.objects.count() >= 8
    assert Show.objects.values("status").distinct().count() >= 8
    assert Show.objects.values("release_precision").distinct().count() == 5  # 4 + unknown
    assert Show.objects.filter(kind="film").exists()
    assert Person.objects.count() >= 30
    assert Article.objects.filter(status="draft").exists()
    assert Article.objects.scheduled().exists()


def test_romantics_anonymous_is_on_record_as_reported(demo):
    show = Show.objects.get(slug="romantics-anonymous")
    assert show.kind == "series"
    assert show.platform.name == "Netflix"
    assert show.status == "filming"
    assert show.status_confirmed_on == datetime.date(2024, 4, 6)
    assert str(show.release_window) == "2025"
    assert show.release_note == "confirmed by Netflix"
    assert show.based_on_show.title == "Les Émotifs anonymes"
    assert {c.code for c in show.countries.all()} == {"JP", "KR"}
    assert {c.name for c in show.companies.all()} == {"Riki Project", "YONG FILM"}
    assert set(show.other_titles.values_list("title", "kind")) == {
        ("ロマンティック・アノニマス", "original"),
        ("Romantic Anonymous", "misspelling"),
    }
    assert StatusChange.objects.filter(show=show, status="filming").count() == 1
    crew = {(c.person.name, c.role) for c in show.credits.crew().select_related("person")}
    assert crew == {
        ("Sho Tsukikawa", "director"),
        ("Kim Ji Hyun", "writer"),
        ("Lim Seung Young", "showrunner"),
        ("Kim Yong Eun", "producer"),
        ("Choi Gi Young", "producer"),
        ("Kim-Keum Sil", "producer"),
        ("Takuro Nagai", "producer"),
        ("Mao Osaki", "producer"),
    }
    cast = [
        (c.person.name, c.person.native_name, c.character_name)
        for c in show.credits.cast().select_related("person")
    ]
    assert cast == [
        ("Shun Oguri", "小栗旬", "Sosuke Fujiwara"),
        ("Han Hyo-Joo", "한효주", "Hana Lee"),
        ("Yuri Nakamura", "中村ゆり", "Irene"),
        ("Jin Akanishi", "赤西仁", "Hiro Takada"),
    ]
    assert Person.objects.get(slug="sho-tsukikawa").native_name == "月川翔"
    oguri = Person.objects.get(slug="shun-oguri")
    assert oguri.known_for_shows.get().note == "as Ren Serizawa"
    assert Credit.objects.get(person=oguri, show__slug="godzilla-vs-kong").character_name == (
        "Ren Serizawa"
    )


def test_each_actor_has_an_agency_photo_with_caption_and_credit(demo):
    expected = {
        "shun-oguri": ("Axelle/Bauer-Griffin/FilmMagic", datetime.date(2017, 10, 14)),
        "han-hyo-joo": (
            "The Chosunilbo JNS/Imazins via Getty Images",
            datetime.date(2024, 4, 8),
        ),
        "yuri-nakamura": ("Jun Sato/WireImage", datetime.date(2022, 10, 24)),
        "jin-akanishi": ("Visual China Group via Getty Images", datetime.date(2017, 1, 9)),
    }
    for slug, (credit, taken_on) in expected.items():
        photo = Photo.objects.get(people__slug=slug)
        assert (photo.credit, photo.taken_on) == (credit, taken_on)
        assert photo.caption
        assert photo.alt_text
        assert (photo.width, photo.height) == (1600, 1067)
        with photo.image.open("rb") as handle:
            assert handle.read(3) == b"\xff\xd8\xff"  # a real JPEG in storage


def test_the_everything_we_know_article_carries_attributed_quotes(demo):
    article = Article.objects.get(slug=RA_ARTICLE)
    assert article.kind == "explainer"
    assert article.is_live
    assert [b.author.display_name for b in article.bylines.all()] == ["Jacob Robinson"]
    speakers = set(Quote.objects.filter(parent=article).values_list("person__slug", flat=True))
    assert speakers == {
        "sho-tsukikawa",
        "lim-seung-young",
        "shun-oguri",
        "han-hyo-joo",
        "yuri-nakamura",
        "jin-akanishi",
    }
    direct = Quote.objects.get(parent=article, style="direct")
    assert "마지막 마지막까지 화이팅!" in direct.text
    assert direct.person.slug == "han-hyo-joo"
    last_text = article.articles_richtext_set.order_by("-ordering").first().text
    assert "comments" in last_text
    assert article.comments.filter(status=CommentStatus.APPROVED).count() >= 3
    assert Comment.objects.filter(article=article, status=CommentStatus.HELD).exists()


def test_jacob_robinsons_profile(demo):
    jacob = Author.objects.get(slug="jacob-robinson")
    assert jacob.joined_year == 2018
    assert jacob.location == "Norwich, UK"
    assert {"anime", "K-dramas"} <= set(jacob.beat_list)
    assert jacob.user.username == "writer"
