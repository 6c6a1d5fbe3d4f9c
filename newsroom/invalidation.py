"""What makes which cached pages and fragments fresh (newsroom/cache.py holds the mechanism).

Connected once in NewsroomConfig.ready(). Model signals catch every way an editor changes
what readers see (the admin's forms and inlines, services, the shell); bulk updates, which
send none, announce themselves (articles.signals.comments_changed). Each receiver only
*bumps* version tokens, after the transaction commits.

- Anything public in people/, shows/ and articles/ -> "content" (every page).
- A show, its titles, credits and status history -> also "show:<id>" (its show box and cast
  fragments), and that of every show based on it; a person -> "show:<id>" of every show
  they are credited in; a platform, company, genre, country or language -> "shows" (every
  show fragment).
- Article rows count only while the article is (or was just) published: a writer saving a
  draft empties no cache.
- An approved comment (or a moderation decision) -> "comments" and "comments:<slug>".
"""

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

from articles.models import (
    Article,
    ArticleAuthor,
    Ban,
    BlockedWord,
    Comment,
    CommentStatus,
    ModerationEvent,
    ShareLink,
)
from articles.models.article import ArticleStatus
from articles.signals import comments_changed
from newsroom.cache import COMMENTS, CONTENT, SHOWS, bump, comments_tag, show_tag
from people.models import Person
from shows.models import Company, Country, Credit, Genre, Language, Platform, Show

PRIVATE = {ShareLink, Ban, BlockedWord, ModerationEvent}
SHOW_FACTS = {Platform, Company, Genre, Country, Language}


def _article_id(instance):
    if isinstance(instance, Article):
        return instance.pk
    if isinstance(instance, ArticleAuthor):
        return instance.article_id
    return getattr(instance, "parent_id", None)  # body blocks


def _is_public(article_id):
    return Article.objects.filter(pk=article_id, status=ArticleStatus.PUBLISHED).exists()


def remember_article_state(sender, instance, **kwargs):
    if instance.pk:
        instance._was_published = _is_public(instance.pk)


def content_saved(sender, instance, **kwargs):
    if sender in PRIVATE:
        return
    if sender is Comment:
        comment_saved(instance, **kwargs)
        return
    article_id = _article_id(instance)
    if article_id is not None:
        was = getattr(instance, "_was_published", False)
        is_public = (
            instance.status == ArticleStatus.PUBLISHED
            if isinstance(instance, Article)
            else _is_public(article_id)
        )
        if not (was or is_public):
            return
    tags = {CONTENT}
    if sender is Show:
        tags.add(show_tag(instance.pk))
        # Boxes of shows based on this one name it ("Based on: <title>").
        adaptations = Show.objects.filter(based_on_show=instance.pk).values_list("pk", flat=True)
        tags.update(show_tag(pk) for pk in adaptations)
    elif getattr(instance, "show_id", None):  # titles, credits, status history, known-for
        tags.add(show_tag(instance.show_id))
    if sender is Person and instance.pk:
        tags.update(
            show_tag(pk)
            for pk in Credit.objects.filter(person=instance).values_list("show_id", flat=True)
        )
    if sender in SHOW_FACTS:
        tags.add(SHOWS)
    bump(*tags)


def comment_saved(comment, created=False, signal=None, **kwargs):
    if created and comment.status != CommentStatus.APPROVED and signal is post_save:
        return  # a held comment shows on no public page
    if Comment.article.is_cached(comment):
        slug = comment.article.slug
    else:  # a cascade from a deleted article finds none (its own deletion bumped "content")
        slug = Article.objects.filter(pk=comment.article_id).values_list("slug", flat=True).first()
    bump(COMMENTS, comments_tag(slug) if slug else None)


def many_changed(sender, instance, action, **kwargs):
    if action.startswith("post_"):
        content_saved(type(instance), instance)


def comments_of_articles_changed(sender, article_ids, **kwargs):
    slugs = Article.objects.filter(pk__in=article_ids).values_list("slug", flat=True)
    bump(COMMENTS, *(comments_tag(slug) for slug in slugs))


def connect():
    pre_save.connect(remember_article_state, sender=Article, dispatch_uid="cache-article-state")
    for label in ("people", "shows", "articles"):
        for model in apps.get_app_config(label).get_models():
            uid = f"cache-{model._meta.label}"
            post_save.connect(content_saved, sender=model, dispatch_uid=f"{uid}-save")
            post_delete.connect(content_saved, sender=model, dispatch_uid=f"{uid}-delete")
            for field in model._meta.many_to_many:
                m2m_changed.connect(
                    many_changed, sender=field.remote_field.through, dispatch_uid=f"{uid}-{field}"
                )
    comments_changed.connect(comments_of_articles_changed, dispatch_uid="cache-comments")
