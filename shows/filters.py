"""Reader-facing filters for shows (the public production tracker) and people."""

import django_filters
from django import forms
from django.db.models import F
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from newsroom.core.cache import add_tags
from newsroom.core.public import RelatedChoiceFilter
from newsroom.core.widgets import QuickSelect
from people import cache_tags as people_tags
from people.models import Person
from shows import cache_tags as show_tags
from shows.models import (
    Country,
    Credit,
    CreditRole,
    Genre,
    Language,
    Platform,
    Show,
    ShowKind,
    ShowStatus,
)
from shows.selectors import ReleaseFilters


def _capitalised(choices):
    return [(value, capfirst(label)) for value, label in choices]


class ReleaseOrdering(django_filters.OrderingFilter):
    """Sort by release window, soonest first (the default: windows to come, then those
    past, most recent first, then shows with none), latest first, or by title."""

    def filter(self, qs, value):
        value = value or ["release"]
        if value[0] == "release":
            return qs.by_release()
        if value[0] == "-release":
            return qs.order_by(F("release_date").desc(nulls_last=True), "title", "pk")
        return super().filter(qs, value)


class ShowFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        widget=QuickSelect,
        label=_("Status"),
        choices=_capitalised(ShowStatus.choices),
        empty_label=_("Any status"),
    )
    platform = django_filters.ModelChoiceFilter(
        widget=QuickSelect,
        label=_("Platform"),
        to_field_name="slug",
        queryset=Platform.objects.all(),
        empty_label=_("Any platform"),
    )
    kind = django_filters.ChoiceFilter(
        widget=QuickSelect,
        label=_("Kind"),
        choices=_capitalised(ShowKind.choices),
        empty_label=_("Series or film"),
    )
    country = RelatedChoiceFilter(
        label=_("Country"),
        field_name="countries",
        to_field_name="code",
        queryset=Country.objects.all(),
        empty_label=_("Any country"),
    )
    language = RelatedChoiceFilter(
        label=_("Language"),
        field_name="languages",
        to_field_name="code",
        queryset=Language.objects.all(),
        empty_label=_("Any language"),
    )
    genre = RelatedChoiceFilter(
        label=_("Genre"),
        field_name="genres",
        to_field_name="slug",
        queryset=Genre.objects.all(),
        empty_label=_("Any genre"),
    )
    year = django_filters.NumberFilter(
        label=_("Release year"),
        field_name="release_date__year",
        min_value=1870,
        max_value=2200,
    )
    sort = ReleaseOrdering(
        widget=QuickSelect,
        label=_("Sort by"),
        choices=[
            ("release", _("Release window, soonest first")),
            ("-release", _("Release window, latest first")),
            ("title", _("Title")),
        ],
        fields={"release_date": "release", "title": "title"},
        empty_label=None,
    )

    class Meta:
        model = Show
        fields = ["status", "platform", "kind", "country", "language", "genre", "year"]

    # What the form's choices show: its cached fragment is purged with them.
    cache_tags = [
        show_tags.vocabulary_list(model) for model in (Platform, Country, Language, Genre)
    ]


class PersonFilter(django_filters.FilterSet):
    role = django_filters.ChoiceFilter(
        widget=QuickSelect,
        label=_("Role"),
        method="filter_role",
        choices=_capitalised(CreditRole.choices),
        empty_label=_("Any role"),
    )
    show = django_filters.CharFilter(
        label=_("Show"), method="filter_show", help_text=_("A title, e.g. Romantics Anonymous.")
    )

    class Meta:
        model = Person
        fields = ["role", "show"]

    cache_tags = [people_tags.PEOPLE]

    def filter_show(self, queryset, name, value):
        if not value.strip():
            return queryset
        add_tags(show_tags.SHOWS)  # which shows a title names
        credits = Credit.objects.filter(show__in=Show.objects.named(value).values("pk"))
        role = self.form.cleaned_data.get("role")
        if role:  # the same credit must match both: "directors of this show"
            credits = credits.filter(role=role)
        return queryset.filter(pk__in=credits.values("person"))

    def filter_role(self, queryset, name, value):
        if self.form.cleaned_data.get("show", "").strip():
            return queryset  # applied with the show, on the same credit
        return queryset.filter(pk__in=Credit.objects.filter(role=value).values("person"))


class ReleaseFilterForm(forms.Form):
    platform = forms.ModelChoiceField(
        label=_("Platform"),
        queryset=Platform.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Any platform"),
        widget=QuickSelect,
    )
    country = forms.ModelChoiceField(
        label=_("Where to watch"),
        queryset=Country.objects.all(),
        to_field_name="code",
        required=False,
        empty_label=_("Any country"),
        widget=QuickSelect,
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[("", _("Series or film")), *_capitalised(ShowKind.choices)],
        required=False,
        widget=QuickSelect,
    )
    genre = forms.ModelChoiceField(
        label=_("Genre"),
        queryset=Genre.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Any genre"),
        widget=QuickSelect,
    )
    premieres = forms.BooleanField(
        label=_("Premieres only"),
        required=False,
        help_text=_("Films, series and new seasons; no single episodes or arrivals."),
    )


class ReleaseFilter:
    """The release calendar's filters. A value that means nothing (an unknown platform, a
    made-up kind) is dropped, and named in ``ignored``: the calendar is shown without it,
    never an error page."""

    params = ["platform", "country", "kind", "genre", "premieres"]
    cache_tags = [show_tags.vocabulary_list(model) for model in (Platform, Country, Genre)]

    def __init__(self, data):
        self.form = ReleaseFilterForm(data)
        self.form.is_valid()
        self.ignored = [self.form.fields[name].label for name in self.form.errors]
        self.form = ReleaseFilterForm(
            {
                name: value
                for name, value in data.items()
                if name in self.form.fields and name not in self.form.errors
            }
        )
        self.form.is_valid()
        cleaned = self.form.cleaned_data
        self.filters = ReleaseFilters(
            platform=cleaned.get("platform"),
            country=cleaned.get("country"),
            kind=cleaned.get("kind", ""),
            genre=cleaned.get("genre"),
            premieres_only=bool(cleaned.get("premieres")),
        )
