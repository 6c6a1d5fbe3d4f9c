"""Reader-facing filters for the article list: plain GET forms, shareable URLs."""

import datetime

import django_filters
from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from articles import cache_tags as article_tags
from articles.models import Article, ArticleKind, Author, Tag
from newsroom.core.cache import add_tags
from newsroom.core.public import RelatedChoiceFilter, related_to
from newsroom.core.widgets import QuickSelect
from people import cache_tags as people_tags
from people.models import Person
from shows import cache_tags as show_tags
from shows.models import Show


class DateInput(forms.DateInput):
    """A native date picker. A value that is not a date (a hand-edited URL) is not echoed
    into the input, where it would be invalid HTML; the field's error says what was wrong."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")

    def format_value(self, value):
        if isinstance(value, str):
            try:
                datetime.date.fromisoformat(value)
            except ValueError:
                return None
        return super().format_value(value)


class ArticleFilter(django_filters.FilterSet):
    show = django_filters.CharFilter(
        label=_("Show"), method="filter_show", help_text=_("A title, e.g. Romantics Anonymous.")
    )
    person = django_filters.CharFilter(
        label=_("Person"), method="filter_person", help_text=_("A name, e.g. Shun Oguri.")
    )
    tag = RelatedChoiceFilter(
        label=_("Tag"),
        field_name="tags",
        to_field_name="slug",
        queryset=Tag.objects.all(),
        empty_label=_("Any tag"),
    )
    author = RelatedChoiceFilter(
        label=_("Author"),
        field_name="authors",
        to_field_name="slug",
        queryset=Author.objects.all(),
        empty_label=_("Any author"),
    )
    kind = django_filters.ChoiceFilter(
        widget=QuickSelect,
        label=_("Kind"),
        choices=[(value, capfirst(label)) for value, label in ArticleKind.choices],
        empty_label=_("Any kind"),
    )
    published_after = django_filters.DateFilter(
        label=_("Published from"),
        field_name="publish_at__date",
        lookup_expr="gte",
        widget=DateInput,
    )
    published_before = django_filters.DateFilter(
        label=_("Published until"),
        field_name="publish_at__date",
        lookup_expr="lte",
        widget=DateInput,
    )

    class Meta:
        model = Article
        fields = ["show", "person", "tag", "author", "kind", "published_after", "published_before"]

    # What the form's choices show: its cached fragment is purged with them.
    cache_tags = [article_tags.TAGS, article_tags.AUTHORS]

    def filter_show(self, queryset, name, value):
        if not value.strip():
            return queryset
        add_tags(show_tags.SHOWS)  # which shows a title names
        return related_to(queryset, "shows", Show.objects.named(value).values("pk"))

    def filter_person(self, queryset, name, value):
        if not value.strip():
            return queryset
        add_tags(people_tags.PEOPLE)  # which people a name names
        return related_to(queryset, "people", Person.objects.named(value).values("pk"))
