"""No lost edits: an admin form refuses to overwrite a save made after it was opened.

The change form carries a signed note of the version it was opened on: the object's
`modified_at` and a fingerprint of each field (plus extras such as an article's body). If
someone saved the object since, the save is refused with a message naming who and when and
listing what they changed, and the form comes back with everything the second person typed.
The note is then renewed, so saving again is a deliberate choice to replace their changes.

An admin opts in with ConflictCheckedAdmin and a form based on ConflictCheckedForm, and says
what to compare with attributes: ``conflict_ignored_fields`` (fields never compared, besides
the audit fields) and ``conflict_extras(obj)`` (what else is edited on the same page, such as
an article's body or a show's credits, as {label: text}).
"""

import hashlib

from django import forms
from django.core import signing
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from newsroom.core.models import (
    AUDIT_FIELDS,
    UNCHECKED,
    EditConflict,
    lock_version,
    version_of,
)

SALT = "shows.edit-conflicts"  # unchanged since it moved here: forms already open stay valid
ALWAYS_IGNORED = {"id", *AUDIT_FIELDS}


def _fingerprint(value):
    return hashlib.sha256(str(value).encode()).hexdigest()[:16]


def _short(value, limit=160):
    text = " ".join(str(value).split())
    return text if len(text) <= limit else f"{text[: limit - 1]}…"


class ConflictCheckedForm(forms.ModelForm):
    """A ModelForm for the admin that will not silently overwrite a newer save."""

    loaded_version = forms.CharField(required=False, widget=forms.HiddenInput)
    # Set by ConflictCheckedAdmin.get_form from the admin's attributes.
    conflict_ignored = frozenset(ALWAYS_IGNORED)
    conflict_admin = None
    # The version the save starts from, once clean() has checked it: the service checks it
    # again under the same row lock, whoever calls it.
    loaded_at = UNCHECKED
    # False for a form that is only shown, never saved (the desk's live preview).
    check_conflicts = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["loaded_version"] = self.version_token(self.instance)

    # What is compared: every editable field, the many-to-many sets, and the extras.
    def snapshot(self, obj):
        values = {}
        for field in obj._meta.concrete_fields:
            if field.name in self.conflict_ignored or not field.editable:
                continue
            value = getattr(obj, field.name)
            values[str(field.verbose_name)] = "" if value is None else value
        for field in obj._meta.many_to_many:
            related = sorted(str(item) for item in getattr(obj, field.name).all())
            values[str(field.verbose_name)] = ", ".join(related)
        values.update({str(label): value for label, value in self.snapshot_extras(obj).items()})
        return values

    def snapshot_extras(self, obj):
        """Related rows edited on the same page (inlines), as {label: text}."""
        return self.conflict_admin.conflict_extras(obj) if self.conflict_admin else {}

    def version_token(self, obj):
        return signing.dumps(
            {
                "at": version_of(obj),
                "h": {label: _fingerprint(value) for label, value in self.snapshot(obj).items()},
            },
            salt=SALT,
            compress=True,
        )

    def clean(self):
        cleaned = super().clean()
        if not self.check_conflicts or not self.instance.pk or self.instance._state.adding:
            return cleaned  # a new object, or a form only shown
        # A missing, altered or unreadable note is a stale save: never a skipped check.
        try:
            loaded = signing.loads(cleaned.get("loaded_version") or "", salt=SALT)
        except signing.BadSignature:
            loaded = {"at": "", "h": {}}
        try:
            # The row stays locked until the save that follows has committed (the admin
            # saves in one transaction): a second save sent at the same moment waits here,
            # then sees this one.
            lock_version(type(self.instance), self.instance.pk, loaded["at"])
        except EditConflict as conflict:
            current = conflict.current
        else:
            self.loaded_at = loaded["at"]
            return cleaned
        snapshot = self.snapshot(current)
        changed = [
            (label, _short(value) or _("(now empty)"))
            for label, value in snapshot.items()
            if loaded["h"].get(label) != _fingerprint(value)
        ]
        who = getattr(current, "modified_by", None)
        name = (who.get_full_name() or who.get_username()) if who else _("Someone")
        when = date_format(timezone.localtime(current.modified_at), "j F Y, H:i")
        # Renew the note: saving again now deliberately replaces their version with this one.
        self.data = self.data.copy()
        self.data[self.add_prefix("loaded_version")] = self.version_token(current)
        raise forms.ValidationError(
            format_html(
                "{} saved this at {}, after you opened it. Nothing of yours has been saved; "
                "what you typed is still in the form below.{}"
                "<p>To keep their changes, copy what you need, reload the page and make your "
                "changes again. To replace their version with yours, save again.</p>",
                name,
                when,
                format_html(
                    "<p>What they changed:</p><ul>{}</ul>",
                    format_html_join("", "<li><strong>{}</strong>: {}</li>", changed),
                )
                if changed
                else "",
            ),
            code="edit_conflict",
        )


class ConflictCheckedAdmin:
    """Admin mixin: the change form carries the note of the version it was opened on, and a
    save on top of someone else's newer save is refused (see the module's docstring)."""

    conflict_ignored_fields = ()

    def conflict_extras(self, obj):
        """What else this admin edits on the object's page, as {label: text}."""
        return {}

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        return type(
            form.__name__,
            (form,),
            {
                "conflict_ignored": frozenset(ALWAYS_IGNORED | set(self.conflict_ignored_fields)),
                "conflict_admin": self,
            },
        )

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None:
            return fieldsets
        first_name, first = fieldsets[0]
        return [
            (first_name, {**first, "fields": [*first["fields"], "loaded_version"]}),
            *fieldsets[1:],
        ]
