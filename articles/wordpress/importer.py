"""A WordPress export moved in with nothing lost: authors, sections and tags, posts (as
articles) and pages (as static pages) with their bodies as blocks, photos, comment threads,
Yoast's SEO fields, and every old address as a redirect.

The export is read as a stream (``wxr.Reader``) and written through the services' rules,
committed every PROGRESS_EVERY items: the new posts of a batch together (a few statements
for fifty posts, their bodies, bylines, tags, threads and old addresses), its photos
together, and authors, terms, pages and updates each in a savepoint of its own (what only
reads takes none); a batch that fails is written again one record at a time, so only the
record that cannot be kept is skipped, with its reason. Each row is remembered by its
source (``ImportedRecord``: site, kind, id there, and a digest of what it was). A second
run updates what changed and skips what did not; a run stopped halfway, started again,
finishes with nothing twice. Photos are read first (posts show them, and they often come
after the posts in the file); a parent page that comes later is joined once the whole file
is read. ``Report`` says what was found, made, updated and skipped, and why.
"""

import contextlib
import datetime
import functools
import hashlib
import io
import ipaddress
import logging
import os
import re
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import slugify

from articles import services
from articles.comments.rendering import render_body
from articles.comments.services import place_in_thread, refresh_comment_counts
from articles.models import (
    Article,
    ArticleAuthor,
    ArticleKind,
    ArticleStatus,
    Author,
    Comment,
    CommentKind,
    CommentStatus,
    ImportedRecord,
    ImportRun,
    ImportRunStatus,
    PagePhoto,
    PageText,
    Photo,
    PhotoBlock,
    Quote,
    QuoteStyle,
    Redirect,
    RichText,
    StaticPage,
    Tag,
    VideoEmbed,
)
from articles.models.page import address_taken
from articles.photo_metadata import read_photo_metadata
from newsroom.core.cache import purges_held

from . import content as converter
from .wxr import NotAnExport, Reader

logger = logging.getLogger(__name__)

FORMAT = "1"  # bump when the same export would now be imported differently
PROGRESS_EVERY = 50  # items between two progress notes on the run
STATUSES = {
    "publish": ArticleStatus.PUBLISHED,
    "future": ArticleStatus.PUBLISHED,  # scheduled: published with its time ahead
    "draft": ArticleStatus.DRAFT,
    "pending": ArticleStatus.IN_REVIEW,
    "private": ArticleStatus.DRAFT,  # kept, never made public
}
SKIPPED_STATUSES = {"trash": "in the trash", "auto-draft": "an empty automatic draft"}
COMMENT_STATUSES = {
    "1": CommentStatus.APPROVED,
    "0": CommentStatus.HELD,
    "spam": CommentStatus.SPAM,
    "trash": CommentStatus.REMOVED,
}
IMAGE_TYPES = (".jpg", ".jpeg", ".png", ".webp", ".gif")
NO_DATE = "0000-00-00 00:00:00"
YOAST_VARIABLE = re.compile(r"%%[a-z_]+%%")


@dataclass
class Report:
    source: str = ""
    wxr_version: str = ""
    dry_run: bool = False
    counts: dict = field(default_factory=lambda: defaultdict(Counter))
    skipped: dict = field(default_factory=lambda: defaultdict(Counter))  # kind -> reasons
    missing_files: list = field(default_factory=list)  # [(attachment id, address)]
    media_links: list = field(default_factory=list)  # audio, video, documents: kept as links
    shortcodes: dict = field(default_factory=dict)  # name -> {"count", "posts"}
    lost: dict = field(default_factory=dict)  # formatting not kept -> {"count", "posts"}
    undeclared_terms: list = field(default_factory=list)
    protected: list = field(default_factory=list)  # password-protected posts, kept unpublished
    unresolved: list = field(default_factory=list)  # a photo or parent that never came
    redirects: int = 0
    forbidden_characters: int = 0

    def mark(self):
        """Where the report stands, to go back to if a batch is rolled back (``restore``)."""
        return (
            {kind: Counter(counter) for kind, counter in self.counts.items()},
            {kind: Counter(counter) for kind, counter in self.skipped.items()},
            len(self.undeclared_terms),
            len(self.unresolved),
            len(self.missing_files),
            self.redirects,
        )

    def restore(self, mark):
        counts, skipped, undeclared, unresolved, missing, self.redirects = mark
        self.counts = defaultdict(Counter, {k: Counter(v) for k, v in counts.items()})
        self.skipped = defaultdict(Counter, {k: Counter(v) for k, v in skipped.items()})
        del self.undeclared_terms[undeclared:]
        del self.unresolved[unresolved:]
        del self.missing_files[missing:]

    def count(self, kind, what, reason=None):
        self.counts[kind][what] += 1
        if reason:
            self.skipped[kind][reason] += 1

    def formatting_lost(self, what, count, post_id):
        entry = self.lost.setdefault(what, {"count": 0, "posts": []})
        entry["count"] += count
        if post_id not in entry["posts"] and len(entry["posts"]) < 50:
            entry["posts"].append(post_id)

    def shortcode(self, name, count, post_id):
        entry = self.shortcodes.setdefault(name, {"count": 0, "posts": []})
        entry["count"] += count
        if post_id not in entry["posts"] and len(entry["posts"]) < 50:
            entry["posts"].append(post_id)

    def as_dict(self):
        """The report as JSON-ready data (kept with the import's record)."""
        return {
            "source": self.source,
            "wxr_version": self.wxr_version,
            "dry_run": self.dry_run,
            "counts": {kind: dict(counter) for kind, counter in self.counts.items()},
            "skipped": {kind: dict(counter) for kind, counter in self.skipped.items()},
            "missing_files": [list(row) for row in self.missing_files],
            "media_links": self.media_links,
            "shortcodes": self.shortcodes,
            "lost": self.lost,
            "undeclared_terms": self.undeclared_terms,
            "protected": self.protected,
            "unresolved": self.unresolved,
            "redirects": self.redirects,
            "forbidden_characters": self.forbidden_characters,
        }

    def lines(self):
        """The report as text, for the command's output and the desk."""
        out = [f"Source: {self.source} (WXR {self.wxr_version or '?'})"]
        if self.dry_run:
            out.append("Dry run: nothing was kept.")
        for kind, counter in self.counts.items():
            parts = ", ".join(f"{what} {number}" for what, number in sorted(counter.items()))
            out.append(f"{kind}: {parts}")
            for reason, number in sorted(self.skipped.get(kind, {}).items()):
                out.append(f"  skipped {number}: {reason}")
        out.append(f"redirects made: {self.redirects}")
        if self.forbidden_characters:
            out.append(f"characters XML forbids, dropped: {self.forbidden_characters}")
        for title, rows in (
            ("missing files", [f"{pk}: {url}" for pk, url in self.missing_files]),
            ("audio, video and documents kept as links", self.media_links),
            ("undeclared terms created", self.undeclared_terms),
            ("password-protected, kept unpublished", self.protected),
            ("not found in the file", self.unresolved),
        ):
            if rows:
                out.append(f"{title} ({len(rows)}):")
                out.extend(f"  {row}" for row in rows[:200])
                if len(rows) > 200:
                    out.append(f"  ... and {len(rows) - 200} more")
        for what, entry in sorted(self.lost.items()):
            posts = ", ".join(entry["posts"])
            out.append(f"not kept as it was: {what}, {_times(entry['count'])}, in posts {posts}")
        if self.shortcodes:
            out.append("shortcodes not understood (tags dropped, their text kept):")
            for name, entry in sorted(self.shortcodes.items()):
                posts = ", ".join(entry["posts"])
                out.append(f"  [{name}] {_times(entry['count'])}, in posts {posts}")
        return out


def _times(count):
    return "once" if count == 1 else f"{count} times"


class _DryRun(Exception):
    """Rolls a dry run back once it is done."""


@dataclass(eq=False)
class _Draft:
    """A post read from the export and made ready to write: its article (unsaved if
    ``new``) and its body as the converter's blocks."""

    item: object
    article: Article
    new: bool
    digest: str
    blocks: list

    def reset(self):
        """After a rollback: a new article is unsaved again."""
        if self.new:
            self.article.pk, self.article._state.adding = None, True


@dataclass(eq=False)
class _Upload:
    """An image attachment to store as a photo: ``photo`` is the one imported before, or
    (once written) the new one; ``path`` its file under the media folder."""

    item: object
    photo: Photo | None
    new: bool
    key: str
    path: str | None
    digest: str

    def reset(self):
        """After a rollback: a new photo is unsaved again (its file, stored, is kept)."""
        if self.new and self.photo is not None:
            self.photo.pk, self.photo._state.adding = None, True


class _Batches:
    """Items committed a batch at a time (``commit()`` every PROGRESS_EVERY items; what fails
    inside rolls back to its savepoint alone: ``Importer._together``), and a run stopped
    halfway keeps every batch committed before it (the next run picks up there). Inside an outer
    transaction (a dry run) it commits nothing."""

    def __enter__(self):
        self._open()
        return self

    def _open(self):
        self.block = transaction.atomic()
        self.block.__enter__()

    def commit(self):
        self.block.__exit__(None, None, None)
        self._open()

    def __exit__(self, *error):
        return self.block.__exit__(*error)


def _digest(value):
    return hashlib.sha256(f"{FORMAT}:{value!r}".encode()).hexdigest()


def _when(gmt, local):
    """An item's time: its GMT time, or its local time in the site's zone when WordPress
    left GMT empty (drafts, and some importers)."""
    for text, zone in ((gmt, datetime.UTC), (local, timezone.get_current_timezone())):
        if text and text != NO_DATE:
            try:
                naive = datetime.datetime.strptime(text.strip(), "%Y-%m-%d %H:%M:%S")
            except ValueError:
                continue
            return naive.replace(tzinfo=zone)
    return None


def _old_path(link, site):
    """The path (and query) of an old address on the source site, or "" for another site."""
    parts = urlsplit(link or "")
    if parts.netloc and urlsplit(site).netloc and parts.netloc != urlsplit(site).netloc:
        return ""
    path = unquote(parts.path or "/")  # as a request's path reads: decoded
    return path + (f"?{parts.query}" if parts.query else "")


def source_key(url):
    """What names a site whatever scheme it was exported under: host and path, lower-case."""
    parts = urlsplit((url or "wordpress").strip())
    host = (parts.netloc or parts.path).lower().removeprefix("www.")
    path = parts.path.rstrip("/") if parts.netloc else ""
    return (host + path)[:300] or "wordpress"


def _slug(text, fallback, max_length=200):
    decoded = unquote(text or "")
    return slugify(decoded, allow_unicode=True)[:max_length] or fallback


class Importer:
    def __init__(self, *, media_dir=None, dry_run=False, by=None, author_map=None, progress=None):
        self.media_dir = media_dir
        self.dry_run = dry_run
        self.by = by
        self.author_map = author_map or {}  # WordPress login -> a user of this site
        self.progress = progress or (lambda report, items: None)
        self.report = Report(dry_run=dry_run)
        self.source = ""
        self.site_link = ""
        self._records = {}  # (kind, id there) -> (object id, digest): read once per kind
        self._types = {}
        self._authors = {}  # login -> Author
        self._terms = {}  # (taxonomy, slug) -> Tag
        self._made_terms = set()  # the tags this run created
        self._pending_parents = {}  # page's id there -> its parent's id there
        self._pending = []  # new posts drafted, written together with their batch
        self._uploads = []  # photos to store, written together with their batch
        self._photos = {}  # the batch's photos by id, for its photo blocks
        self._pending_ids = set()  # the ids there of what waits in _pending and _uploads
        self._attached_to = {}  # post id there -> its attachments' ids, in file order
        self._photos_known = 0
        self._alive = {}  # kind -> ids of its imported rows still here (read once)

    # --- Records: what came from where -------------------------------------------------

    def _type(self, model):
        if model not in self._types:
            self._types[model] = ContentType.objects.get_for_model(model)
        return self._types[model]

    def _load_records(self, kind):
        if kind not in self._records:
            self._records[kind] = {
                source_id: (object_id, digest)
                for source_id, object_id, digest in ImportedRecord.objects.filter(
                    source=self.source, kind=kind
                ).values_list("source_id", "object_id", "digest")
            }
        return self._records[kind]

    def _record(self, kind, source_id):
        return self._load_records(kind).get(_source_id(source_id))

    def _remember(self, kind, source_id, obj, digest=""):
        key, known = _source_id(source_id), self._load_records(kind)
        fields = {"content_type": self._type(type(obj)), "object_id": obj.pk, "digest": digest}
        if key in known:
            ImportedRecord.objects.filter(source=self.source, kind=kind, source_id=key).update(
                **fields
            )
        else:
            ImportedRecord.objects.create(source=self.source, kind=kind, source_id=key, **fields)
        known[key] = (obj.pk, digest)
        if kind in self._alive:
            self._alive[kind].add(obj.pk)

    def _remember_many(self, kind, rows):
        """[(id there, row, digest)] written: their records, the new ones in one insert."""
        known = self._load_records(kind)
        fresh = {}  # of two rows with one id there, the later is remembered
        for source_id, row, digest in rows:
            if _source_id(source_id) in known:
                self._remember(kind, source_id, row, digest)
            else:
                fresh[_source_id(source_id)] = (row, digest)
        if not fresh:
            return
        fresh = [(key, row, digest) for key, (row, digest) in fresh.items()]
        content_type = self._type(type(fresh[0][1]))
        ImportedRecord.objects.bulk_create(
            ImportedRecord(
                source=self.source,
                kind=kind,
                source_id=key,
                content_type=content_type,
                object_id=row.pk,
                digest=digest,
            )
            for key, row, digest in fresh
        )
        known.update({key: (row.pk, digest) for key, row, digest in fresh})
        if kind in self._alive:
            self._alive[kind].update(row.pk for _key, row, _digest in fresh)

    def _alive_ids(self, model, kind):
        """The ids of the rows imported as `kind` that are still here (read once a run)."""
        if kind not in self._alive:
            ids = [object_id for object_id, _digest in self._load_records(kind).values()]
            alive = set()
            for start in range(0, len(ids), 2000):
                chunk = ids[start : start + 2000]
                alive.update(model.objects.filter(pk__in=chunk).values_list("pk", flat=True))
            self._alive[kind] = alive
        return self._alive[kind]

    def _unchanged(self, model, kind, source_id, digest):
        """Imported before from this very record, and still here (an editor may have
        deleted it since: then it is made again)."""
        found = self._record(kind, source_id)
        if not found or found[1] != digest:
            return False
        return found[0] in self._alive_ids(model, kind)

    def _alive_id(self, model, kind, source_id):
        """The id of the row imported from `source_id`, if it is still here."""
        found = self._record(kind, source_id) if source_id else None
        return found[0] if found and found[0] in self._alive_ids(model, kind) else None

    def _forget(self):
        """After a rollback: what this run knew of the database is read again."""
        self._records, self._alive, self._authors, self._terms = {}, {}, {}, {}

    def _existing(self, model, kind, source_id):
        found = self._record(kind, source_id)
        return model.objects.filter(pk=found[0]).first() if found else None

    # --- The run ------------------------------------------------------------------------

    def run(self, file):
        """Import a binary, seekable file. Returns the Report. It is read twice, as a
        stream each time: photos first (posts show them, and they often come after the
        posts in the file), then posts and pages."""
        with purges_held():  # one purge of the whole site at the end, not one per record
            return self._run(file)

    def _run(self, file):
        items = photos = 0
        try:
            with transaction.atomic() if self.dry_run else contextlib.nullcontext():
                reader = Reader(file)
                with _Batches() as batches:
                    for kind, record in reader:
                        if kind == "site":
                            self._site(record)
                        elif kind == "author":
                            self._atomic(self._author, record)
                        elif kind == "term":
                            self._atomic(self._term, record)
                        elif kind == "item" and record.post_type == "guest-author":
                            self._guest_author(record)
                        elif kind == "item" and record.post_type == "attachment":
                            self.report.count("attachments", "found")
                            self._kept(self._attachment, record, "attachments")
                            photos += 1
                            if photos % PROGRESS_EVERY == 0:
                                self._flush()
                                batches.commit()
                                self.progress(self.report, items)
                    self._flush()
                self.report.forbidden_characters = reader.dropped
                # A post whose photos came in a later run (with --media) is written again.
                self._photos_known = len(self._load_records("attachment"))
                file.seek(0)
                with _Batches() as batches:
                    for kind, record in Reader(file):
                        skip = ("attachment", "guest-author")
                        if kind == "item" and record.post_type not in skip:
                            kind = "pages" if record.post_type == "page" else "posts"
                            self._kept(self._item, record, kind)
                            items += 1
                            if items % PROGRESS_EVERY == 0:
                                self._flush()
                                batches.commit()
                                self.progress(self.report, items)
                    self._flush()
                self._atomic(self._finish)
                if self.dry_run:
                    raise _DryRun
        except _DryRun:
            pass
        self.progress(self.report, items)
        return self.report

    def _kept(self, step, item, kind):
        """One item. One that cannot be kept (a value no field takes, a corrupt image) is
        skipped with the reason, and the run goes on. Each step writes in a savepoint of
        its own (``_atomic``), so a refused write rolls back alone; what it only reads
        (an attachment whose file is missing, a post drafted for its batch) takes none."""
        if not item.post_id.strip().isdigit():
            self.report.count(kind, "found")
            self.report.count(kind, "skipped", "no post id")
            return None
        try:
            return step(item)
        except ValidationError as refusal:
            reason = "; ".join(refusal.messages)[:200]
        except Exception as error:  # one bad record (a corrupt image...) never stops the rest
            logger.exception("WordPress item %s not imported", item.post_id)
            reason = f"{type(error).__name__}: {error}"[:200]
        self._forget()  # what its savepoint made (a tag, an author, records) is gone
        self.report.count(kind, "skipped", f"refused: {reason}")
        self.report.unresolved.append(f"{item.post_type} {item.post_id}: {reason}")
        return None

    def _atomic(self, step, *args):
        with transaction.atomic():
            return step(*args)

    def _site(self, site):
        self.site_link = site.base_blog_url or site.link or site.base_site_url
        # The blog's own address: on a network (WordPress.com, multisite) the site URL is
        # the network's, shared by every blog in it.
        self.source = source_key(site.base_blog_url or site.link or site.base_site_url)
        self.report.source = self.source
        self.report.wxr_version = site.wxr_version

    # --- Authors ------------------------------------------------------------------------

    def _author(self, wp):
        self.report.count("authors", "found")
        self._author_for(wp.login, wp.display_name or wp.login, declared=True, wp=wp)

    def _author_for(self, login, name, *, declared=False, wp=None):
        if not login:
            return None
        if login in self._authors:
            return self._authors[login]
        author = self._existing(Author, "author", login)
        if author is not None and not declared:  # a post's creator: the author as it is
            self._authors[login] = author
            return author
        digest = _digest(asdict(wp) if wp else login)
        user = self.author_map.get(login)
        if author is None and user is not None:
            author = Author.objects.filter(user=user).first()
        if author is None:
            author = Author(display_name=name[:120], slug=self._free_author_slug(login))
            what = "created"
        else:
            what = (
                "updated" if self._record("author", login) != (author.pk, digest) else "unchanged"
            )
            author.display_name = name[:120] or author.display_name
        if user is not None and author.user_id is None:
            author.user = user
        if what != "unchanged":
            services.save_author(author=author, by=self.by)
        self._remember("author", login, author, digest)
        if declared:
            self.report.count("authors", what)
        elif what == "created":
            self.report.count("authors", "created from a post's creator")
        self._authors[login] = author
        return author

    def _guest_author(self, item):
        """A Co-Authors Plus guest author (no account on the old site): an author here,
        bylined where the post's ``author`` terms name them."""
        self.report.count("authors", "found")
        login = item.first("cap-user_login") or item.post_name
        name = item.first("cap-display_name") or item.title or login
        if login:
            login = login.removeprefix("cap-")
            self._atomic(functools.partial(self._author_for, login, name, declared=True))

    def _free_author_slug(self, login):
        base = _slug(login, "author", 110)
        slug, number = base, 1
        while Author.objects.filter(slug=slug).exists():
            number += 1
            slug = f"{base}-{number}"
        return slug

    # --- Terms --------------------------------------------------------------------------

    def _term(self, term):
        if term.taxonomy not in ("category", "post_tag"):
            self.report.count("terms", "found")
            self.report.count("terms", "skipped", f"taxonomy “{term.taxonomy}” is not kept")
            return
        self.report.count("terms", "found")
        self._tag_for(term.taxonomy, term.slug, term.name, parent=term.parent, term=term)

    def _tag_for(self, taxonomy, slug, name, *, parent="", term=None, seen=()):
        key = (taxonomy, slug)
        if key in self._terms and term is None:
            return self._terms[key]
        if key in self._terms:  # met earlier in this run as another's parent: now its details
            tag, digest = self._terms[key], _digest(asdict(term))
            unchanged = self._record("term", f"{taxonomy}:{slug}") == (tag.pk, digest)
            if term.description and tag.description != term.description:
                tag.description = term.description
                services.save_tag(tag=tag, by=self.by)
            self._remember("term", f"{taxonomy}:{slug}", tag, digest)
            made = tag.pk in self._made_terms
            self.report.count(
                "terms", "created" if made else "unchanged" if unchanged else "updated"
            )
            return tag
        source_id = f"{taxonomy}:{slug}"
        digest = _digest(asdict(term) if term else source_id)
        tag = self._existing(Tag, "term", source_id)
        if tag is not None and term is None:  # met as a parent, or on a post: as it is
            self._terms[key] = tag
            return tag
        if tag is None:
            tag_slug = _slug(slug or name, "tag", 80)
            tag = Tag.objects.filter(slug=tag_slug).first()
            if tag is None and taxonomy == "post_tag":  # one topic, whatever its slug
                tag = Tag.objects.filter(name__iexact=name[:80]).first()
        if tag is None:
            what = "created"
            tag = Tag(
                name=self._free_tag_name(name[:80] or slug), slug=_slug(slug or name, "tag", 80)
            )
        elif self._record("term", source_id) == (tag.pk, digest):
            what = "unchanged"
        elif self._record("term", source_id) is None:
            what = "merged with a tag of the same name"
        else:
            what = "updated"
        if taxonomy == "category":
            tag.is_category = True
            if parent and parent != slug and parent not in seen:
                tag.parent = self._tag_for("category", parent, parent, seen=(*seen, slug))
        if term and term.description:
            tag.description = term.description
        if what != "unchanged":
            services.save_tag(tag=tag, by=self.by)
        if what == "created":
            self._made_terms.add(tag.pk)
        self._remember("term", source_id, tag, digest)
        self._terms[key] = tag
        if term is not None:
            self.report.count("terms", what)
        return tag

    def _free_tag_name(self, name):
        """Two sections of one name ("Local" under News and under Sport) stay two tags."""
        taken, number = name, 1
        while Tag.objects.filter(name__iexact=taken).exists():
            number += 1
            taken = f"{name[:74]} ({number})"
        return taken

    # --- Items --------------------------------------------------------------------------

    def _item(self, item):
        kind = item.post_type or "post"
        self.report.count(kind + "s" if kind in ("post", "page") else "items", "found")
        if kind not in ("post", "page"):
            self.report.count("items", "skipped", f"post type “{kind}”")
            return None
        if item.status in SKIPPED_STATUSES:
            self.report.count(kind + "s", "skipped", SKIPPED_STATUSES[item.status])
            for _comment in item.comments:
                self.report.count("comments", "found")
                self.report.count(
                    "comments", "skipped", f"on a post {SKIPPED_STATUSES[item.status]}"
                )
            return None
        if item.status not in STATUSES:
            self.report.count(kind + "s", "skipped", f"status “{item.status}”")
            return None
        if kind == "page":
            if item.parent and item.parent != "0":
                self._pending_parents[item.post_id] = item.parent
            return self._atomic(self._page, item)
        return self._post(item)

    def _blocks_of(self, item):
        converted = converter.to_blocks(item.content)
        for name, count in converted.shortcodes.items():
            self.report.shortcode(name, count, item.post_id)
        for what, count in converted.lost.items():
            self.report.formatting_lost(what, count, item.post_id)
        blocks = []
        for block in converted.blocks:
            if block.kind == "gallery":  # [gallery] with no ids: the photos attached to it
                attached = self._attached_to.get(item.post_id, [])
                blocks.extend(converter.Block("photo", attachment=pk) for pk in attached)
            else:
                blocks.append(block)
        return blocks

    def _post(self, item):
        """A post drafted as an article: one imported before is written at once (its
        version checked, its blocks replaced); a new one waits for the rest of its batch,
        written together (``_flush``)."""
        if item.post_id in self._pending_ids:  # the same id twice: the first is written first
            self._flush()
        digest = _digest((item, self._photos_known))
        if self._unchanged(Article, "post", item.post_id, digest):
            self.report.count("posts", "unchanged")
            for _comment in item.comments:
                self.report.count("comments", "found")
                self.report.count("comments", "unchanged")
            return None
        article = self._existing(Article, "post", item.post_id)
        headline = (item.title or converter.title_from(item.content) or "Untitled")[:200]
        new = article is None
        if new:
            article = Article()  # its slug is chosen with its batch's (_choose_slugs)
            status = STATUSES[item.status]
            if item.password:
                status = ArticleStatus.DRAFT  # nothing protected may become public
                self.report.protected.append(f"{item.post_id}: {headline}")
            article.status = status
            article.comments_open = item.comment_status != "closed"
            when = _when(item.post_date_gmt, item.post_date)
            if status == ArticleStatus.PUBLISHED:
                article.publish_at = when or timezone.now()
            elif when and when > timezone.now():
                article.publish_at = when
        article.headline = headline
        article.dek = converter.plain(item.excerpt)[:400]
        article.kind = article.kind or ArticleKind.NEWS
        article.sticky = item.sticky
        title = item.first("_yoast_wpseo_title")
        if title:
            title = YOAST_VARIABLE.sub("", title.replace("%%title%%", headline))
        article.seo_title = " ".join(title.split())[:200]
        article.meta_description = item.first("_yoast_wpseo_metadesc")[:320]
        canonical = item.first("_yoast_wpseo_canonical").strip()
        article.canonical_url = canonical[:200] if canonical.startswith("http") else ""
        thumbnail = item.first("_thumbnail_id").strip()
        if thumbnail:  # the photos were all imported first
            hero = self._alive_id(Photo, "attachment", thumbnail)
            if hero is None:
                self.report.unresolved.append(f"post {item.post_id}: featured image {thumbnail}")
            else:
                article.hero_photo_id = hero
        draft = _Draft(item, article, new, digest, self._blocks_of(item))
        if new:
            self._pending.append(draft)
            self._pending_ids.add(item.post_id)
        else:
            self._atomic(self._write_posts, [draft])
        return article

    def _flush(self):
        """Write the batch's new posts together and its photos together (``_together``)."""
        uploads, self._uploads = self._uploads, []
        self._pending_ids = set()
        self._together(uploads, self._write_photos, "attachments")
        drafts, self._pending = self._pending, []
        self._together(drafts, self._write_posts, "posts")

    def _together(self, drafts, write, kind):
        """``write(drafts)`` in one savepoint; if that fails, each draft on its own, so one
        that cannot be kept is skipped with its reason and the others are kept."""
        if not drafts:
            return
        mark = self.report.mark()
        try:
            self._atomic(write, drafts)
        except Exception:  # one bad record: find it by writing them one by one
            logger.info("A batch of %s %s written one by one", len(drafts), kind, exc_info=True)
            self.report.restore(mark)
            self._forget()
            for draft in drafts:
                draft.reset()
                self._kept(lambda _item, d=draft: self._atomic(write, [d]), draft.item, kind)

    def _write_posts(self, drafts):
        """Write drafted posts: the new ones through ``services.create_articles`` (a few
        inserts for the whole batch), those imported before through ``save_article`` one
        by one; then their bylines, tags, comment threads, records and old addresses, a few
        statements for them all. What readers saw is purged once, at the end of the run
        (``purges_held``)."""
        made = [draft for draft in drafts if draft.new]
        self._choose_slugs(made)
        self._photos = self._batch_photos(drafts)
        services.create_articles(
            bodies=[
                (draft.article, self._block_rows(draft.article, draft.blocks, draft.item))
                for draft in made
            ],
            by=self.by,
        )
        for draft in drafts:
            if not draft.new:
                services.save_article(article=draft.article, by=self.by)
                self._write_blocks(draft.article, draft.blocks, draft.item, RichText, PhotoBlock)
                services.body_saved(draft.article)  # the body rendered and indexed
        self._bylines(drafts)
        self._tags(drafts)
        self._comments(drafts)
        self._remember_many(
            "post", [(draft.item.post_id, draft.article, draft.digest) for draft in drafts]
        )
        self._register_redirects([(draft.item, draft.article) for draft in drafts])
        for draft in drafts:
            self.report.count("posts", "created" if draft.new else "updated")

    def _choose_slugs(self, drafts):
        """Each new article keeps its post's slug, numbered if another article has it."""
        bases = [_slug(d.item.post_name or d.item.title, f"post-{d.item.post_id}") for d in drafts]
        taken = set(Article.objects.filter(slug__in=bases).values_list("slug", flat=True))
        for draft, base in zip(drafts, bases, strict=True):
            slug, number = base, 1
            while slug in taken or (slug != base and Article.objects.filter(slug=slug).exists()):
                number += 1
                slug = f"{base[:190]}-{number}"
            taken.add(slug)
            draft.article.slug = slug

    def _bylines(self, drafts):
        rows = []
        for draft in drafts:
            terms = draft.item.terms
            logins = [slug for taxonomy, slug, _name in terms if taxonomy == "author" and slug]
            logins = [login.removeprefix("cap-") for login in logins] or [draft.item.creator]
            authors = []
            for login in logins:
                author = self._author_for(login, login)
                if author is not None and author not in authors:
                    authors.append(author)
            rows.extend(
                ArticleAuthor(article=draft.article, author=author, position=number)
                for number, author in enumerate(authors)
            )
        again = [draft.article.pk for draft in drafts if not draft.new]
        if again:
            ArticleAuthor.objects.filter(article__in=again).delete()
        ArticleAuthor.objects.bulk_create(rows)

    def _tags(self, drafts):
        rows = []
        through = Article.tags.through
        for draft in drafts:
            declared = set(self._terms)
            tags = {}
            for taxonomy, slug, name in draft.item.terms:
                if taxonomy not in ("category", "post_tag"):
                    continue
                known = (taxonomy, slug) in declared or self._record("term", f"{taxonomy}:{slug}")
                if not known:
                    self.report.undeclared_terms.append(f"{taxonomy}: {name} ({slug})")
                tag = self._tag_for(taxonomy, slug, name)
                tags[tag.pk] = tag
            if draft.new:
                rows.extend(through(article_id=draft.article.pk, tag_id=pk) for pk in tags)
            else:
                draft.article.tags.set(tags.values())
        through.objects.bulk_create(rows)

    def _write_blocks(self, parent, blocks, item, text_model, photo_model):
        """The body as blocks, replacing what an earlier run wrote (one insert per kind of
        block; the caller renders the body after, as the desk's save does)."""
        models = [text_model, photo_model]
        if text_model is RichText:
            models += [Quote, VideoEmbed]
        if not parent._state.adding and not getattr(parent, "_imported_new", False):
            for model in models:
                model.objects.filter(parent=parent).delete()
        made = defaultdict(list)
        for row in self._block_rows(parent, blocks, item, text_model, photo_model):
            made[type(row)].append(row)
        for model, rows in made.items():
            model.objects.bulk_create(rows)

    def _block_rows(self, parent, blocks, item, text_model=RichText, photo_model=PhotoBlock):
        """The converter's blocks as unsaved rows of `parent`'s body, in order. An
        article's body takes quotes and videos; a page's keeps them as text."""
        field = text_model._meta.get_field("text")
        rows = []
        for number, block in enumerate(blocks, start=1):
            common = {"parent": parent, "region": "body", "ordering": number * 10}
            if block.kind == "text":
                rows.append(text_model(text=field.clean(block.html, None), **common))
            elif block.kind == "photo":
                photo = self._photo_for(block, item)
                if photo is not None:
                    caption = block.caption[:2000]
                    rows.append(photo_model(photo=photo, caption_override=caption, **common))
                elif block.caption or block.src:  # the picture never came: its words stay
                    words = block.caption or block.html or block.src
                    kept = converter.link(block.src) if block.src else ""
                    html = (
                        format_html("<p>{} ({})</p>", words, kept)
                        if kept
                        else format_html("<p>{}</p>", words)
                    )
                    rows.append(text_model(text=field.clean(html, None), **common))
            elif block.kind == "video":
                if text_model is RichText:
                    title = item.title[:200] or "Video"
                    rows.append(VideoEmbed(url=block.url, title=title, **common))
                else:
                    html = format_html("<p>{}</p>", converter.link(block.url))
                    rows.append(text_model(text=field.clean(html, None), **common))
            elif block.kind == "quote" and block.html:
                if text_model is RichText:
                    speaker = (block.cite or "Unnamed")[:200]
                    rows.append(
                        Quote(text=block.html, style=QuoteStyle.DIRECT, speaker=speaker, **common)
                    )
                else:
                    html = format_html("<blockquote><p>{}</p></blockquote>", block.html)
                    rows.append(text_model(text=field.clean(html, None), **common))
        return rows

    def _batch_photos(self, drafts):
        """The photos the batch's photo blocks show, by id: read in one query."""
        ids = set()
        for draft in drafts:
            for block in draft.blocks:
                if block.kind != "photo":
                    continue
                found = (block.attachment and self._record("attachment", block.attachment)) or (
                    block.src and self._record("attachment-url", self._media_key(block.src))
                )
                if found:
                    ids.add(found[0])
        return Photo.objects.in_bulk(ids) if ids else {}

    def _photo_for(self, block, item):
        for kind, source_id in (
            ("attachment", block.attachment),
            ("attachment-url", block.src and self._media_key(block.src)),
        ):
            found = self._record(kind, source_id) if source_id else None
            if found and found[0] in self._photos:
                return self._photos[found[0]]
            photo = self._existing(Photo, kind, source_id) if found else None
            if photo is not None:
                return photo
        self.report.unresolved.append(
            f"post {item.post_id}: a picture ({block.attachment or block.src}) that is not "
            "among the imported photos"
        )
        return None

    # --- Pages --------------------------------------------------------------------------

    def _page(self, item):
        for _comment in item.comments:  # a static page has no thread
            self.report.count("comments", "found")
            self.report.count("comments", "skipped", "on a page (static pages take no comments)")
        digest = _digest((item, self._photos_known))
        if self._unchanged(StaticPage, "page", item.post_id, digest):
            self.report.count("pages", "unchanged")
            return None
        page = self._existing(StaticPage, "page", item.post_id)
        new = page is None
        if new:
            page = StaticPage(slug=self._free_page_slug(item))
            page.published = item.status == "publish" and not item.password
            if item.password:
                self.report.protected.append(f"{item.post_id}: {item.title} (page)")
        page.title = (item.title or converter.title_from(item.content) or "Untitled")[:200]
        page.summary = converter.plain(item.excerpt)[:300]
        try:
            page.menu_order = int(item.menu_order or 0)
        except ValueError:
            page.menu_order = 0
        services.save_page(page=page, by=self.by)
        page._imported_new = new
        self._write_blocks(page, self._blocks_of(item), item, PageText, PagePhoto)
        self._remember("page", item.post_id, page, digest)
        self._register_redirects([(item, page)])
        self.report.count("pages", "created" if new else "updated")
        return page

    def _free_page_slug(self, item):
        base = _slug(item.post_name or item.title, f"page-{item.post_id}", 100)
        slug, number = base, 1
        while StaticPage.objects.filter(parent=None, slug=slug).exists() or (
            StaticPage.objects.filter(path=f"{slug}/").exists()
        ):
            number += 1
            slug = f"{base[:95]}-{number}"
        if address_taken(f"/{slug}/"):
            slug = f"{base[:90]}-page"
        return slug

    # --- Attachments --------------------------------------------------------------------

    def _media_key(self, url):
        """What identifies a file whatever host served it: its path under the uploads
        folder (``2019/05/a.jpg``), else its whole path."""
        path = unquote(urlsplit(url).path)
        for marker in ("/wp-content/uploads/", settings.MEDIA_URL):  # WordPress's, or ours
            if marker and marker in path:
                return path.split(marker, 1)[1]
        return path.lstrip("/")

    def _attachment(self, item):
        url = item.attachment_url or item.guid
        key = self._media_key(url)
        if item.post_id in self._pending_ids:  # the same id twice: the first is written first
            self._flush()
        if item.parent and item.parent != "0":
            self._attached_to.setdefault(item.parent, []).append(item.post_id)
        if not key.lower().endswith(IMAGE_TYPES):
            self.report.media_links.append(url)
            self.report.count("attachments", "kept as links")
            return None
        digest = _digest(item)
        if self._unchanged(Photo, "attachment", item.post_id, digest):
            self.report.count("attachments", "unchanged")
            return None
        photo = self._existing(Photo, "attachment", item.post_id)
        path = self._media_path(key)
        if photo is None and (path is None or not os.path.isfile(path)):
            self.report.missing_files.append((item.post_id, url))
            self.report.count("attachments", "skipped", "file not found")
            return None
        new = photo is None
        if self.dry_run:  # nothing stored: a dry run writes no files
            self.report.count("attachments", "created" if new else "updated")
            return None
        self._uploads.append(_Upload(item, photo, new, key, path, digest))
        self._pending_ids.add(item.post_id)
        return photo

    def _write_photos(self, uploads):
        """Store the batch's photos through ``save_photo``, their records in two inserts
        and their renditions as one background job. A file is read only as it is stored,
        so a batch's images are never all held at once."""
        stored, queued = [], []
        for upload in uploads:
            item, photo = upload.item, upload.photo
            url = item.attachment_url or item.guid
            if photo is None:
                data = self._image_bytes(upload.path)
                if data is None:
                    self.report.missing_files.append(
                        (item.post_id, f"{url} (not a readable image)")
                    )
                    self.report.count("attachments", "skipped", "not a readable image")
                    continue
                name, data = data
                found_metadata = read_photo_metadata(io.BytesIO(data))
                photo = upload.photo = Photo(
                    image=ContentFile(data, name=name),
                    credit=found_metadata.get("credit", "")[:200],
                )
            caption = converter.plain(item.excerpt) or item.title or os.path.basename(upload.key)
            photo.caption = caption
            photo.alt_text = (item.first("_wp_attachment_image_alt") or caption)[:300]
            if not photo.credit:
                photo.credit = f"Imported from {urlsplit(self.source).netloc or self.source}"[:200]
            services.save_photo(photo=photo, by=self.by, later=queued)  # the worker resizes it
            stored.append(upload)
        self._remember_many("attachment", [(u.item.post_id, u.photo, u.digest) for u in stored])
        self._remember_many("attachment-url", [(u.key, u.photo, u.digest) for u in stored])
        services.queue_renditions(queued)
        for upload in stored:
            self.report.count("attachments", "created" if upload.new else "updated")

    def _media_path(self, key):
        """The file under the media folder for `key`, or None: a key from the export never
        leads outside the folder (``..``, an absolute path)."""
        if not self.media_dir:
            return None
        root = os.path.realpath(self.media_dir)
        path = os.path.realpath(os.path.join(root, key.lstrip("/")))
        return path if os.path.commonpath([path, root]) == root else None

    def _image_bytes(self, path):
        """(file name, bytes) of an image to store: a GIF becomes a PNG (its first frame)."""
        from PIL import Image, UnidentifiedImageError

        name = os.path.basename(path)
        with open(path, "rb") as file:
            data = file.read()
        try:
            with Image.open(io.BytesIO(data)) as image:
                if not name.lower().endswith(".gif"):
                    # Decoded to know it is whole (a truncated file is refused); a JPEG at
                    # an eighth of its size, which reads every part of it just as well.
                    image.draft("RGB", (max(1, image.width // 8), max(1, image.height // 8)))
                    image.load()
                    return name, data
                out = io.BytesIO()
                image.convert("RGBA").save(out, format="PNG")
        except (OSError, UnidentifiedImageError, SyntaxError, ValueError):
            return None
        return os.path.splitext(name)[0] + ".png", out.getvalue()

    # --- Comments -----------------------------------------------------------------------

    def _comments(self, drafts):
        """Every comment in every state, threads kept exactly: a reply may come before the
        comment it answers, so all are read first, then placed parents first."""
        threads, counted = [], []
        for draft in drafts:
            by_id = {comment.id: comment for comment in draft.item.comments if comment.id}
            if not by_id:
                continue
            counted.append(draft.article.pk)
            if draft.new and not any(self._record("comment", pk) for pk in by_id):
                threads.append((draft.article, by_id))
                continue
            placed = {}

            def depth_first(comment, article=draft.article, by_id=by_id, placed=placed, seen=()):
                parent = by_id.get(comment.parent)
                if parent is not None and parent.id not in placed and parent.id not in seen:
                    depth_first(parent, seen=(*seen, comment.id))
                if comment.id not in placed:
                    placed[comment.id] = self._comment(article, comment, placed.get(comment.parent))

            for comment in by_id.values():
                depth_first(comment)
        self._comments_in_bulk(threads)
        if counted:
            refresh_comment_counts(counted)

    def _comments_in_bulk(self, threads):
        """New articles' threads ([(article, {id there: comment})]): one insert per level of
        replies for them all."""
        levels = {}  # (thread's number, id there) -> how deep

        def level(number, by_id, comment, seen=()):
            key = (number, comment.id)
            if key not in levels:
                parent = by_id.get(comment.parent)
                cycle = parent is None or parent.id in seen or parent.id == comment.id
                levels[key] = 0 if cycle else level(number, by_id, parent, (*seen, comment.id)) + 1
            return levels[key]

        for number, (_article, by_id) in enumerate(threads):
            for comment in by_id.values():
                level(number, by_id, comment)
        made = {}
        for depth in sorted(set(levels.values())):
            rows = []
            for (number, pk), at in levels.items():
                if at != depth:
                    continue
                article, by_id = threads[number]
                wp = by_id[pk]
                self.report.count("comments", "found")
                if wp.approved not in COMMENT_STATUSES:
                    self.report.count("comments", "skipped", f"state “{wp.approved}”")
                    continue
                parent = made.get((number, wp.parent))
                comment = self._fill_comment(Comment(article=article), wp, parent)
                comment.body_html = render_body(comment.body)  # as Comment.save() renders it
                rows.append(((number, pk), comment))
            if not rows:
                continue
            Comment.objects.bulk_create([comment for _key, comment in rows])
            made.update(rows)
            self.report.counts["comments"]["created"] += len(rows)
        # When each was posted (an insert stamps "now"), and their records: one write each.
        dated = []
        for (number, pk), comment in made.items():
            wp = threads[number][1][pk]
            posted = _when(wp.date_gmt, wp.date)
            if posted:
                comment.created_at = posted
                dated.append(comment)
        Comment.objects.bulk_update(dated, ["created_at"], batch_size=500)
        self._remember_many("comment", [(pk, row, "") for (_n, pk), row in made.items()])

    def _fill_comment(self, comment, wp, parent):
        shown, thread, depth = place_in_thread(parent)
        comment.parent, comment.reply_to, comment.thread = shown, parent, thread
        comment.depth = depth
        comment.kind = (
            wp.type if wp.type in (CommentKind.PINGBACK, CommentKind.TRACKBACK) else "comment"
        )
        comment.name = (wp.author or "Anonymous")[:80]
        comment.email = wp.email[:254] if "@" in wp.email else ""
        comment.website = wp.url[:500] if wp.url.startswith(("http://", "https://")) else ""
        # Plain text, its lines as the commenter wrote them (the thread escapes it).
        lines = (converter.plain(line) for line in wp.content.splitlines())
        comment.body = "\n".join(lines).strip()[:5000] or "(empty)"
        comment.status = COMMENT_STATUSES[wp.approved]
        comment.ip_address = wp.ip.strip() if _is_ip(wp.ip) else None
        return comment

    def _comment(self, article, wp, parent):
        self.report.count("comments", "found")
        if wp.approved not in COMMENT_STATUSES:
            self.report.count("comments", "skipped", f"state “{wp.approved}”")
            return None
        comment = self._existing(Comment, "comment", wp.id)
        new = comment is None
        comment = self._fill_comment(comment or Comment(article=article), wp, parent)
        comment.save()
        posted = _when(wp.date_gmt, wp.date)
        if posted:
            Comment.objects.filter(pk=comment.pk).update(created_at=posted)
        self._remember("comment", wp.id, comment)
        self.report.count("comments", "created" if new else "updated")
        return comment

    # --- Addresses ----------------------------------------------------------------------

    def _register_redirects(self, written):
        """Each item's own old addresses (its permalink, ``/?p=ID``) lead to it, whatever
        led there before; an old slug's address only when no other record has it (it never
        takes a live permalink away from the story that has it now). `written`: [(item,
        what it became)], in the file's order: of two with one address, the later wins."""
        wanted = [(target, *self._old_paths(item, target)) for item, target in written]
        paths = sorted({path for _target, own, former in wanted for path in own | former})
        existing = {}
        for start in range(0, len(paths), 1000):
            existing.update(
                (path, (content_type, object_id))
                for path, content_type, object_id in Redirect.objects.filter(
                    old_path__in=paths[start : start + 1000]
                ).values_list("old_path", "content_type_id", "object_id")
            )
        fresh, moved = {}, {}
        for target, own, former in wanted:
            here = (self._type(type(target)).pk, target.pk)
            for path in sorted(own | former):
                if path in fresh:
                    if path in own:
                        fresh[path] = here
                elif path not in existing:
                    fresh[path] = here
                elif path in own and existing[path] != here:
                    moved[path] = existing[path] = here
        Redirect.objects.bulk_create(
            Redirect(old_path=path, content_type_id=kind, object_id=pk)
            for path, (kind, pk) in fresh.items()
        )
        by_target = defaultdict(list)
        for path, here in moved.items():
            by_target[here].append(path)
        for (kind, pk), moving in by_target.items():
            Redirect.objects.filter(old_path__in=moving).update(content_type_id=kind, object_id=pk)
        self.report.redirects += len(fresh)

    def _old_paths(self, item, target):
        """(its own old addresses, those of its former slugs) that do not lead to it now."""
        new = target.get_absolute_url()
        own = {f"/?{'page_id' if item.post_type == 'page' else 'p'}={int(item.post_id)}"}
        permalink = _old_path(item.link, self.site_link or self.source)
        if permalink:
            own.add(permalink)
        slug = unquote(item.post_name or "")
        former = set()
        for old_slug in item.meta.get("_wp_old_slug", []):
            old_slug = unquote(old_slug.strip())
            if old_slug and permalink and slug and slug in permalink:
                former.add(permalink.replace(slug, old_slug))
        own = {path[:500] for path in own - {new} if path.strip("/?")}
        former = {path[:500] for path in former - {new} if path.strip("/?")} - own
        return own, former

    # --- Once the whole file is read ----------------------------------------------------

    def _finish(self):
        for page_id, parent_id in self._pending_parents.items():
            page = self._existing(StaticPage, "page", page_id)
            parent = self._existing(StaticPage, "page", parent_id)
            if page is None:
                continue
            if parent is None:
                self.report.unresolved.append(f"page {page_id}: its parent page {parent_id}")
            elif page.parent_id != parent.pk:
                page.parent = parent
                try:
                    with transaction.atomic():
                        services.save_page(page=page, by=self.by)
                except ValidationError as refusal:  # too deep, or its address taken
                    page.parent_id = None
                    self.report.unresolved.append(
                        f"page {page_id}: kept at the top, not under page {parent_id} "
                        f"({'; '.join(refusal.messages)})"
                    )
        self._rewrite_links()

    def _rewrite_links(self):
        """Links inside imported bodies to the old site lead to the new addresses."""
        host = urlsplit(self.site_link or self.source).netloc
        if not host:
            return
        pattern = re.compile(r'href="(https?://' + re.escape(host) + r'[^"]*)"')
        redirects = {}

        def new_address(match):
            old = _old_path(match.group(1), self.site_link or self.source)
            if old not in redirects:
                found = Redirect.objects.filter(old_path=old).select_related("content_type").first()
                redirects[old] = found.target.get_absolute_url() if found and found.target else None
            return f'href="{redirects[old]}"' if redirects[old] else match.group(0)

        changed = set()
        for model, kind in ((RichText, "post"), (PageText, "page")):
            ids = [object_id for object_id, _digest in self._load_records(kind).values()]
            for start in range(0, len(ids), 500):
                blocks = model.objects.filter(parent_id__in=ids[start : start + 500])
                for block in blocks.filter(text__contains=host):
                    text = pattern.sub(new_address, block.text)
                    if text != block.text:
                        model.objects.filter(pk=block.pk).update(text=text)
                        if model is RichText:
                            changed.add(block.parent_id)
        for article in Article.objects.filter(pk__in=changed):
            services.body_saved(article)


def _source_id(value):
    """An id there as stored: a long one (a percent-encoded slug) by its digest."""
    value = str(value)
    return value if len(value) <= 200 else "sha256:" + hashlib.sha256(value.encode()).hexdigest()


def _is_ip(value):
    try:
        ipaddress.ip_address((value or "").strip())
    except ValueError:
        return False
    return True


def run_import(path, *, media_dir=None, dry_run=False, by=None, author_map=None, progress=None):
    """Import the export at `path` (the command, the demo), kept on record as an ImportRun.
    Returns (run, report); NotAnExport is recorded on the run, then raised."""
    run = ImportRun.objects.create(
        file_name=os.path.basename(path)[:300],
        media_dir=(media_dir or "")[:500],
        dry_run=dry_run,
        started_by=by,
    )
    with open(path, "rb") as export:
        report = perform(run, export, author_map=author_map, progress=progress)
    return run, report


def perform(run, export, *, author_map=None, progress=None):
    """Run an ImportRun over the binary file `export`: its status, its progress as it goes
    (written as each batch commits) and its report, or why it failed.
    Raises NotAnExport (recorded) for a file that is not an export, and whatever else went
    wrong (recorded too: the run can be retried, and finishes what the failed one began)."""

    def noted(report, items):
        ImportRun.objects.filter(pk=run.pk).update(
            progress={"items": items, "counts": report.as_dict()["counts"]},
            updated_at=timezone.now(),
        )
        if progress:
            progress(report, items)

    run.status, run.error, run.finished_at = ImportRunStatus.RUNNING, "", None
    run.save(update_fields=["status", "error", "finished_at", "updated_at"])
    importer = Importer(
        media_dir=run.media_dir or None,
        dry_run=run.dry_run,
        by=run.started_by,
        author_map=author_map,
        progress=noted,
    )
    try:
        report = importer.run(export)
    except Exception as error:
        run.status, run.finished_at = ImportRunStatus.FAILED, timezone.now()
        run.error = (
            str(error) if isinstance(error, NotAnExport) else f"{type(error).__name__}: {error}"
        )
        run.save(update_fields=["status", "error", "finished_at"])
        raise
    run.status, run.finished_at = ImportRunStatus.DONE, timezone.now()
    run.report = {"lines": report.lines(), "data": report.as_dict()}
    run.save(update_fields=["status", "finished_at", "report"])
    if run.file:  # done: the uploaded export (drafts, commenters' addresses) is not kept
        transaction.on_commit(lambda: run.file.delete(save=True))
    return report
