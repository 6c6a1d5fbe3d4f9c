"""The weekly "new on <platform> this week" roundup, drafted from the release records in one
click: a draft article with a prefilled body the writer then edits, so the list stops being
typed by hand."""

from django.db import transaction
from django.urls import reverse
from django.utils import formats
from django.utils.html import format_html, format_html_join
from django.utils.text import slugify
from django.utils.translation import gettext as _

from articles.models import Article, ArticleAuthor, ArticleKind, ArticleStatus, Author, RichText
from newsroom.core.rules import require
from shows import selectors as shows

from .editing import article_saved, save_article

CAST_NAMED = 3


def _where(platform, country):
    where = f" on {platform.name}" if platform else ""
    if country:
        where += f" in {country.name}"
    return where


def roundup_headline(*, platform, country, monday):
    """It covers the week of `monday` and the next: the headline names both weeks."""
    return _("New%(where)s this week and next: from %(day)s") % {
        "where": _where(platform, country),
        "day": formats.date_format(monday, "j F"),
    }


def _entry(release, cast):
    names = ", ".join(credit.person.name for credit in cast)
    return format_html(
        '<li><p><strong><a href="{}">{}</a></strong>, {} ({}){}{}</p></li>',
        reverse("pages:show", kwargs={"slug": release.show.slug}),
        release.show.title,
        release.label,
        formats.date_format(release.window.date, "l j F"),
        f", {release.country.name}" if release.country else "",
        format_html(". With {}", names) if names else "",
    )


def _unique_slug(text):
    base = slugify(text)[:180] or "roundup"
    slug, number = base, 1
    while Article.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


@transaction.atomic
def draft_roundup(*, platform=None, country=None, week, by):
    """A draft (never published by this) listing what arrives that week and the next,
    with its shows linked as coverage and its writer as first byline."""
    require(by, "articles.add_article")
    monday, weeks = shows.arriving(platform=platform, country=country, today=week)
    found = [release for _label, releases in weeks for release in releases]
    box = shows.ShowBoxCredits([release.show for release in found])
    headline = roundup_headline(platform=platform, country=country, monday=monday)
    article = Article(
        headline=headline,
        slug=_unique_slug(headline),
        dek=_("What arrives this week and next, and where to watch it."),
        kind=ArticleKind.LIST,
        status=ArticleStatus.DRAFT,
    )
    save_article(article=article, by=by)
    author = Author.objects.filter(user=by).first() if by else None
    if author:
        ArticleAuthor.objects.create(article=article, author=author, position=0)
    article.shows.set({release.show.pk for release in found})
    parts = [
        format_html(
            "<p>{}</p>",
            _("Here is what arrives%(where)s this week and next.")
            % {"where": _where(platform, country)},
        )
    ]
    for label, releases in weeks:
        parts.append(format_html("<h2>{}</h2>", label))
        if releases:
            parts.append(
                format_html(
                    "<ul>{}</ul>",
                    format_html_join(
                        "", "{}", ((_entry(r, box.cast(r.show)[:CAST_NAMED]),) for r in releases)
                    ),
                )
            )
        else:
            parts.append(format_html("<p>{}</p>", _("Nothing announced to the day yet.")))
    text = RichText._meta.get_field("text").clean("".join(parts), None)
    RichText.objects.create(parent=article, region="body", ordering=10, text=text)
    article_saved(article=article, by=by)
    return article
