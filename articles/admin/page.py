"""The site's static pages in the desk: editors keep them (the roles give writers no right
to them); saves go through articles.services, which check the rights again and purge."""

from content_editor.admin import ContentEditor, ContentEditorInline
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin

from articles import services
from articles.admin.article import PhotoBlockInline
from articles.models import PagePhoto, PageText, StaticPage
from newsroom.core.admin import (
    AuditedAdmin,
    CheckedInlinesAdmin,
    ConflictCheckedAdmin,
    ConflictCheckedForm,
    HistoryCompareAdmin,
)

from .article import SHORT_TEXTAREA


class StaticPageForm(ConflictCheckedForm):
    class Meta:
        model = StaticPage
        fields = "__all__"


@admin.register(StaticPage)
class StaticPageAdmin(
    AuditedAdmin,
    CheckedInlinesAdmin,
    ConflictCheckedAdmin,
    HistoryCompareAdmin,
    VersionAdmin,
    ContentEditor,
):
    form = StaticPageForm
    list_display = ["title", "address", "published", "in_footer", "menu_order", "modified_at"]
    list_filter = ["published", "in_footer"]
    search_fields = ["title", "path"]
    ordering = ["path"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["parent"]
    history_related_ignored_fields = ["parent", "region", "ordering"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "parent", "summary"]}),
        (_("Publishing"), {"fields": ["published", "in_footer", "menu_order"]}),
    ]
    inlines = [
        ContentEditorInline.create(PageText, icon="notes"),
        PhotoBlockInline.create(PagePhoto, icon="image", formfield_overrides=SHORT_TEXTAREA),
    ]

    class Media:
        css = {"all": ["css/admin.css"]}

    @admin.display(description=_("address"), ordering="path")
    def address(self, page):
        return page.get_absolute_url()

    def save_model(self, request, obj, form, change):
        services.save_page(page=obj, by=request.user)

    def delete_model(self, request, obj):
        services.delete_page(page=obj, by=request.user)

    def delete_queryset(self, request, queryset):
        for page in queryset.order_by("-path"):  # the pages under others first
            try:
                services.delete_page(page=page, by=request.user)
            except ValidationError as error:
                self.message_user(request, error.messages[0], messages.ERROR)
