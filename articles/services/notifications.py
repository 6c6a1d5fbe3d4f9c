"""Who hears of a workflow step, by email: the editors when a story is submitted for review,
its writers when it is published, scheduled or sent back. Sent by the worker once the step
has committed (``articles.tasks.send_step_notice``), through the email backend in settings
(the console in development, locmem in tests, SMTP in production). The person who took the
step is never told of it."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from articles.models import Article, ArticleStatus

from .workflow import PUBLISH, describe_state, when


def queue_step_notice(*, article, step, was, by):
    """Queue the email for a step just taken (`was`: the status before it)."""
    from articles.tasks import send_step_notice

    pk, by_pk = article.pk, getattr(by, "pk", None)
    transaction.on_commit(lambda: send_step_notice.enqueue(pk, step, was, by_pk))


def name_of(user):
    return (user.get_full_name() or user.get_username()) if user else _("The newsroom")


def editors():
    app_label, codename = PUBLISH.split(".")
    permission = Permission.objects.filter(
        content_type__app_label=app_label, codename=codename
    ).first()
    return (
        get_user_model()
        .objects.filter(
            Q(is_superuser=True)
            | Q(groups__permissions=permission)
            | Q(user_permissions=permission),
            is_active=True,
        )
        .exclude(email="")
        .distinct()
    )


def writers(article):
    """Who wrote it: whoever created it and the people behind its bylines."""
    users = get_user_model().objects.filter(
        Q(pk=article.created_by_id) | Q(author_profile__bylines__article=article), is_active=True
    )
    return users.exclude(email="").distinct()


def _link(path):
    return settings.NEWSROOM_SITE_URL.rstrip("/") + path


def step_notice(article_pk, step, was, by_pk):
    """Send the email for one step. Returns how many people it went to."""
    article = Article.objects.filter(pk=article_pk).first()
    if article is None:
        return 0
    by = get_user_model().objects.filter(pk=by_pk).first() if by_pk else None
    desk = _link(reverse("admin:articles_article_change", args=[article.pk]))
    headline = article.headline
    if step == "submit":
        to = editors()
        subject = _("Submitted for review: %(headline)s") % {"headline": headline}
        body = _(
            "%(who)s submitted “%(headline)s” for review at %(when)s.\n\nReview it: %(link)s\n"
        ) % {
            "who": name_of(by),
            "headline": headline,
            "when": when(article.submitted_at),
            "link": desk,
        }
    elif step == "publish":
        to = writers(article)
        scheduled = article.is_scheduled
        subject = (_("Scheduled: %(headline)s") if scheduled else _("Published: %(headline)s")) % {
            "headline": headline
        }
        where = desk if scheduled else _link(article.get_absolute_url())
        body = _("%(who)s took “%(headline)s”: %(state)s.\n\n%(link)s\n") % {
            "who": name_of(by),
            "headline": headline,
            "state": describe_state(article),
            "link": where,
        }
    elif step == "unpublish" and was == ArticleStatus.IN_REVIEW:
        to = writers(article)
        subject = _("Sent back to draft: %(headline)s") % {"headline": headline}
        body = _(
            "%(who)s sent “%(headline)s” back to draft. It is yours to work on again.\n\n%(link)s\n"
        ) % {"who": name_of(by), "headline": headline, "link": desk}
    elif step == "unpublish":
        to = writers(article)
        subject = _("Taken off the site: %(headline)s") % {"headline": headline}
        body = _("%(who)s unpublished “%(headline)s”; it is a draft again.\n\n%(link)s\n") % {
            "who": name_of(by),
            "headline": headline,
            "link": desk,
        }
    else:
        return 0
    addresses = sorted({user.email for user in to if user.pk != by_pk})
    if not addresses:
        return 0
    with get_connection() as connection:
        for address in addresses:  # one each: no one sees who else was told
            EmailMessage(subject, body, to=[address], connection=connection).send()
    return len(addresses)
