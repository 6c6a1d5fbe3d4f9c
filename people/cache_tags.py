"""The cache tags people's pages carry and people's services purge (newsroom/core/cache.py).
A person's own tag is ``person:<id>`` (``tag_of(person)``)."""

PEOPLE = "list:people"  # which people a list holds, in what order (names, credits)
SEARCH = "search:people"  # what free text finds among people
SITEMAP = "sitemap:people"  # addresses and last-saved times
