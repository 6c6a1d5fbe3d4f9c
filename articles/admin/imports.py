"""Old addresses and imports in the desk: editors keep the redirects (an old address that
should lead somewhere else, or nowhere); the record of each import, with its report, is
read-only."""

from django.contrib import admin
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _

from articles.models import ImportRun, Redirect


@admin.register(Redirect)
class RedirectAdmin(admin.ModelAdmin):
    list_display = ["old_path", "leads_to", "created_at"]
    search_fields = ["old_path"]
    readonly_fields = ["content_type", "object_id", "leads_to", "created_at"]
    fields = ["old_path", "leads_to", "content_type", "object_id", "created_at"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("content_type")

    @admin.display(description=_("leads to"))
    def leads_to(self, redirect):
        target = redirect.target
        return target.get_absolute_url() if target else _("(deleted)")

    def has_add_permission(self, request):
        return False  # made by imports, for a record they know; editors correct or delete


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    list_display = ["file_name", "status", "dry_run", "started_by", "created_at", "finished_at"]
    list_filter = ["status"]
    search_fields = ["file_name"]
    fields = [
        "file_name",
        "status",
        "dry_run",
        "media_dir",
        "started_by",
        "created_at",
        "finished_at",
        "error",
        "report_text",
    ]
    readonly_fields = fields

    @admin.display(description=_("report"))
    def report_text(self, run):
        lines = run.report.get("lines", []) if isinstance(run.report, dict) else []
        return format_html_join("\n", "<div>{}</div>", ((line,) for line in lines)) or "—"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
