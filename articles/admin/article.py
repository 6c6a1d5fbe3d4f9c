import datetime

from content_editor.admin import ContentEditor, ContentEditorInline
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import F, Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from js_asset import Media
from reversion.admin import VersionAdmin

from articles.models import (
    Article,
    ArticleAuthor,
    ArticleStatus,
    PhotoBlock,
    Quote,
    RichText,
    ShareLink,
    VideoEmbed,
)
from articles.services import article_plain_text, index_article
from articles.views import share_url
from shows.admin_paging import EstimatedCountPaginator
from shows.edit_conflicts import ConflictCheckedAdmin, ConflictCheckedForm
from shows.history import HistoryCompareAdmin

WRITER_STATUSES = {ArticleStatus.DRAFT, ArticleStatus.IN_REVIEW}
SHORT_TEXTAREA = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 3, "cols": 80})}}


class ArticleAdminForm(ConflictCheckedForm):
    """The model and fields come from ArticleAdmin (its fieldsets). A save made by someone
    else after this form was opened is not overwritten (shows/edit_conflicts.py)."""

    mark_significant = forms.BooleanField(
        label=_("This edit is a significant update"),
        required=False,
        help_text=_(
            "New facts readers should know about: shows “Updated” with this save's time. "
            "Leave unticked for typo fixes."
        ),
    )

    def snapshot_extras(self, obj):
        return {
            _("Body"): article_plain_text(obj),
            _("bylines"): ", ".join(str(b.author) for b in obj.bylines.select_related("author")),
        }

    def clean(self):
        cleaned = super().clean()
        # "Published" with no time means "publish now".
        if cleaned.get("status") == ArticleStatus.PUBLISHED and not cleaned.get("publish_at"):
            cleaned["publish_at"] = timezone.now()
        return cleaned


class BylineFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        kept = [
            form
            for form in self.forms
            if form.cleaned_data.get("author") and not form.cleaned_data.get("DELETE")
        ]
        if not kept:
            raise forms.ValidationError(_("Add at least one byline: who wrote this?"))


class BylineInline(admin.TabularInline):
    model = ArticleAuthor
    formset = BylineFormSet
    extra = 0
    min_num = 1
    autocomplete_fields = ["author"]
    fields = ["author", "position"]
    verbose_name = _("byline")
    verbose_name_plural = _("bylines (in the order they are shown)")


@admin.register(Article)
class ArticleAdmin(ConflictCheckedAdmin, HistoryCompareAdmin, VersionAdmin, ContentEditor):
    form = ArticleAdminForm
    actions = ["create_share_link"]
    list_display = [
        "headline",
        "kind",
        "status_badge",
        "byline_list",
        "publish_at",
        "modified_at",
    ]
    list_filter = [
        "status",
        "kind",
        ("authors", admin.RelatedOnlyFieldListFilter),
        "tags",
        "publish_at",
    ]
    # Not a filter of every show (twenty thousand links); search finds a show's articles.
    show_full_result_count = False
    paginator = EstimatedCountPaginator
    search_fields = ["headline", "dek", "slug", "shows__title"]
    date_hierarchy = "publish_at"
    # Unscheduled work (drafts, in review) first, then newest publish time.
    ordering = [F("publish_at").desc(nulls_first=True), "-id"]  # article_desk_idx
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = ["hero_photo", "shows", "people", "tags"]
    readonly_fields = ["created_by", "created_at", "modified_at"]
    fieldsets = [
        (None, {"fields": ["headline", "slug", "dek", "kind", "hero_photo"]}),
        (
            _("Publishing"),
            {
                "fields": [
                    "status",
                    "publish_at",
                    "mark_significant",
                    "significant_update_at",
                    "comments_open",
                    "comments_close_at",
                ]
            },
        ),
        (_("What it covers"), {"fields": ["shows", "people", "tags"]}),
        (
            _("Record"),
            {"fields": ["created_by", "created_at", "modified_at"], "classes": ["collapse"]},
        ),
    ]
    inlines = [
        BylineInline,
        ContentEditorInline.create(RichText, icon="notes"),
        ContentEditorInline.create(
            PhotoBlock,
            icon="image",
            autocomplete_fields=["photo"],
            formfield_overrides=SHORT_TEXTAREA,
        ),
        ContentEditorInline.create(
            Quote,
            icon="format_quote",
            autocomplete_fields=["person"],
            formfield_overrides=SHORT_TEXTAREA,
        ),
        ContentEditorInline.create(
            VideoEmbed,
            icon="smart_display",
            formfield_overrides={models.URLField: {"assume_scheme": "https"}},
        ),
    ]

    class Media:
        css = {"all": ["css/admin.css"]}

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related(
                Prefetch("bylines", queryset=ArticleAuthor.objects.select_related("author"))
            )
        )

    @admin.display(description=_("status"), ordering="status")
    def status_badge(self, article):
        if article.is_scheduled:
            return format_html(
                '<span class="nr-badge nr-badge--scheduled">{}</span>', _("scheduled")
            )
        return format_html(
            '<span class="nr-badge nr-badge--{}">{}</span>',
            article.status,
            article.get_status_display(),
        )

    @admin.display(description=_("bylines"))
    def byline_list(self, article):
        return ", ".join(byline.author.display_name for byline in article.bylines.all())

    # Who may publish is enforced here on the server, not only by what the form shows.
    def can_publish(self, request):
        return request.user.has_perm("articles.publish_article")

    def is_mine(self, request, obj):
        """Written or co-written by this user: they created it or hold a byline on it."""
        if obj.pk is None:
            return True  # being written now
        return (
            obj.created_by_id == request.user.pk
            or obj.bylines.filter(author__user=request.user).exists()
        )

    def has_change_permission(self, request, obj=None):
        if obj is not None and not self.can_publish(request):
            if obj.status not in WRITER_STATUSES:
                return False  # published and archived work is the editors' to change
            if not self.is_mine(request, obj):
                return False  # writers edit their own and co-written drafts only
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if (
            obj is not None
            and not self.can_publish(request)
            and (obj.status not in WRITER_STATUSES or not self.is_mine(request, obj))
        ):
            return False  # writers delete their own unpublished drafts only
        return super().has_delete_permission(request, obj)

    # The workflow: buttons for the next allowed steps, checked again on the server.
    TRANSITIONS = {
        "submit": (ArticleStatus.IN_REVIEW, False, _("Submit for review")),
        "publish": (ArticleStatus.PUBLISHED, True, _("Publish (or schedule at the publish time)")),
        "unpublish": (ArticleStatus.DRAFT, True, _("Unpublish (back to draft)")),
        "archive": (ArticleStatus.ARCHIVED, True, _("Archive")),
    }
    NEXT_STEPS = {
        ArticleStatus.DRAFT: ["submit", "publish"],
        ArticleStatus.IN_REVIEW: ["publish", "unpublish"],
        ArticleStatus.PUBLISHED: ["unpublish", "archive"],
        ArticleStatus.ARCHIVED: ["unpublish"],
    }

    def workflow_buttons(self, request, obj):
        status = obj.status if obj else ArticleStatus.DRAFT
        return [
            (name, self.TRANSITIONS[name][2])
            for name in self.NEXT_STEPS[status]
            if self.can_publish(request) or not self.TRANSITIONS[name][1]
        ]

    def render_change_form(self, request, context, *args, **kwargs):
        obj = kwargs.get("obj")
        editable = context.get("has_change_permission", True)
        context["workflow_buttons"] = self.workflow_buttons(request, obj) if editable else []
        # The editors' import map is an inline script: it carries this response's CSP nonce.
        context["media"] = Media.from_media(
            context["media"], nonce=getattr(request, "csp_nonce", "")
        )
        return super().render_change_form(request, context, *args, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not self.can_publish(request):
            fields += ["publish_at", "significant_update_at"]
        return fields

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if self.can_publish(request):
            return fieldsets
        # Marking a significant update is the editors' call.
        return [
            (name, {**opts, "fields": [f for f in opts["fields"] if f != "mark_significant"]})
            for name, opts in fieldsets
        ]

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "status" and not self.can_publish(request):
            kwargs["choices"] = [
                (value, label) for value, label in ArticleStatus.choices if value in WRITER_STATUSES
            ]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        step = request.POST.get("_workflow")
        if step:
            if step not in self.TRANSITIONS:
                raise PermissionDenied
            status, needs_publish, _label = self.TRANSITIONS[step]
            if needs_publish and not self.can_publish(request):
                raise PermissionDenied  # a crafted POST: the button was never offered
            obj.status = status
            if status == ArticleStatus.PUBLISHED and not obj.publish_at:
                obj.publish_at = timezone.now()
        if form.cleaned_data.get("mark_significant") and self.can_publish(request):
            obj.significant_update_at = timezone.now()
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        index_article(form.instance)

    def view_on_site(self, obj):
        """The reader's page once it is live; until then the preview."""
        if obj.is_live:
            return obj.get_absolute_url()
        return reverse("articles:preview", args=[obj.slug])

    @admin.action(
        description=_("Create a preview link for an outside reviewer"),
        permissions=["publish"],
    )
    def create_share_link(self, request, queryset):
        days = settings.ARTICLES_SHARE_LINK_DAYS
        for article in queryset:
            link = ShareLink.objects.create(
                article=article,
                created_by=request.user,
                expires_at=timezone.now() + datetime.timedelta(days=days),
            )
            self.message_user(
                request,
                format_html(
                    'Preview of “{}” for {} days, no login needed: <a href="{}">{}</a>',
                    article.headline,
                    days,
                    share_url(link),
                    request.build_absolute_uri(share_url(link)),
                ),
                messages.SUCCESS,
            )

    def has_publish_permission(self, request):
        return self.can_publish(request)


@admin.register(ShareLink)
class ShareLinkAdmin(admin.ModelAdmin):
    list_display = ["article", "created_by", "created_at", "expires_at", "state", "link"]
    list_select_related = ["article", "created_by"]
    search_fields = ["article__headline"]
    readonly_fields = ["article", "created_by", "created_at", "link"]
    fields = ["article", "created_by", "created_at", "expires_at", "revoked_at", "link"]
    actions = ["revoke"]

    def has_add_permission(self, request):
        return False  # made from the article list: "Create a preview link"

    @admin.display(description=_("state"))
    def state(self, link):
        if link.revoked_at:
            return _("revoked")
        return _("valid") if link.is_usable else _("expired")

    @admin.display(description=_("address"))
    def link(self, link):
        return format_html('<a href="{}">{}</a>', share_url(link), _("open the preview"))

    @admin.action(description=_("Revoke the selected links now"), permissions=["change"])
    def revoke(self, request, queryset):
        count = queryset.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
        self.message_user(
            request, _("%(count)d link(s) revoked.") % {"count": count}, messages.SUCCESS
        )
