"""The cache tags the desk's pages carry and its services purge (newsroom/core/cache.py).
An article's own tag is ``article:<id>``, an author's ``author:<id>``... (``tag_of(obj)``)."""

from newsroom.core.cache import tag_of

ARTICLES = "list:articles"  # which articles any list holds, in what order
SEARCH = "search:articles"  # what free text finds among articles
SCHEDULE = "articles:schedule"  # when the next scheduled article of any list goes live
AUTHORS = "list:authors"  # authors in filter forms and the sitemap
TAGS = "list:tags"  # tags in filter forms


def comments(article_id):
    """One article's approved comments: its thread and the count cards show."""
    return f"comments:{article_id}"


def articles_of(obj):
    """The published articles about a show or person, by an author, or with a tag:
    ``list:articles:show:5``."""
    return f"{ARTICLES}:{tag_of(obj)}" if hasattr(obj, "_meta") else f"{ARTICLES}:{obj}"


def quotes_of(person_id):
    """What one person is quoted saying in published articles."""
    return f"list:quotes:person:{person_id}"


def photos_of(obj):
    """The photos picturing a show or a person."""
    return f"list:photos:{tag_of(obj)}" if hasattr(obj, "_meta") else f"list:photos:{obj}"


def schedule_of(facet):
    """When the next scheduled article about a show (tag, author, person: "show:5"), or
    quoting a person ("quotes:person:9"), goes live."""
    return f"{SCHEDULE}:{facet}"


PAGES = "list:pages"  # the published static pages: the footer, subpage lists, the sitemap
