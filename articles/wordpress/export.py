"""The newsroom as a WordPress export (WXR 1.2), written as a stream: authors, sections and
tags, photos as attachments, articles as posts (their blocks as Gutenberg blocks, which
WordPress's own editor reads), static pages as pages, and every comment with its thread and
state. WordPress's importer accepts it, and so does ours (the round trip keeps the same
records and the same text).

Ids in the file: an article is 3n, a page 3n + 1, a photo 3n + 2 (n its id here), so none
collide in WordPress's one table of posts.
"""

import datetime
import json
from xml.sax.saxutils import XMLGenerator

from content_editor.contents import contents_for_item, contents_for_items
from django.conf import settings
from django.core.files.storage import default_storage
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.html import escape

from articles.models import (
    BLOCK_MODELS,
    PAGE_BLOCK_MODELS,
    Article,
    ArticleAuthor,
    ArticleStatus,
    Author,
    Comment,
    CommentStatus,
    PagePhoto,
    PageText,
    Photo,
    PhotoBlock,
    Quote,
    RichText,
    StaticPage,
    Tag,
    VideoEmbed,
)

WP = "http://wordpress.org/export/1.2/"
NAMESPACES = {
    "excerpt": "http://wordpress.org/export/1.2/excerpt/",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "wfw": "http://wellformedweb.org/CommentAPI/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "wp": WP,
}
STATUSES = {
    ArticleStatus.DRAFT: "draft",
    ArticleStatus.IN_REVIEW: "pending",
    ArticleStatus.ARCHIVED: "private",
}
COMMENT_STATES = {
    CommentStatus.APPROVED: "1",
    CommentStatus.HELD: "0",
    CommentStatus.SPAM: "spam",
    CommentStatus.REMOVED: "trash",
}
CHUNK = 500


def article_id(pk):
    return pk * 3


def page_id(pk):
    return pk * 3 + 1


def photo_id(pk):
    return pk * 3 + 2


def _date(value):
    if value is None:
        return "0000-00-00 00:00:00"
    return value.astimezone(datetime.UTC).strftime("%Y-%m-%d %H:%M:%S")


class _Writer:
    def __init__(self, out):
        self.xml = XMLGenerator(out, encoding="utf-8", short_empty_elements=True)

    def start(self, name, attrs=None):
        self.xml.startElement(name, attrs or {})

    def end(self, name):
        self.xml.endElement(name)

    def text(self, name, value, attrs=None):
        self.start(name, attrs)
        self.xml.characters(str(value if value is not None else ""))
        self.end(name)

    def cdata(self, name, value):
        """A field WordPress writes as CDATA; "]]>" inside it is split, as WordPress does."""
        self.start(name)
        text = str(value or "").replace("]]>", "]]]]><![CDATA[>")
        self.xml.ignorableWhitespace(f"<![CDATA[{text}]]>")
        self.end(name)

    def newline(self):
        self.xml.ignorableWhitespace("\n")


def _site():
    return settings.NEWSROOM_SITE_URL.rstrip("/")


def _absolute(path):
    return path if path.startswith(("http://", "https://")) else _site() + path


def _block_html(block):
    """One body block as the Gutenberg block WordPress's editor would have saved."""
    if isinstance(block, (RichText, PageText)):
        return f"<!-- wp:html -->\n{block.text}\n<!-- /wp:html -->"
    if isinstance(block, (PhotoBlock, PagePhoto)):
        photo = block.photo
        url = _absolute(default_storage.url(photo.image.name)) if photo.image else ""
        attrs = json.dumps({"id": photo_id(photo.pk)})
        caption, alt = _escape(block.caption), _escape(photo.alt_text)
        return (
            f"<!-- wp:image {attrs} -->\n"
            f'<figure class="wp-block-image"><img src="{_escape(url)}" alt="{alt}" '
            f'class="wp-image-{photo_id(photo.pk)}"/><figcaption>{caption}</figcaption></figure>\n'
            "<!-- /wp:image -->"
        )
    if isinstance(block, Quote):
        cite = _escape(block.speaker_name)
        return (
            "<!-- wp:quote -->\n"
            f'<blockquote class="wp-block-quote"><p>{_escape(block.text)}</p><cite>{cite}</cite>'
            "</blockquote>\n<!-- /wp:quote -->"
        )
    if isinstance(block, VideoEmbed):
        attrs = json.dumps({"url": block.url, "type": "video"})
        return (
            f"<!-- wp:embed {attrs} -->\n"
            f'<figure class="wp-block-embed">{_escape(block.url)}</figure>\n<!-- /wp:embed -->'
        )
    return ""


def _escape(text):
    return escape(text or "")


def write_wxr(out):
    """Write the whole newsroom to the binary file `out`. Returns {kind: count}."""
    writer = _Writer(out)
    counts = {"authors": 0, "terms": 0, "attachments": 0, "posts": 0, "pages": 0, "comments": 0}
    writer.xml.startDocument()
    writer.newline()
    writer.start("rss", {"version": "2.0", **{f"xmlns:{k}": v for k, v in NAMESPACES.items()}})
    writer.start("channel")
    writer.text("title", settings.NEWSROOM_SITE_NAME)
    writer.text("link", _site())
    writer.text("description", settings.NEWSROOM_SITE_DESCRIPTION)
    writer.text("pubDate", timezone.now().strftime("%a, %d %b %Y %H:%M:%S +0000"))
    writer.text("language", "en-GB")
    writer.text("wp:wxr_version", "1.2")
    writer.text("wp:base_site_url", _site())
    writer.text("wp:base_blog_url", _site())
    writer.newline()
    for author in Author.objects.order_by("pk").iterator(chunk_size=CHUNK):
        writer.start("wp:author")
        writer.text("wp:author_id", author.pk)
        writer.cdata("wp:author_login", author.slug)
        writer.cdata("wp:author_email", author.user.email if author.user_id else "")
        writer.cdata("wp:author_display_name", author.display_name)
        writer.end("wp:author")
        writer.newline()
        counts["authors"] += 1
    for tag in Tag.objects.select_related("parent").order_by("pk").iterator(chunk_size=CHUNK):
        if tag.is_category:
            writer.start("wp:category")
            writer.text("wp:term_id", tag.pk)
            writer.cdata("wp:category_nicename", tag.slug)
            writer.cdata("wp:category_parent", tag.parent.slug if tag.parent_id else "")
            writer.cdata("wp:cat_name", tag.name)
            if tag.description:
                writer.cdata("wp:category_description", tag.description)
            writer.end("wp:category")
        else:
            writer.start("wp:tag")
            writer.text("wp:term_id", tag.pk)
            writer.cdata("wp:tag_slug", tag.slug)
            writer.cdata("wp:tag_name", tag.name)
            writer.end("wp:tag")
        writer.newline()
        counts["terms"] += 1
    for photo in Photo.objects.order_by("pk").iterator(chunk_size=CHUNK):
        _attachment(writer, photo)
        counts["attachments"] += 1
    articles = Article.objects.order_by("pk").prefetch_related(
        Prefetch("bylines", queryset=ArticleAuthor.objects.select_related("author")),
        "tags",
        Prefetch("comments", queryset=Comment.objects.order_by("pk")),
    )
    last = 0
    while chunk := list(articles.filter(pk__gt=last)[:CHUNK]):  # a chunk's blocks at once
        bodies = contents_for_items(chunk, BLOCK_MODELS)
        for article in chunk:
            counts["comments"] += _post(writer, article, bodies[article].body)
            counts["posts"] += 1
        last = chunk[-1].pk
    for page in StaticPage.objects.order_by("path").iterator(chunk_size=CHUNK):
        _page(writer, page)
        counts["pages"] += 1
    writer.end("channel")
    writer.end("rss")
    writer.newline()
    writer.xml.endDocument()
    return counts


def _attachment(writer, photo):
    url = _absolute(default_storage.url(photo.image.name)) if photo.image else ""
    writer.start("item")
    writer.text("title", photo.caption[:80])
    writer.text("link", url)
    writer.text("guid", url, {"isPermaLink": "false"})
    writer.cdata("excerpt:encoded", photo.caption)
    writer.text("wp:post_id", photo_id(photo.pk))
    writer.cdata("wp:post_date_gmt", _date(photo.uploaded_at))
    writer.cdata("wp:status", "inherit")
    writer.cdata("wp:post_type", "attachment")
    writer.cdata("wp:attachment_url", url)
    _meta(writer, "_wp_attachment_image_alt", photo.alt_text)
    _meta(writer, "_newsroom_credit", photo.credit)
    writer.end("item")
    writer.newline()


def _meta(writer, key, value):
    if value in (None, ""):
        return
    writer.start("wp:postmeta")
    writer.cdata("wp:meta_key", key)
    writer.cdata("wp:meta_value", value)
    writer.end("wp:postmeta")


def _post(writer, article, blocks):
    status = STATUSES.get(article.status, "publish")
    if article.status == ArticleStatus.PUBLISHED and article.is_scheduled:
        status = "future"
    bylines = [byline.author for byline in article.bylines.all()]
    writer.start("item")
    writer.text("title", article.headline)
    writer.text("link", _absolute(article.get_absolute_url()))
    writer.cdata("dc:creator", bylines[0].slug if bylines else "")
    writer.text("guid", _absolute(article.get_absolute_url()), {"isPermaLink": "false"})
    writer.cdata("content:encoded", "\n\n".join(filter(None, map(_block_html, blocks))))
    writer.cdata("excerpt:encoded", article.dek)
    writer.text("wp:post_id", article_id(article.pk))
    writer.cdata("wp:post_date_gmt", _date(article.publish_at))
    writer.cdata("wp:comment_status", "open" if article.comments_open else "closed")
    writer.cdata("wp:post_name", article.slug)
    writer.cdata("wp:status", status)
    writer.text("wp:post_parent", 0)
    writer.cdata("wp:post_type", "post")
    writer.text("wp:is_sticky", 1 if article.sticky else 0)
    for tag in article.tags.all():
        domain = "category" if tag.is_category else "post_tag"
        writer.start("category", {"domain": domain, "nicename": tag.slug})
        writer.xml.characters(tag.name)
        writer.end("category")
    for author in bylines[1:]:  # Co-Authors Plus writes the other bylines as terms
        writer.start("category", {"domain": "author", "nicename": f"cap-{author.slug}"})
        writer.xml.characters(author.display_name)
        writer.end("category")
    if article.hero_photo_id:
        _meta(writer, "_thumbnail_id", photo_id(article.hero_photo_id))
    _meta(writer, "_yoast_wpseo_title", article.seo_title)
    _meta(writer, "_yoast_wpseo_metadesc", article.meta_description)
    _meta(writer, "_yoast_wpseo_canonical", article.canonical_url)
    count = 0
    for comment in article.comments.all():
        writer.start("wp:comment")
        writer.text("wp:comment_id", comment.pk)
        writer.cdata("wp:comment_author", comment.name)
        writer.cdata("wp:comment_author_email", comment.email)
        writer.cdata("wp:comment_author_url", comment.website)
        writer.cdata("wp:comment_author_IP", comment.ip_address or "")
        writer.cdata("wp:comment_date_gmt", _date(comment.created_at))
        writer.cdata("wp:comment_content", comment.body)
        writer.cdata("wp:comment_approved", COMMENT_STATES.get(comment.status, "0"))
        writer.cdata("wp:comment_type", "" if comment.kind == "comment" else comment.kind)
        writer.text("wp:comment_parent", comment.reply_to_id or comment.parent_id or 0)
        writer.end("wp:comment")
        count += 1
    writer.end("item")
    writer.newline()
    return count


def _page(writer, page):
    writer.start("item")
    writer.text("title", page.title)
    writer.text("link", _absolute(page.get_absolute_url()))
    writer.cdata("dc:creator", "")
    writer.cdata("content:encoded", "\n\n".join(filter(None, map(_block_html, _page_blocks(page)))))
    writer.cdata("excerpt:encoded", page.summary)
    writer.text("wp:post_id", page_id(page.pk))
    writer.cdata("wp:post_date_gmt", _date(page.created_at))
    writer.cdata("wp:post_name", page.slug)
    writer.cdata("wp:status", "publish" if page.published else "draft")
    writer.text("wp:post_parent", page_id(page.parent_id) if page.parent_id else 0)
    writer.text("wp:menu_order", page.menu_order)
    writer.cdata("wp:post_type", "page")
    writer.end("item")
    writer.newline()


def _page_blocks(page):
    return contents_for_item(page, PAGE_BLOCK_MODELS).body
