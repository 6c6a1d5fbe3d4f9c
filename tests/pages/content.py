"""A small newsroom that can be grown: the same pages with more of everything on them."""

import datetime
import itertools

from django.utils import timezone

from articles.models import (
    ArticleAuthor,
    ArticleKind,
    PagePhoto,
    PageText,
    PhotoBlock,
    Quote,
    QuoteStyle,
    StaticPage,
)
from articles.rendering import store_body
from shows.models import (
    Availability,
    Country,
    Credit,
    CreditRole,
    Episode,
    KnownFor,
    Season,
    ShowTitle,
    StatusChange,
)
from tests.articles.factories import (
    ArticleFactory,
    AuthorFactory,
    CommentFactory,
    PhotoFactory,
    RichTextFactory,
    TagFactory,
)
from tests.people.factories import PersonFactory
from tests.shows.factories import ShowFactory

_counter = itertools.count(1)


class Newsroom:
    """One article, show, person, author and tag at the centre; `grow()` adds to each."""

    def __init__(self):
        self.show = ShowFactory(title="Romantics Anonymous", slug="romantics-anonymous")
        self.person = PersonFactory(name="Shun Oguri", slug="shun-oguri", native_name="小栗旬")
        self.author = AuthorFactory(display_name="Jacob Robinson", slug="jacob-robinson")
        self.tag = TagFactory(name="Netflix", slug="netflix")
        self.article = ArticleFactory(
            headline="Romantics Anonymous: everything we know",
            slug="romantics-anonymous-everything-we-know",
            kind=ArticleKind.EXPLAINER,
            hero_photo=PhotoFactory(),
            authors=[self.author],
        )
        self.article.shows.add(self.show)
        self.article.people.add(self.person)
        self.article.tags.add(self.tag)
        Credit.objects.create(
            show=self.show, person=self.person, role=CreditRole.CAST, character_name="Sosuke"
        )
        self.about = StaticPage.objects.create(
            title="About us", slug="about", path="about/", published=True, in_footer=True
        )
        self.team = StaticPage.objects.create(
            title="Our team", slug="team", parent=self.about, path="about/team/", published=True
        )
        self.grow()

    def grow(self, times=1):
        for _ in range(times):
            self._grow_once()
        store_body(self.article)  # as the desk does when it saves the article
        return self

    def _grow_once(self):
        n = next(_counter)
        day = datetime.date(2024, 1, 1) + datetime.timedelta(days=n)
        # The show: cast, crew, titles, status history, photos.
        Credit.objects.create(
            show=self.show,
            person=PersonFactory(),
            role=CreditRole.CAST,
            character_name=f"Character {n}",
            character_description="Someone.",
            billing_order=n + 1,
        )
        Credit.objects.create(show=self.show, person=PersonFactory(), role=CreditRole.PRODUCER)
        ShowTitle.objects.create(show=self.show, title=f"Other title {n}")
        StatusChange.objects.create(show=self.show, status="announced", confirmed_on=day)
        # Releases: a season with episodes, where to watch in a new country, soon and later.
        soon = timezone.localdate() + datetime.timedelta(days=n % 6 + 1)
        season = Season.objects.create(
            show=self.show, number=n, status="announced", release_date=soon, release_precision="day"
        )
        for number in (1, 2, 3):
            Episode.objects.create(
                season=season,
                number=number,
                release_date=soon + datetime.timedelta(days=7 * number),
                release_precision="day",
            )
        country = Country.objects.create(
            code=f"{chr(65 + n // 26 % 26)}{chr(65 + n % 26)}", name=f"Country {n}"
        )
        Availability.objects.create(
            show=self.show,
            platform=self.show.platform,
            country=country,
            release_date=soon,
            release_precision="day",
            confirmed_on=day,
        )
        Availability.objects.create(
            show=ShowFactory(),
            platform=self.show.platform,
            country=country,
            release_date=soon.replace(day=1) + datetime.timedelta(days=62),
            release_precision="month",
            confirmed_on=day,
        )
        show_photo = PhotoFactory()
        show_photo.shows.add(self.show)
        # The person: credits on other shows, photos, known-for.
        other = ShowFactory()
        Credit.objects.create(show=other, person=self.person, role=CreditRole.DIRECTOR)
        KnownFor.objects.create(person=self.person, show=other, note=f"as Role {n}")
        person_photo = PhotoFactory()
        person_photo.people.add(self.person)
        # The article: blocks, bylines, tags, shows, approved comments.
        article = self.article
        RichTextFactory(parent=article, text=f"<p>Paragraph {n}.</p>")
        PhotoBlock.objects.create(
            parent=article, region="body", ordering=n * 10 + 1, photo=PhotoFactory()
        )
        Quote.objects.create(
            parent=article,
            region="body",
            ordering=n * 10 + 2,
            text=f"Quote {n}",
            style=QuoteStyle.REPORTED,
            person=self.person,
        )
        ArticleAuthor.objects.create(article=article, author=AuthorFactory(), position=n)
        article.tags.add(TagFactory())
        article.shows.add(ShowFactory())
        article.people.add(PersonFactory())
        CommentFactory(article=article, status="approved")
        # The static pages: blocks, subpages, more pages in the footer.
        PageText.objects.create(parent=self.team, region="body", ordering=n * 10, text="<p>A.</p>")
        PagePhoto.objects.create(
            parent=self.team, region="body", ordering=n * 10 + 1, photo=PhotoFactory()
        )
        StaticPage.objects.create(
            title=f"Desk {n}",
            slug=f"desk-{n}",
            parent=self.team,
            path=f"about/team/desk-{n}/",
            published=True,
        )
        StaticPage.objects.create(
            title=f"Policy {n}",
            slug=f"policy-{n}",
            path=f"policy-{n}/",
            published=True,
            in_footer=True,
        )
        # More published articles about the show, the person, by the author, with the tag.
        more = ArticleFactory(authors=[self.author], hero_photo=PhotoFactory())
        more.shows.add(self.show)
        more.people.add(self.person)
        more.tags.add(self.tag)
