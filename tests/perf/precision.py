"""How much of a warm page cache one headline edit throws away, on the large newsroom.

Fills the cache by reading a sample of the site as readers would (the home page, lists,
feeds, search, 300 article pages, 100 show pages, 100 person pages, tag and author pages),
checks every page is then a hit, edits the headline of one live article the way the desk
does, reads the same sample again and counts what had to be rendered afresh: pages (cache
misses) and cache writes (every page, fragment and value built again). Prints one line of
figures; `make bench` runs it after the load measurements.

Environment: DATABASE_URL and REDIS_URL (the bench's), PRECISION_ARTICLE (the article to
edit; default the bench article).
"""

import os
import sys
import time
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings.dev")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")
ARTICLE = os.environ.get("PRECISION_ARTICLE", "northern-tide-everything-we-know-so-far")


def sample():
    from articles.models import Article, Author, Tag
    from people.models import Person
    from shows.models import Show

    live = Article.objects.published().order_by("-publish_at")
    edited = live.get(slug=ARTICLE)
    shows = list(edited.shows.values_list("pk", flat=True))
    urls = ["/", "/articles/", "/shows/", "/shows/?status=filming", "/people/", "/feed/"]
    urls += [f"/articles/?page={n}" for n in range(2, 6)]
    urls += ["/search/?q=northern+tide", "/search/?q=season", "/sitemap.xml"]
    urls += [f"/articles/{slug}/" for slug in live.values_list("slug", flat=True)[:250]]
    about = live.filter(shows__in=shows).exclude(pk=edited.pk)  # its neighbours
    urls += [f"/articles/{slug}/" for slug in about.values_list("slug", flat=True)[:50]]
    urls += [f"/shows/{slug}/" for slug in Show.objects.values_list("slug", flat=True)[:100]]
    urls += [f"/people/{slug}/" for slug in Person.objects.values_list("slug", flat=True)[:100]]
    urls += [f"/tags/{slug}/" for slug in Tag.objects.values_list("slug", flat=True)[:20]]
    urls += [f"/authors/{slug}/" for slug in Author.objects.values_list("slug", flat=True)[:20]]
    return list(dict.fromkeys(urls)), edited


def crawl(client, urls):
    states = {}
    for url in urls:
        response = client.get(url)
        if response.status_code != 200:
            sys.exit(f"{url} answered {response.status_code}")
        states[url] = response.get("X-Page-Cache", "uncached")
    return states


def edit(article):
    """The headline edit, as the desk saves it."""
    article.headline += " (updated)"
    try:
        from articles import services

        before = services.article_facts(article.pk)
        services.save_article(article=article, by=None, before=before)
        services.article_saved(article=article, by=None, before=before)
    except (ImportError, AttributeError):  # the house before the redesign: signals purge
        article.save()


def writes(redis):
    stats = redis.info("commandstats")
    return sum(stats.get(f"cmdstat_{name}", {}).get("calls", 0) for name in ("set", "setex"))


def main():
    django.setup()
    import redis as redis_library
    from django.conf import settings
    from django.core.cache import cache
    from django.test import Client

    redis = redis_library.Redis.from_url(settings.CACHES["default"]["LOCATION"])
    cache.clear()
    urls, article = sample()
    headline = article.headline
    client = Client()
    crawl(client, urls)
    warm = crawl(client, urls)
    hits = sum(state == "hit" for state in warm.values())
    keys = redis.dbsize()
    redis.config_resetstat()
    started = time.monotonic()
    edit(article)
    after = crawl(client, urls)
    seconds = time.monotonic() - started
    missed = sorted(url for url, state in after.items() if state == "miss")
    print(
        f"{len(urls)} pages read, {hits} hits when warm, {keys} cache keys; after one headline "
        f"edit: {len(missed)} pages re-rendered, {writes(redis)} cache writes "
        f"(pages, fragments, values), {seconds:.1f} s to read the sample again"
    )
    for url in missed[:40]:
        print("  re-rendered:", url)
    type(article).objects.filter(pk=article.pk).update(headline=headline)  # as it was
    cache.clear()


if __name__ == "__main__":
    main()
