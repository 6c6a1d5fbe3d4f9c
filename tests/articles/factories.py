import datetime

import factory
from django.contrib.auth import get_user_model

from articles.models import (
    Article,
    ArticleAuthor,
    ArticleStatus,
    Author,
    Comment,
    Photo,
    RichText,
    Tag,
)
from articles.rendering import store_body


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    is_staff = True
    password = factory.django.Password("correct-horse-battery")


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Author

    display_name = factory.Sequence(lambda n: f"Author {n}")
    slug = factory.Sequence(lambda n: f"author-{n}")


class TagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tag

    name = factory.Sequence(lambda n: f"Tag {n}")
    slug = factory.Sequence(lambda n: f"tag-{n}")


class PhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Photo

    image = factory.django.ImageField(width=640, height=480, format="JPEG", filename="p.jpg")
    caption = "Someone at an event in a place on a day."
    credit = "Photographer/Agency"
    alt_text = "Someone smiling."


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article
        skip_postgeneration_save = True

    headline = factory.Sequence(lambda n: f"Headline {n}")
    slug = factory.Sequence(lambda n: f"headline-{n}")
    dek = "A short summary."
    status = ArticleStatus.PUBLISHED
    publish_at = factory.LazyFunction(
        lambda: datetime.datetime(2024, 4, 9, 9, 0, tzinfo=datetime.UTC)
    )

    @factory.post_generation
    def authors(self, create, extracted, **kwargs):
        if create:
            for position, author in enumerate(extracted or [AuthorFactory()]):
                ArticleAuthor.objects.create(article=self, author=author, position=position)

    @factory.post_generation
    def body(self, create, extracted, **kwargs):
        """Its (empty) body stored as the desk stores it; blocks added later mark it stale."""
        if create:
            store_body(self, blocks=[])


class RichTextFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RichText

    parent = factory.SubFactory(ArticleFactory)
    region = "body"
    ordering = factory.Sequence(lambda n: n * 10)
    text = "<p>Body text.</p>"


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    article = factory.SubFactory(ArticleFactory)
    name = "Reader"
    email = factory.Sequence(lambda n: f"reader{n}@example.com")
    body = "Nice article."
