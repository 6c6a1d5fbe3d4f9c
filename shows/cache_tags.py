"""The cache tags show pages carry and the shows' services purge (newsroom/core/cache.py).
A show's own tag is ``show:<id>``, a platform's ``platform:<id>``... (``tag_of(obj)``)."""

SHOWS = "list:shows"  # which shows a list holds, in what order (status, release, title...)
SEARCH = "search:shows"  # what free text finds among shows (every title)
SITEMAP = "sitemap:shows"  # addresses and last-saved times
RELEASES = "list:releases"  # the release calendar, its feeds, "new this week"


def vocabulary_list(model):
    """The choices of one vocabulary in a filter form: ``list:platform``, ``list:genre``."""
    return f"list:{model._meta.model_name}"
