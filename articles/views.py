"""The desk's own public pages: an article, the article list, and previews of unpublished
articles for staff and outside reviewers. (Author and tag pages show articles beside other
apps' data: they live in newsroom/pages.)

Every public read starts from the published articles (articles.selectors): drafts,
scheduled and archived articles are a 404 and are never listed. Each page costs a fixed
number of queries.
"""

import re
from dataclasses import dataclass
from functools import partial

from content_editor.contents import contents_for_item
from django.contrib.auth.decorators import login_required, permission_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe
from django_filters.views import FilterView

from articles import cache_tags, selectors, seo
from articles.comments.forms import CommentForm
from articles.comments.selectors import (
    ThreadPage,
    comments_close_at,
    comments_open,
    has_own_comments,
    my_comment_ids,
)
from articles.filters import ArticleFilter
from articles.models import PAGE_BLOCK_MODELS, CommentStatus, ShareLink, StaticPage
from articles.rendering import body_blocks, current_body, render_blocks
from articles.services import share_link_for
from newsroom.core.cache import add_tags, cache_page, expire_at
from newsroom.core.public import PublicListMixin, breadcrumbs, filter_params
from shows.selectors import ShowBoxCredits

TEMPLATE = "articles/article_detail.html"
REPLY = re.compile(r"[0-9]{1,18}")


@require_safe
@cache_page(bypass=has_own_comments, params=("reply", "comments"))
def article_detail(request, slug):
    """An article page. A reader who posted a comment that is still held gets it fresh, so
    that they see their comment; everyone else gets the cached page."""
    return render_article(request, selectors.live_article(slug))


def render_article(request, article, *, preview=False, status=200, **extra):
    """The article page as readers see it; in a preview, with a banner, noindex, no comment
    form and no cached fragment (a draft's edits purge nothing)."""
    context = article_context(request, article, preview=preview, **extra)
    return TemplateResponse(request, TEMPLATE, context, status=status)


@dataclass
class Unsaved:
    """An article's parts as a desk form holds them, not saved (the desk's live preview)."""

    bylines: list
    shows: list
    tags: list
    blocks: list


def render_unsaved(request, article, unsaved):
    """The article page for a form not saved yet, marked as a preview."""
    if article.publish_at is None and article.modified_at is None:
        article.modified_at = timezone.now()  # a new article: stands for its time
    return render_article(request, article, preview=True, unsaved=unsaved)


def article_context(request, article, *, preview=False, share_link=None, unsaved=None, **comments):
    if unsaved is None:
        bylines = list(article.bylines.all())
        shows = show_boxes(article)
        tags = list(article.tags.all())
        # A preview shows the blocks as they are now; readers, the body stored when it was
        # saved (or rendered now and stored, if it is stale).
        body = render_blocks(body_blocks(article)) if preview else current_body(article)
    else:
        bylines, tags = unsaved.bylines, unsaved.tags
        shows = show_boxes(article, unsaved.shows)
        body = render_blocks(unsaved.blocks)
    trail = [(_("Home"), "/"), (_("Articles"), reverse("articles:list"))]
    if shows:
        trail.append((shows[0].title, shows[0].get_absolute_url()))
    trail.append((article.headline, article.get_absolute_url()))
    return {
        "article": article,
        "body": body,
        "section": "news",
        "preview": preview,
        "unsaved": unsaved is not None,
        "share_link": share_link,
        "bylines": bylines,
        "shows": shows,
        "tags": tags,
        # Read only if the cached fragment of related stories is missing.
        "related": SimpleLazyObject(lambda: selectors.related_articles(article, shows, tags)),
        "structured_data": [
            seo.news_article(request, article, bylines),
            breadcrumbs(request, trail),
        ],
        "breadcrumbs": trail,
        **comment_context(request, article, preview=preview, **comments),
    }


def show_boxes(article, shows=None):
    """The shows the article covers, its own first (a film a covered show is based on comes
    after it), each with the credits its box names, read only if a box fragment is missing."""
    shows = list(article.shows.all() if shows is None else shows)
    sources = {show.based_on_show_id for show in shows}
    shows.sort(key=lambda show: show.pk in sources)
    box_credits = ShowBoxCredits(shows)
    for show in shows:
        show.box_cast = SimpleLazyObject(partial(box_credits.cast, show))
        show.box_crew = SimpleLazyObject(partial(box_credits.crew, show))
    return shows


def comment_context(request, article, *, preview, comment_form=None, comment_refusal=None):
    """The thread (read only if its fragment is missing) and the form, while it is open."""
    if article.pk is None:  # a new article's preview: no thread yet
        return {"thread": None, "comments_are_open": False, "comment_form": None}
    is_open = comments_open(article) and not preview
    if is_open:  # a cached copy must not outlive the comment form
        expire_at(comments_close_at(article))
    reply_to = None
    reply = request.GET.get("reply", "")
    if is_open and REPLY.fullmatch(reply):  # ASCII digits only ("⁰⁴⁵" is a digit to str)
        reply_to = article.comments.filter(pk=int(reply), status=CommentStatus.APPROVED).first()
    if comment_form is None and is_open:
        comment_form = CommentForm(
            article=article, initial={"parent": reply_to.pk if reply_to else None}
        )
    return {
        "thread": ThreadPage(article, my_comment_ids(request), request.GET.get("comments")),
        "comments_are_open": is_open,
        "comment_form": comment_form,
        "reply_to": reply_to,
        "comment_refusal": comment_refusal,
    }


@method_decorator([require_safe, cache_page(params=filter_params(ArticleFilter))], name="dispatch")
class ArticleListView(PublicListMixin, FilterView):
    filterset_class = ArticleFilter
    template_name = "articles/article_list.html"
    context_object_name = "articles"
    extra_context = {"section": "news"}

    def get_queryset(self):
        return selectors.cards(selectors.published())


@login_required(login_url="admin:login")
@permission_required("articles.view_article", raise_exception=True)
@require_safe
def article_preview(request, slug):
    """An unpublished article exactly as readers will see it, for the newsroom's staff."""
    return render_article(request, selectors.any_article(slug), preview=True)


@require_safe
def share_preview(request, token):
    """The same preview for an outside reviewer: no login, read-only, until the link expires
    or an editor revokes it."""
    link_id = share_link_for(token)
    if link_id is None:
        raise Http404("This preview link is not valid.")
    link = get_object_or_404(ShareLink.objects.select_related("article"), pk=link_id)
    if not link.is_usable:
        return render(request, "articles/share_link_gone.html", {"link": link}, status=410)
    article = selectors.any_article(link.article.slug)
    return render_article(request, article, preview=True, share_link=link)


@require_safe
@cache_page(cache_tags.PAGES)
def static_page(request, path):
    """A published static page at its address, with its subpages and the trail of the
    pages above it (in one query: their addresses are the prefixes of its own)."""
    page = get_object_or_404(StaticPage, path=path, published=True)
    add_tags(page)
    prefixes = ["/".join(path.split("/")[:depth]) + "/" for depth in range(1, path.count("/"))]
    above = StaticPage.objects.filter(path__in=prefixes, published=True).order_by("path")
    trail = [(item.title, item.get_absolute_url()) for item in above]
    trail.append((page.title, page.get_absolute_url()))
    return render(
        request,
        "articles/static_page.html",
        {
            "page": page,
            "body": render_blocks(contents_for_item(page, PAGE_BLOCK_MODELS).body),
            "subpages": page.children.filter(published=True).order_by("menu_order", "title"),
            "breadcrumbs": [("Home", "/"), *trail],
            "structured_data": [breadcrumbs(request, [("Home", "/"), *trail])],
        },
    )
