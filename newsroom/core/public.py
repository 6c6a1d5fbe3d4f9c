"""Helpers every public page shares: paged lists, breadcrumbs, filtering by a relation."""

import django_filters
from django.conf import settings

from newsroom.core.paginator import CachedCountPaginator
from newsroom.core.widgets import QuickSelect


class PublicListMixin:
    """A public list view: NEWSROOM_PAGE_SIZE a page, each count kept while what it lists
    is unchanged (CachedCountPaginator)."""

    paginator_class = CachedCountPaginator

    def get_paginate_by(self, queryset):
        return settings.NEWSROOM_PAGE_SIZE


def breadcrumbs(request, trail):
    """schema.org BreadcrumbList from [(name, path), ...] (the trail the page shows)."""
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": number,
                "name": str(name),
                "item": request.build_absolute_uri(path),
            }
            for number, (name, path) in enumerate(trail, start=1)
        ],
    }


def related_to(queryset, field_name, targets):
    """Rows of `queryset` linked through the many-to-many `field_name` to any of `targets`.

    A subquery on the link table (`pk IN (...)`), not a join: no duplicate rows, so lists need
    no DISTINCT, which on a large newsroom would sort every row before paging.
    """
    return queryset.filter(pk__in=linked_ids(queryset.model, field_name, targets))


def linked_ids(model, field_name, targets):
    """The ids of `model` rows linked through the many-to-many `field_name` to any of
    `targets`: a query on the link table alone, for ``pk__in``."""
    field = model._meta.get_field(field_name)
    links = field.remote_field.through.objects.filter(
        **{f"{field.m2m_reverse_field_name()}__in": targets}
    )
    return links.values(field.m2m_field_name())


class RelatedChoiceFilter(django_filters.ModelChoiceFilter):
    """A choice of one related object, filtered by `related_to`."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", QuickSelect)
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if value in django_filters.constants.EMPTY_VALUES:
            return qs
        return related_to(qs, self.field_name, [value])


def filter_params(filterset_class, *extra):
    """The query parameters a filtered list reads (``cache_page(params=...)``): each
    filter's, with the suffixes of a range's two inputs, the page number, and `extra`."""

    def names():
        found = {"page", *extra}
        for name, declared in filterset_class.base_filters.items():
            suffixes = getattr(declared.field.widget, "suffixes", None)
            if suffixes:
                found.update(f"{name}_{suffix}" if suffix else name for suffix in suffixes)
            else:
                found.add(name)
        return found

    return names
