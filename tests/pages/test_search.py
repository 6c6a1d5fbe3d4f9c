"""Search across articles, shows and people: on SQLite (fallback) and PostgreSQL (full text,
trigrams). The same tests run on both databases in CI."""

import pytest
from django.db import connection

from newsroom.pages.search import (
    clean_query,
    full_text_matches,
    search_articles,
    search_people,
    search_shows,
)
from shows.models import ShowTitle
from tests.articles.factories import ArticleFactory, RichTextFactory
from tests.people.factories import PersonFactory
from tests.shows.factories import ShowFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def newsroom():
    show = ShowFactory(title="Romantics Anonymous", slug="romantics-anonymous")
    ShowTitle.objects.create(show=show, title="ロマンティック・アノニマス", kind="original")
    ShowTitle.objects.create(show=show, title="Romantic Anonymus", kind="misspelling")
    ShowFactory(title="Kitsune Station")
    PersonFactory(name="Shun Oguri", native_name="小栗旬", slug="shun-oguri")
    PersonFactory(name="Han Hyo-joo", native_name="한효주", slug="han-hyo-joo")
    PersonFactory(name="Shun Sato", slug="shun-sato")
    in_headline = ArticleFactory(headline="Romantics Anonymous starts filming", slug="a")
    in_body = ArticleFactory(headline="A chocolate romance", slug="b")
    RichTextFactory(parent=in_body, text="<p>The <b>confectionery</b> drama stars Oguri.</p>")
    from articles.services import index_article

    index_article(in_body)
    index_article(in_headline)
    ArticleFactory(headline="Draft about confectionery", slug="c", status="draft", publish_at=None)
    return show


def titles(items):
    return [getattr(item, "title", None) or getattr(item, "name", None) for item in items]


@pytest.mark.parametrize(
    "query",
    ["Romantics Anonymous", "romantic anonymous", "Romantic Anonymus", "ロマンティック"],
)
def test_a_show_is_found_by_any_of_its_titles(newsroom, query):
    assert titles(search_shows(query))[:1] == ["Romantics Anonymous"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [("小栗旬", "Shun Oguri"), ("Shun Oguri", "Shun Oguri"), ("한효주", "Han Hyo-joo")],
)
def test_people_are_found_in_either_script(newsroom, query, expected):
    assert titles(search_people(query))[0] == expected


def test_the_closest_name_ranks_first(newsroom):
    assert titles(search_people("Shun Sato"))[0] == "Shun Sato"


def test_articles_match_headline_dek_and_body_but_never_unpublished(newsroom):
    assert [a.slug for a in search_articles("confectionery")] == ["b"]
    assert next(a.slug for a in search_articles("Romantics Anonymous")) == "a"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_typos_are_forgiven_on_postgresql(newsroom):
    assert titles(search_shows("Romantcs Anonymous"))[:1] == ["Romantics Anonymous"]
    assert titles(search_people("Shun Oguti"))[:1] == ["Shun Oguri"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_article_search_is_answered_from_the_gin_index(newsroom):
    """The query uses the same expression as the index (no scan of article bodies)."""
    from django.contrib.postgres.search import SearchQuery

    from articles.models import Article

    queryset = full_text_matches(Article.objects.all(), SearchQuery("confectionery"))
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        plan = queryset.explain()
        cursor.execute("SET enable_seqscan = on")
    assert "article_search_idx" in plan, plan


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_article_search_selects_no_body_vector(newsroom):
    """Matching reads the index; only the headline and dek are parsed, for the rank."""
    from newsroom.pages.search import search_articles

    sql = str(search_articles("romantics").query)
    selected = sql[: sql.index(" FROM ")]
    assert "ts_rank" in selected
    assert "search_document" not in selected


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_other_titles_are_matched_through_their_gist_index(newsroom):
    from shows.models import ShowTitle

    queryset = ShowTitle.objects.filter(title__trigram_word_similar="romantic")
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        plan = queryset.explain()
        cursor.execute("SET enable_seqscan = on")
    assert "showtitle_trgm_gist_idx" in plan, plan


@pytest.mark.parametrize(
    ("raw", "clean"),
    [("  a\x00b  ", "ab"), ("x" * 500, "x" * 200), ("line\nbreak", "line break"), ("", "")],
)
def test_queries_are_cleaned(raw, clean):
    assert clean_query(raw) == clean


@pytest.mark.parametrize(
    "query",
    ["'; DROP TABLE articles;--", "<script>alert(1)</script>", "a & | ! ( :*", "%_%", "\x00"],
)
def test_hostile_queries_are_harmless(client, newsroom, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_the_search_page_groups_results_by_type(client, newsroom):
    html = client.get("/search/", {"q": "Romantics"}).content.decode()
    assert html.index('id="shows-heading"') < html.index('id="articles-heading"')
    assert 'href="/shows/romantics-anonymous/"' in html
    assert 'href="/articles/a/"' in html
    assert "Nothing found" in client.get("/search/", {"q": "zzzzqqq"}).content.decode()
