"""One search across articles, shows and people, ranked by relevance.

PostgreSQL: articles by full-text search (weighted headline > dek > body, GIN index on the
vector, see articles migration 0002); shows and people by trigram word similarity (trigram
indexes: GIN, GiST for other titles, shows migration 0006), which forgives typos
("Romantic Anonymous") and matches any script ("小栗旬"). Other titles (original-language,
alternate, misspellings) count for their show.

SQLite, the development default, has neither: every word of the query must appear (LIKE),
and matches in titles or headlines rank first. Same results for ordinary queries, without
typo tolerance.
"""

from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVector,
    TrigramWordSimilarity,
)
from django.db import connection
from django.db.models import Case, F, FloatField, Q, Value, When
from django.db.models.functions import Greatest

from articles import cache_tags as article_tags
from articles import selectors as articles
from articles.models.article import SEARCH_CONFIG, article_search_vector
from newsroom.core.cache import add_tags
from people import cache_tags as people_tags
from people.models import Person
from shows import cache_tags as show_tags
from shows.models import Show, ShowTitle

MAX_QUERY_LENGTH = 200
MAX_WORDS = 10
CANDIDATES = 50


def clean_query(text):
    """Whitespace collapsed, control characters dropped, bounded in length."""
    text = "".join(ch if ch.isprintable() else " " if ch.isspace() else "" for ch in (text or ""))
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def _postgres():
    return connection.vendor == "postgresql"


def _all_words(fields, text):
    """Every word of `text` appears in at least one of `fields` (case-insensitive)."""
    condition = Q()
    for word in text.split()[:MAX_WORDS]:
        either = Q()
        for field in fields:
            either |= Q(**{f"{field}__icontains": word})
        condition &= either
    return condition


def _like_rank(field, text):
    """SQLite ranking: exact, then starts with, then contains the whole query, then words."""
    return Case(
        When(**{f"{field}__iexact": text}, then=Value(1.0)),
        When(**{f"{field}__istartswith": text}, then=Value(0.9)),
        When(**{f"{field}__icontains": text}, then=Value(0.8)),
        default=Value(0.5),
        output_field=FloatField(),
    )


def full_text_matches(queryset, query):
    """PostgreSQL: articles whose weighted vector matches; the GIN index answers this. (An
    alias, not an annotation: selecting the vector re-parsed the body of every article
    returned, 6 ms for a page of 20 on the large newsroom.)"""
    return queryset.alias(document=article_search_vector()).filter(document=query)


def headline_vector():
    return SearchVector("headline", weight="A", config=SEARCH_CONFIG) + SearchVector(
        "dek", weight="B", config=SEARCH_CONFIG
    )


def search_articles(text):
    """Published articles matching `text`, most relevant first (a queryset, for paging)."""
    matches = articles.cards(articles.published(article_tags.ARTICLES, article_tags.SEARCH))
    if _postgres():
        query = SearchQuery(text, search_type="websearch", config=SEARCH_CONFIG)
        # Ranked on the headline and dek only (weights A and B); body matches rank below them,
        # newest first. Ranking on the whole vector re-parsed every matching body: 40 ms for
        # 160 matches in the large newsroom, against 2 ms.
        return (
            full_text_matches(matches, query)
            .annotate(rank=SearchRank(headline_vector(), query))
            .order_by("-rank", "-publish_at", "-pk")
        )
    return (
        matches.filter(_all_words(["headline", "dek", "search_document"], text))
        .annotate(
            rank=Case(
                When(_all_words(["headline"], text), then=Value(1.0)),
                When(_all_words(["headline", "dek"], text), then=Value(0.7)),
                default=Value(0.4),
                output_field=FloatField(),
            )
        )
        .order_by("-rank", "-publish_at", "-pk")
    )


def _scored(queryset, key, fields, text):
    """[(key, score)] of the best CANDIDATES rows of `queryset` whose `fields` match."""
    if _postgres():
        condition = Q()
        for field in fields:
            condition |= Q(**{f"{field}__trigram_word_similar": text})
        scores = [TrigramWordSimilarity(text, field) for field in fields]
        score = scores[0] if len(scores) == 1 else Greatest(*scores)
    else:
        condition = Q()
        for field in fields:
            condition |= _all_words([field], text)
        ranks = [_like_rank(field, text) for field in fields]
        score = ranks[0] if len(ranks) == 1 else Greatest(*ranks)
    return list(
        queryset.filter(condition)
        .annotate(score=score)
        .order_by(F("score").desc())
        .values_list(key, "score")[:CANDIDATES]
    )


def _best(scored, limit):
    best = {}
    for key, score in scored:
        best[key] = max(score, best.get(key, 0))
    return sorted(best, key=lambda key: -best[key])[:limit]


def search_shows(text, limit=12):
    """Shows by any of their titles, most similar first."""
    add_tags(show_tags.SHOWS, show_tags.SEARCH)
    scored = _scored(Show.objects.all(), "pk", ["title"], text)
    scored += _scored(ShowTitle.objects.all(), "show_id", ["title"], text)
    ids = _best(scored, limit)
    shows = Show.objects.select_related("platform").prefetch_related("photos").in_bulk(ids)
    add_tags(shows.values())
    return [shows[pk] for pk in ids if pk in shows]


def search_people(text, limit=12):
    """People by name in either script, most similar first."""
    add_tags(people_tags.PEOPLE, people_tags.SEARCH)
    ids = _best(_scored(Person.objects.all(), "pk", ["name", "native_name"], text), limit)
    people = Person.objects.in_bulk(ids)
    add_tags(people.values())
    return [people[pk] for pk in ids if pk in people]
