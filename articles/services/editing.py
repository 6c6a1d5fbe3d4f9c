"""Saving, moving and deleting articles, each checked against the workflow's rules and
followed by a purge of exactly the pages that showed what changed.

What a change touches is read from the article's facts before and after it (ArticleFacts):
an edit to a live article purges ``article:<id>`` (its page, every card of it, every related
story showing it) and free-text search; a change to where it is listed (published or not,
publish time, slug, shows, tags, bylines, people) also purges ``list:articles`` and the
lists of exactly the shows, tags, authors and people it joined or left. A draft's edits purge
nothing; a scheduled article purges the next-publication time.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles import cache_tags
from articles.models import (
    BLOCK_MODELS,
    Article,
    ArticleAuthor,
    ArticleStatus,
    Quote,
    body_changed,
)
from articles.rendering import body_blocks, current_format, render_blocks, store_body
from articles.services.indexing import article_plain_text, index_article
from articles.services.workflow import (
    STEP_TO,
    can_delete,
    can_edit,
    can_publish,
    check_step,
    take_step,
)
from newsroom.core.cache import purge
from newsroom.core.models import UNCHECKED, lock_version
from newsroom.core.text import strip_forbidden_characters

RELATIONS = {"shows": "show", "tags": "tag", "authors": "author", "people": "person"}


@dataclass(frozen=True)
class ArticleFacts:
    """What readers' pages know of an article: enough to tell which of them a change
    touches."""

    pk: int
    status: str
    publish_at: object
    slug: str
    significant_update_at: object
    kind: str
    created_by_id: int | None
    shows: frozenset
    tags: frozenset
    authors: frozenset
    people: frozenset
    quoted: frozenset

    def stored(self):
        """The article as stored, enough for the rules (status, time, who created it)."""
        return Article(
            pk=self.pk,
            status=self.status,
            publish_at=self.publish_at,
            created_by_id=self.created_by_id,
        )

    @property
    def live(self):
        return self.stored().is_live

    @property
    def scheduled(self):
        return self.stored().is_scheduled

    @property
    def listing(self):
        """What lists and sitemaps show or filter on besides the card: where, when and as
        what it is listed."""
        return (self.live, self.publish_at, self.slug, self.significant_update_at, self.kind)


def article_facts(pk):
    """The facts of the article as stored now, or None if there is none."""
    row = (
        Article.objects.filter(pk=pk)
        .values("status", "publish_at", "slug", "significant_update_at", "kind", "created_by_id")
        .first()
    )
    if row is None:
        return None

    def ids(model, column, **where):
        return frozenset(model.objects.filter(**where).values_list(column, flat=True))

    return ArticleFacts(
        pk=pk,
        **row,
        shows=ids(Article.shows.through, "show_id", article_id=pk),
        tags=ids(Article.tags.through, "tag_id", article_id=pk),
        authors=ids(ArticleAuthor, "author_id", article_id=pk),
        people=ids(Article.people.through, "person_id", article_id=pk),
        quoted=ids(Quote, "person_id", parent_id=pk, person__isnull=False),
    )


def change_tags(before, after):
    """The cache tags a change from `before` to `after` facts (None: no article) touches."""
    facts = [f for f in (before, after) if f is not None]
    if not facts:
        return set()
    tags = set()
    moved = before is None or after is None or before.listing != after.listing
    rescheduled = (
        before is None
        or after is None
        or (before.status, before.publish_at) != (after.status, after.publish_at)
        or any(getattr(before, name) != getattr(after, name) for name in (*RELATIONS, "quoted"))
    )
    if rescheduled and any(f.scheduled for f in facts):
        # The lists it will join end when it goes live: the site's, and those of its shows,
        # tags, authors and people, and the quotes of the people it quotes.
        tags.add(cache_tags.SCHEDULE)
        for f in facts:
            for name, model in RELATIONS.items():
                tags.update(cache_tags.schedule_of(f"{model}:{pk}") for pk in getattr(f, name))
            tags.update(cache_tags.schedule_of(f"quotes:person:{pk}") for pk in f.quoted)
    if not any(f.live for f in facts):
        return tags  # nobody can see it: a draft, in review, scheduled or archived
    tags |= {f"article:{facts[0].pk}", cache_tags.SEARCH}
    if moved:
        tags.add(cache_tags.ARTICLES)

    def shown(f, name):
        return getattr(f, name) if f is not None and f.live else frozenset()

    for name, model in RELATIONS.items():
        old, new = shown(before, name), shown(after, name)
        changed = (old | new) if moved else (old ^ new)
        if changed:
            tags.add(cache_tags.ARTICLES)
            tags.update(cache_tags.articles_of(f"{model}:{pk}") for pk in changed)
    old, new = shown(before, "quoted"), shown(after, "quoted")
    tags.update(cache_tags.quotes_of(pk) for pk in ((old | new) if moved else (old ^ new)))
    return tags


def quoted_person_renamed(sender, person, **kwargs):
    """A person's name and address show in the quotes of the articles quoting them: those
    bodies render again, and their pages are purged (``people.signals.person_renamed``)."""
    quoting = set(Quote.objects.filter(person=person).values_list("parent_id", flat=True))
    body_changed(*quoting)
    purge(*(f"article:{pk}" for pk in quoting))


def purge_change(before, after):
    purge(*change_tags(before, after))


@transaction.atomic
def save_article(
    *,
    article,
    by,
    before=None,
    significant=False,
    is_new=False,
    loaded=UNCHECKED,
    restoring=False,
):
    """Save an article's own fields (the desk saves its bylines and blocks next, then calls
    ``article_saved``). `before` is the article as it was (read now if not given).

    Checked here, whoever calls: the article is still the version the edit was loaded from
    (``loaded``: its ``version_of`` then; checked under a row lock held until the transaction
    commits, so two saves sent together cannot both pass; EditConflict if not); `by` may edit
    it; only editors change the publish time or mark a significant update; the status moves
    only through ``transition_article`` (a changed status here is refused). ``restoring``: an
    old version's content is being written back: it keeps the status and publish time the
    article has now. ``is_new``: the article did not exist before (it is being recovered
    from history), whatever is stored now."""
    if article.pk and not article._state.adding and not is_new:
        lock_version(Article, article.pk, loaded)
    if before is None and article.pk and not is_new:
        before = article_facts(article.pk)
    if restoring and before is not None:
        # Content only: where it stands in the workflow is not part of a version.
        article.status, article.publish_at = before.status, before.publish_at
        article.significant_update_at = before.significant_update_at
    if before is not None:
        article.created_by_id = before.created_by_id  # whoever calls, not theirs to change
        if not can_edit(by, before.stored()):
            raise PermissionDenied(_("You may not edit this article."))
        if article.status != before.status:
            raise PermissionDenied(_("The status changes only through a workflow step."))
    elif not can_edit(by, article):
        raise PermissionDenied(_("You may not write articles."))
    if not can_publish(by):
        if article.status not in {ArticleStatus.DRAFT, ArticleStatus.IN_REVIEW}:
            raise PermissionDenied(_("Only editors publish."))
        if before is not None and article.publish_at != before.publish_at:
            raise PermissionDenied(_("Only editors set the publish time."))
        significant = False
    if significant:
        article.significant_update_at = timezone.now()
    article.stamp(by)
    article.save()
    return article


@transaction.atomic
def create_articles(*, bodies, by):
    """Save new articles with their bodies, a batch at a time (an import): one insert for
    the articles and one per kind of block, with the rules ``save_article`` checks for a
    new article: `by` may write articles, and only editors publish or schedule them.

    `bodies`: [(an unsaved article, its body's unsaved blocks in order, each with the
    article as its parent)]. Each body is rendered and made searchable as ``body_saved``
    does, before the insert. Nobody can have seen these articles: nothing is purged (the
    caller purges what lists them)."""
    form = current_format()
    for article, blocks in bodies:
        if not article._state.adding or article.pk is not None:
            raise ValueError("create_articles saves new articles only.")
        if not can_edit(by, article):
            raise PermissionDenied(_("You may not write articles."))
        if not can_publish(by) and article.status not in {
            ArticleStatus.DRAFT,
            ArticleStatus.IN_REVIEW,
        }:
            raise PermissionDenied(_("Only editors publish."))
        article.stamp(by)
        for row in (article, *blocks):  # what save() would strip (no pre_save in an insert)
            strip_forbidden_characters(type(row), row)
        article.body_html, article.body_format = render_blocks(blocks), form
        article.search_document = article_plain_text(article, blocks)
    Article.objects.bulk_create([article for article, _blocks in bodies])
    made = {}
    for _article, blocks in bodies:
        for block in blocks:
            made.setdefault(type(block), []).append(block)
    for model in BLOCK_MODELS:  # the parents' ids are read from the articles, now saved
        if made.get(model):
            model.objects.bulk_create(made.pop(model))
    if made:
        raise ValueError(f"Not a block of an article: {', '.join(map(str, made))}.")
    return [article for article, _blocks in bodies]


def body_saved(article):
    """After an article's blocks were written: store its body as HTML and as searchable
    text (the caller purges)."""
    blocks = body_blocks(article)
    store_body(article, blocks)
    index_article(article, blocks)


@transaction.atomic
def article_saved(*, article, by, before=None, step=None, at=None):
    """After an article and what is edited with it (bylines, body blocks) were saved:
    render its body and refresh its searchable text, take the workflow step if one was
    asked for, and purge what readers' pages showed of it."""
    body_saved(article)
    if step is not None:
        status = before.status if before is not None else ArticleStatus.DRAFT
        take_step(article, check_step(status=status, step=step, by=by), by=by, at=at)
    purge_change(before, article_facts(article.pk))
    return article


@transaction.atomic
def transition_article(*, article, step, by, at=None):
    """Take one workflow step ("submit", "publish", "unpublish", "archive"): check that `by`
    may take it from where the article stands, then do it. Publishing with no time (`at`,
    else the article's own publish time) means now; a future time schedules it."""
    Article.objects.select_for_update().filter(pk=article.pk).first()
    before = article_facts(article.pk)
    if not can_edit(by, before.stored()):
        raise PermissionDenied(_("You may not change this article."))
    take_step(article, check_step(status=before.status, step=step, by=by), by=by, at=at)
    purge_change(before, article_facts(article.pk))
    return article


def step_to(status):
    """The workflow step that leads to `status` (the desk's status box)."""
    return STEP_TO[status]


@transaction.atomic
def delete_article(*, article, by):
    """Delete an article, if `by` may: writers delete their own unpublished drafts only."""
    if not can_delete(by, article):
        raise PermissionDenied(_("You may not delete this article."))
    before = article_facts(article.pk)
    article.delete()
    purge_change(before, None)
