"""The reader's side of the desk: article pages, the article list, author and tag pages.

Every queryset starts from Article.objects.published(): drafts, scheduled and archived
articles are a 404 and are never listed. Each page costs a fixed number of queries.
"""

from functools import partial

from content_editor.contents import contents_for_item
from django.conf import settings
from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.core import signing
from django.core.cache import cache
from django.db.models import Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST
from django.views.generic import DetailView, ListView
from django_filters.views import FilterView

from articles import comments, seo
from articles.filters import ArticleFilter
from articles.models import (
    BLOCK_MODELS,
    Article,
    Author,
    Comment,
    CommentStatus,
    ShareLink,
    Tag,
)
from shows.filters import related_to
from shows.models import Credit, CreditRole, Show
from shows.views import PublicListMixin

RELATED_COUNT = 4
# The crew a show box names: who made it.
SHOW_BOX_CREW = [CreditRole.CREATOR, CreditRole.SHOWRUNNER, CreditRole.DIRECTOR]
SHOW_BOX_CAST = 6


def show_box_queryset():
    """Shows with what their fact box needs (the credits come from ShowBoxCredits)."""
    return Show.objects.select_related("platform", "based_on_show")


class ShowBoxCredits:
    """The credits every show box on a page names, read in one query, and only when a box is
    rendered: not at all while the boxes' cached fragments are current."""

    def __init__(self, shows):
        self.show_ids = [show.pk for show in shows]

    @cached_property
    def _by_show(self):
        credits = (
            Credit.objects.filter(
                show__in=self.show_ids, role__in=[CreditRole.CAST, *SHOW_BOX_CREW]
            )
            .select_related("person")
            .only(*CREDIT_FIELDS, "person__name", "person__slug")
            .order_by("role", "billing_order", "pk")
        )
        grouped = {pk: [] for pk in self.show_ids}
        for credit in credits:
            grouped[credit.show_id].append(credit)
        return grouped

    def cast(self, show):
        return [c for c in self._by_show[show.pk] if c.role == CreditRole.CAST][:SHOW_BOX_CAST]

    def crew(self, show):
        return [c for c in self._by_show[show.pk] if c.role != CreditRole.CAST]


CREDIT_FIELDS = ("show", "person", "role", "character_name", "billing_order")


class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"
    preview = False

    def get_queryset(self):
        return self.with_page_data(Article.objects.published())

    @staticmethod
    def with_page_data(articles):
        return articles.for_cards().prefetch_related(
            "tags", Prefetch("shows", queryset=show_box_queryset())
        )

    def get_object(self, queryset=None):
        """The article with its bylines, tags and shows, kept in the cache until the site's
        content or this article's comments change (NEWSROOM_ARTICLE_VERSION, read through
        settings): a page miss then reads nothing from the database for it."""
        if self.preview or queryset is not None:
            return super().get_object(queryset)
        slug = self.kwargs["slug"]
        version = import_string(settings.NEWSROOM_ARTICLE_VERSION)(slug)
        key = f"article-page-data:{slug}:{version}"
        article = cache.get(key)
        if article is None:
            article = super().get_object()  # a 404 is never kept
            cache.set(key, article, settings.NEWSROOM_PAGE_CACHE_SECONDS or 3600)
        return article

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if context["comments_are_open"]:  # a cached copy must not outlive the comment form
            response.valid_until = comments.comments_close_at(self.object)
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        bylines = list(article.bylines.all())
        shows = list(article.shows.all())
        # The story's own show first: a film a covered show is based on comes after it.
        sources = {show.based_on_show_id for show in shows}
        shows.sort(key=lambda show: show.pk in sources)
        box_credits = ShowBoxCredits(shows)
        for show in shows:
            show.box_cast = SimpleLazyObject(partial(box_credits.cast, show))
            show.box_crew = SimpleLazyObject(partial(box_credits.crew, show))
        tags = list(article.tags.all())
        # Subqueries on the link tables, not joins: no duplicates, no DISTINCT over the archive.
        published = Article.objects.published()
        about_the_same = Q(
            pk__in=related_to(published, "shows", [show.pk for show in shows]).values("pk")
        ) | Q(pk__in=related_to(published, "tags", [tag.pk for tag in tags]).values("pk"))
        # Read only if the cached fragment of related stories is missing.
        related = SimpleLazyObject(
            lambda: list(
                published.filter(about_the_same).exclude(pk=article.pk).for_cards()[:RELATED_COUNT]
            )
        )
        trail = [(_("Home"), "/"), (_("Articles"), reverse("articles:list"))]
        if shows:
            trail.append((shows[0].title, shows[0].get_absolute_url()))
        trail.append((article.headline, article.get_absolute_url()))
        mine = comments.my_comment_ids(self.request)
        is_open = comments.comments_open(article) and not self.preview
        reply_to = None
        if is_open and self.request.GET.get("reply", "").isdigit():
            reply_to = article.comments.filter(
                pk=int(self.request.GET["reply"]), status=CommentStatus.APPROVED
            ).first()
        context.update(
            thread=comments.ThreadPage(article, mine, self.request.GET.get("comments")),
            comments_are_open=is_open,
            comment_form=kwargs.get("comment_form")
            or (
                comments.CommentForm(
                    article=article, initial={"parent": reply_to.pk if reply_to else None}
                )
                if is_open
                else None
            ),
            reply_to=reply_to,
            comment_refusal=kwargs.get("comment_refusal"),
            preview=self.preview,
            bylines=bylines,
            shows=shows,
            tags=tags,
            # Read only if the cached fragment of the body is missing (or in a preview).
            blocks=SimpleLazyObject(lambda: contents_for_item(article, BLOCK_MODELS).body),
            # A preview is never cached: a draft's edits purge nothing.
            fragment_seconds=0 if self.preview else 86400,
            related=related,
            structured_data=[
                seo.news_article(self.request, article, bylines),
                seo.breadcrumbs(self.request, trail),
            ],
            breadcrumbs=trail,
        )
        return context


class ArticleListView(PublicListMixin, FilterView):
    filterset_class = ArticleFilter
    template_name = "articles/article_list.html"
    context_object_name = "articles"

    def get_queryset(self):
        return Article.objects.published().for_cards()


class _ArticlesOf(PublicListMixin, ListView):
    """A paginated list of one author's or one tag's published articles."""

    context_object_name = "articles"

    def get_context_data(self, **kwargs):
        return super().get_context_data(owner=self.owner, **kwargs)


class AuthorDetailView(_ArticlesOf):
    template_name = "articles/author_detail.html"

    def get_queryset(self):
        self.owner = get_object_or_404(Author, slug=self.kwargs["slug"])
        return Article.objects.published().filter(authors=self.owner).for_cards()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        author = self.owner
        trail = [(_("Home"), "/"), (author.display_name, author.get_absolute_url())]
        person = seo.author_person(self.request, author)
        context["structured_data"] = [
            {"@context": "https://schema.org", "@type": "ProfilePage", "mainEntity": person},
            seo.breadcrumbs(self.request, trail),
        ]
        return context


class TagDetailView(_ArticlesOf):
    template_name = "articles/tag_detail.html"

    def get_queryset(self):
        self.owner = get_object_or_404(Tag, slug=self.kwargs["slug"])
        return Article.objects.published().filter(tags=self.owner).for_cards()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        trail = [(_("Home"), "/"), (self.owner.name, self.owner.get_absolute_url())]
        context["structured_data"] = [seo.breadcrumbs(self.request, trail)]
        return context


@require_POST
def post_comment(request, slug):
    """POST a comment, then redirect to it (works without JavaScript). A refused or invalid
    post re-renders the article with the message and the reader's text kept (4xx)."""
    article = get_object_or_404(Article.objects.published(), slug=slug)
    view = ArticleDetailView()
    view.setup(request, slug=slug)
    view.object = view.get_object()

    def again(status, form, refusal=None):
        context = view.get_context_data(
            object=view.object, comment_form=form, comment_refusal=refusal
        )
        return render(request, view.template_name, context, status=status)

    if not comments.comments_open(article):
        return again(403, None, comments.Refusal(403, _("Comments on this article are closed.")))
    form = comments.CommentForm(request.POST, article=article)
    ip = client_ip(request)
    email = request.POST.get("email", "").strip().lower()[:254]
    refusal = comments.check_defences(request.POST, article, ip=ip, email=email)
    if refusal:
        if not refusal.keep_text:
            form = comments.CommentForm(article=article)
        else:  # a fresh token, so that sending again works
            data = request.POST.copy()
            data["token"] = comments.form_token(article)
            data["website"] = ""
            form = comments.CommentForm(data, article=article)
            form.is_valid()
        return again(refusal.status, form, refusal)
    if not form.is_valid():
        return again(400, form)
    comment = comments.post_comment(
        article=article,
        name=form.cleaned_data["name"],
        email=form.cleaned_data["email"],
        body=form.cleaned_data["body"],
        parent=form.cleaned_data["parent"],
        ip=ip,
        user_agent=request.headers.get("User-Agent", ""),
    )
    response = redirect("articles:comment", pk=comment.pk)
    comments.remember_comment(response, request, comment)
    return response


@require_GET
def comment_permalink(request, pk):
    """A comment's address: the article page its thread is on, scrolled to it."""
    mine = comments.my_comment_ids(request)
    comment = get_object_or_404(
        Comment.objects.filter(article__in=Article.objects.published())
        .filter(Q(status=CommentStatus.APPROVED) | Q(pk__in=mine, status=CommentStatus.HELD))
        .select_related("article", "thread"),
        pk=pk,
    )
    page = comments.page_of(comment, mine)
    query = f"?comments={page}" if page > 1 else ""
    return redirect(f"{comment.article.get_absolute_url()}{query}#comment-{comment.pk}")


def client_ip(request):
    """The reader's address. Behind a proxy, set the proxy to pass REMOTE_ADDR through
    (for example gunicorn's --forwarded-allow-ips); X-Forwarded-For is not trusted here."""
    return request.META.get("REMOTE_ADDR") or None


class ArticlePreviewView(LoginRequiredMixin, PermissionRequiredMixin, ArticleDetailView):
    """An unpublished article exactly as readers will see it, for the newsroom's staff, with
    a "Preview - not published" banner and noindex."""

    permission_required = "articles.view_article"
    preview = True

    def get_login_url(self):
        return reverse("admin:login")

    def get_queryset(self):
        return self.with_page_data(Article.objects.all())


@require_GET
def share_preview(request, token):
    """The same preview for an outside reviewer: no login, read-only, until the link expires
    or an editor revokes it."""
    try:
        link_id = signing.loads(token, salt=SHARE_SALT)
    except signing.BadSignature:
        raise Http404("This preview link is not valid.") from None
    link = get_object_or_404(ShareLink.objects.select_related("article"), pk=link_id)
    if not link.is_usable:
        return render(request, "articles/share_link_gone.html", {"link": link}, status=410)
    view = ArticlePreviewView()
    view.setup(request, slug=link.article.slug)
    view.object = view.get_queryset().get(pk=link.article_id)
    context = view.get_context_data(object=view.object, share_link=link)
    return render(request, view.template_name, context)


SHARE_SALT = "articles.share-link"


def share_url(link):
    return reverse("articles:share", args=[signing.dumps(link.pk, salt=SHARE_SALT)])
