import datetime

from content_editor.admin import ContentEditor, ContentEditorInline
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import F, Prefetch
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from js_asset import Media
from reversion.admin import VersionAdmin

from articles import services
from articles.admin.photo import PhotoChooserAdmin
from articles.models import (
    BLOCK_MODELS,
    Article,
    ArticleAuthor,
    ArticleStatus,
    Author,
    PhotoBlock,
    Quote,
    RichText,
    ShareLink,
    VideoEmbed,
)
from articles.rendering import body_blocks
from articles.views import Unsaved, render_unsaved
from newsroom.core.admin import (
    AuditedAdmin,
    AutosavedAdmin,
    ConflictCheckedAdmin,
    ConflictCheckedForm,
    EstimatedCountAdmin,
    HistoryCompareAdmin,
    LivePreviewAdmin,
    PresenceAdmin,
)
from shows.models import Country, Platform

PUBLISHING = {_("Workflow"), _("Publishing")}
SHORT_TEXTAREA = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 3, "cols": 80})}}


class ArticleAdminForm(ConflictCheckedForm):
    """The model and fields come from ArticleAdmin (its fieldsets). A save made by someone
    else after this form was opened is not overwritten (newsroom/core/admin/conflicts.py)."""

    mark_significant = forms.BooleanField(
        label=_("This edit is a significant update"),
        required=False,
        help_text=_(
            "New facts readers should know about: shows “Updated” with this save's time. "
            "Leave unticked for typo fixes."
        ),
    )

    confirm_live_change = forms.BooleanField(
        label=_("Yes, change what readers see now"),
        required=False,
        help_text=_(
            "Needed to unpublish, archive, hold back or move the publish time of a published "
            "article: the desk asks first."
        ),
    )

    # Set by ArticleAdmin.get_form: who is editing, the workflow button pressed, and whether
    # this is a restore from history (which never touches the workflow).
    desk_user = None
    requested_step = None
    restoring = False
    preview_only = False  # the live preview: shown, never saved

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and not (self.restoring or self.preview_only):
            warning = self.live_change(cleaned)
            if warning and not cleaned.get("confirm_live_change"):
                self.add_error("confirm_live_change", warning)
        return cleaned

    def live_change(self, cleaned):
        """What this save would change for readers of a published article, in words, or
        None. In clean(), the instance is still the article as stored."""
        stored = self.instance
        if stored.status != ArticleStatus.PUBLISHED:
            return None
        now = timezone.now()
        publish_at = cleaned.get("publish_at", stored.publish_at)
        if stored.is_live and self.requested_step in ("unpublish", "archive"):
            return _("This article is live: this takes it off the site. Tick the box to confirm.")
        if stored.is_live and publish_at and publish_at > now:
            return _(
                "This article is live: a publish time to come takes it off the site until "
                "%(when)s. Tick the box to confirm."
            ) % {"when": services.when(publish_at)}
        # To the second: the form's boxes show no microseconds.
        if "publish_at" in cleaned and _seconds(publish_at) != _seconds(stored.publish_at):
            return _(
                "This moves the publish time from %(old)s to %(new)s. Tick the box to confirm."
            ) % {
                "old": services.when(stored.publish_at) if stored.publish_at else _("none"),
                "new": services.when(publish_at) if publish_at else _("now"),
            }
        return None


def _seconds(moment):
    return moment.replace(microsecond=0) if moment else None


def posted_parts(formsets):
    """From valid, posted inline formsets: (the bylines in order, the body's blocks in
    order), as instances in memory, without the rows marked for deletion."""
    bylines, blocks = [], []
    for formset in formsets:
        kept = [
            f.instance for f in formset.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")
        ]
        if formset.model is ArticleAuthor:
            bylines = sorted(kept, key=lambda byline: byline.position)
        else:
            blocks += [block for block in kept if block.region == "body"]
    return bylines, sorted(blocks, key=lambda block: block.ordering)


def body_signature(blocks):
    """The body as two saves compare it: every block with all it shows (rich text with its
    markup, a photo block's photo, a quote's speaker, a video's address), in order."""
    lines = []
    for block in blocks:
        if isinstance(block, RichText):
            lines.append(block.text)
        elif isinstance(block, PhotoBlock):
            lines.append(f"[photo {block.photo_id}] {block.caption_override}")
        elif isinstance(block, Quote):
            lines.append(
                f"“{block.text}” {block.speaker} {block.person_id or ''} {block.context} "
                f"({block.style})"
            )
        elif isinstance(block, VideoEmbed):
            lines.append(f"[video {block.url}] {block.title} {block.caption}")
    return "\n".join(" ".join(line.split()) for line in lines)


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


class PhotoBlockInline(PhotoChooserAdmin, ContentEditorInline):
    """A photo block, chosen from the library's grid."""


@admin.register(Article)
class ArticleAdmin(
    PhotoChooserAdmin,
    PresenceAdmin,
    LivePreviewAdmin,
    AutosavedAdmin,
    AuditedAdmin,
    ConflictCheckedAdmin,
    HistoryCompareAdmin,
    EstimatedCountAdmin,
    VersionAdmin,
    ContentEditor,
):
    """The desk's article form. Every save, step and deletion goes through articles.services,
    which check the workflow's rules again on the server and purge what readers saw."""

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
    search_fields = ["headline", "dek", "slug", "shows__title"]
    date_hierarchy = "publish_at"
    # Unscheduled work (drafts, in review) first, then newest publish time.
    ordering = [F("publish_at").desc(nulls_first=True), "-id"]  # article_desk_idx
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = ["shows", "people", "tags"]  # photos: the visual chooser
    history_ignored_fields = [
        "search_document",
        "comment_count",
        "body_html",
        "body_format",
        "submitted_at",
        "submitted_by",
    ]
    history_related_ignored_fields = ["parent", "region", "ordering", "article", "position"]

    def reversion_register(self, model, **options):
        """Versions keep the blocks, not the HTML made from them (kilobytes a version, and
        rendered again by every save and restore: ``article_saved``)."""
        if model is Article:
            options["exclude"] = ("body_html", "body_format")
        super().reversion_register(model, **options)

    # Body first (templates/admin/articles/article/change_form.html): the first fieldset and
    # the body on the left, the rest beside them. The status moves only by the workflow's
    # buttons, which offer the steps that make sense for the article as it stands.
    save_on_top = True
    fieldsets = [
        (None, {"fields": ["headline", "dek", "hero_photo"]}),
        (_("Workflow"), {"fields": ["workflow_state"]}),
        (
            _("Publishing"),
            {
                "fields": [
                    "publish_at",
                    "confirm_live_change",
                    "mark_significant",
                    "significant_update_at",
                    "comments_open",
                    "comments_close_at",
                ]
            },
        ),
        (_("Address and kind"), {"fields": ["slug", "kind"]}),
        (_("What it covers"), {"fields": ["shows", "people", "tags"]}),
    ]
    inlines = [
        BylineInline,
        ContentEditorInline.create(RichText, icon="notes"),
        PhotoBlockInline.create(PhotoBlock, icon="image", formfield_overrides=SHORT_TEXTAREA),
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
        js = [
            "js/article-desk.js",
            "js/autosave.js",
            "js/live-preview.js",
            "js/presence.js",
            "js/merge.js",
        ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related(
                Prefetch("bylines", queryset=ArticleAuthor.objects.select_related("author"))
            )
        )

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        return type(
            form.__name__,
            (form,),
            {
                "desk_user": request.user,
                "requested_step": request.POST.get("_workflow") or None,
                "restoring": hasattr(request, "article_before"),
            },
        )

    def render_live_preview(self, request, form, formsets):
        """The article page for the form as it is: its bylines, coverage and body blocks in
        memory, the rich text already sanitised by the form's validation."""
        bylines, body = posted_parts(formsets)
        unsaved = Unsaved(
            bylines=bylines,
            shows=list(form.cleaned_data.get("shows") or []),
            tags=list(form.cleaned_data.get("tags") or []),
            blocks=body,
        )
        return render_unsaved(request, form.instance, unsaved)

    history_message_ignored = frozenset(
        {"loaded_version", "confirm_live_change", "mark_significant"}
    )

    def part_label(self, model):
        if model is ArticleAuthor:
            return _("bylines")
        return _("body") if model in BLOCK_MODELS else model._meta.verbose_name_plural

    def history_events(self, request, form):
        """The workflow step this save took, and a significant update, with who."""
        events = []
        if form.cleaned_data.get("mark_significant"):
            events.append(_("Marked as a significant update"))
        _before, step = getattr(request, "article_save", (None, None))
        if step:
            events.append(services.step_history_words(step, form.instance, by=request.user))
        return events

    def conflict_extras(self, obj):
        return {
            self.part_label(RichText): body_signature(body_blocks(obj)),
            self.part_label(ArticleAuthor): ", ".join(
                str(b.author) for b in obj.bylines.select_related("author")
            ),
        }

    def conflict_submitted_extras(self, request, obj):
        """The body and bylines as posted, to merge with a newer save: left out if a formset
        does not validate (then a newer change to it is never merged over)."""
        formsets, _inlines = self._create_formsets(request, obj, change=True)
        if not all(formset.is_valid() for formset in formsets):
            return {}
        bylines, body = posted_parts(formsets)
        posted = {
            self.part_label(RichText): body_signature(body),
            self.part_label(ArticleAuthor): ", ".join(str(b.author) for b in bylines),
        }
        return posted

    def conflict_part(self, formset):
        return str(self.part_label(formset.model))

    @admin.display(description=_("where it stands"))
    def workflow_state(self, article):
        return services.describe_state(article)

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

    # Who may do what is decided by the services, here only asked.
    def has_change_permission(self, request, obj=None):
        if obj is not None and not services.can_edit(request.user, obj):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and not services.can_delete(request.user, obj):
            return False
        return super().has_delete_permission(request, obj)

    def can_take_lock(self, request, obj):
        return services.can_publish(request.user)  # editors, as in Wagtail

    def has_publish_permission(self, request):
        return services.can_publish(request.user)

    def render_change_form(self, request, context, *args, **kwargs):
        obj = kwargs.get("obj")
        editable = context.get("has_change_permission", True)
        article = obj or Article()
        context["workflow_buttons"] = (
            [
                (step.name, services.label_for(step, article))
                for step in services.steps_for(request.user, article)
            ]
            if editable
            else []
        )
        before = getattr(request, "article_before", None)
        if before is not None:
            # As it stands outside the restore (the old version is written back meanwhile).
            current = Article(pk=before.pk, status=before.status, publish_at=before.publish_at)
            context["workflow_buttons"] = []  # a restore takes no workflow step
            context["restoring_note"] = _(
                "Restoring brings back the content only: text, blocks, bylines, coverage and "
                "tags. Where the article stands stays as it is now: %(state)s."
            ) % {"state": services.describe_state(current)}
        # The newsroom's time now, as the publish time's boxes are typed: the script names
        # the publish button "Schedule" once they hold a time to come.
        context["desk_now"] = timezone.localtime().strftime("%Y-%m-%dT%H:%M:%S")
        # The editors' import map is an inline script: it carries this response's CSP nonce.
        context["media"] = Media.from_media(
            context["media"], nonce=getattr(request, "csp_nonce", "")
        )
        return super().render_change_form(request, context, *args, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        fields = [*super().get_readonly_fields(request, obj), "workflow_state"]
        if not services.can_publish(request.user):
            fields += ["publish_at", "significant_update_at"]
        return fields

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if hasattr(request, "article_before"):
            # A restore brings back the content only: where the article stands and when it
            # is published stay as they are now (services.save_article keeps them).
            kept = {str(name) for name in PUBLISHING}
            return [(name, opts) for name, opts in fieldsets if str(name) not in kept]
        hidden = set()
        if not services.can_publish(request.user):
            hidden.add("mark_significant")  # the editors' call
        if obj is None or obj.status != ArticleStatus.PUBLISHED:
            hidden.add("confirm_live_change")  # asked only of a published article
        return [
            (name, {**opts, "fields": [f for f in opts["fields"] if f not in hidden]})
            for name, opts in fieldsets
        ]

    def get_formset_kwargs(self, request, obj, inline, prefix):
        """A new article's first byline is the writer typing it, until they change it."""
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if isinstance(inline, BylineInline) and obj.pk is None and request.method == "GET":
            author = Author.objects.filter(user=request.user).first()
            if author is not None:
                kwargs["initial"] = [{"author": author.pk, "position": 0}]
        return kwargs

    def message_user(self, request, message, level=messages.INFO, *args, **kwargs):
        # After a workflow step the desk says what happened, not "changed successfully".
        done = getattr(request, "workflow_done", None)
        if done and level == messages.SUCCESS:
            request.workflow_done = None
            message = done
        super().message_user(request, message, level, *args, **kwargs)

    # Saving: the article's fields, then its bylines and blocks, then the workflow step.
    def get_urls(self):
        roundup = self.admin_site.admin_view(require_POST(self.roundup_view))
        return [
            path("roundup/", roundup, name="articles_article_roundup"),
            *super().get_urls(),
        ]

    def roundup_view(self, request):
        """ "Draft this week's roundup" (a button on the public "new this week" page, shown to
        staff): a draft article prefilled from the release records, opened for editing."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        platform = Platform.objects.filter(slug=request.POST.get("platform") or "").first()
        country = Country.objects.filter(code=(request.POST.get("country") or "").upper()).first()
        try:
            week = datetime.date.fromisoformat(request.POST.get("week", ""))
        except ValueError:
            week = timezone.localdate()
        article = services.draft_roundup(
            platform=platform, country=country, week=week, by=request.user
        )
        self.message_user(
            request,
            _("Drafted “%(headline)s” from this week's releases: edit it, then submit it.")
            % {"headline": article.headline},
            messages.SUCCESS,
        )
        return redirect("admin:articles_article_change", article.pk)

    def remember_state(self, request, object_id):
        article = Article.objects.filter(pk=object_id).first() if object_id else None
        if article is not None and not services.can_edit(request.user, article):
            raise PermissionDenied  # judged on the article as it is, not the version restored
        request.article_before = services.article_facts(object_id) if article else None

    def save_model(self, request, obj, form, change):
        restoring = hasattr(request, "article_before")
        if restoring:  # a restore: as it was before it began
            before = request.article_before
        else:
            before = services.article_facts(obj.pk) if change else None
        # A restore writes back content only; it takes no workflow step.
        step = None if restoring else request.POST.get("_workflow") or None
        recovered = change and before is None  # a deleted article recovered from history
        if recovered and obj.status in (ArticleStatus.IN_REVIEW, ArticleStatus.PUBLISHED):
            step = services.step_to(obj.status).name  # back to where it was, if `by` may
        obj.status = before.status if before else ArticleStatus.DRAFT  # moved by the step
        services.save_article(
            article=obj,
            by=request.user,
            before=before,
            significant=form.cleaned_data.get("mark_significant", False),
            is_new=recovered,
            loaded=form.loaded_at,
            restoring=restoring and before is not None,
        )
        request.article_save = (before, step)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        before, step = request.article_save
        services.article_saved(
            article=form.instance,
            by=request.user,
            before=before,
            step=step,
            at=form.instance.publish_at,
        )
        if step:
            request.workflow_done = services.step_done_message(step, form.instance)

    def delete_model(self, request, obj):
        services.delete_article(article=obj, by=request.user)

    def delete_queryset(self, request, queryset):
        for article in queryset:
            services.delete_article(article=article, by=request.user)

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
            link = services.create_share_link(article=article, by=request.user, days=days)
            self.message_user(
                request,
                format_html(
                    'Preview of “{}” for {} days, no login needed: <a href="{}">{}</a>',
                    article.headline,
                    days,
                    services.share_url(link),
                    request.build_absolute_uri(services.share_url(link)),
                ),
                messages.SUCCESS,
            )


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
        return format_html('<a href="{}">{}</a>', services.share_url(link), _("open the preview"))

    @admin.action(description=_("Revoke the selected links now"), permissions=["change"])
    def revoke(self, request, queryset):
        count = services.revoke_share_links(links=queryset, by=request.user)
        self.message_user(
            request, _("%(count)d link(s) revoked.") % {"count": count}, messages.SUCCESS
        )
