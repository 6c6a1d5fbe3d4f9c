from django.contrib import admin
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from articles import services
from articles.models import Comment, CommentStatus


def _moderation_action(status, description):
    def action(modeladmin, request, queryset):
        count = services.moderate_comments(comments=queryset, status=status, by=request.user)
        modeladmin.message_user(
            request,
            _("%(count)d comment(s) marked %(state)s.")
            % {
                "count": count,
                "state": CommentStatus(status).label,
            },
        )

    action.__name__ = f"mark_{status}"
    return admin.action(description=description, permissions=["change"])(action)


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["excerpt", "name", "article", "status_badge", "created_at"]
    list_filter = ["status", ("article", admin.RelatedOnlyFieldListFilter), "created_at"]
    list_select_related = ["article"]
    search_fields = ["name", "email", "body", "article__headline"]
    date_hierarchy = "created_at"
    ordering = ["-created_at", "-pk"]
    raw_id_fields = ["article", "parent"]
    readonly_fields = [
        "ip_address",
        "user_agent",
        "created_at",
        "moderated_by",
        "moderated_at",
    ]
    fieldsets = [
        (None, {"fields": ["article", "parent", "name", "email", "body", "status"]}),
        (
            _("Moderation record"),
            {"fields": ["moderated_by", "moderated_at", "ip_address", "user_agent", "created_at"]},
        ),
    ]
    actions = [
        _moderation_action(CommentStatus.APPROVED, _("Approve selected comments")),
        _moderation_action(CommentStatus.SPAM, _("Mark selected comments as spam")),
        _moderation_action(CommentStatus.REMOVED, _("Remove selected comments")),
    ]

    class Media:
        css = {"all": ["css/admin.css"]}

    @admin.display(description=_("comment"))
    def excerpt(self, comment):
        return comment.excerpt

    @admin.display(description=_("status"), ordering="status")
    def status_badge(self, comment):
        return format_html(
            '<span class="nr-badge nr-badge--{}">{}</span>',
            comment.status,
            comment.get_status_display(),
        )

    def save_model(self, request, obj, form, change):
        if "status" in form.changed_data:
            obj.moderated_by = request.user
            obj.moderated_at = timezone.now()
        super().save_model(request, obj, form, change)
