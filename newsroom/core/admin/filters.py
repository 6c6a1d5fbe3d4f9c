"""Filters typed into a change list's address are checked before they reach the database.

Django's admin turns a bad lookup into its "invalid lookup" notice when the filter is built,
but some values only fail when PostgreSQL runs the query (``?ip_address=not-an-ip`` on an
``inet`` column): a 500. Here each ``field=value`` naming one of the model's own fields,
with a lookup that compares values (``exact``, ``gt``... and each item of ``in`` and
``range``), is validated as the field would validate it; a value it refuses gets the same
notice (``?e=1``)."""

from django.contrib.admin.views.main import ERROR_FLAG
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.http import HttpResponseRedirect

# Lookups whose value is one of the field's own values (or a comma-separated list of them).
VALUE_LOOKUPS = {"", "exact", "iexact", "gt", "gte", "lt", "lte"}
LIST_LOOKUPS = {"in", "range"}


class ValidatedFiltersAdmin:
    def changelist_view(self, request, extra_context=None):
        for key, value in request.GET.items():
            name, _, lookup = key.partition("__")
            if lookup not in VALUE_LOOKUPS | LIST_LOOKUPS:
                continue
            try:
                field = self.model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if not field.concrete or field.is_relation:
                continue
            values = value.split(",") if lookup in LIST_LOOKUPS else [value]
            try:
                for item in values:
                    field.run_validators(field.to_python(item))
            except ValidationError:
                return HttpResponseRedirect(f"{request.path}?{ERROR_FLAG}=1")
        return super().changelist_view(request, extra_context)
