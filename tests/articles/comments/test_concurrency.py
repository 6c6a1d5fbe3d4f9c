"""Many readers posting to one article at the same moment: every comment is stored once."""

import re
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.utils import timezone

from articles.comments.defences import form_token
from articles.models import Comment, CommentStatus
from tests.articles.factories import ArticleFactory, CommentFactory

POSTS = 40
THREADS = 16


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _poster(live_server, slug):
    """(send(n, token) -> HTTP status) for posts to one article, as one browser."""
    with urllib.request.urlopen(f"{live_server.url}/articles/{slug}/") as response:  # noqa: S310
        cookie = response.headers["Set-Cookie"].split(";")[0]
        html = response.read().decode()
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    opener = urllib.request.build_opener(NoRedirect)

    def send(n, token):
        data = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": csrf,
                "name": f"Reader {n}",
                "email": f"r{n}@example.com",
                "body": f"Comment number {n}",
                "token": token,
                "website": "",
            }
        ).encode()
        request = urllib.request.Request(  # noqa: S310 (the test's own http server)
            f"{live_server.url}/articles/{slug}/comments/",
            data=data,
            headers={"Cookie": cookie, "Referer": live_server.url},
        )
        try:
            opener.open(request)
        except urllib.error.HTTPError as error:
            return error.code
        return 200

    return send


@pytest.mark.django_db(transaction=True)
def test_many_comments_posted_at_once_are_all_stored_exactly_once(live_server, settings):
    settings.COMMENTS_RATE_IP = f"{POSTS * 2}/600"  # every post comes from 127.0.0.1 here
    article = ArticleFactory(slug="busy", publish_at=timezone.now())
    for n in range(POSTS // 2):  # half are returning commenters, published at once
        CommentFactory(article=article, email=f"r{n}@example.com", status=CommentStatus.APPROVED)
    send = _poster(live_server, "busy")

    def post(n):  # each reader with their own form
        return send(n, form_token(article.pk, at=time.time() - 10))

    with ThreadPoolExecutor(THREADS) as pool:
        statuses = list(pool.map(post, range(POSTS)))

    assert statuses == [302] * POSTS
    posted = Comment.objects.filter(body__startswith="Comment number")
    assert sorted(posted.values_list("body", flat=True)) == sorted(
        f"Comment number {n}" for n in range(POSTS)
    )
    assert posted.filter(status=CommentStatus.APPROVED).count() == POSTS // 2
    article.refresh_from_db()
    # The factory's comments are not counted; every comment published at once is.
    assert article.comment_count == POSTS // 2


@pytest.mark.django_db(transaction=True)
def test_one_form_token_sent_many_times_at_once_posts_once(live_server, settings):
    """A token replayed, even by several addresses at the same moment, stores one comment:
    spending it is one statement in the transaction that stores the comment."""
    settings.COMMENTS_RATE_IP = "100/600"
    article = ArticleFactory(slug="replayed", publish_at=timezone.now())
    send = _poster(live_server, "replayed")
    token = form_token(article.pk, at=time.time() - 10)
    with ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(lambda n: send(n, token), range(8)))
    assert sorted(statuses) == [302] + [400] * 7
    assert Comment.objects.filter(article=article).count() == 1
