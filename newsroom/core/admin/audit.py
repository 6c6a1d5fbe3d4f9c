"""Who created a record and who saved it last (newsroom.core.models.AuditedModel)."""

from django.utils.translation import gettext_lazy as _

from newsroom.core.models import AUDIT_FIELDS


class AuditedAdmin:
    """Shows the audit fields, read-only, in a collapsed "Record" section at the end of the
    form. The services that save the record stamp them (``obj.stamp(by)``)."""

    audit_fieldset_name = _("Record")

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), *AUDIT_FIELDS]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None:
            return fieldsets
        return [
            *fieldsets,
            (self.audit_fieldset_name, {"fields": list(AUDIT_FIELDS), "classes": ["collapse"]}),
        ]
