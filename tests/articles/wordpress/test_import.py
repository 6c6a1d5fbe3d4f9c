"""A WordPress export moved in with nothing lost: every post, page, author, term, comment
thread and photo caption, every old address answering 301, and a second run that doubles
nothing. The export is a small file of our own (``newsroom.xml``)."""

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from PIL import Image

from articles.models import (
    Article,
    ArticleStatus,
    Author,
    Comment,
    CommentKind,
    CommentStatus,
    ImportedRecord,
    ImportRun,
    PhotoBlock,
    Quote,
    Redirect,
    RichText,
    StaticPage,
    Tag,
    VideoEmbed,
)
from articles.wordpress import importer
from articles.wordpress.importer import Importer
from articles.wordpress.wxr import NotAnExport

pytestmark = pytest.mark.django_db
EXPORT = Path(__file__).with_name("newsroom.xml")


@pytest.fixture
def media(tmp_path, media_root):
    """A copy of the old site's wp-content/uploads (set.jpg and teaser.gif; lost.jpg is
    missing, as files are in real archives)."""
    folder = tmp_path / "uploads" / "2025" / "05"
    folder.mkdir(parents=True)
    Image.new("RGB", (1200, 800), (200, 40, 40)).save(folder / "set.jpg", "JPEG")
    Image.new("P", (320, 200)).save(folder / "teaser.gif", "GIF")
    return str(tmp_path / "uploads")


def _import(media=None, data=None, **options):
    raw = io.BytesIO(data if data is not None else EXPORT.read_bytes())
    return Importer(media_dir=media, **options).run(raw)


def test_everything_in_the_export_is_accounted_for(media):
    report = _import(media)
    assert report.counts["posts"]["found"] == 9
    assert report.counts["posts"]["created"] == 8
    assert report.skipped["posts"] == {"in the trash": 1}
    assert report.skipped["items"] == {"post type “nav_menu_item”": 1}
    assert report.counts["pages"]["created"] == 2
    assert report.counts["attachments"]["created"] == 2
    assert report.counts["attachments"]["kept as links"] == 1
    assert report.missing_files == [
        ("33", "https://old.example.com/wp-content/uploads/2019/01/lost.jpg")
    ]
    assert report.counts["comments"]["created"] == 8
    assert report.skipped["terms"] == {"taxonomy “nav_menu” is not kept": 1}
    assert "post_tag: Filming (filming)" in report.undeclared_terms
    assert report.shortcodes["contact-form-7"] == {"count": 1, "posts": ["11"]}
    assert report.shortcodes["button"]["count"] == 1
    assert report.forbidden_characters == 1
    assert report.protected == ["16: Members only"]
    text = "\n".join(report.lines())
    assert "[contact-form-7] once, in posts 11" in text


def test_posts_keep_their_state_dates_slugs_and_seo(media):
    _import(media)
    filming = Article.objects.get(slug="romantics-anonymous-starts-filming")
    assert filming.status == ArticleStatus.PUBLISHED
    assert filming.publish_at.isoformat() == "2025-05-01T09:00:00+00:00"
    assert filming.sticky
    assert filming.dek == "Filming has begun."
    assert filming.seo_title == "Romantics Anonymous starts filming"
    assert filming.meta_description == "Filming of Romantics Anonymous began in Tokyo."
    assert [b.author.display_name for b in filming.bylines.all()] == ["Mei Tanaka"]
    assert {tag.name for tag in filming.tags.all()} == {"K-drama", "Netflix", "Filming"}
    k_drama = Tag.objects.get(slug="k-drama")
    assert k_drama.is_category
    assert k_drama.parent.slug == "tv"
    assert filming.hero_photo.caption == "Filming in Shibuya, May 2025."
    assert filming.hero_photo.alt_text == "The crew around a camera in a Shibuya street"
    assert Article.objects.get(slug="next-years-slate").is_scheduled
    assert Article.objects.get(slug="pending-review").status == ArticleStatus.IN_REVIEW
    assert Article.objects.get(slug="private-note").status == ArticleStatus.DRAFT
    members = Article.objects.get(slug="members-only")
    assert members.status == ArticleStatus.DRAFT  # nothing protected becomes public
    untitled = Article.objects.get(slug="小栗旬")  # percent-encoded, decoded
    assert untitled.headline == "Shun Oguri returns to television in a new…"
    assert untitled.bylines.get().author.display_name == "ghostwriter"  # no wp:author entry
    assert Author.objects.filter(display_name="Jacob Robinson").exists()


def test_bodies_become_blocks(media):
    _import(media)
    filming = Article.objects.get(slug="romantics-anonymous-starts-filming")
    assert PhotoBlock.objects.get(parent=filming).caption == "On set in Tokyo"
    quote = Quote.objects.get(parent=filming)
    assert (quote.text, quote.speaker) == ("We argue over every shot.", "The director")
    assert VideoEmbed.objects.get(parent=filming).video.provider == "YouTube"
    text = RichText.objects.get(parent=filming).text
    cast = Article.objects.get(slug="the-cast")
    assert f'href="{cast.get_absolute_url()}"' in text  # internal links lead to the new site
    cast_text = " ".join(RichText.objects.filter(parent=cast).values_list("text", flat=True))
    assert "<p>Han Hyo-joo plays Hana.<br>" in cast_text  # paragraphs restored
    assert "[contact-form-7" not in cast_text
    assert "Send us tips." in cast_text
    assert cast.headline == "The cast, in pictures"  # the forbidden character dropped
    photos = PhotoBlock.objects.filter(parent=cast).order_by("ordering")
    assert [p.photo.image.name.rsplit(".", 1)[1] for p in photos] == ["jpg", "jpg", "png"]
    assert VideoEmbed.objects.get(parent=cast).video.provider == "Vimeo"


def test_comment_threads_are_kept_exactly_in_every_state(media):
    _import(media)
    article = Article.objects.get(slug="romantics-anonymous-starts-filming")
    comments = {c.name: c for c in Comment.objects.filter(article=article)}
    assert comments["Ben"].reply_to == comments["Ana"]
    assert comments["Chen"].reply_to == comments["Ben"]
    assert comments["Dana"].reply_to == comments["Chen"]  # came first in the file
    assert comments["Dana"].depth == 2  # shown at the third level, under Chen's parent
    assert comments["Dana"].thread == comments["Ana"]
    assert {
        name: c.status for name, c in comments.items() if name in ("Spammer", "Held", "Binned")
    } == {
        "Spammer": CommentStatus.SPAM,
        "Held": CommentStatus.HELD,
        "Binned": CommentStatus.REMOVED,
    }
    assert comments["Another Blog"].kind == CommentKind.PINGBACK
    assert comments["Ana"].body == "Finally!\nCan't wait."
    assert comments["Ana"].created_at.isoformat() == "2025-05-01T09:30:00+00:00"
    article.refresh_from_db()
    assert article.comment_count == 5  # the approved ones
    page = Client().get(article.get_absolute_url()).content.decode()
    assert "ana@example.com" not in page  # emails stay private
    assert "Reply to Ben." in page
    assert "Cheap pills" not in page


def test_old_addresses_answer_301_while_their_record_is_public(media):
    _import(media)
    client = Client()
    filming = Article.objects.get(slug="romantics-anonymous-starts-filming")
    for old in (
        "/2025/05/romantics-anonymous-starts-filming/",
        "/?p=10",
        "/2025/05/filming-begins/",  # its old slug
    ):
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"] == filming.get_absolute_url()
    assert client.get("/?page_id=20")["Location"] == "/about/"
    assert client.get("/about/team/").status_code == 200
    assert client.get("/2025/03/members-only/").status_code == 404  # unpublished: no redirect
    assert client.get("/?p=13").status_code == 200  # scheduled: the home page, no redirect
    assert Redirect.objects.filter(old_path="/?p=13").exists()


def test_pages_become_static_pages_with_their_parents(media):
    _import(media)
    team = StaticPage.objects.get(slug="team")
    assert team.parent.slug == "about"
    assert team.path == "about/team/"
    assert team.menu_order == 2
    assert team.published


def test_a_second_run_doubles_nothing(media):
    _import(media)
    counts = _counts()
    report = _import(media)
    assert _counts() == counts
    assert report.counts["posts"]["unchanged"] == 8
    assert report.counts["comments"].get("created", 0) == 0
    assert report.counts["attachments"]["unchanged"] == 2


def test_a_run_stopped_halfway_finishes_on_the_next(media, monkeypatch):
    original = Importer._item
    seen = []

    def dies_at_the_fifth(self, item):
        seen.append(item.post_id)
        if len(seen) == 5:
            raise KeyboardInterrupt  # the process killed
        return original(self, item)

    monkeypatch.setattr(Importer, "_item", dies_at_the_fifth)
    monkeypatch.setattr(importer, "PROGRESS_EVERY", 2)  # a batch is committed every 2 items
    with pytest.raises(KeyboardInterrupt):
        _import(media)
    assert Article.objects.count() == 4  # the batches committed before it died are kept
    monkeypatch.setattr(Importer, "_item", original)
    report = _import(media)
    assert report.counts["posts"]["unchanged"] == 4
    assert (Article.objects.count(), Comment.objects.count(), StaticPage.objects.count()) == (
        8,
        8,
        2,
    )
    resumed = _counts()
    _import(media)
    assert _counts() == resumed


def test_a_dry_run_keeps_nothing(media):
    report = _import(media, dry_run=True)
    assert report.counts["posts"]["created"] == 8
    assert not Article.objects.exists()
    assert not ImportedRecord.objects.exists()


def test_http_and_https_namespaces_and_older_versions_are_read(media):
    data = EXPORT.read_bytes().replace(
        b"http://wordpress.org/export/1.2/", b"https://wordpress.org/export/1.1/"
    )
    data = data.replace(b"Cameras are rolling", b"Cameras\x07 are rolling")
    report = _import(media, data=data)
    assert report.counts["posts"]["created"] == 8
    assert report.forbidden_characters == 2


def test_what_is_not_an_export_is_refused_with_nothing_written(tmp_path):
    with pytest.raises(NotAnExport, match="not a readable WordPress export"):
        _import(data=b"this is not xml")
    with pytest.raises(NotAnExport, match="not a WordPress export"):
        _import(data=b"<?xml version='1.0'?><html><body/></html>")
    entities = (
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><rss><channel>&a;</channel></rss>'
    )
    with pytest.raises(NotAnExport):
        _import(data=entities)
    assert not Article.objects.exists()
    bad = tmp_path / "bad.xml"
    bad.write_bytes(b"nope")
    with pytest.raises(CommandError, match="not a readable WordPress export"):
        call_command("import_wordpress", str(bad))
    with pytest.raises(CommandError, match="No such file"):
        call_command("import_wordpress", str(tmp_path / "missing.xml"))


def test_the_command_prints_the_report(media, capsys):
    call_command("import_wordpress", str(EXPORT), "--media", media)
    out = capsys.readouterr().out
    assert "Source: old.example.com (WXR 1.2)" in out
    assert "posts: created 8" in out
    assert "missing files (1):" in out
    run = ImportRun.objects.get()  # kept as a record in the desk
    assert run.status == "done"
    assert any(line.startswith("posts: created 8") for line in run.report["lines"])


def test_an_editor_sees_the_imports_and_redirects_in_the_desk(media, editor_client):
    call_command("import_wordpress", str(EXPORT), "--media", media)
    runs = editor_client.get(reverse("admin:articles_importrun_changelist"))
    assert runs.status_code == 200
    page = editor_client.get(
        reverse("admin:articles_importrun_change", args=[ImportRun.objects.get().pk])
    )
    assert "posts: created 8" in page.content.decode()
    redirects = editor_client.get(reverse("admin:articles_redirect_changelist"), {"q": "?p=10"})
    assert "/articles/romantics-anonymous-starts-filming/" in redirects.content.decode()


def _counts():
    return {
        model.__name__: model.objects.count()
        for model in (Article, Author, Tag, Comment, StaticPage, Redirect, ImportedRecord, RichText)
    }


def _export(items):
    """A minimal WXR 1.2 holding these <item> bodies."""
    head = (
        b'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
        b'xmlns:wp="http://wordpress.org/export/1.2/" '
        b'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        b"<title>Tiny</title><link>https://tiny.example</link>"
        b"<wp:base_blog_url>https://tiny.example</wp:base_blog_url>"
    )
    return head + b"".join(f"<item>{item}</item>".encode() for item in items) + b"</channel></rss>"


def test_pages_deeper_than_the_site_keeps_stay_at_the_top_and_are_listed():
    pages = [
        f"<title>Level {n}</title><wp:post_id>{n}</wp:post_id>"
        f"<wp:post_name>level-{n}</wp:post_name>"
        f"<wp:post_parent>{n - 1}</wp:post_parent><wp:status>publish</wp:status>"
        "<wp:post_type>page</wp:post_type>"
        for n in range(1, 7)
    ]
    report = _import(data=_export(pages))
    assert report.counts["pages"]["created"] == 6
    paths = sorted(StaticPage.objects.values_list("path", flat=True))
    assert "level-1/level-2/level-3/level-4/" in paths
    assert "level-5/level-6/" in paths  # too deep under level 4: kept at the top
    assert any("page 5: kept at the top" in row for row in report.unresolved)


def test_what_a_real_archive_holds_is_kept_safely(media, tmp_path, client):
    """Unicode tags and permalinks, WXR 1.0's doubled categories, a corrupt image, an old
    slug that is another story's address, a category that is its own parent, a photo path
    that tries to leave the media folder."""
    (Path(media) / "2025" / "05" / "broken.jpg").write_bytes(b"not an image")
    secret = tmp_path / "secret.jpg"
    Image.new("RGB", (10, 10)).save(secret, "JPEG")
    items = [
        "<title>Broken</title><wp:post_id>40</wp:post_id><wp:post_type>attachment</wp:post_type>"
        "<wp:attachment_url>https://tiny.example/wp-content/uploads/2025/05/broken.jpg"
        "</wp:attachment_url>",
        "<title>Escape</title><wp:post_id>41</wp:post_id><wp:post_type>attachment</wp:post_type>"
        f"<wp:attachment_url>https://tiny.example/wp-content/uploads/../../{secret.name}"
        "</wp:attachment_url>",
        "<title>Новости</title><link>https://tiny.example/2025/05/%d0%bd%d0%be%d0%b2%d0%be%d1%81%d1%82%d0%b8/</link>"
        "<wp:post_id>42</wp:post_id><wp:post_name>%d0%bd%d0%be%d0%b2%d0%be%d1%81%d1%82%d0%b8</wp:post_name>"
        "<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>"
        '<category domain="category">Мир</category>'
        '<category domain="category" nicename="%d0%bc%d0%b8%d1%80">Мир</category>'
        '<category domain="tag" nicename="kultura">Культура</category>',
        "<title>Live updates</title><link>https://tiny.example/live-updates/</link>"
        "<wp:post_id>43</wp:post_id><wp:post_name>live-updates</wp:post_name>"
        "<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>",
        "<title>Old live blog</title><link>https://tiny.example/old-live/</link>"
        "<wp:post_id>44</wp:post_id><wp:post_name>old-live</wp:post_name>"
        "<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>"
        "<wp:postmeta><wp:meta_key>_wp_old_slug</wp:meta_key>"
        "<wp:meta_value>live-updates</wp:meta_value></wp:postmeta>",
    ]
    head_terms = (
        "<wp:category><wp:category_nicename>loop</wp:category_nicename>"
        "<wp:category_parent>loop</wp:category_parent><wp:cat_name>Loop</wp:cat_name></wp:category>"
    )
    data = _export(items).replace(b"</link>", b"</link>" + head_terms.encode(), 1)
    report = _import(media, data=data)
    assert (  # skipped with its reason, and the run went on
        "40",
        "https://tiny.example/wp-content/uploads/2025/05/broken.jpg (not a readable image)",
    ) in report.missing_files
    assert (
        "41",
        "https://tiny.example/wp-content/uploads/../../secret.jpg",
    ) in report.missing_files
    news = Article.objects.get(slug="новости")
    assert client.get(news.get_absolute_url()).status_code == 200  # its Unicode tags link fine
    assert {tag.name for tag in news.tags.all()} == {"Мир", "Культура"}
    assert client.get("/2025/05/новости/")["Location"] == news.get_absolute_url()
    live = Article.objects.get(slug="live-updates")
    assert client.get("/live-updates/")["Location"] == live.get_absolute_url()  # not stolen
    assert Tag.objects.get(slug="loop").parent is None
    assert client.get("/?p=²").status_code == 200  # not a number: the home page


def test_an_imported_story_deleted_since_comes_back_on_the_next_run(media):
    _import(media)
    Article.objects.filter(slug="the-cast").delete()
    report = _import(media)
    assert report.counts["posts"]["created"] == 1
    assert report.counts["posts"]["unchanged"] == 7
    assert Article.objects.filter(slug="the-cast").exists()


def test_co_authors_plus_guest_authors_become_bylines_in_their_order():
    items = [
        "<title>Ana Lopez</title><wp:post_id>50</wp:post_id>"
        "<wp:post_type>guest-author</wp:post_type>"
        "<wp:post_name>cap-ana-lopez</wp:post_name><wp:status>publish</wp:status>"
        "<wp:postmeta><wp:meta_key>cap-user_login</wp:meta_key>"
        "<wp:meta_value>ana-lopez</wp:meta_value></wp:postmeta>"
        "<wp:postmeta><wp:meta_key>cap-display_name</wp:meta_key>"
        "<wp:meta_value>Ana López</wp:meta_value></wp:postmeta>",
        "<title>Two bylines</title><wp:post_id>51</wp:post_id><wp:post_type>post</wp:post_type>"
        "<wp:post_name>two-bylines</wp:post_name><wp:status>draft</wp:status>"
        '<category domain="author" nicename="cap-ana-lopez">Ana López</category>'
        '<category domain="author" nicename="cap-mei">mei</category>',
    ]
    report = _import(data=_export(items))
    article = Article.objects.get(slug="two-bylines")
    names = [byline.author.display_name for byline in article.bylines.order_by("position")]
    assert names == ["Ana López", "mei"]
    assert report.counts["authors"]["created"] == 1


def _posts(count, first=100):
    """`count` published posts, each with two tags, a comment and a reply to it."""
    return [
        f"<title>Story {n}</title><wp:post_id>{n}</wp:post_id><wp:post_type>post</wp:post_type>"
        f"<wp:post_name>story-{n}</wp:post_name><wp:status>publish</wp:status>"
        f"<link>https://tiny.example/{n}/story-{n}/</link>"
        "<wp:post_date_gmt>2024-05-01 10:00:00</wp:post_date_gmt>"
        f"<content:encoded>First paragraph of {n}.\n\nSecond paragraph.</content:encoded>"
        '<category domain="category" nicename="news">News</category>'
        '<category domain="post_tag" nicename="filming">Filming</category>'
        f"<wp:comment><wp:comment_id>{n * 10}</wp:comment_id>"
        "<wp:comment_author>Reader</wp:comment_author>"
        "<wp:comment_content>Great.</wp:comment_content>"
        "<wp:comment_approved>1</wp:comment_approved><wp:comment_parent>0</wp:comment_parent>"
        "</wp:comment>"
        f"<wp:comment><wp:comment_id>{n * 10 + 1}</wp:comment_id>"
        "<wp:comment_author>Other</wp:comment_author>"
        "<wp:comment_content>Agreed.</wp:comment_content>"
        f"<wp:comment_approved>1</wp:comment_approved><wp:comment_parent>{n * 10}"
        "</wp:comment_parent></wp:comment>"
        for n in range(first, first + count)
    ]


def _statements(data):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        report = _import(data=data)
    return len(queries), report


def test_new_posts_are_written_a_batch_at_a_time_in_a_few_statements():
    few, _report = _statements(_export(_posts(4)))
    Article.objects.all().delete()
    ImportedRecord.objects.all().delete()
    Redirect.objects.all().delete()
    many, report = _statements(_export(_posts(40, first=500)))
    assert report.counts["posts"]["created"] == 40
    assert report.counts["comments"]["created"] == 80
    assert many <= few + 5  # the same statements, for ten times the posts
    story = Article.objects.get(slug="story-520")
    assert story.comment_count == 2
    assert story.body_html.count("<p>") == 2
    assert "Second paragraph." in story.search_document
    reply = Comment.objects.get(article=story, name="Other")
    assert reply.reply_to.name == "Reader"
    assert reply.depth == 1
    assert sorted(story.tags.values_list("slug", flat=True)) == ["filming", "news"]
    assert Client().get("/520/story-520/").url == story.get_absolute_url()


def _refusing(monkeypatch, headline):
    """``services.create_articles`` refusing any batch holding `headline`, as the database
    refuses a value; returns the real one."""
    from articles import services

    create = services.create_articles

    def refuses(*, bodies, by):
        if any(article.headline == headline for article, _blocks in bodies):
            raise ValueError("a value the database refuses")
        return create(bodies=bodies, by=by)

    monkeypatch.setattr(services, "create_articles", refuses)
    return create


def test_a_post_that_fails_in_its_batch_is_skipped_alone_and_the_others_are_kept(monkeypatch):
    from articles import services

    create = _refusing(monkeypatch, "Story 3")
    report = _import(data=_export(_posts(6, first=1)))
    assert report.counts["posts"]["created"] == 5
    assert report.skipped["posts"] == {"refused: ValueError: a value the database refuses": 1}
    assert report.counts["comments"] == {"found": 10, "created": 10}  # each counted once
    assert sorted(Article.objects.values_list("slug", flat=True)) == [
        f"story-{n}" for n in (1, 2, 4, 5, 6)
    ]
    assert Comment.objects.count() == 10
    assert Redirect.objects.count() == 10
    monkeypatch.setattr(services, "create_articles", create)
    again = _import(data=_export(_posts(6, first=1)))  # the next run brings it in
    assert again.counts["posts"] == {"found": 6, "unchanged": 5, "created": 1}
    assert Comment.objects.count() == 12


def test_an_item_given_twice_in_one_batch_is_written_once_then_updated(media, committed):
    from articles.models import Photo

    photo = (
        "<title>Set</title><wp:post_id>60</wp:post_id><wp:post_type>attachment</wp:post_type>"
        "<excerpt:encoded>{}</excerpt:encoded>"
        "<wp:attachment_url>https://tiny.example/wp-content/uploads/2025/05/set.jpg"
        "</wp:attachment_url>"
    )
    post = (
        "<title>{}</title><wp:post_id>61</wp:post_id><wp:post_type>post</wp:post_type>"
        "<wp:post_name>twice</wp:post_name><wp:status>draft</wp:status>"
        "<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key>"
        "<wp:meta_value>60</wp:meta_value></wp:postmeta>"
    )
    items = [
        photo.format("On set"),
        photo.format("On set, day two"),
        post.format("First title"),
        post.format("Second title"),
    ]
    data = _export(items).replace(
        b"<rss ", b'<rss xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
    )
    with committed():  # the photos' renditions: one job, run once the batch commits
        report = _import(media, data=data)
    assert report.counts["attachments"] == {"found": 2, "created": 1, "updated": 1}
    assert report.counts["posts"] == {"found": 2, "created": 1, "updated": 1}
    stored = Photo.objects.get()
    assert stored.caption == "On set, day two"
    assert stored.renditions  # made by the job
    article = Article.objects.get()
    assert (article.headline, article.hero_photo) == ("Second title", stored)


def test_a_batch_written_again_keeps_its_authors_names(monkeypatch):
    from articles import services

    create = _refusing(monkeypatch, "Story 2")
    author = (
        "<wp:author><wp:author_login>jsmith</wp:author_login>"
        "<wp:author_display_name>Jane Smith</wp:author_display_name></wp:author>"
    )
    items = [
        post.replace("<wp:status>", "<dc:creator>jsmith</dc:creator><wp:status>", 1)
        for post in _posts(3, first=1)
    ]
    data = _export(items).replace(b"</link>", b"</link>" + author.encode(), 1)
    data = data.replace(b"<rss ", b'<rss xmlns:dc="http://purl.org/dc/elements/1.1/" ', 1)
    _import(data=data)
    story = Article.objects.get(slug="story-1")
    assert [b.author.display_name for b in story.bylines.all()] == ["Jane Smith"]
    assert Author.objects.get().display_name == "Jane Smith"
    monkeypatch.setattr(services, "create_articles", create)
    assert _import(data=data).counts["authors"] == {"found": 1, "unchanged": 1}


def test_a_truncated_picture_is_refused_with_its_reason(media):
    whole = (Path(media) / "2025" / "05" / "set.jpg").read_bytes()
    (Path(media) / "2025" / "05" / "cut.jpg").write_bytes(whole[: len(whole) // 2])
    item = (
        "<title>Cut</title><wp:post_id>70</wp:post_id><wp:post_type>attachment</wp:post_type>"
        "<wp:attachment_url>https://tiny.example/wp-content/uploads/2025/05/cut.jpg"
        "</wp:attachment_url>"
    )
    report = _import(media, data=_export([item]))
    assert report.skipped["attachments"] == {"not a readable image": 1}
    assert report.missing_files == [
        ("70", "https://tiny.example/wp-content/uploads/2025/05/cut.jpg (not a readable image)")
    ]


def test_articles_made_in_one_insert_store_no_character_xml_forbids():
    from articles import services

    article = Article(headline="Cast\x0b named", slug="cast-named", status=ArticleStatus.DRAFT)
    block = RichText(parent=article, region="body", ordering=10, text="<p>Lead\x0b cast</p>")
    services.create_articles(bodies=[(article, [block])], by=None)
    assert Article.objects.get().headline == "Cast named"
    assert RichText.objects.get().text == "<p>Lead cast</p>"
    assert "Lead cast" in Article.objects.get().body_html
