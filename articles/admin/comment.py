"""The moderation desk: held comments first, thread context and the commenter's history on
each comment, one-click approve, spam and remove on every row and on the comment's own page
(static/js/moderation.js does them in place, with keys on the held queue), bulk actions
stamped with who and when, bans, blocked words, and an editor's export and erasure of one
commenter's comments."""

import json

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from articles.comments import services
from articles.models import Ban, BlockedWord, Comment, CommentStatus, ModerationEvent
from articles.models.comment import desk_queue
from newsroom.core.admin import EstimatedCountAdmin, ValidatedFiltersAdmin

# The one-click buttons: (status, label, key on the held queue).
ONE_CLICK = [
    (CommentStatus.APPROVED, _("Approve"), "a"),
    (CommentStatus.SPAM, _("Spam"), "s"),
    (CommentStatus.REMOVED, _("Remove"), "r"),
]


def _moderation_action(status, name, description, note=""):
    def action(modeladmin, request, queryset):
        count = services.moderate_comments(
            comments=queryset, status=status, by=request.user, note=note
        )
        modeladmin.message_user(
            request,
            _("%(count)d comment(s) marked %(state)s.")
            % {"count": count, "state": CommentStatus(status).label},
            messages.SUCCESS,
        )

    action.__name__ = name
    return admin.action(description=description, permissions=["change"])(action)


def _ban_action(name, description, *, with_ip):
    def action(modeladmin, request, queryset):
        bans = services.ban_commenters(comments=queryset, by=request.user, with_ip=with_ip)
        modeladmin.message_user(
            request,
            _("%(count)d ban(s) added; their comments are marked spam and new ones are held.")
            % {"count": bans},
            messages.SUCCESS,
        )

    action.__name__ = name
    return admin.action(description=description, permissions=["change"])(action)


class ModerationEventInline(admin.TabularInline):
    model = ModerationEvent
    extra = 0
    can_delete = False
    fields = ["status", "by", "at", "note"]
    readonly_fields = fields
    verbose_name_plural = _("Moderation history")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Comment)
class CommentAdmin(ValidatedFiltersAdmin, EstimatedCountAdmin, admin.ModelAdmin):
    list_display = [
        "excerpt",
        "status_badge",
        "held_reason",
        "name",
        "on_article",
        "created_at",
        "moderate",
    ]
    # No filter listing articles or dates: at a million comments, both would scan them all
    # on every page (search finds an article's comments by its headline).
    list_filter = ["status", "created_at"]
    list_select_related = ["article"]
    search_fields = ["name", "email", "body", "article__headline", "=ip_address"]
    list_per_page = 50
    readonly_fields = [
        "article",
        "parent",
        "thread_context",
        "commenter_history",
        "held_reason",
        "ip_address",
        "user_agent",
        "created_at",
        "moderated_by",
        "moderated_at",
    ]
    fieldsets = [
        (None, {"fields": ["article", "parent", "name", "email", "body", "status"]}),
        (_("Context"), {"fields": ["thread_context", "commenter_history"]}),
        (
            _("Moderation record"),
            {
                "fields": [
                    "held_reason",
                    "moderated_by",
                    "moderated_at",
                    "ip_address",
                    "user_agent",
                    "created_at",
                ]
            },
        ),
    ]
    inlines = [ModerationEventInline]
    actions = [
        _moderation_action(CommentStatus.APPROVED, "approve", _("Approve selected comments")),
        _moderation_action(CommentStatus.SPAM, "mark_spam", _("Mark selected comments as spam")),
        _moderation_action(
            CommentStatus.APPROVED,
            "mark_not_spam",
            _("Not spam: approve selected comments"),
            note="not spam",
        ),
        _moderation_action(CommentStatus.REMOVED, "remove", _("Remove selected comments")),
        _ban_action("ban_email", _("Ban the commenters' emails"), with_ip=False),
        _ban_action("ban_email_and_ip", _("Ban the commenters' emails and IPs"), with_ip=True),
    ]

    class Media:
        css = {"all": ["css/admin.css"]}
        js = ["js/moderation.js"]

    def get_queryset(self, request):
        # The queue: held comments first, then the newest.
        return super().get_queryset(request).annotate(queue=desk_queue())

    def get_ordering(self, request):
        return [F("queue").asc(), "-created_at", "-id"]  # comment_desk_idx

    def has_add_permission(self, request):
        return False  # comments come from readers

    def get_urls(self):
        return [
            path(
                "commenter/",
                self.admin_site.admin_view(self.commenter_view),
                name="articles_comment_commenter",
            ),
            path(
                "<int:object_id>/moderate/",
                self.admin_site.admin_view(require_POST(self.moderate_view)),
                name="articles_comment_moderate",
            ),
            *super().get_urls(),
        ]

    @admin.display(description=_("comment"))
    def excerpt(self, comment):
        return comment.excerpt

    @admin.display(description=_("article"), ordering="article__headline")
    def on_article(self, comment):
        headline = comment.article.headline
        return headline if len(headline) <= 40 else f"{headline[:39]}…"

    @admin.display(description=_("status"), ordering="status")
    def status_badge(self, comment):
        label = _("held") if comment.status == CommentStatus.HELD else comment.get_status_display()
        return format_html(
            '<span class="nr-badge nr-badge--{}" title="{}">{}</span>',
            comment.status,
            comment.get_status_display(),
            label,
        )

    @admin.display(description=_("moderate"))
    def moderate(self, comment):
        """One click per state. The buttons submit the page's own form (it carries the CSRF
        token) to this comment's moderation address; the script does it without a reload."""
        url = reverse("admin:articles_comment_moderate", args=[comment.pk])
        return format_html(
            '<span class="nr-moderate" role="group" aria-label="{}">{}</span>',
            _("Moderate the comment by %(name)s") % {"name": comment.name},
            format_html_join(
                "",
                '<button type="submit" class="button nr-moderate__{}" formaction="{}"'
                ' name="status" value="{}" data-key="{}"{}>{}</button>',
                (
                    (value, url, value, key, " disabled" if comment.status == value else "", label)
                    for value, label, key in ONE_CLICK
                ),
            ),
        )

    def moderate_view(self, request, object_id):
        """Approve, spam or remove one comment (a POST from its row or its page)."""
        comment = get_object_or_404(Comment, pk=object_id)
        if not self.has_change_permission(request, comment):
            raise PermissionDenied
        status = request.POST.get("status", "")
        if status not in {value for value, _label, _key in ONE_CLICK}:
            return HttpResponseBadRequest(_("Choose approve, spam or remove."))
        services.moderate_comments(
            comments=Comment.objects.filter(pk=comment.pk), status=status, by=request.user
        )
        label = CommentStatus(status).label
        message = _("The comment by %(name)s is marked %(state)s.") % {
            "name": comment.name,
            "state": label,
        }
        if request.headers.get("Accept", "").startswith("application/json"):
            return JsonResponse({"status": status, "label": str(label), "message": str(message)})
        self.message_user(request, message, messages.SUCCESS)
        back = request.POST.get("next") or request.headers.get("Referer", "")
        if not url_has_allowed_host_and_scheme(
            back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            back = reverse("admin:articles_comment_changelist")
        return redirect(back)

    def render_change_form(self, request, context, *args, **kwargs):
        comment = kwargs.get("obj")
        if comment is not None and self.has_change_permission(request, comment):
            context["one_click"] = self.moderate(comment)
        return super().render_change_form(request, context, *args, **kwargs)

    @admin.display(description=_("in the thread"))
    def thread_context(self, comment):
        if not comment.pk:
            return "—"
        above = [c for c in (comment.parent, comment.parent and comment.parent.parent) if c]
        replies = list(comment.replies.order_by("created_at")[:20])
        rows = [
            *(("↑", c.name, c.get_status_display(), c.excerpt) for c in reversed(above)),
            ("→", comment.name, comment.get_status_display(), comment.excerpt),
            *(("↓", c.name, c.get_status_display(), c.excerpt) for c in replies),
        ]
        return format_html(
            '<ul class="nr-context">{}</ul>',
            format_html_join("", "<li>{} <strong>{}</strong> ({}): {}</li>", rows),
        )

    @admin.display(description=_("commenter's history"))
    def commenter_history(self, comment):
        if not comment.pk:
            return "—"
        others = Comment.objects.filter(email=comment.email).exclude(pk=comment.pk)
        counts = {
            label: others.filter(status=value).count() for value, label in CommentStatus.choices
        }
        banned = Ban.objects.filter(email=comment.email).exists()
        summary = ", ".join(f"{count} {label}" for label, count in counts.items())
        return format_html(
            "{}{} <a href='{}?q={}'>{}</a>",
            summary,
            format_html(" · <strong>{}</strong>", _("banned")) if banned else "",
            reverse("admin:articles_comment_changelist"),
            comment.email,
            _("See them all"),
        )

    def save_model(self, request, obj, form, change):
        services.edit_comment(
            comment=obj, by=request.user, status_changed="status" in form.changed_data
        )

    def delete_model(self, request, obj):
        services.delete_comments(comments=Comment.objects.filter(pk=obj.pk), by=request.user)

    def delete_queryset(self, request, queryset):
        services.delete_comments(comments=queryset, by=request.user)

    def commenter_view(self, request):
        """An editor exports or erases every comment made with one email address."""
        if not request.user.has_perm("articles.delete_comment"):
            raise PermissionDenied
        form = CommenterForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            email = form.cleaned_data["email"]
            comments = Comment.objects.filter(email=email)
            if "export" in request.POST:
                data = services.export_commenter(email=email, by=request.user)
                response = HttpResponse(
                    json.dumps(data, ensure_ascii=False, indent=2),
                    content_type="application/json; charset=utf-8",
                )
                response["Content-Disposition"] = 'attachment; filename="comments.json"'
                return response
            if "erase" in request.POST and not form.cleaned_data["confirm"]:
                form.add_error("confirm", _("Tick the box to confirm the erasure."))
            elif "erase" in request.POST:
                count = services.erase_commenter(email=email, by=request.user)
                self.message_user(
                    request,
                    _("%(count)d comment(s) by that email were erased.") % {"count": count},
                    messages.SUCCESS,
                )
                return redirect("admin:articles_comment_commenter")
            if not form.errors:
                form.found = comments.count()
        context = {
            **self.admin_site.each_context(request),
            "title": _("A commenter's comments: export or erase"),
            "form": form,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/articles/comment/commenter.html", context)


class CommenterForm(forms.Form):
    email = forms.EmailField(label=_("Email address"))
    confirm = forms.BooleanField(
        label=_("Yes, erase them (needed for Erase; cannot be undone)"), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.found = None

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


@admin.register(Ban)
class BanAdmin(ValidatedFiltersAdmin, admin.ModelAdmin):
    list_display = ["email", "ip_address", "reason", "created_by", "created_at"]
    search_fields = ["email", "=ip_address", "reason"]
    readonly_fields = ["created_by", "created_at"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.email = obj.email.strip().lower()
        super().save_model(request, obj, form, change)


@admin.register(BlockedWord)
class BlockedWordAdmin(admin.ModelAdmin):
    list_display = ["phrase", "created_at"]
    search_fields = ["phrase"]
