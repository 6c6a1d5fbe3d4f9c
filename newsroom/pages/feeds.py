"""RSS 2.0 and Atom feeds: the whole site, each show, person, author and tag. Each is a
cached page carrying its items' tags (newsroom/urls.py wraps them in cache_page). An item
with a picture carries it as Media RSS (``media:content`` and ``media:thumbnail``, which
feed readers show), in RSS and Atom alike."""

from contextvars import ContextVar

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.files.storage import default_storage
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from articles import selectors as articles
from articles.models import Author, Tag
from newsroom.core.cache import add_tags
from newsroom.core.text import XMLSafeFeed
from people.models import Person
from shows.models import Show

_request = ContextVar("feed_request")
MEDIA_RSS = "http://search.yahoo.com/mrss/"
FEED_IMAGE_WIDTH = 1200  # the rendition closest to what feed readers show


class MediaRss:
    """Writes an item's ``image`` ({url, width, height, type, alt}) as Media RSS."""

    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:media": MEDIA_RSS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        image = item.get("image")
        if not image:
            return
        attributes = {
            "url": image["url"],
            "medium": "image",
            "type": image["type"],
            "width": str(image["width"]),
            "height": str(image["height"]),
        }
        handler.startElement("media:content", attributes)
        if image["alt"]:
            handler.addQuickElement("media:description", image["alt"], {"type": "plain"})
        handler.endElement("media:content")
        handler.addQuickElement("media:thumbnail", None, {"url": image["url"]})


class SafeRssFeed(MediaRss, XMLSafeFeed, Rss201rev2Feed):
    pass


class SafeAtomFeed(MediaRss, XMLSafeFeed, Atom1Feed):
    pass


def feed_image(photo):
    """A photo as a feed shows it: its JPEG rendition nearest FEED_IMAGE_WIDTH, or the
    original when renditions are not made yet."""
    if photo is None or not photo.image:
        return None
    rows = (photo.renditions or {}).get("full") or []
    if rows:
        width, height, _webp, jpeg = min(rows, key=lambda row: abs(row[0] - FEED_IMAGE_WIDTH))
        url, kind = default_storage.url(jpeg), "image/jpeg"
    else:
        width, height = photo.width, photo.height
        url = photo.image.url
        kind = "image/png" if url.lower().endswith(".png") else "image/jpeg"
        if url.lower().endswith(".webp"):
            kind = "image/webp"
    return {"url": url, "width": width, "height": height, "type": kind, "alt": photo.alt_text}


class ArticleFeed(Feed):
    """The newest published articles, with their dek as a full summary. Whatever was stored,
    only what XML can carry is written (newsroom.core.text)."""

    feed_type = SafeRssFeed
    description_template = None

    def title(self, obj=None):
        return settings.NEWSROOM_SITE_NAME

    def link(self, obj=None):
        return "/"

    def description(self, obj=None):
        return settings.NEWSROOM_SITE_DESCRIPTION

    def articles(self, obj):
        return articles.published()

    def items(self, obj=None):
        items = list(
            self.articles(obj).for_cards().prefetch_related("tags")[: settings.NEWSROOM_FEED_SIZE]
        )
        for item in items:  # what each entry shows: headline, dek, bylines, categories
            add_tags(item, item.tags.all())
        return items

    def item_title(self, item):
        return item.headline

    def item_description(self, item):
        if item.dek:
            return item.dek
        words = item.search_document.split()
        return " ".join(words[:60]) + ("…" if len(words) > 60 else "")

    def item_pubdate(self, item):
        return item.publish_at

    def item_updateddate(self, item):
        return item.updated_at or item.publish_at

    def item_author_name(self, item):
        return ", ".join(byline.author.display_name for byline in item.bylines.all()) or None

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]

    def item_guid(self, item):
        return f"article-{item.pk}"

    def item_extra_kwargs(self, item):
        image = feed_image(item.hero_photo)
        if image:
            image = {**image, "url": _request.get().build_absolute_uri(image["url"])}
        return {"image": image}

    def get_feed(self, obj, request):
        token = _request.set(request)  # one feed object serves every request: not an attribute
        try:
            return super().get_feed(obj, request)
        finally:
            _request.reset(token)

    item_guid_is_permalink = False


class AtomMixin:
    feed_type = SafeAtomFeed

    def subtitle(self, obj=None):
        return self.description(obj)


class SiteFeed(ArticleFeed):
    pass


class SiteAtomFeed(AtomMixin, SiteFeed):
    pass


class ShowFeed(ArticleFeed):
    def get_object(self, request, slug):
        obj = get_object_or_404(Show, slug=slug)
        add_tags(obj)
        return obj

    def title(self, obj=None):
        return f"{obj.title} · {settings.NEWSROOM_SITE_NAME}"

    def link(self, obj=None):
        return obj.get_absolute_url()

    def description(self, obj=None):
        return f"News about {obj.title}: casting, production status, release dates."

    def articles(self, obj):
        return articles.published_about(obj)


class ShowAtomFeed(AtomMixin, ShowFeed):
    pass


class PersonFeed(ArticleFeed):
    def get_object(self, request, slug):
        obj = get_object_or_404(Person, slug=slug)
        add_tags(obj)
        return obj

    def title(self, obj=None):
        return f"{obj.name} · {settings.NEWSROOM_SITE_NAME}"

    def link(self, obj=None):
        return obj.get_absolute_url()

    def description(self, obj=None):
        return f"News about {obj.name}: roles, projects, interviews."

    def articles(self, obj):
        return articles.published_about(obj)


class PersonAtomFeed(AtomMixin, PersonFeed):
    pass


class AuthorFeed(ArticleFeed):
    def get_object(self, request, slug):
        obj = get_object_or_404(Author, slug=slug)
        add_tags(obj)
        return obj

    def title(self, obj=None):
        return f"{obj.display_name} · {settings.NEWSROOM_SITE_NAME}"

    def link(self, obj=None):
        return obj.get_absolute_url()

    def description(self, obj=None):
        return f"Articles by {obj.display_name}."

    def articles(self, obj):
        return articles.published_about(obj)


class AuthorAtomFeed(AtomMixin, AuthorFeed):
    pass


class TagFeed(ArticleFeed):
    def get_object(self, request, slug):
        obj = get_object_or_404(Tag, slug=slug)
        add_tags(obj)
        return obj

    def title(self, obj=None):
        return f"{obj.name} · {settings.NEWSROOM_SITE_NAME}"

    def link(self, obj=None):
        return obj.get_absolute_url()

    def description(self, obj=None):
        return f"Articles tagged {obj.name}."

    def articles(self, obj):
        return articles.published_about(obj)


class TagAtomFeed(AtomMixin, TagFeed):
    pass
