"""The desk's front page: the notice of comments waiting for a moderator and the editor's
dashboard (articles, shows and comments at a glance)."""

import datetime

from django import template
from django.conf import settings
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.timesince import timesince
from django.utils.translation import gettext, ngettext

from articles.models import Article, ArticleAuthor, ArticleStatus, Comment, CommentStatus
from shows.models import Show

register = template.Library()


@register.simple_tag(takes_context=True)
def held_comments_notice(context):
    user = context["request"].user
    if not user.has_perm("articles.change_comment"):
        return ""
    held = Comment.objects.filter(status=CommentStatus.HELD).count()
    if not held:
        return format_html('<p class="nr-queue nr-queue--empty">{}</p>', "No comments waiting.")
    url = reverse("admin:articles_comment_changelist") + "?status__exact=held"
    return format_html(
        '<p class="nr-queue"><a href="{}"><strong>{}</strong></a></p>',
        url,
        ngettext(
            "%(count)d comment is waiting for moderation",
            "%(count)d comments are waiting for moderation",
            held,
        )
        % {"count": held},
    )


DASHBOARD_ROWS = 8


def _when(value):
    if isinstance(value, datetime.datetime):
        return date_format(timezone.localtime(value), "j M Y, H:i")
    return date_format(value, "j M Y") if value else ""


def _queued(article):
    names = ", ".join(byline.author.display_name for byline in article.bylines.all())
    return f"{article.headline} — {names}" if names else article.headline


def _waited(article, now):
    since = article.submitted_at or article.modified_at
    return gettext("waiting %(time)s") % {"time": timesince(since, now, depth=1)}


@register.inclusion_tag("admin/includes/dashboard.html", takes_context=True)
def editor_dashboard(context):
    """The desk at a glance: my drafts, waiting for review, scheduled, recently published,
    stale shows. Each list is one query, shown only to those who may open its items."""
    user = context["request"].user
    now = timezone.now()
    sections = []
    if user.has_perm("articles.view_article"):
        articles = Article.objects.only("headline", "status", "publish_at", "modified_at")
        mine = Q(created_by=user) | Q(
            pk__in=Article.authors.through.objects.filter(author__user=user).values("article")
        )
        # The review queue names its writers and how long each story has waited.
        review = (
            Article.objects.only("headline", "submitted_at", "modified_at")
            .filter(status=ArticleStatus.IN_REVIEW)
            .prefetch_related(
                Prefetch("bylines", queryset=ArticleAuthor.objects.select_related("author"))
            )
        )
        if not user.has_perm("articles.publish_article"):
            review = review.filter(mine)
        sections += [
            (
                "My drafts",
                articles.filter(mine, status=ArticleStatus.DRAFT).order_by("-modified_at"),
                "modified_at",
            ),
            ("Waiting for review", review.order_by("submitted_at", "modified_at"), "waiting"),
            ("Scheduled", articles.scheduled(now=now).order_by("publish_at"), "publish_at"),
            (
                "Published in the last 7 days",
                articles.published(now=now)
                .filter(publish_at__gte=now - datetime.timedelta(days=7))
                .order_by("-publish_at"),
                "publish_at",
            ),
        ]
    rows = [
        {
            "title": title,
            "items": [
                {
                    "label": _queued(article) if field == "waiting" else article.headline,
                    "url": reverse("admin:articles_article_change", args=[article.pk]),
                    "when": _waited(article, now)
                    if field == "waiting"
                    else _when(getattr(article, field)),
                }
                for article in queryset[:DASHBOARD_ROWS]
            ],
        }
        for title, queryset, field in sections
    ]
    if user.has_perm("shows.change_show_status"):
        stale = (
            Show.objects.stale()
            .order_by("status_confirmed_on")
            .only("title", "status_confirmed_on")[:DASHBOARD_ROWS]
        )
        rows.append(
            {
                "title": f"Stale shows (not confirmed for {settings.SHOWS_STALE_AFTER_DAYS} days)",
                "items": [
                    {
                        "label": show.title,
                        "url": reverse("admin:shows_show_change", args=[show.pk]),
                        "when": _when(show.status_confirmed_on),
                    }
                    for show in stale
                ],
                "more": reverse("admin:shows_show_changelist") + "?confirmed=stale",
            }
        )
    return {"rows": rows}
