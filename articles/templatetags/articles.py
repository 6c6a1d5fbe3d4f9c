"""Template tags for the desk's records on public pages: pictures from the photo library
(its renditions), comments, the tags of threads and photo lists."""

from django import template
from django.core.files.storage import default_storage
from django.db import DatabaseError
from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import capfirst

from articles import cache_tags
from articles.models import CommentStatus
from newsroom.core import cache

register = template.Library()

SIZES = {
    "hero": "(min-width: 75rem) 46rem, (min-width: 50rem) 65vw, 100vw",
    "body": "(min-width: 75rem) 46rem, (min-width: 50rem) 65vw, 100vw",
    "lead": "(min-width: 75rem) 44rem, (min-width: 50rem) 60vw, 100vw",
    "card": "(min-width: 75rem) 22rem, (min-width: 50rem) 30vw, 100vw",
    "thumb": "8rem",
}


@register.simple_tag
def picture(photo, kind="full", sizes="hero", lazy=True, css_class=""):
    """A <picture> with WebP and JPEG srcsets, explicit size (no layout shift) and alt text.

    `kind` is "full" (whole picture) or "card" (3:2 crop around the focal point). Pages built
    before a photo's renditions exist fall back to the original file.
    """
    if photo is None:
        return ""
    rows = (photo.renditions or {}).get(kind) or []
    attrs = {
        "alt": photo.alt_text,
        "class": css_class or None,
        "loading": "lazy" if lazy else None,
        "decoding": "async",
        "fetchpriority": None if lazy else "high",
    }
    if not rows:
        return format_html(
            '<img src="{}" width="{}" height="{}"{}>',
            photo.image.url,
            photo.width,
            photo.height,
            _attrs(attrs),
        )
    sizes_value = SIZES.get(sizes, sizes)
    webp = ", ".join(f"{default_storage.url(row[2])} {row[0]}w" for row in rows)
    jpeg = ", ".join(f"{default_storage.url(row[3])} {row[0]}w" for row in rows)
    fallback = rows[min(1, len(rows) - 1)]
    return format_html(
        '<picture><source type="image/webp" srcset="{}" sizes="{}">'
        '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}"{}></picture>',
        webp,
        sizes_value,
        default_storage.url(fallback[3]),
        jpeg,
        sizes_value,
        fallback[0],
        fallback[1],
        _attrs(attrs),
    )


def _attrs(attrs):
    return format_html_join(
        "", ' {}="{}"', ((key, value) for key, value in attrs.items() if value is not None)
    )


@register.filter
def media_url(name):
    """The public URL of a stored file name (a rendition)."""
    return default_storage.url(name)


@register.simple_tag
def article_cards(articles, compact=False):
    """``{% article_cards articles %}``: a card for each article (hero picture, kind,
    headline, dek, bylines, date, comment count; ``compact=True``: no dek, no count), built
    from data: a list page shows twenty. Each card names its article's tag, and a full card
    its thread's (the count)."""
    days = {}
    cards = []
    for article in articles:
        cache.add_tags(article, None if compact else cache_tags.comments(article.pk))
        url = escape(article.get_absolute_url())
        iso = shown = ""
        if article.publish_at is not None:  # always, for a published article
            local = timezone.localtime(article.publish_at)
            if local.date() not in days:
                days[local.date()] = formats.date_format(local)
            iso, shown = local.isoformat(), days[local.date()]
        names = [escape(byline.author.display_name) for byline in article.bylines.all()]
        bylines = " and ".join(filter(None, [", ".join(names[:-1]), *names[-1:]]))
        count = 0 if compact else article.comment_count
        cards.append(
            f'<article class="card{" card--compact" if compact else ""}">\n'
            + (
                f'  <div class="card__media">{picture(article.hero_photo, "card", "card")}</div>\n'
                if article.hero_photo_id
                else ""
            )
            + '  <div class="card__body">\n'
            f'    <p class="card__kicker">{escape(capfirst(article.get_kind_display()))}</p>\n'
            f'    <h3 class="card__title"><a href="{url}">{escape(article.headline)}</a></h3>\n'
            + (
                f'    <p class="card__dek">{escape(article.dek)}</p>\n'
                if article.dek and not compact
                else ""
            )
            + f'    <p class="card__meta">{bylines}{" · " if names else ""}'
            f'<time datetime="{iso}">{shown}</time>'
            + (
                f' · <a href="{url}#comments">{count} comment{pluralize(count)}</a>'
                if count
                else ""
            )
            + "</p>\n  </div>\n</article>\n"
        )
    return mark_safe("".join(cards))  # noqa: S308 (every value escaped above)


@register.simple_tag
def comment_thread(comments, is_open):
    """``{% comment_thread thread.comments comments_are_open %}``: a page of the thread,
    built from data (the article page's hottest markup: a few microseconds a comment, where
    a template include took a hundred and fifty)."""
    return render_thread(comments, is_open=is_open)


HELD = (
    '      <span class="badge badge--held">Awaiting moderation</span> <span class="muted">'
    "Only you can see this until a moderator approves it.</span>\n"
)


def render_thread(comments, *, is_open):
    """The ``<li>`` of each comment, its replies nested under it, as the article page shows
    them. Everything a reader typed is escaped (the name here; the body when it was
    written); a held comment (shown only to the reader who posted it) says so; replies are
    offered under approved comments while the thread is open."""
    sample = 987654321
    before, after = reverse("articles:comment", args=[sample]).split(str(sample))
    days = {}

    def when(moment):
        local = timezone.localtime(moment)
        day = local.date()
        if day not in days:
            days[day] = formats.date_format(local)
        return local.isoformat(), f"{days[day]}, {local:%H:%M}"

    def item(comment):
        pk, name = comment.pk, escape(comment.name)
        held = comment.status == CommentStatus.HELD
        iso, shown = when(comment.created_at)
        parts = [
            f'<li class="comment{" comment--held" if held else ""}" id="comment-{pk}">\n'
            f'  <article aria-labelledby="comment-{pk}-by">\n'
            '    <header class="comment__meta">\n'
            f'      <strong id="comment-{pk}-by"><bdi>{name}</bdi></strong>\n'
            f'      <a class="comment__permalink" href="{before}{pk}{after}">'
            f'<time datetime="{iso}">{shown}</time></a>\n',
            HELD if held else "",
            "    </header>\n"
            f'    <div class="comment__body" dir="auto">{comment.shown_body}</div>\n',
        ]
        if is_open and comment.status == CommentStatus.APPROVED:
            parts.append(
                f'    <p class="comment__reply"><a href="?reply={pk}#comment-form">Reply'
                f'<span class="visually-hidden"> to <bdi>{name}</bdi></span></a></p>\n'
            )
        parts.append("  </article>\n")
        if comment.children:
            parts.append('  <ol class="comment-list comment-list--replies">')
            parts.extend(map(item, comment.children))
            parts.append("</ol>\n")
        parts.append("</li>")
        return "".join(parts)

    return mark_safe("".join(map(item, comments)))  # noqa: S308 (escaped above)


@register.filter
def comments_tag(article):
    """The tag of an article's thread and its comment count, for ``{% cache_tag %}``."""
    return cache_tags.comments(article.pk)


@register.filter
def photos_tag(obj):
    """The tag of the photos picturing a show or a person."""
    return cache_tags.photos_of(obj)


@register.simple_tag
def footer_pages():
    """[(title, address)] of the published top-level pages marked for the footer, in menu
    order: kept as a value until a page's place in a list changes (``list:pages``). A
    database that cannot answer leaves the footer without them, never the page broken."""

    def read():
        from articles.models import StaticPage

        cache.add_tags(cache_tags.PAGES)
        pages = StaticPage.objects.filter(published=True, in_footer=True, parent__isnull=True)
        return [
            (page.title, page.get_absolute_url()) for page in pages.order_by("menu_order", "title")
        ]

    try:
        return cache.cached_value("footer-pages", read)
    except DatabaseError:
        return []
