"""Builds the demo newsroom. Idempotent: every row is found by its natural key and updated."""

import datetime
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from articles.comments.services import refresh_comment_counts
from articles.models import (
    BLOCK_MODELS,
    Article,
    ArticleAuthor,
    Author,
    Ban,
    BlockedWord,
    Comment,
    CommentStatus,
    Headshot,
    ImportRun,
    KeyArt,
    ModerationEvent,
    PageText,
    Photo,
    PhotoBlock,
    Quote,
    RichText,
    ShareLink,
    StaticPage,
    Tag,
)
from articles.renditions import make_renditions, renditions_current
from articles.services import body_saved, save_page
from articles.wordpress.importer import run_import
from newsroom.core.cache import purge_site
from newsroom.follows.models import Follow, Follower
from people.models import Person
from shows.models import (
    Availability,
    Company,
    Country,
    Credit,
    Episode,
    Genre,
    KnownFor,
    Language,
    Platform,
    Season,
    Show,
    ShowTitle,
    StatusChange,
)
from shows.release import Precision, ReleaseWindow

from . import content
from .images import demo_image


@transaction.atomic
def build_demo():
    """Create or update the whole demo newsroom. Returns the demo accounts' usernames."""
    accounts = _accounts()
    _vocabularies()
    people = _people()
    shows = _shows(people)
    for person_slug, links in content.KNOWN_FOR.items():
        for order, (show_slug, note) in enumerate(links):
            KnownFor.objects.update_or_create(
                person=people[person_slug],
                show=shows[show_slug],
                defaults={"note": note, "ordering": order},
            )
    authors = _authors(accounts)
    photos = _photos(people, shows, accounts["editor"])
    _releases(shows, photos, people)
    _follower(shows, people)
    _articles(authors, photos, people, shows, accounts["editor"])
    _moderation(accounts["moderator"])
    _share_links(accounts["editor"])
    _static_pages()
    _wordpress_archive()
    purge_site()  # written without the desk's services: every cached page starts afresh
    return [username for username, *_ in content.ACCOUNTS]


def _accounts():
    User = get_user_model()
    users = {}
    for username, first, last, group_name, superuser in content.ACCOUNTS:
        user, _ = User.objects.get_or_create(username=username)
        user.first_name, user.last_name = first, last
        user.email = f"{username}@newsroom.invalid"
        user.is_staff = True
        user.is_superuser = superuser
        user.set_password(content.DEMO_PASSWORD)
        user.save()
        if group_name:
            user.groups.set([Group.objects.get(name=group_name)])
        users[username] = user
    return users


def _vocabularies():
    for item in content.PLATFORMS:
        Platform.objects.update_or_create(
            slug=item["slug"],
            defaults={
                "name": item["name"],
                "kind": item["kind"],
                "website": item.get("website", ""),
            },
        )
    for name in content.COMPANIES:
        Company.objects.update_or_create(slug=slugify(name), defaults={"name": name})
    for name in content.GENRES:
        Genre.objects.update_or_create(slug=slugify(name), defaults={"name": name})
    for code, name in content.COUNTRIES:
        Country.objects.update_or_create(code=code, defaults={"name": name})
    for code, name in content.LANGUAGES:
        Language.objects.update_or_create(code=code, defaults={"name": name})


def _people():
    people = {}
    for slug, (name, native, bio, birth_date, known_for) in content.PEOPLE.items():
        people[slug], _ = Person.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "native_name": native,
                "bio": bio,
                "birth_date": birth_date,
                "known_for": known_for,
            },
        )
    return people


def _shows(people):
    shows = {}
    for item in content.SHOWS:
        latest_status, latest_date, _note = item["history"][-1]
        window = ReleaseWindow.parse(item["release"]) if item["release"] else None
        show, _ = Show.objects.update_or_create(
            slug=item["slug"],
            defaults={
                "title": item["title"],
                "kind": item["kind"],
                "platform": Platform.objects.filter(slug=item["platform"]).first(),
                "synopsis": item["synopsis"],
                "based_on": item.get("based_on", ""),
                "based_on_show": shows.get(item.get("based_on_show")),
                "status": latest_status,
                "status_confirmed_on": latest_date,
                "release_date": window.date if window else None,
                "release_precision": window.precision if window else "",
                "release_note": item.get("release_note", ""),
            },
        )
        show.countries.set(Country.objects.filter(code__in=item["countries"]))
        show.languages.set(Language.objects.filter(code__in=item["languages"]))
        show.genres.set(Genre.objects.filter(name__in=item["genres"]))
        show.companies.set(Company.objects.filter(name__in=item.get("companies", [])))
        for status, confirmed_on, note in item["history"]:
            StatusChange.objects.get_or_create(
                show=show, status=status, confirmed_on=confirmed_on, defaults={"note": note}
            )
        for title, kind, language in item.get("other_titles", []):
            ShowTitle.objects.update_or_create(
                show=show,
                title=title,
                defaults={
                    "kind": kind,
                    "language": Language.objects.filter(code=language).first(),
                },
            )
        details = item.get("writer_detail", {})
        for person_slug, role, character, description, order in item["credits"]:
            Credit.objects.update_or_create(
                show=show,
                person=people[person_slug],
                role=role,
                character_name=character,
                defaults={
                    "character_description": description,
                    "billing_order": order,
                    "role_detail": details.get(person_slug, "") if role == "writer" else "",
                },
            )
        shows[item["slug"]] = show
    return shows


def _authors(accounts):
    authors = {}
    for item in content.AUTHORS:
        authors[item["slug"]], _ = Author.objects.update_or_create(
            slug=item["slug"],
            defaults={
                "user": accounts.get(item["username"]),
                "display_name": item["display_name"],
                "job_title": item["job_title"],
                "bio": item["bio"],
                "beats": item["beats"],
                "location": item["location"],
                "joined_year": item["joined_year"],
            },
        )
    return authors


def _photos(people, shows, uploader):
    photos = {}
    for key, spec in content.PHOTOS.items():
        initials, hue, caption, credit, alt, event, place, taken_on, who, which = spec
        name = f"photos/demo/{key}.jpg"
        if not default_storage.exists(name):
            data = demo_image(initials=initials, label=f"{event or caption[:60]}", hue=hue)
            saved = default_storage.save(name, ContentFile(data))
            if saved != name:
                raise RuntimeError(f"The storage saved {name} as {saved}; clear it and retry.")
        photo = Photo.objects.filter(image=name).first() or Photo(image=name)
        photo.caption, photo.credit, photo.alt_text = caption, credit, alt
        photo.event, photo.place, photo.taken_on = event, place, taken_on
        photo.uploaded_by = uploader
        photo.save()  # width and height are read from the stored file
        if not renditions_current(photo):
            make_renditions(photo)
        photo.people.set([people[slug] for slug in who])
        photo.shows.set([shows[slug] for slug in which])
        photos[key] = photo
    return photos


def _releases(shows, photos, people):
    """Seasons and episodes, where to watch (some arriving in the days after loading), key
    art and headshots."""
    today = timezone.localdate()
    for slug, number, title, status, window, count, episodes in content.SEASONS:
        season, _ = Season.objects.update_or_create(
            show=shows[slug],
            number=number,
            defaults={"title": title, "status": status, "episode_count": count},
        )
        season.release_window = ReleaseWindow.parse(window) if window else None
        season.save()
        for episode_number, episode_title, episode_window, runtime in episodes:
            episode, _ = Episode.objects.update_or_create(
                season=season,
                number=episode_number,
                defaults={"title": episode_title, "runtime": runtime},
            )
            episode.release_window = ReleaseWindow.parse(episode_window)
            episode.save()
    for slug, platform, country, kind, starts, confirmed_days in content.AVAILABILITY:
        if starts.startswith("+"):
            window = ReleaseWindow(today + datetime.timedelta(days=int(starts)), Precision.DAY)
        else:
            window = ReleaseWindow.parse(starts)
        row, _ = Availability.objects.update_or_create(
            show=shows[slug],
            platform=Platform.objects.get(slug=platform),
            country=Country.objects.get(code=country),
            kind=kind,
            defaults={"confirmed_on": today - datetime.timedelta(days=confirmed_days)},
        )
        row.release_window = window
        row.save()
    for slug, photo in content.KEY_ART.items():
        KeyArt.objects.update_or_create(show=shows[slug], defaults={"photo": photos[photo]})
    for slug, photo in content.HEADSHOTS.items():
        Headshot.objects.update_or_create(person=people[slug], defaults={"photo": photos[photo]})


def _follower(shows, people):
    email, show_slugs, person_slugs = content.FOLLOWER
    follower, _ = Follower.objects.get_or_create(email=email)
    for slug in show_slugs:
        Follow.objects.get_or_create(
            follower=follower, show=shows[slug], defaults={"confirmed_at": timezone.now()}
        )
    for slug in person_slugs:
        Follow.objects.get_or_create(
            follower=follower, person=people[slug], defaults={"confirmed_at": timezone.now()}
        )


def _wordpress_archive():
    """The old site's archive, moved in as a newsroom would: its old addresses answer 301.
    Built again, the demo keeps one record of it (the import itself doubles nothing)."""
    ImportRun.objects.filter(file_name=ARCHIVE_FILE).delete()
    run_import(os.path.join(os.path.dirname(__file__), ARCHIVE_FILE))


ARCHIVE_FILE = "wordpress-archive.xml"


def _static_pages():
    pages = {}
    for order, (slug, parent, title, summary, in_footer, paragraphs) in enumerate(
        content.STATIC_PAGES
    ):
        parent_page = pages.get(parent)
        page = StaticPage.objects.filter(slug=slug, parent=parent_page).first() or StaticPage(
            slug=slug, parent=parent_page
        )
        page.title, page.summary, page.in_footer = title, summary, in_footer
        page.published = slug not in content.DRAFT_PAGES
        page.menu_order = order * 10
        save_page(page=page, by=None)
        PageText.objects.filter(parent=page).delete()
        PageText.objects.create(parent=page, region="body", ordering=10, text="".join(paragraphs))
        pages[slug] = page
    return pages


def _publish_time(value):
    if value is None:
        return None
    if value == "scheduled":
        return timezone.now().replace(microsecond=0, second=0) + datetime.timedelta(days=7)
    return value.replace(tzinfo=datetime.UTC)


def _articles(authors, photos, people, shows, editor):
    for item in content.ARTICLES:
        article = Article.objects.filter(slug=item["slug"]).first()
        publish_at = _publish_time(item["publish_at"])
        if article and item["publish_at"] == "scheduled" and article.publish_at:
            publish_at = article.publish_at  # keep the schedule a first load set
        article = article or Article(slug=item["slug"], created_by=editor)
        article.headline = item["headline"]
        article.dek = item["dek"]
        article.kind = item["kind"]
        article.status = item["status"]
        article.publish_at = publish_at
        article.hero_photo = photos.get(item["hero"])
        article.comments_open = True
        if item.get("comments_kept_open") and not article.comments_close_at:
            # An evergreen explainer the editor keeps open for readers to join.
            article.comments_close_at = timezone.now().replace(microsecond=0) + datetime.timedelta(
                days=365
            )
        article.save()
        for position, slug in enumerate(item["authors"]):
            ArticleAuthor.objects.update_or_create(
                article=article, author=authors[slug], defaults={"position": position}
            )
        article.bylines.exclude(author__slug__in=item["authors"]).delete()
        article.shows.set([shows[slug] for slug in item["shows"]])
        article.people.set([people[slug] for slug in item["people"]])
        article.tags.set(
            [
                Tag.objects.get_or_create(slug=slugify(name), defaults={"name": name})[0]
                for name in item["tags"]
            ]
        )
        _blocks(article, item["blocks"], photos, people)
        body_saved(article)
        posted_comments = {}
        for number, (name, email, status, body, *reply_to) in enumerate(
            item.get("comments", []), 1
        ):
            parent = posted_comments.get(reply_to[0]) if reply_to else None
            comment, created = Comment.objects.get_or_create(
                article=article,
                email=email,
                body=body,
                defaults={
                    "name": name,
                    "status": status,
                    "moderated_by": editor if status != "held" else None,
                    "parent": parent,
                    "thread": (parent.thread or parent) if parent else None,
                    "depth": parent.depth + 1 if parent else 0,
                },
            )
            posted_comments[number] = comment
            if created:  # posted in the hours after publication, not when the demo loaded
                posted = article.publish_at + datetime.timedelta(hours=number * 3)
                Comment.objects.filter(pk=comment.pk).update(
                    created_at=posted, moderated_at=posted if status != "held" else None
                )
        refresh_comment_counts([article.pk])


def _blocks(article, blocks, photos, people):
    """Replace the article's body with the given blocks, in order."""
    for model in BLOCK_MODELS:
        model.objects.filter(parent=article).delete()
    for ordering, block in enumerate(blocks, start=1):
        common = {"parent": article, "region": "body", "ordering": ordering * 10}
        kind = block[0]
        if kind == "text":
            RichText.objects.create(
                text=RichText._meta.get_field("text").clean(block[1], None), **common
            )
        elif kind == "photo":
            PhotoBlock.objects.create(photo=photos[block[1]], caption_override=block[2], **common)
        elif kind == "quote":
            _kind, text, style, person_slug, speaker, context = block
            Quote.objects.create(
                text=text,
                style=style,
                person=people.get(person_slug),
                speaker=speaker,
                context=context,
                **common,
            )
        else:
            raise ValueError(f"Unknown demo block kind {kind!r}")


def _moderation(moderator):
    """The desk's word list, one banned spammer and their comment, marked spam."""
    for phrase in content.BLOCKED_WORDS:
        BlockedWord.objects.get_or_create(phrase=phrase)
    email, name, body, ip = content.SPAMMER
    Ban.objects.get_or_create(
        email=email, defaults={"reason": "posted link spam", "created_by": moderator}
    )
    article = Article.objects.get(slug=content.SPAMMED_ARTICLE)
    comment, created = Comment.objects.get_or_create(
        article=article,
        email=email,
        defaults={
            "name": name,
            "body": body,
            "status": CommentStatus.SPAM,
            "held_reason": "3 links",
            "ip_address": ip,
            "user_agent": "Mozilla/5.0 (demo)",
            "moderated_by": moderator,
            "moderated_at": timezone.now(),
        },
    )
    if created:
        ModerationEvent.objects.create(
            comment=comment, status=CommentStatus.SPAM, by=moderator, note="commenter banned"
        )


def _share_links(editor):
    """A preview link for the story in review, as an editor would send to a source."""
    for article in Article.objects.filter(status="in_review", share_links__isnull=True):
        ShareLink.objects.create(
            article=article,
            created_by=editor,
            expires_at=timezone.now() + datetime.timedelta(days=7),
        )
