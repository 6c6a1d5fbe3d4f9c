from django import forms
from django.contrib import admin, messages
from django.utils.html import format_html
from django.utils.text import get_text_list
from django.utils.translation import gettext_lazy as _

from articles import services
from articles.models import Photo
from articles.photo_metadata import read_photo_metadata

PREFILLED = ["caption", "credit", "taken_on", "alt_text"]


class PhotoAdminForm(forms.ModelForm):
    """Fills empty caption, credit, date taken and alt text from the upload's IPTC/XMP."""

    class Meta:
        model = Photo
        fields = [
            "image",
            "caption",
            "credit",
            "alt_text",
            "focal_x",
            "focal_y",
            "event",
            "place",
            "taken_on",
            "people",
            "shows",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.prefilled = []
        # Required, but may come from the file's metadata: checked again in clean().
        for name in [*PREFILLED, "focal_x", "focal_y"]:
            if name in self.fields:
                self.fields[name].required = False

    def _focal(self, name):
        value = self.cleaned_data.get(name)
        return 50 if value is None else value  # empty means the centre

    def clean_focal_x(self):
        return self._focal("focal_x")

    def clean_focal_y(self):
        return self._focal("focal_y")

    def clean(self):
        cleaned = super().clean()
        upload = self.files.get("image")
        if upload and "image" in cleaned:
            metadata = read_photo_metadata(upload)
            for name in PREFILLED:
                if name in self.fields and not cleaned.get(name) and metadata.get(name):
                    cleaned[name] = metadata[name]
                    self.prefilled.append(self.fields[name].label)
            if self.prefilled:
                # Show what was found if the form comes back with another error.
                self.data = self.data.copy()
                for name in PREFILLED:
                    if name in metadata and name in self.fields and not self.data.get(name):
                        self.data[name] = metadata[name]
        for name in ("caption", "credit", "alt_text"):
            if name in self.fields and not cleaned.get(name) and name not in self.errors:
                self.add_error(
                    name, forms.ValidationError(_("This field is required."), "required")
                )
        return cleaned


@admin.register(Photo)
class PhotoAdmin(admin.ModelAdmin):
    form = PhotoAdminForm
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
        (_("Crop for cards"), {"fields": ["focal_x", "focal_y"]}),
        (_("Where and when"), {"fields": ["event", "place", "taken_on"]}),
        (_("Pictured"), {"fields": ["people", "shows"]}),
        (_("Library"), {"fields": ["uploaded_by", "uploaded_at"]}),
    ]

    class Media:
        css = {"all": ["css/admin.css"]}
        js = ["js/focal-point.js"]

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
            '<div class="nr-focal" data-focal-x="{}" data-focal-y="{}">'
            '<img class="nr-preview" src="{}" alt="{}" width="{}" height="{}">'
            '<span class="nr-focal-mark" aria-hidden="true"></span></div>',
            photo.focal_x,
            photo.focal_y,
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
        request.photo_pictured = services.pictured(obj)
        saved = services.save_photo(photo=obj, by=request.user)
        if saved == services.RENDITIONS_QUEUED:
            self.message_user(
                request,
                _(
                    "The photo is saved. It is large: its resized copies are being made in "
                    "the background, and pages show the original until they are ready."
                ),
                messages.INFO,
            )
        elif not saved:
            self.message_user(
                request,
                _(
                    "The photo is saved, but its resized copies could not be made; pages "
                    "show the original until `manage.py make_renditions` succeeds."
                ),
                messages.WARNING,
            )
        if form.prefilled:
            self.message_user(
                request,
                _("Filled in from the photo's own metadata, please check: %(fields)s.")
                % {
                    "fields": get_text_list(
                        [str(label).lower() for label in form.prefilled], _("and")
                    )
                },
                messages.INFO,
            )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.photo_relations_saved(photo=form.instance, before=request.photo_pictured)

    def delete_model(self, request, obj):
        services.delete_photo(photo=obj, by=request.user)

    def delete_queryset(self, request, queryset):
        for photo in queryset:
            services.delete_photo(photo=photo, by=request.user)
