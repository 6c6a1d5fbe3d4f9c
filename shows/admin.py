import reversion
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db import models
from django.db.models import Count
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin

from newsroom.core.admin import (
    AuditedAdmin,
    AutosavedAdmin,
    CheckedInlinesAdmin,
    ConflictCheckedAdmin,
    HistoryCompareAdmin,
    PresenceAdmin,
)
from people.admin import PersonAdmin
from people.models import Person

from . import services
from .forms import SeasonForm, ShowAdminForm, WindowedForm
from .models import (
    Availability,
    Company,
    Country,
    Credit,
    Episode,
    Genre,
    KnownFor,
    Language,
    Platform,
    Season,
    Show,
    ShowStatus,
    ShowTitle,
    StatusChange,
)

ADMIN_CSS = {"all": ["css/admin.css"]}

# A version of a show holds its titles and credits, not its status history: restoring an old
# version must never delete status entries recorded since (they have their own record and
# corrections). Registered here, before ShowAdmin, so VersionAdmin does not follow every inline.
# Seasons (with their episodes) and where-to-watch rows are content: a restore brings them back.
for _model in (ShowTitle, Credit, Episode, Availability):
    if not reversion.is_registered(_model):
        reversion.register(_model)
if not reversion.is_registered(Season):
    reversion.register(Season, follow=["episodes"])
if not reversion.is_registered(Show):
    reversion.register(Show, follow=["other_titles", "credits", "seasons", "availability"])


class ShowTitleInline(admin.TabularInline):
    model = ShowTitle
    extra = 0
    autocomplete_fields = ["language"]
    verbose_name_plural = _("other titles (original-language, working titles, misspellings)")


class CreditInline(admin.TabularInline):
    model = Credit
    extra = 0
    autocomplete_fields = ["person"]
    fields = [
        "person",
        "role",
        "role_detail",
        "character_name",
        "character_description",
        "billing_order",
    ]
    ordering = ["role", "billing_order", "pk"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person")


class SeasonInline(admin.TabularInline):
    """A series' seasons; each season's episodes are edited on its own page (the link)."""

    model = Season
    form = WindowedForm
    extra = 0
    fields = ["number", "title", "status", "release_window", "episode_count"]
    show_change_link = True
    verbose_name_plural = _("seasons (open one to list its episodes)")


class AvailabilityInline(admin.TabularInline):
    """Where to watch, country by country, with the day each row was last confirmed."""

    model = Availability
    form = WindowedForm
    extra = 0
    fields = ["country", "platform", "kind", "release_window", "ends_on", "confirmed_on"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("country", "platform")


class StatusHistoryInline(admin.TabularInline):
    """The production-status history, newest first. New entries come from the status fields."""

    model = StatusChange
    extra = 0
    can_delete = False
    fields = [
        "confirmed_on",
        "status",
        "note",
        "source_url",
        "recorded_by",
        "recorded_at",
        "correct",
    ]
    readonly_fields = fields
    verbose_name_plural = _("status history")

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("recorded_by")

    @admin.display(description=_("correct"))
    def correct(self, entry):
        label = _("Correct") if not entry.corrections else _("Corrected; correct again")
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:shows_statuschange_change", args=[entry.pk]),
            label,
        )


class StatusCorrectionForm(forms.ModelForm):
    source_url = forms.URLField(label=_("Source link"), required=False, assume_scheme="https")
    reason = forms.CharField(
        label=_("Why it is corrected"),
        max_length=300,
        help_text=_("Kept with the entry, e.g. “Filming began on 8 April, not 6 April”."),
    )

    class Meta:
        model = StatusChange
        fields = ["status", "confirmed_on", "note", "source_url"]


@admin.register(StatusChange)
class StatusChangeAdmin(admin.ModelAdmin):
    """Correcting a mistaken history entry: the old values and the reason are kept."""

    form = StatusCorrectionForm
    list_display = ["show", "confirmed_on", "status", "recorded_by", "corrected"]
    list_select_related = ["show", "recorded_by"]
    search_fields = ["show__title", "note"]
    readonly_fields = ["show", "recorded_by", "recorded_at", "earlier_values"]
    fields = [
        "show",
        "status",
        "confirmed_on",
        "note",
        "source_url",
        "reason",
        "earlier_values",
        "recorded_by",
        "recorded_at",
    ]

    def has_add_permission(self, request):
        return False  # new entries come from the show's status fields or the tracker

    def has_delete_permission(self, request, obj=None):
        return False  # entries are corrected, never deleted

    def has_change_permission(self, request, obj=None):
        return request.user.has_perm("shows.change_show_status") and super().has_change_permission(
            request, obj
        )

    @admin.display(description=_("corrected"), boolean=True)
    def corrected(self, entry):
        return bool(entry.corrections)

    @admin.display(description=_("earlier values"))
    def earlier_values(self, entry):
        if not entry.corrections:
            return "—"
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                "<li>{} by {}: was {} on {} ({}). Reason: {}</li>",
                (
                    (
                        c["at"][:16].replace("T", " "),
                        c["by"] or "—",
                        c["was"]["status"],
                        c["was"]["confirmed_on"],
                        c["was"]["note"] or "no note",
                        c["reason"],
                    )
                    for c in entry.corrections
                ),
            ),
        )

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        services.correct_status(
            entry=StatusChange.objects.get(pk=obj.pk),
            status=data["status"],
            confirmed_on=data["confirmed_on"],
            note=data["note"],
            source_url=data["source_url"],
            reason=data["reason"],
            by=request.user,
        )


class StaleFilter(admin.SimpleListFilter):
    title = _("confirmation")
    parameter_name = "confirmed"

    def lookups(self, request, model_admin):
        days = settings.SHOWS_STALE_AFTER_DAYS
        return [
            ("stale", _("stale: over %(days)d days ago, still moving") % {"days": days}),
            ("fresh", _("confirmed within %(days)d days, or settled") % {"days": days}),
        ]

    def queryset(self, request, queryset):
        if self.value() == "stale":
            return queryset.stale()
        if self.value() == "fresh":
            return queryset.fresh()
        return queryset


class StatusUpdateForm(forms.Form):
    """One status update applied to the selected shows, each getting its history entry."""

    status = forms.ChoiceField(label=_("New status"), choices=ShowStatus.choices)
    confirmed_on = forms.DateField(
        label=_("Confirmed on"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("The day the source confirmed it."),
    )
    source_url = forms.URLField(label=_("Source link"), required=False, assume_scheme="https")
    note = forms.CharField(label=_("Note"), required=False, max_length=300)


@admin.register(Show)
class ShowAdmin(
    PresenceAdmin,
    AutosavedAdmin,
    AuditedAdmin,
    CheckedInlinesAdmin,
    ConflictCheckedAdmin,
    HistoryCompareAdmin,
    VersionAdmin,
    admin.ModelAdmin,
):
    """The show form. Saves go through shows.services, which check the status rights on
    the server, record status history and purge what readers saw. It autosaves as it is
    typed and says who else has it open (newsroom.core.admin); the live preview of the show
    page is added by newsroom.pages, which owns that page."""

    form = ShowAdminForm
    change_form_template = "admin/shows/show/change_form.html"
    history_related_ignored_fields = ["show"]
    list_display = [
        "title",
        "kind",
        "status_badge",
        "status_confirmed_on",
        "days_since",
        "release_window_display",
        "platform",
    ]
    list_filter = [StaleFilter, "status", "kind", "platform", "genres", "countries"]
    actions = ["update_status"]
    list_select_related = ["platform"]
    search_fields = ["title", "other_titles__title", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = [
        "platform",
        "countries",
        "languages",
        "genres",
        "companies",
        "based_on_show",
    ]
    inlines = [
        ShowTitleInline,
        CreditInline,
        SeasonInline,
        AvailabilityInline,
        StatusHistoryInline,
    ]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "platform", "synopsis"]}),
        (
            _("Production status"),
            {
                "fields": [
                    "status",
                    "status_confirmed_on",
                    "status_note",
                    "status_source_url",
                ],
                "description": _(
                    "Changing the status or its date adds an entry to the status history below."
                ),
            },
        ),
        (_("Release"), {"fields": ["release_window", "release_note"]}),
        (
            _("Origin"),
            {
                "fields": [
                    "countries",
                    "languages",
                    "genres",
                    "companies",
                    "based_on",
                    "based_on_show",
                ]
            },
        ),
    ]

    class Media:
        css = ADMIN_CSS
        js = ["js/autosave.js", "js/live-preview.js", "js/presence.js", "js/merge.js"]

    @admin.display(description=_("status"), ordering="status")
    def status_badge(self, show):
        return format_html(
            '<span class="nr-badge nr-badge--{}">{}</span>', show.status, show.get_status_display()
        )

    @admin.display(description=_("days since"), ordering="status_confirmed_on")
    def days_since(self, show):
        days = (timezone.localdate() - show.status_confirmed_on).days
        if show.is_stale:
            return format_html('<span class="nr-stale" title="{}">⚠ {}</span>', _("stale"), days)
        return days

    def has_change_status_permission(self, request):
        return request.user.has_perm("shows.change_show_status")

    def can_take_lock(self, request, obj):
        return request.user.has_perm("shows.change_show_status")  # the editors

    @admin.action(description=_("Update the production status"), permissions=["change_status"])
    def update_status(self, request, queryset):
        """A form for one status update, applied to every selected show with its own history
        entry. A show whose history already has a later date is left as it is, with a reason."""
        if "apply" in request.POST:
            form = StatusUpdateForm(request.POST)
            if form.is_valid():
                updated, skipped = [], []
                data = form.cleaned_data
                for show in queryset:
                    newest = show.status_history.first()
                    if newest and data["confirmed_on"] < newest.confirmed_on:
                        skipped.append(f"{show} ({date_format(newest.confirmed_on)})")
                        continue
                    services.record_status(
                        show=show,
                        status=data["status"],
                        confirmed_on=data["confirmed_on"],
                        note=data["note"],
                        source_url=data["source_url"],
                        by=request.user,
                    )
                    updated.append(str(show))
                if updated:
                    self.message_user(
                        request,
                        _("Status recorded for %(shows)s.") % {"shows": ", ".join(updated)},
                        messages.SUCCESS,
                    )
                if skipped:
                    self.message_user(
                        request,
                        _("Not changed, their history has a later date: %(shows)s.")
                        % {"shows": ", ".join(skipped)},
                        messages.WARNING,
                    )
                return None
        else:
            form = StatusUpdateForm(initial={"confirmed_on": timezone.localdate()})
        context = {
            **self.admin_site.each_context(request),
            "title": _("Update the production status"),
            "form": form,
            "shows": queryset,
            "opts": self.model._meta,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/shows/show/update_status.html", context)

    @admin.display(description=_("release window"), ordering="release_date")
    def release_window_display(self, show):
        return str(show.release_window) if show.release_window else "—"

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        return {"status_confirmed_on": timezone.localdate(), **initial}

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if request.user.has_perm("shows.change_show_status"):
            return fields
        return [*fields, "status", "status_confirmed_on"]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if request.user.has_perm("shows.change_show_status"):
            return fieldsets
        # Without the right to change the status, it is shown but the history notes are not.
        status_only = {"fields": ["status", "status_confirmed_on"]}
        return [
            (name, status_only if name == _("Production status") else options)
            for name, options in fieldsets
        ]

    def conflict_extras(self, obj):
        credits = obj.credits.select_related("person").order_by("role", "billing_order", "pk")
        return {
            _("credits"): "; ".join(
                f"{c.person.name} ({c.get_role_display()}"
                + (f", {c.character_name}" if c.character_name else "")
                + ")"
                for c in credits
            ),
            _("other titles"): ", ".join(t.title for t in obj.other_titles.order_by("title")),
        }

    def remember_state(self, request, object_id):
        request.show_before = services.show_facts(object_id) if object_id else None

    def save_model(self, request, obj, form, change):
        restoring = hasattr(request, "show_before")
        if restoring:  # a restore: as it was before it began
            before = request.show_before
        else:
            before = services.show_facts(obj.pk) if change else None
        services.save_show(
            show=obj,
            by=request.user,
            before=before,
            is_new=change and before is None,
            loaded=form.loaded_at,
            restoring=restoring and before is not None,
        )
        request.show_before = before

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.show_saved(
            show=form.instance,
            by=request.user,
            before=request.show_before,
            status_note=form.cleaned_data.get("status_note", ""),
            status_source_url=form.cleaned_data.get("status_source_url", ""),
        )

    def delete_model(self, request, obj):
        services.delete_show(show=obj, by=request.user)

    def delete_queryset(self, request, queryset):
        for show in queryset:
            services.delete_show(show=show, by=request.user)


class EpisodeInline(admin.TabularInline):
    model = Episode
    form = WindowedForm
    extra = 0
    fields = ["number", "title", "release_window", "runtime"]


@admin.register(Season)
class SeasonAdmin(CheckedInlinesAdmin, HistoryCompareAdmin, VersionAdmin, admin.ModelAdmin):
    """A season with its episodes (Django's admin nests one level of inlines: the seasons
    are inline on the show, the episodes here). Saves go through shows.services."""

    form = SeasonForm
    list_display = ["__str__", "show", "status", "release_window_display", "episode_count"]
    list_select_related = ["show"]
    search_fields = ["show__title", "title"]
    autocomplete_fields = ["show"]
    fields = ["show", "number", "title", "status", "release_window", "episode_count"]
    inlines = [EpisodeInline]

    def get_fields(self, request, obj=None):
        return [*self.fields, "loaded_show"] if obj else self.fields

    class Media:
        css = ADMIN_CSS

    @admin.display(description=_("release"), ordering="release_date")
    def release_window_display(self, season):
        return str(season.release_window) if season.release_window else "—"

    def get_readonly_fields(self, request, obj=None):
        return ["show"] if obj else []

    def remember_state(self, request, object_id):
        # A restore writes the old version back before the form is saved: what readers saw
        # is read now, so the save purges it.
        show = Season.objects.filter(pk=object_id).values_list("show_id", flat=True).first()
        request.season_before = services.show_facts(show) if show else None

    def save_model(self, request, obj, form, change):
        if not hasattr(request, "season_before"):
            request.season_before = services.show_facts(obj.show_id) if obj.show_id else None
        services.save_season(season=obj, by=request.user, loaded=form.loaded_at)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.season_saved(season=form.instance, by=request.user, before=request.season_before)

    def delete_model(self, request, obj):
        services.delete_season(season=obj, by=request.user)

    def delete_queryset(self, request, queryset):
        for season in queryset:
            services.delete_season(season=season, by=request.user)


class NamedAdmin(admin.ModelAdmin):
    list_display = ["name", "show_count"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(show_count=Count("shows"))

    @admin.display(description=_("shows"), ordering="show_count")
    def show_count(self, obj):
        return obj.show_count

    def save_model(self, request, obj, form, change):
        services.save_vocabulary(obj=obj, by=request.user)

    def delete_model(self, request, obj):
        services.delete_vocabulary(obj=obj, by=request.user)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            services.delete_vocabulary(obj=obj, by=request.user)


@admin.register(Platform)
class PlatformAdmin(NamedAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["name", "kind", "website", "show_count"]
    list_filter = ["kind"]


admin.site.register(Company, NamedAdmin)
admin.site.register(Genre, NamedAdmin)


@admin.register(Country, Language)
class CodedAdmin(NamedAdmin):
    list_display = ["name", "code", "show_count"]
    search_fields = ["name", "code"]
    prepopulated_fields = {}


class KnownForInline(admin.TabularInline):
    model = KnownFor
    extra = 0
    autocomplete_fields = ["show"]
    fields = ["show", "note", "ordering"]


class PersonCreditInline(admin.TabularInline):
    model = Credit
    extra = 0
    autocomplete_fields = ["show"]
    fields = ["show", "role", "role_detail", "character_name", "billing_order"]
    verbose_name_plural = _("credits")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("show")


# A person's page in the admin also shows their credits and the tracked shows they are known
# for. Those models live here (shows depends on people, never the reverse), so this app
# extends the people app's admin rather than the other way round.
admin.site.unregister(Person)


@admin.register(Person)
class PersonWithCreditsAdmin(CheckedInlinesAdmin, PersonAdmin):
    inlines = [KnownForInline, PersonCreditInline]
    list_filter = [("credits__role", admin.ChoicesFieldListFilter)]

    def save_model(self, request, obj, form, change):
        request.person_credits = services.person_credits(obj)
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.person_credits_saved(person=form.instance, before=request.person_credits)
