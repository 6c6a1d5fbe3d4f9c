"""A reader posting a comment, as the form on an article page does."""

import time

from django.core import signing
from django.urls import reverse

from articles.comments.defences import TOKEN_SALT


def token(article, seconds_ago=10):
    return signing.dumps({"a": article.pk, "t": time.time() - seconds_ago}, salt=TOKEN_SALT)


def post(client, article, *, seconds_ago=10, **fields):
    data = {
        "name": "Aoi",
        "email": "aoi@example.com",
        "body": "I loved the French film.",
        "token": token(article, seconds_ago),
        "website": "",
    }
    data.update(fields)
    return client.post(reverse("articles:post-comment", args=[article.slug]), data)
