from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from articles.models import Photo


@admin.register(Photo)
class PhotoAdmin(admin.ModelAdmin):
    list_display = ["thumbnail", "caption_excerpt", "credit", "taken_on", "uploaded_by"]
    list_display_links = ["thumbnail", "caption_excerpt"]
    list_filter = ["taken_on", "uploaded_at"]
    list_select_related = ["uploaded_by"]
    search_fields = ["caption", "credit", "event", "place", "alt_text", "people__name"]
    autocomplete_fields = ["people", "shows"]
    date_hierarchy = "uploaded_at"
    readonly_fields = ["preview", "dimensions", "uploaded_by", "uploaded_at"]
    fieldsets = [
        (None, {"fields": ["image", "preview", "dimensions"]}),
        (_("Caption and credit"), {"fields": ["caption", "credit", "alt_text"]}),
        (_("Where and when"), {"fields": ["event", "place", "taken_on"]}),
        (_("Pictured"), {"fields": ["people", "shows"]}),
        (_("Library"), {"fields": ["uploaded_by", "uploaded_at"]}),
    ]

    class Media:
        css = {"all": ["css/admin.css"]}

    @admin.display(description=_("photo"))
    def thumbnail(self, photo):
        if not photo.image:
            return "—"
        return format_html(
            '<img class="nr-thumb" src="{}" alt="{}" width="96" height="64" loading="lazy">',
            photo.image.url,
            photo.alt_text,
        )

    @admin.display(description=_("preview"))
    def preview(self, photo):
        if not photo.pk or not photo.image:
            return _("The preview appears after saving.")
        return format_html(
            '<img class="nr-preview" src="{}" alt="{}" width="{}" height="{}">',
            photo.image.url,
            photo.alt_text,
            photo.width,
            photo.height,
        )

    @admin.display(description=_("size"))
    def dimensions(self, photo):
        return f"{photo.width} × {photo.height} px" if photo.width else "—"

    @admin.display(description=_("caption"), ordering="caption")
    def caption_excerpt(self, photo):
        return str(photo)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)
