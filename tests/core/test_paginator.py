"""Public lists count once per version of what they list (newsroom/core/paginator.py)."""

import pytest

from newsroom.core.paginator import CachedCountPaginator
from tests.articles.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_queries_naming_different_times_never_share_a_count():
    """Only the current time (published()'s "now") is read as one value in the count's key:
    a reader searching for a date gets that search's own count."""
    from articles.models import Article

    ArticleFactory(headline="Premiere on 2020-01-01 10:00:00")
    ArticleFactory(headline="Premiere on 2021-01-01 10:00:00")
    ArticleFactory(headline="Another premiere on 2021-01-01 10:00:00")

    def count(text):
        return CachedCountPaginator(Article.objects.filter(headline__contains=text), 10).count

    assert count("2020-01-01 10:00:00") == 1
    assert count("2021-01-01 10:00:00") == 2
    assert count("2020-01-01 10:00:00") == 1
