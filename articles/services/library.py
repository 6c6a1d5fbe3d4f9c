"""The desk's other records readers see: photos, authors and tags. Each save purges the
pages that show the record (its own tag, and the lists it appears in)."""

import hashlib
import logging
import os

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction

from articles import cache_tags
from articles.models import (
    Article,
    ArticleAuthor,
    Author,
    Headshot,
    KeyArt,
    Photo,
    PhotoBlock,
    Tag,
    body_changed,
)
from articles.photo_metadata import without_private_metadata
from articles.renditions import make_renditions, renditions_current
from newsroom.core.cache import purge, tag_of
from newsroom.core.rules import require

logger = logging.getLogger(__name__)


def pictured(photo):
    """(people ids, show ids) the photo pictures, as stored now."""
    if photo.pk is None:
        return frozenset(), frozenset()
    return (
        frozenset(
            Photo.people.through.objects.filter(photo=photo).values_list("person_id", flat=True)
        ),
        frozenset(
            Photo.shows.through.objects.filter(photo=photo).values_list("show_id", flat=True)
        ),
    )


def _photo_tags(photo):
    """What shows a photo: its own tag (grids, figures), the articles using it as their hero
    (cards name their article only) or in their body, the shows it is key art of and the
    people it is the headshot of, and the photo lists of those it pictures (their cards'
    pictures)."""
    heroes = Article.objects.filter(hero_photo=photo).values_list("pk", flat=True)
    blocks = _bodies_showing(photo)
    people, shows = pictured(photo)
    art = KeyArt.objects.filter(photo=photo).values_list("show_id", flat=True)
    portraits = Headshot.objects.filter(photo=photo).values_list("person_id", flat=True)
    return [
        tag_of(photo),
        *(f"show:{pk}" for pk in art),
        *(f"person:{pk}" for pk in portraits),
        *(f"article:{pk}" for pk in {*heroes, *blocks}),
        *(cache_tags.photos_of(f"person:{pk}") for pk in people),
        *(cache_tags.photos_of(f"show:{pk}") for pk in shows),
    ]


def _bodies_showing(photo):
    return PhotoBlock.objects.filter(photo=photo).values_list("parent_id", flat=True)


def _shown_again(photo):
    """The bodies showing the photo render it again (caption, credit, renditions)."""
    body_changed(*_bodies_showing(photo))


RENDITIONS_QUEUED = "queued"


def _renditions_later(photo, later):
    if isinstance(later, list):
        return True
    if later is not None:
        return later
    return photo.width * photo.height > settings.NEWSROOM_RENDITIONS_INLINE_PIXELS


def queue_renditions(photo_pks):
    """One background job making the renditions of these photos, queued once the
    transaction commits."""
    pks = list(photo_pks)
    if pks:
        from articles.tasks import make_photo_renditions

        transaction.on_commit(lambda: make_photo_renditions.enqueue(*pks))


def content_hash(data):
    """What identifies a file's content: the same file uploaded twice has the same hash."""
    return hashlib.sha256(data).hexdigest()


def same_photo(upload):
    """The photo already in the library made from this very file, or None."""
    position = upload.tell()
    upload.seek(0)
    digest = hashlib.sha256()
    for chunk in iter(lambda: upload.read(1 << 20), b""):
        digest.update(chunk)
    upload.seek(position)
    return Photo.objects.filter(content_hash=digest.hexdigest()).order_by("pk").first()


@transaction.atomic
def save_photo(*, photo, by, later=None):
    """Save a photo and make its renditions. Returns False when the renditions could not be
    made (the photo is kept; pages show the original until ``make_renditions`` succeeds),
    RENDITIONS_QUEUED when the worker makes them (``later``: True; or, by default, a photo
    larger than NEWSROOM_RENDITIONS_INLINE_PIXELS, which would hold the desk's request for
    seconds). ``later`` may be a list: the photo's id is added to it, for the caller to queue
    with others in one job (``queue_renditions``: an import's batch). Everything showing it
    is purged (``_photo_tags``)."""
    require(by, "articles.change_photo" if photo.pk else "articles.add_photo")
    if photo.pk is None and by is not None:
        photo.uploaded_by = by
    if photo.image and not photo.image._committed:
        # A new upload: stored without its GPS position and camera data (the original is
        # public at its address, like the renditions).
        upload = photo.image.file
        upload.seek(0)
        raw = upload.read()
        photo.content_hash = content_hash(raw)
        photo.image = ContentFile(
            without_private_metadata(raw), name=os.path.basename(photo.image.name)
        )
    new = photo.pk is None
    photo.save()
    if not new:  # a new photo is in no page and no body yet
        purge(*_photo_tags(photo))
    made = renditions_current(photo)
    if not made and _renditions_later(photo, later):
        if isinstance(later, list):
            later.append(photo.pk)
        else:
            queue_renditions([photo.pk])
        if not new:
            _shown_again(photo)
        return RENDITIONS_QUEUED
    if not made:
        try:
            make_renditions(photo)
            made = True
        except (OSError, ValueError):
            logger.exception("Renditions of photo %s failed", photo.pk)
    if not new:
        _shown_again(photo)
    return made


def photo_relations_saved(*, photo, before):
    """After the people and shows a photo pictures were saved: purge the photo lists of
    those it joined or left."""
    people, shows = pictured(photo)
    old_people, old_shows = before
    purge(
        *(cache_tags.photos_of(f"person:{pk}") for pk in people ^ old_people),
        *(cache_tags.photos_of(f"show:{pk}") for pk in shows ^ old_shows),
    )


@transaction.atomic
def delete_photo(*, photo, by):
    """Delete a photo no article uses (those in use are protected)."""
    require(by, "articles.delete_photo")
    tags = _photo_tags(photo)
    photo.delete()
    purge(*tags)


def renditions_remade(photo):
    """After ``make_renditions`` remade a photo's copies outside the desk."""
    _shown_again(photo)
    purge(*_photo_tags(photo))


def _save_named(obj, by, fields, list_tag):
    name = obj._meta.model_name
    require(by, f"articles.{'change' if obj.pk else 'add'}_{name}")
    before = type(obj).objects.filter(pk=obj.pk).values(*fields).first() if obj.pk else None
    obj.save()
    after = {field: getattr(obj, field) for field in fields}
    purge(obj, list_tag if before != after else None)
    return before != after


@transaction.atomic
def save_author(*, author, by):
    """An author's profile: their pages; if their name changed, every article they wrote
    (its page and cards name them), and the filter forms and the sitemap."""
    if _save_named(author, by, ["display_name", "slug"], cache_tags.AUTHORS):
        written = ArticleAuthor.objects.filter(author=author).values_list("article_id", flat=True)
        purge(*(f"article:{pk}" for pk in written))
    return author


@transaction.atomic
def save_tag(*, tag, by):
    _save_named(tag, by, ["name", "slug"], cache_tags.TAGS)
    return tag


@transaction.atomic
def delete_named(*, obj, by):
    """Delete an author or a tag (authors with bylines are protected)."""
    require(by, f"articles.delete_{obj._meta.model_name}")
    list_tag = cache_tags.AUTHORS if isinstance(obj, Author) else cache_tags.TAGS
    tags = [tag_of(obj), list_tag]
    if isinstance(obj, Tag):  # its articles lose it: they and their lists change
        article_ids = list(obj.articles.values_list("pk", flat=True))
        tags += [f"article:{pk}" for pk in article_ids]
        tags += [cache_tags.articles_of(obj), cache_tags.ARTICLES]
    obj.delete()
    purge(*tags)
