"""Move out any time: the newsroom as a WordPress export, read back by a WXR parser and by
this site's own importer into an empty newsroom, with the same records and the same text."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from PIL import Image

from articles.models import (
    Article,
    Author,
    Comment,
    ImportedRecord,
    Photo,
    Quote,
    Redirect,
    RichText,
    StaticPage,
    Tag,
    VideoEmbed,
)
from articles.wordpress.export import write_wxr
from articles.wordpress.importer import Importer
from articles.wordpress.wxr import Reader

pytestmark = pytest.mark.django_db
EXPORT = Path(__file__).with_name("newsroom.xml")


@pytest.fixture
def newsroom(tmp_path, media_root):
    """A newsroom made by importing our own small WordPress site (with its photos)."""
    folder = tmp_path / "uploads" / "2025" / "05"
    folder.mkdir(parents=True)
    Image.new("RGB", (1200, 800), (200, 40, 40)).save(folder / "set.jpg", "JPEG")
    Image.new("P", (320, 200)).save(folder / "teaser.gif", "GIF")
    Importer(media_dir=str(tmp_path / "uploads")).run(io.BytesIO(EXPORT.read_bytes()))


def _snapshot():
    return {
        "articles": sorted(
            (a.headline, a.dek, a.status, a.publish_at, a.sticky, a.seo_title)
            for a in Article.objects.all()
        ),
        "text": sorted(RichText.objects.values_list("text", flat=True)),
        "quotes": sorted(Quote.objects.values_list("text", "speaker")),
        "videos": sorted(VideoEmbed.objects.values_list("url", flat=True)),
        "comments": sorted(
            (c.name, c.body, c.status, c.kind, c.reply_to.name if c.reply_to else "")
            for c in Comment.objects.select_related("reply_to")
        ),
        "pages": sorted(StaticPage.objects.values_list("path", "title", "published")),
        "photos": sorted(Photo.objects.values_list("caption", "alt_text")),
        "tags": sorted(Tag.objects.values_list("slug", "is_category")),
        "bylines": sorted(
            (a.slug, tuple(b.author.display_name for b in a.bylines.all()))
            for a in Article.objects.all()
        ),
        "heroes": sorted(
            (a.slug, a.hero_photo.caption if a.hero_photo else "") for a in Article.objects.all()
        ),
    }


def test_the_round_trip_keeps_every_record_and_its_text(newsroom):
    before = _snapshot()
    assert (len(before["articles"]), len(before["comments"]), len(before["photos"])) == (8, 8, 2)
    assert before["text"]
    assert before["quotes"]
    assert before["videos"]
    out = io.BytesIO()
    counts = write_wxr(out)
    assert counts["posts"] == Article.objects.count()
    assert counts["comments"] == Comment.objects.count()
    # An empty newsroom (the photo files stay where the export points).
    Comment.objects.all().delete()
    Article.objects.all().delete()
    StaticPage.objects.filter(parent__isnull=False).delete()
    StaticPage.objects.all().delete()
    for model in (Photo, Tag, Author, ImportedRecord, Redirect):
        model.objects.all().delete()
    report = Importer(media_dir=str(settings.MEDIA_ROOT)).run(io.BytesIO(out.getvalue()))
    assert report.counts["posts"]["created"] == counts["posts"]
    assert not report.missing_files
    assert _snapshot() == before


def test_the_export_is_wxr_a_parser_reads(newsroom, tmp_path):
    path = tmp_path / "export.xml"
    call_command("export_wordpress", str(path))
    records = list(Reader(path.open("rb")))
    kinds = [kind for kind, _record in records]
    assert kinds[0] == "site"
    items = [record for kind, record in records if kind == "item"]
    assert {item.post_type for item in items} == {"post", "page", "attachment"}
    post = next(item for item in items if item.title == "Romantics Anonymous starts filming")
    assert post.status == "publish"
    assert "<!-- wp:image" in post.content
    assert "<!-- wp:quote -->" in post.content
    assert len(post.comments) == 8


def test_the_json_export_holds_every_record_and_no_password(newsroom, tmp_path, admin_user):
    import json

    from tests.shows.factories import ShowFactory

    ShowFactory(title="Romantics Anonymous")
    path = tmp_path / "all.json"
    call_command("export_json", str(path))
    data = json.loads(path.read_text(encoding="utf-8"))
    assert (data["format"], data["version"]) == ("newsroom-export", 1)
    models = data["models"]
    assert len(models["articles.article"]) == Article.objects.count()
    assert len(models["articles.comment"]) == Comment.objects.count()
    assert models["shows.show"][0]["fields"]["title"] == "Romantics Anonymous"
    assert "people.person" in models
    assert "shows.statuschange" in models
    assert "auth.user" not in models
    assert "pbkdf2" not in path.read_text(encoding="utf-8")
