"""Followers in the desk: who follows what, and a reader's data exported or erased on
request (through the services, which check the rights)."""

import json

from django.contrib import admin, messages
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _

from . import services
from .models import Follow, Follower


class FollowInline(admin.TabularInline):
    model = Follow
    extra = 0
    fields = ["show", "person", "created_at", "confirmed_at"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Follower)
class FollowerAdmin(admin.ModelAdmin):
    list_display = ["email", "created_at", "last_digest_at", "follow_count"]
    search_fields = ["email"]
    readonly_fields = ["email", "created_at", "last_digest_at"]
    inlines = [FollowInline]
    actions = ["export_data", "erase"]

    def get_queryset(self, request):
        from django.db.models import Count

        return super().get_queryset(request).annotate(follow_count=Count("follows"))

    @admin.display(description=_("follows"), ordering="follow_count")
    def follow_count(self, follower):
        return follower.follow_count

    def has_add_permission(self, request):
        return False  # readers follow from the site, and confirm by email

    def has_change_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Export their data (JSON)"), permissions=["view"])
    def export_data(self, request, queryset):
        data = [services.export_follower(email=f.email, by=request.user) for f in queryset]
        response = HttpResponse(
            json.dumps(data, indent=2, ensure_ascii=False),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = 'attachment; filename="followers.json"'
        return response

    @admin.action(description=_("Erase them and what they follow"), permissions=["delete"])
    def erase(self, request, queryset):
        emails = list(queryset.values_list("email", flat=True))
        for email in emails:
            services.erase_follower(email=email, by=request.user)
        self.message_user(
            request, _("%(count)d follower(s) erased.") % {"count": len(emails)}, messages.SUCCESS
        )

    def delete_model(self, request, obj):
        services.erase_follower(email=obj.email, by=request.user)

    def delete_queryset(self, request, queryset):
        for follower in queryset:
            services.erase_follower(email=follower.email, by=request.user)
