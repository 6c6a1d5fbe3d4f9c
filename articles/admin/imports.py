"""Old addresses and imports in the desk. Editors keep the redirects (an old address that
should lead somewhere else, or nowhere), and move a WordPress site in: "Import from
WordPress" uploads the export, the worker runs it, and the import's page shows its progress
(it reloads itself while the import runs) and then its report."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from articles.models import ImportRun, ImportRunStatus, Redirect
from articles.services import imports


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


class ImportForm(forms.ModelForm):
    """What an editor gives to start an import. Checked here (nothing is kept from a wrong
    file) and again by the service."""

    export = forms.FileField(
        label=_("WordPress export"),
        help_text=_("The .xml file from WordPress: Tools > Export > All content."),
    )
    media_folder = forms.CharField(
        label=_("Photos folder"),
        required=False,
        help_text=_(
            "A copy of the site's wp-content/uploads, inside the server's import folder. "
            "Empty: photos are listed as missing in the report."
        ),
    )

    class Meta:
        model = ImportRun
        fields = ["dry_run"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dry_run"].help_text = _("Read and report everything, keep nothing.")
        if not settings.NEWSROOM_IMPORT_MEDIA_ROOT:
            del self.fields["media_folder"]

    def clean_export(self):
        upload = self.cleaned_data["export"]
        imports.check_export(upload)
        return upload

    def clean_media_folder(self):
        imports.media_folder(self.cleaned_data["media_folder"])  # a folder that is there
        return self.cleaned_data["media_folder"]


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    list_display = ["file_name", "status", "dry_run", "started_by", "created_at", "finished_at"]
    list_filter = ["status"]
    search_fields = ["file_name"]
    change_form_template = "admin/articles/importrun/change_form.html"
    fields = [
        "file_name",
        "status",
        "dry_run",
        "media_dir",
        "started_by",
        "created_at",
        "updated_at",
        "finished_at",
        "progress_text",
        "error",
        "report_text",
    ]
    readonly_fields = fields

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            return ImportForm
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fields(self, request, obj=None):
        if obj is None:
            fields = ["export", "dry_run"]
            return [*fields, "media_folder"] if settings.NEWSROOM_IMPORT_MEDIA_ROOT else fields
        return self.fields

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields if obj else []

    @admin.display(description=_("progress"))
    def progress_text(self, run):
        progress = run.progress or {}
        counts = progress.get("counts", {})
        rows = (
            (kind, ", ".join(f"{k} {v}" for k, v in sorted(c.items())))
            for kind, c in counts.items()
        )
        return format_html(
            "<p>{}</p>{}",
            _("%(items)s items read") % {"items": progress.get("items", 0)},
            format_html_join("", "<div><strong>{}</strong>: {}</div>", rows),
        )

    @admin.display(description=_("report"))
    def report_text(self, run):
        lines = run.report.get("lines", []) if isinstance(run.report, dict) else []
        if not lines:
            return "—"
        return format_html('<pre class="import-report">{}</pre>', "\n".join(lines))

    def has_add_permission(self, request):
        return request.user.has_perm(imports.START)

    def has_change_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        run = imports.start_import(
            upload=form.cleaned_data["export"],
            by=request.user,
            dry_run=form.cleaned_data["dry_run"],
            media_dir=form.cleaned_data.get("media_folder", ""),
        )
        obj.pk, obj.file_name = run.pk, run.file_name

    def response_add(self, request, obj, post_url_continue=None):
        self.message_user(
            request,
            _("The import has started: this page shows its progress, then its report."),
            messages.SUCCESS,
        )
        return redirect(reverse("admin:articles_importrun_change", args=[obj.pk]))

    class Media:
        js = ["js/import-progress.js"]

    def get_urls(self):
        retry = self.admin_site.admin_view(require_POST(self.retry_view))
        progress = self.admin_site.admin_view(self.progress_view)
        return [
            path("<int:pk>/retry/", retry, name="articles_importrun_retry"),
            path("<int:pk>/progress/", progress, name="articles_importrun_progress"),
            *super().get_urls(),
        ]

    def progress_view(self, request, pk):
        if not self.has_view_permission(request):
            raise PermissionDenied
        run = get_object_or_404(ImportRun, pk=pk)
        response = JsonResponse(
            {
                "running": run.status in (ImportRunStatus.QUEUED, ImportRunStatus.RUNNING),
                "status": run.status,
                "message": _progress_message(run),
            }
        )
        response["Cache-Control"] = "private, no-store"
        return response

    def retry_view(self, request, pk):
        run = get_object_or_404(ImportRun, pk=pk)
        try:
            imports.retry_import(run=run, by=request.user)
        except (PermissionDenied, ValidationError) as refusal:
            self.message_user(request, str(refusal), messages.ERROR)
        else:
            self.message_user(
                request, _("Started again: it picks up where it was."), messages.SUCCESS
            )
        return redirect(reverse("admin:articles_importrun_change", args=[pk]))

    def change_view(self, request, object_id, form_url="", extra_context=None):
        run = get_object_or_404(ImportRun, pk=object_id)
        extra_context = {
            **(extra_context or {}),
            "running": run.status in (ImportRunStatus.QUEUED, ImportRunStatus.RUNNING),
            "may_retry": imports.may_retry(run) and self.has_add_permission(request),
            "progress_message": _progress_message(run),
        }
        return super().change_view(request, object_id, form_url, extra_context)


def _progress_message(run):
    items = (run.progress or {}).get("items", 0)
    if run.status == ImportRunStatus.QUEUED:
        return str(_("Queued: waiting for the worker."))
    return str(_("Running: %(items)s posts and pages read so far.") % {"items": items})
