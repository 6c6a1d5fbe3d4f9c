"""A large, realistic newsroom for benchmarks (`manage.py load_scale`), on top of the demo.

Rows are written in bulk: PostgreSQL's COPY (psycopg), or batched INSERTs elsewhere, with ids
assigned here so that foreign keys need no round trip. Text is assembled from word and
sentence pools with a seeded random generator: the same options give the same newsroom.

Besides the crowd, three fixed records are what `make bench` measures: the show BENCH_SHOW
with 40 credits, and the article BENCH_ARTICLE about it (1,200 words, a hero photo, the show
box with cast, 200 approved comments on one page of the thread).
"""

import datetime
import functools
import itertools
import random
import time
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify

from articles.comments.rendering import render_body
from articles.models import (
    Article,
    ArticleAuthor,
    ArticleKind,
    ArticleStatus,
    Author,
    Comment,
    CommentStatus,
    Photo,
    RichText,
    Tag,
)
from articles.rendering import current_format, render_blocks
from articles.renditions import make_renditions
from newsroom.core.cache import purge_site
from people.models import Person
from shows.models import (
    Country,
    Credit,
    CreditRole,
    Genre,
    Language,
    Platform,
    Show,
    ShowKind,
    ShowStatus,
    ShowTitle,
    StatusChange,
)
from shows.release import Precision

from .images import demo_image

BENCH_SHOW = "northern-tide"
BENCH_ARTICLE = "northern-tide-everything-we-know-so-far"
BENCH_CREDITS = 40
BENCH_COMMENTS = 200
BENCH_WORDS = 1200
TAG_POOL = 300
AUTHOR_POOL = 40


@dataclass
class Sizes:
    articles: int = 100_000
    shows: int = 20_000
    people: int = 50_000
    credits: int = 300_000
    comments: int = 1_000_000
    photos: int = 24  # real images with renditions, shared as hero photos


ADJECTIVES = [
    "Silent",
    "Broken",
    "Golden",
    "Hidden",
    "Last",
    "Crimson",
    "Northern",
    "Endless",
    "Wild",
    "Quiet",
    "Distant",
    "Burning",
    "Paper",
    "Glass",
    "Iron",
    "Velvet",
    "Midnight",
    "Electric",
    "Secret",
    "Forgotten",
    "Little",
    "Bright",
    "Hollow",
    "Lonely",
]
NOUNS = [
    "Harbour",
    "Kingdom",
    "Garden",
    "River",
    "Signal",
    "Empire",
    "Winter",
    "Station",
    "Orchard",
    "Mirror",
    "Lantern",
    "Frontier",
    "Season",
    "Protocol",
    "Island",
    "Chorus",
    "Verdict",
    "Archive",
    "Tide",
    "Canyon",
    "Avenue",
    "Republic",
    "Circus",
    "Letters",
]
PLACES = [
    "Tokyo",
    "Seoul",
    "Lisbon",
    "Harbour",
    "Valley",
    "Mountain",
    "Lake",
    "Desert",
    "Forest",
    "Coast",
    "City",
    "Village",
    "Bay",
    "Osaka",
    "Busan",
    "Kyoto",
    "Porto",
    "Marseille",
    "Naples",
    "Oslo",
    "Dublin",
    "Bristol",
    "Glasgow",
    "Lima",
    "Cairo",
    "Hanoi",
]
FIRST = [
    "Aoi",
    "Min-jun",
    "Sofia",
    "Lucas",
    "Hana",
    "Kenji",
    "Amara",
    "Mateo",
    "Yuna",
    "Oliver",
    "Priya",
    "Jonas",
    "Leila",
    "Tomas",
    "Chloe",
    "Daniel",
    "Ines",
    "Ravi",
    "Mei",
    "Felix",
    "Zara",
    "Hugo",
    "Nadia",
    "Theo",
    "Ji-woo",
    "Sakura",
    "Omar",
    "Elena",
    "Marcus",
    "Ayumi",
]
LAST = [
    "Tanaka",
    "Kim",
    "Rossi",
    "Silva",
    "Park",
    "Nakamura",
    "Okafor",
    "Garcia",
    "Lee",
    "Novak",
    "Sato",
    "Hansen",
    "Costa",
    "Brown",
    "Yamamoto",
    "Choi",
    "Fischer",
    "Mensah",
    "Dubois",
    "Kowalski",
    "Moreau",
    "Ito",
    "Jensen",
    "Alvarez",
    "Reyes",
    "Watanabe",
]
NATIVE = [
    "小栗",
    "浜辺",
    "한효주",
    "박서준",
    "山田",
    "佐藤",
    "김지원",
    "이민호",
    "王菲",
    "周迅",
    "鈴木",
    "高橋",
]
SENTENCES = [
    "Production began in the spring after months of casting rumours.",
    "The streamer confirmed the news in a statement on Tuesday.",
    "Filming is expected to wrap before the end of the year, according to the producers.",
    "The first season drew strong reviews for its performances and its score.",
    "A release window has not been announced, but the trailer suggests a late-year launch.",
    "The cast gathered for a table read in London last week.",
    "The director described the adaptation as faithful to the spirit of the original.",
    "Several new characters join the story, played by actors new to the franchise.",
    "The writers' room reassembled in January to break the new season.",
    "Location shooting took place in Kyoto, Seoul and Lisbon.",
    "The showrunner teased a darker tone for the second half of the season.",
    "Fans spotted the production trucks outside a seaside hotel on Friday.",
]
COMMENT_LINES = [
    "Can't wait for this one.",
    "The first season was brilliant, I hope they keep the same writers.",
    "Great casting news!",
    "I read the book years ago and this sounds like a faithful adaptation.",
    "Does anyone know if it will be released worldwide at the same time?",
    "The trailer looked amazing.",
    "Not convinced by the new lead, but happy to be proven wrong.",
    "Finally some news, thanks for the update.",
]
HEADLINES = [
    "{show}: Everything We Know So Far",
    "{show} Season 2 Confirmed",
    "{person} Joins the Cast of {show}",
    "{show} Wraps Filming",
    "{show} Review: A Quiet Triumph",
    "First Look at {show}",
    "{show} Release Date Announced",
    "{person} on Making {show}",
]


def generate(sizes=None, *, seed=2026, log=print):
    """Add a large newsroom to the database (run load_demo first). Returns seconds taken."""
    sizes = sizes or Sizes()
    rng = random.Random(seed)
    started = time.monotonic()
    with transaction.atomic():
        builder = _Builder(rng, sizes, log)
        builder.run()
    if connection.vendor == "postgresql":
        # Statistics for the planner and the visibility map for index-only counts, as
        # autovacuum would give a database that grew over years.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    purge_site()
    return time.monotonic() - started


class _Builder:
    def __init__(self, rng, sizes, log):
        self.rng, self.sizes, self.log = rng, sizes, log
        self.now = timezone.now()

    def run(self):
        self.platforms = list(Platform.objects.values_list("pk", flat=True))
        self.genres = list(Genre.objects.values_list("pk", flat=True))
        self.countries = list(Country.objects.values_list("pk", flat=True))
        self.languages = list(Language.objects.values_list("pk", flat=True))
        self.step("photos", self.photos)
        self.step("authors and tags", self.authors_and_tags)
        self.step(f"{self.sizes.people:,} people", self.people)
        self.step(f"{self.sizes.shows:,} shows", self.shows)
        self.step(f"{self.sizes.credits:,} credits", self.credits)
        self.step(f"{self.sizes.articles:,} articles", self.articles)
        self.step(f"{self.sizes.comments:,} comments", self.comments)
        models = [Person, Show, ShowTitle, StatusChange, Credit, Author, Tag, Photo, Article]
        models += [ArticleAuthor, RichText, Comment]
        models += [Show.genres.through, Show.countries.through, Article.shows.through]
        models += [Article.people.through, Article.tags.through]
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(sql)

    def step(self, label, function):
        started = time.monotonic()
        function()
        self.log(f"  {label}: {time.monotonic() - started:.1f} s")

    # --- Rows ---------------------------------------------------------------------------------

    def photos(self):
        self.photo_ids = []
        for n in range(self.sizes.photos):
            image = demo_image(initials="NR", label=f"Stand-in photo {n + 1}", hue=n * 15 % 360)
            name = default_storage.save(f"photos/scale/stand-in-{n + 1}.jpg", ContentFile(image))
            photo = Photo(
                image=name,
                caption=f"{self.name()} at a premiere in London in March 2025.",
                credit="Photographer/Agency via Wire Service",
                alt_text=f"An actor smiling on a red carpet (stand-in image {n + 1}).",
                taken_on=datetime.date(2025, 3, 1 + n % 28),
            )
            photo.save()  # width and height are read from the stored file
            make_renditions(photo)
            self.photo_ids.append(photo.pk)

    def authors_and_tags(self):
        start = _next_id(Author)
        rows = []
        for n in range(AUTHOR_POOL):
            name = self.name()
            rows.append(
                (
                    start + n,
                    None,
                    name,
                    f"{slugify(name)}-{start + n}",
                    "Reporter",
                    "",
                    "",
                    "",
                    2020,
                )
            )
        _insert(Author, ["id", "user_id", "display_name", "slug", "job_title", "bio", "beats",
                         "location", "joined_year"], rows)  # fmt: skip
        self.author_ids = list(Author.objects.values_list("pk", flat=True))
        start = _next_id(Tag)
        rows = [
            (start + n, f"{self.rng.choice(NOUNS)} {n}", f"{slugify(self.rng.choice(NOUNS))}-{n}")
            for n in range(TAG_POOL)
        ]
        _insert(Tag, ["id", "name", "slug"], rows)
        self.tag_ids = list(Tag.objects.values_list("pk", flat=True))

    def people(self):
        start = _next_id(Person)
        self.person_ids = range(start, start + self.sizes.people)
        now = self.now

        def rows():
            for pk in self.person_ids:
                name = self.name()
                native = self.rng.choice(NATIVE) if self.rng.random() < 0.2 else ""
                bio = f"{name} is an actor and producer. {self.rng.choice(SENTENCES)}"
                yield (pk, name, f"{slugify(name)}-{pk}", native, bio, None, "", now, now)

        _insert(Person, ["id", "name", "slug", "native_name", "bio", "birth_date", "known_for",
                         "created_at", "modified_at"], rows())  # fmt: skip

    def shows(self):
        start = _next_id(Show)
        self.show_ids = list(range(start, start + self.sizes.shows))
        self.show_titles = {}
        rng, now = self.rng, self.now
        statuses = list(ShowStatus.values)

        def release():
            precision = rng.choice(Precision.values)
            year, month = 2023 + rng.randrange(6), 1 + rng.randrange(12)
            if precision == Precision.YEAR:
                return datetime.date(year, 1, 1), precision
            if precision == Precision.SEASON:
                return datetime.date(year, 1 + (month - 1) // 3 * 3, 1), precision
            day = 1 + rng.randrange(28) if precision == Precision.DAY else 1
            return datetime.date(year, month, day), precision

        def rows():
            for pk in self.show_ids:
                if pk == start:
                    title, slug = "Northern Tide", BENCH_SHOW
                else:
                    title = self.title()
                    slug = f"{slugify(title)}-{pk}"
                self.show_titles[pk] = title
                confirmed = datetime.date(2026, 1, 1) - datetime.timedelta(days=rng.randrange(900))
                release_date, precision = release()
                yield (
                    pk, title, slug, rng.choice(list(ShowKind.values)), rng.choice(self.platforms),
                    "", None, " ".join(rng.sample(SENTENCES, 2)), rng.choice(statuses), confirmed,
                    release_date, precision, "", now, now, None,
                )  # fmt: skip

        _insert(Show, ["id", "title", "slug", "kind", "platform_id", "based_on",
                       "based_on_show_id", "synopsis", "status", "status_confirmed_on",
                       "release_date", "release_precision", "release_note", "created_at",
                       "modified_at", "modified_by_id"], rows())  # fmt: skip
        self.bench_show = start
        genre_rows = (
            (pk, genre)
            for pk in self.show_ids
            for genre in rng.sample(self.genres, min(2, len(self.genres)))
        )
        _insert(Show.genres.through, ["show_id", "genre_id"], genre_rows)
        _insert(
            Show.countries.through,
            ["show_id", "country_id"],
            ((pk, rng.choice(self.countries)) for pk in self.show_ids),
        )
        titles = (
            (pk, f"{self.show_titles[pk]} (working title)", "working", None)
            for pk in self.show_ids[::5]
        )
        _insert(ShowTitle, ["show_id", "title", "kind", "language_id"], titles)
        history = (
            (pk, rng.choice(statuses), datetime.date(2024, 1 + n * 3, 10), "", "", None, now, "[]")
            for pk in self.show_ids
            for n in range(2)
        )
        _insert(StatusChange, ["show_id", "status", "confirmed_on", "note", "source_url",
                               "recorded_by_id", "recorded_at", "corrections"], history)  # fmt: skip

    def credits(self):
        rng = self.rng
        crew_roles = [role for role in CreditRole.values if role != CreditRole.CAST]
        # The bench show's 40 credits first, then the rest spread over the other shows.
        per_show = {self.bench_show: BENCH_CREDITS}
        others = self.show_ids[1:]
        remaining = max(0, self.sizes.credits - BENCH_CREDITS)
        for pk in others:
            per_show[pk] = remaining // max(1, len(others))
        for pk in rng.sample(others, min(len(others), remaining % max(1, len(others)))):
            per_show[pk] += 1
        self.cast_of = {}

        def rows():
            for show, count in per_show.items():
                people = rng.sample(self.person_ids, min(count, len(self.person_ids)))
                cast = people[: max(1, count * 2 // 3)]
                self.cast_of[show] = cast[:3]
                for order, person in enumerate(cast, start=1):
                    yield (show, person, CreditRole.CAST, "", f"Character {order}",
                           "A character in the story.", order)  # fmt: skip
                for order, person in enumerate(people[len(cast) :], start=1):
                    yield (show, person, rng.choice(crew_roles), "", "", "", order)

        _insert(Credit, ["show_id", "person_id", "role", "role_detail", "character_name",
                         "character_description", "billing_order"], rows())  # fmt: skip

    def articles(self):
        rng, now = self.rng, self.now
        start = _next_id(Article)
        count = self.sizes.articles
        self.article_ids = range(start, start + count)
        self.bench_article = start
        self.publish_times = {}
        statuses = [ArticleStatus.PUBLISHED] * 95 + [ArticleStatus.DRAFT] * 3
        statuses += [ArticleStatus.ARCHIVED] * 2
        kinds = list(ArticleKind.values)
        paragraphs = [" ".join(rng.sample(SENTENCES, 5)) for _ in range(60)]
        self.bodies = {}

        def body(words):
            out, total = [], 0
            while total < words:
                paragraph = rng.choice(paragraphs)
                out.append(paragraph)
                total += len(paragraph.split())
            return out

        def rows():
            for n, pk in enumerate(self.article_ids):
                show = self.show_ids[0] if pk == start else rng.choice(self.show_ids)
                title = self.show_titles[show]
                if pk == start:
                    headline, slug = f"{title}: Everything We Know So Far", BENCH_ARTICLE
                    words, status = BENCH_WORDS, ArticleStatus.PUBLISHED
                    published = now - datetime.timedelta(hours=2)
                else:
                    person = self.name()
                    headline = rng.choice(HEADLINES).format(show=title, person=person)
                    slug = f"{slugify(headline)[:180]}-{pk}"
                    words, status = rng.randrange(150, 600), rng.choice(statuses)
                    # Newest first in id order: five years back from a few hours ago.
                    published = now - datetime.timedelta(minutes=10 + (count - n) * 26)
                    if n > count - 4:  # a few scheduled for the coming hours
                        published = now + datetime.timedelta(hours=count - n + 1)
                text = body(words)
                self.bodies[pk] = (show, text)
                self.publish_times[pk] = published
                html = "".join(f"<p>{p}</p>" for p in text)
                yield (
                    pk, headline, slug, rng.choice(SENTENCES), rng.choice(kinds), status,
                    published, None, rng.choice(self.photo_ids), " ".join(text),
                    render_blocks([RichText(text=html)]), form, 0, True, None, None, None, now,
                    now,
                )  # fmt: skip

        form = current_format()
        _insert(Article, ["id", "headline", "slug", "dek", "kind", "status", "publish_at",
                          "significant_update_at", "hero_photo_id", "search_document",
                          "body_html", "body_format", "comment_count", "comments_open",
                          "comments_close_at", "created_by_id", "modified_by_id", "created_at",
                          "modified_at"],
                rows())  # fmt: skip
        _insert(
            RichText,
            ["parent_id", "region", "ordering", "text"],
            (
                (pk, "body", 10, "".join(f"<p>{p}</p>" for p in text))
                for pk, (_show, text) in self.bodies.items()
            ),
        )
        _insert(
            ArticleAuthor,
            ["article_id", "author_id", "position"],
            (
                (pk, author, position)
                for pk in self.article_ids
                for position, author in enumerate(
                    rng.sample(self.author_ids, 1 if rng.random() < 0.8 else 2)
                )
            ),
        )
        _insert(
            Article.shows.through,
            ["article_id", "show_id"],
            ((pk, show) for pk, (show, _text) in self.bodies.items()),
        )
        _insert(
            Article.people.through,
            ["article_id", "person_id"],
            (
                (pk, person)
                for pk, (show, _text) in self.bodies.items()
                for person in self.cast_of.get(show, [])[:2]
            ),
        )
        _insert(
            Article.tags.through,
            ["article_id", "tag_id"],
            (
                (pk, tag)
                for pk in self.article_ids
                for tag in rng.sample(self.tag_ids, rng.randrange(1, 4))
            ),
        )
        del self.bodies

    def comments(self):
        rng = self.rng
        # Written as the services store them; the bodies repeat, so each is rendered once.
        rendered = functools.cache(render_body)
        total = self.sizes.comments
        others = list(self.article_ids)[1:]
        weights = [rng.paretovariate(1.3) for _ in others]
        scale = max(0, total - BENCH_COMMENTS) / (sum(weights) or 1)
        counts = {self.bench_article: BENCH_COMMENTS}
        for pk, weight in zip(others, weights, strict=True):
            counts[pk] = int(weight * scale)
        shortfall = total - sum(counts.values())
        for pk in rng.choices(others, k=max(0, shortfall)) if others else []:
            counts[pk] += 1
        approved_counts = {}
        next_id = itertools.count(_next_id(Comment))
        statuses = [CommentStatus.APPROVED] * 90 + [CommentStatus.HELD] * 5
        statuses += [CommentStatus.SPAM] * 3 + [CommentStatus.REMOVED] * 2

        def rows():
            for article, count in counts.items():
                published = self.publish_times[article]
                bench = article == self.bench_article
                placed = []  # (id, depth, thread id) of approved comments to answer
                approved = 0
                for n in range(count):
                    pk = next(next_id)
                    status = CommentStatus.APPROVED if bench else rng.choice(statuses)
                    parent = thread = None
                    depth = 0
                    # The bench article: 50 threads (one page) holding 150 replies.
                    reply = (n >= 50) if bench else (placed and rng.random() < 0.3)
                    if reply and placed:
                        parent, parent_depth, parent_thread = rng.choice(placed)
                        if parent_depth >= 2:
                            parent_depth = 1  # the display rule: stay at the third level
                        depth = parent_depth + 1
                        thread = parent_thread or parent
                    created = published + datetime.timedelta(minutes=5 + n * 7)
                    if status == CommentStatus.APPROVED:
                        approved += 1
                        if depth < 2:
                            placed.append((pk, depth, thread))
                    name = self.name()
                    text = " ".join(rng.sample(COMMENT_LINES, rng.randrange(1, 4)))
                    yield (
                        pk, article, parent if depth else None, thread if depth else None, depth,
                        name, f"{slugify(name)}{pk}@example.com", text, rendered(text), status,
                        "", f"198.51.100.{pk % 250 + 1}", "Mozilla/5.0", created, None, None,
                    )  # fmt: skip
                approved_counts[article] = approved

        _insert(Comment, ["id", "article_id", "parent_id", "thread_id", "depth", "name",
                          "email", "body", "body_html", "status", "held_reason", "ip_address",
                          "user_agent", "created_at", "moderated_by_id", "moderated_at"],
                rows())  # fmt: skip
        _update_counts(approved_counts)

    def name(self):
        return f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}"

    def title(self):
        """Titles as varied as a real catalogue's (thousands of distinct ones, not a few
        hundred repeated: search on repeated titles would measure the generator)."""
        rng = self.rng
        shape = rng.random()
        if shape < 0.35:
            return f"The {rng.choice(ADJECTIVES)} {rng.choice(NOUNS)}"
        if shape < 0.6:
            return f"{rng.choice(NOUNS)} of the {rng.choice(ADJECTIVES)} {rng.choice(PLACES)}"
        if shape < 0.8:
            return f"{rng.choice(FIRST)}'s {rng.choice(NOUNS)}"
        return f"{rng.choice(PLACES)} {rng.choice(NOUNS)}"


def _next_id(model):
    last = model.objects.order_by("-pk").values_list("pk", flat=True).first()
    return (last or 0) + 1


def _update_counts(counts):
    rows = [(pk, count) for pk, count in counts.items() if count]
    table = Article._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("CREATE TEMP TABLE scale_counts (id bigint, n integer) ON COMMIT DROP")
            with cursor.cursor.copy("COPY scale_counts (id, n) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            cursor.execute(
                f"UPDATE {table} a SET comment_count = c.n FROM scale_counts c "  # noqa: S608
                "WHERE a.id = c.id"
            )
        else:
            cursor.executemany(
                f"UPDATE {table} SET comment_count = %s WHERE id = %s",  # noqa: S608
                [(count, pk) for pk, count in rows],
            )


BATCH = 5000


def _insert(model, columns, rows):
    """Write rows (tuples in the order of columns): COPY on PostgreSQL, batches elsewhere."""
    table = model._meta.db_table
    quoted = ", ".join(connection.ops.quote_name(column) for column in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({quoted}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return
        fields = {field.column: field for field in model._meta.concrete_fields}
        fields = [fields[column] for column in columns]
        sql = f"INSERT INTO {table} ({quoted}) VALUES ({', '.join(['%s'] * len(columns))})"  # noqa: S608
        iterator = iter(rows)
        while batch := list(itertools.islice(iterator, BATCH)):
            cursor.executemany(
                sql,
                [
                    tuple(
                        field.get_db_prep_save(value, connection)
                        if not isinstance(value, str) or field.get_internal_type() != "JSONField"
                        else value
                        for field, value in zip(fields, row, strict=True)
                    )
                    for row in batch
                ],
            )
