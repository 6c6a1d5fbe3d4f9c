"""The photo library in the desk: the photo list with thumbnails, the photo form (filled from
the file's IPTC/XMP, a file already in the library caught by its content hash), and the
visual chooser every photo field uses (``PhotoChooserWidget``, ``static/js/
photo-chooser.js``): a searchable grid of thumbnails, uploads checked in place."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import ForeignKeyRawIdWidget
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import JsonResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.text import get_text_list
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST

from articles import services
from articles.models import Photo
from articles.photo_metadata import read_photo_metadata

LIBRARY_PAGE = 24

PREFILLED = ["caption", "credit", "taken_on", "alt_text"]


class PhotoChooserWidget(ForeignKeyRawIdWidget):
    """A photo field: the chosen picture with its caption and credit, "Choose a photo" for
    the library's grid (with uploads), and, without JavaScript, the photo's number with the
    admin's lookup list."""

    template_name = "admin/widgets/photo_chooser.html"

    class Media:
        js = ["js/photo-chooser.js"]
        css = {"all": ["css/admin.css"]}

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        photo = Photo.objects.filter(pk=value).first() if str(value or "").isdigit() else None
        context["photo"] = photo
        context["library_url"] = reverse("admin:articles_photo_library")
        return context


class PhotoChooserAdmin:
    """Admin or inline mixin: every foreign key to a photo uses the visual chooser."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.related_model is Photo:
            kwargs["widget"] = PhotoChooserWidget(db_field.remote_field, self.admin_site)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


def photo_card(photo):
    """A photo as the chooser's grid shows it."""
    return {
        "id": photo.pk,
        "thumb": photo.thumbnail_url(),
        "caption": str(photo),
        "credit": photo.credit,
        "alt": photo.alt_text,
        "size": f"{photo.width} × {photo.height}" if photo.width else "",
    }


def _errors(form):
    return {name: [str(e) for e in errors] for name, errors in form.errors.items()}


class PhotoAdminForm(forms.ModelForm):
    """Fills empty caption, credit, date taken and alt text from the upload's IPTC/XMP, and
    catches a file already in the library (by its content hash) unless asked to add it
    again."""

    add_again = forms.BooleanField(
        label=_("Add it again anyway"),
        required=False,
        help_text=_("Only if this file is already in the library and you want a second copy."),
    )

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
        self.duplicate = None
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
        if upload and "image" in cleaned and not cleaned.get("add_again"):
            self.duplicate = services.same_photo(upload)
            if self.duplicate is not None:
                self.add_error(
                    "image",
                    forms.ValidationError(
                        format_html(
                            'This file is already in the library: <a href="{}">{}</a>. Use '
                            "that one, or tick “Add it again anyway”.",
                            reverse("admin:articles_photo_change", args=[self.duplicate.pk]),
                            str(self.duplicate),
                        ),
                        code="duplicate",
                    ),
                )
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
        (None, {"fields": ["image", "add_again", "preview", "dimensions"]}),
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
            photo.thumbnail_url(),
            photo.alt_text,
        )

    # The chooser's library: a page of the grid, a file checked before it is added, and
    # the add itself (the same form and service as the photo page).
    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path(
                "library/",
                wrap(require_GET(self.library_view)),
                name="articles_photo_library",
            ),
            path(
                "library/check/",
                wrap(require_POST(self.library_check_view)),
                name="articles_photo_library_check",
            ),
            path(
                "library/add/",
                wrap(require_POST(self.library_add_view)),
                name="articles_photo_library_add",
            ),
            *super().get_urls(),
        ]

    def library_view(self, request):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        photos = Photo.objects.all()
        query = request.GET.get("q", "").strip()[:200]
        if query:
            photos = photos.search(query)
        page = Paginator(photos.order_by("-uploaded_at", "-pk"), LIBRARY_PAGE).get_page(
            request.GET.get("page")
        )
        return JsonResponse(
            {
                "photos": [photo_card(photo) for photo in page],
                "next": page.next_page_number() if page.has_next() else None,
                "can_add": self.has_add_permission(request),
                "check_url": reverse("admin:articles_photo_library_check"),
                "add_url": reverse("admin:articles_photo_library_add"),
            }
        )

    def library_check_view(self, request):
        """What the file says of itself (caption, credit, date, alt text) for checking, and
        the photo already made from it, if any. Nothing is stored."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = forms.Form(files=request.FILES)
        form.fields["image"] = Photo._meta.get_field("image").formfield()
        if not form.is_valid():
            return JsonResponse({"errors": _errors(form)}, status=400)
        upload = form.cleaned_data["image"]
        metadata = read_photo_metadata(upload)
        duplicate = services.same_photo(upload)
        return JsonResponse(
            {
                "metadata": {
                    name: str(metadata.get(name) or "")
                    for name in ("caption", "credit", "alt_text", "taken_on")
                },
                "duplicate": photo_card(duplicate) if duplicate else None,
            }
        )

    def library_add_view(self, request):
        """Add one photo from the chooser; its errors come back with nothing lost."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = self.get_form(request)(request.POST, request.FILES)
        if not form.is_valid():
            return JsonResponse({"errors": _errors(form)}, status=400)
        photo = form.save(commit=False)
        before = services.pictured(photo)
        with transaction.atomic():
            services.save_photo(photo=photo, by=request.user)
            form.save_m2m()
            services.photo_relations_saved(photo=photo, before=before)
        return JsonResponse({"photo": photo_card(photo)}, status=201)

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
