"""Who may see which comments, the thread as the article page shows it, and when a thread
closes. A comment is shown when it is approved, or held and posted from this browser (a
signed cookie), and only if the comments it answers are shown too."""

import datetime

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Q, Window
from django.utils import timezone
from django.utils.functional import cached_property

from articles.models import Comment, CommentStatus

COOKIE = "nr_my_comments"
COOKIE_SALT = "articles.my-comments"


def comments_close_at(article):
    """When the thread closes: the editor's date, else some days after publication."""
    if article.comments_close_at:
        return article.comments_close_at
    days = settings.COMMENTS_CLOSE_AFTER_DAYS
    if days and article.publish_at:
        return article.publish_at + datetime.timedelta(days=days)
    return None


def comments_open(article, now=None):
    """Open: the editor's switch is on and the closing time has not come."""
    if not article.comments_open:
        return False
    close_at = comments_close_at(article)
    return close_at is None or (now or timezone.now()) < close_at


def my_comment_ids(request):
    """The comments this browser posted (a signed cookie), to show them while held."""
    raw = request.get_signed_cookie(COOKIE, default="", salt=COOKIE_SALT)
    return {int(part) for part in raw.split(",") if part.isdigit()}


def has_own_comments(request):
    """This reader posted comments (some may be held): they get the article page fresh."""
    return COOKIE in request.COOKIES


def _visible(mine):
    return Q(status=CommentStatus.APPROVED) | Q(pk__in=mine, status=CommentStatus.HELD)


def visible_roots(article, mine):
    return Comment.objects.filter(article=article, depth=0).filter(_visible(mine))


# What a page of the thread shows of each comment (render_thread): not the text as typed,
# the email, the address or the moderation record.
SHOWN = ("article_id", "parent_id", "thread_id", "name", "body_html", "status", "created_at")


def thread_page(article, mine, page_number):
    """The page of top-level comments and every visible reply under them (two queries: the
    top-level comments with their total count, then the replies; a page past the end costs
    a count and the last page). A reply whose parent is not visible is not shown."""
    per_page = settings.COMMENTS_THREADS_PER_PAGE
    roots = visible_roots(article, mine).only(*SHOWN).order_by("created_at", "pk")
    paginator = Paginator(roots, per_page)
    try:
        number = max(1, int(page_number))
    except (TypeError, ValueError):
        number = 1
    start = (number - 1) * per_page
    rows = list(roots.annotate(total=Window(Count("pk")))[start : start + per_page])
    if rows or number == 1:
        paginator.count = rows[0].total if rows else 0  # known: no COUNT query
        page = paginator.page(number)
    else:  # past the last page: the last page (0 or a negative number: the first)
        page = paginator.get_page(number)
        rows = list(page.object_list)
    replies = Comment.objects.filter(thread__in=rows).filter(_visible(mine)).only(*SHOWN)
    children = {}
    for reply in replies.order_by("created_at", "pk"):
        children.setdefault(reply.parent_id, []).append(reply)
    for comment in rows:
        comment.children = children.get(comment.pk, [])
        for child in comment.children:
            child.children = children.get(child.pk, [])
            for grandchild in child.children:
                grandchild.children = []
    page.object_list = rows
    return page, rows


class ThreadPage:
    """A page of the thread for the template, read from the database only when the template
    renders it: not at all while the page's cached fragment is current."""

    def __init__(self, article, mine, number):
        self.article, self.mine, self.number = article, mine, (number or "1")[:12]

    @cached_property
    def _loaded(self):
        return thread_page(self.article, self.mine, self.number)

    @property
    def page(self):
        return self._loaded[0]

    @property
    def comments(self):
        return self._loaded[1]

    @property
    def cache_key(self):
        """What else the fragment varies on: the page asked for, the reader's held comments."""
        return f"{self.number}:{','.join(map(str, sorted(self.mine)))}"


def page_of(comment, mine):
    """Which page of the thread a comment is on."""
    root = comment.thread or comment
    before = visible_roots(comment.article, mine).filter(
        Q(created_at__lt=root.created_at) | Q(created_at=root.created_at, pk__lt=root.pk)
    )
    return before.count() // settings.COMMENTS_THREADS_PER_PAGE + 1
