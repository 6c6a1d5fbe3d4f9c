"""The admin index's notice of comments waiting for a moderator."""

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import ngettext

register = template.Library()


@register.simple_tag(takes_context=True)
def held_comments_notice(context):
    user = context["request"].user
    if not user.has_perm("articles.change_comment"):
        return ""
    from articles.models import Comment, CommentStatus

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
