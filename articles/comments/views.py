"""Posting a comment (a plain POST, then a redirect to it: no JavaScript needed) and the
comment permalink."""

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST, require_safe

from articles import selectors
from articles.comments import defences, services
from articles.comments.forms import CommentForm
from articles.comments.selectors import COOKIE, COOKIE_SALT, comments_open, my_comment_ids, page_of
from articles.models import Article, Comment, CommentStatus
from articles.views import render_article
from newsroom.core.http import client_ip

COOKIE_MAX_IDS = 50


@require_POST
def post_comment(request, slug):
    """A refused or invalid post re-renders the article with the message and the reader's
    text kept (4xx); nothing is stored."""
    article = get_object_or_404(selectors.with_page_data(Article.objects.published()), slug=slug)

    def again(status, form, refusal=None):
        return render_article(
            request, article, status=status, comment_form=form, comment_refusal=refusal
        )

    if not comments_open(article):
        return again(403, None, defences.Refusal(403, _("Comments on this article are closed.")))
    form = CommentForm(request.POST, article=article)
    ip = client_ip(request)
    email = request.POST.get("email", "").strip().lower()[:254]
    refusal = defences.check_defences(request.POST, article, ip=ip, email=email)
    if refusal:
        form = _resend(request, article) if refusal.keep_text else CommentForm(article=article)
        return again(refusal.status, form, refusal)
    if not form.is_valid():
        return again(400, form)
    with transaction.atomic():
        refusal = defences.spend_token(request.POST)
        if refusal is None:
            comment = services.post_comment(
                article=article,
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                body=form.cleaned_data["body"],
                parent=form.cleaned_data["parent"],
                ip=ip,
                user_agent=request.headers.get("User-Agent", ""),
            )
    if refusal is not None:
        return again(refusal.status, _resend(request, article), refusal)
    response = redirect("articles:comment", pk=comment.pk)
    remember_comment(response, request, comment)
    return response


def _resend(request, article):
    """The reader's form as they sent it, with a fresh token, so that sending again works."""
    data = request.POST.copy()
    data["token"] = defences.form_token(article.pk)
    data["website"] = ""
    form = CommentForm(data, article=article)
    form.is_valid()
    return form


@require_safe
def comment_permalink(request, pk):
    """A comment's address: the article page its thread is on, scrolled to it."""
    mine = my_comment_ids(request)
    comment = get_object_or_404(
        Comment.objects.filter(article__in=Article.objects.published())
        .filter(Q(status=CommentStatus.APPROVED) | Q(pk__in=mine, status=CommentStatus.HELD))
        .select_related("article", "thread"),
        pk=pk,
    )
    page = page_of(comment, mine)
    query = f"?comments={page}" if page > 1 else ""
    return redirect(f"{comment.article.get_absolute_url()}{query}#comment-{comment.pk}")


def remember_comment(response, request, comment):
    """Note in a signed cookie that this browser posted the comment, so that its poster
    sees it while it is held."""
    ids = [*sorted(my_comment_ids(request)), comment.pk][-COOKIE_MAX_IDS:]
    response.set_signed_cookie(
        COOKIE,
        ",".join(map(str, ids)),
        salt=COOKIE_SALT,
        max_age=30 * 24 * 3600,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )
