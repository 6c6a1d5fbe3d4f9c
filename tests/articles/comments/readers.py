"""A reader posting a comment, as the form on an article page does."""

import time

from django.urls import reverse

from articles.comments.defences import form_token


def token(article, seconds_ago=10):
    return form_token(article.pk, at=time.time() - seconds_ago)


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
