"""No lost edits: an admin form never silently overwrites a save made after it was opened.

The change form carries a signed note of the version it was opened on: the object's
`modified_at` and a fingerprint of each field (plus extras such as an article's body). If
someone saved the object since, the two saves are merged field by field: what only they
changed is kept (their value goes into this save; rows edited with the record that only
they changed are not written again), what only this person changed is saved. When both
changed the same field differently, nothing is saved: the form comes back with everything
typed, and the fields are shown side by side, theirs and yours, to choose. The note is then
renewed, so saving again is a deliberate choice.

An admin opts in with ConflictCheckedAdmin and a form based on ConflictCheckedForm, and says
what to compare with attributes: ``conflict_ignored_fields`` (fields never compared, besides
the audit fields), ``conflict_extras(obj)`` (what else is edited on the same page, such as
an article's body or a show's credits, as {label: text}), ``conflict_submitted_extras
(request, obj)`` (the same, of what was posted; without it, a save meeting a newer one that
changed an extra is never merged) and ``conflict_part(formset)`` (which extra a formset
writes).
"""

import datetime
import hashlib

from django import forms
from django.contrib import messages
from django.core import signing
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join, strip_tags
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


def _canonical(value):
    """One text for one value, however it was read: a time from the database (UTC, with
    microseconds) and the same time from the form (local, to the second) agree."""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = value.astimezone(datetime.UTC)
        return value.replace(microsecond=0).isoformat()
    return str(value)


def _fingerprint(value):
    return hashlib.sha256(_canonical(value).encode()).hexdigest()[:16]


def _short(value, limit=160):
    text = " ".join(strip_tags(str(value)).split())
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
    conflict_request = None  # the request posting it (set by ConflictCheckedAdmin.get_form)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.merged_with = None  # (their version, [labels of theirs taken]) once merged
        self.kept_theirs = set()  # extras only they changed: not written by this save
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

    def version_token(self, obj, keep=None):
        """The signed note. ``keep``: {label: fingerprint} of rows saved with the record
        that only the newer save changed, as this form still shows them: the next save keeps
        theirs unless the form's version was changed meanwhile."""
        return signing.dumps(
            {
                "at": version_of(obj),
                "h": {label: _fingerprint(value) for label, value in self.snapshot(obj).items()},
                "k": keep or {},
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
            self.keep_theirs(loaded.get("k") or {})
            return cleaned
        merged = self.merge(loaded["h"], current)
        if merged is not None:  # nothing both changed: saved on top of theirs, merged
            self.merged_with = (current, merged)
            self.loaded_at = version_of(current)
            return cleaned
        raise self.conflict_error(loaded["h"], current)

    def keep_theirs(self, keep):
        """After a conflict: rows only they changed stay theirs if this form's version of
        them is still the one it showed then."""
        if not keep or self.conflict_admin is None or self.conflict_request is None:
            return
        posted = self.conflict_admin.conflict_submitted_extras(self.conflict_request, self.instance)
        for label, shown in keep.items():
            if label in posted and _fingerprint(posted[label]) == shown:
                self.kept_theirs.add(label)

    # Merging with a newer save.
    def edited(self, current):
        """{label: (field name or None, value)} of what this save would write, applied to
        `current`: the form's own fields, and the extras as posted."""
        model_fields = {f.name: f for f in current._meta.concrete_fields}
        sets = {f.name: f for f in current._meta.many_to_many}
        edited = {}
        for name, value in self.cleaned_data.items():
            field = model_fields.get(name) or sets.get(name)
            if field is None or name in self.conflict_ignored or not field.editable:
                continue
            if field.many_to_many:
                value = ", ".join(sorted(str(item) for item in value or []))
            edited[str(field.verbose_name)] = (name, "" if value is None else value)
        if self.conflict_admin is not None and self.conflict_request is not None:
            posted = self.conflict_admin.conflict_submitted_extras(self.conflict_request, current)
            edited.update({str(label): (None, text) for label, text in posted.items()})
        return edited

    def merge(self, loaded, current):
        """Take what only the newer save changed; None if both changed something."""
        admin, request = self.conflict_admin, self.conflict_request
        if (
            admin is not None
            and request is not None
            and admin.conflict_unmergeable(request, current)
        ):
            return None  # rows posted with the record that no extra compares
        theirs = self.snapshot(current)
        mine = self.edited(current)
        extras = {str(label) for label in self.snapshot_extras(current)}
        taken = []
        for label, their_value in theirs.items():
            if label not in mine:
                if label in extras and _fingerprint(their_value) != loaded.get(label):
                    return None  # rows they changed that this save may write again
                continue  # not on this form: theirs stays as it is
            name, my_value = mine[label]
            they = _fingerprint(their_value) != loaded.get(label)
            me = _fingerprint(my_value) != loaded.get(label)
            if they and me and _fingerprint(my_value) != _fingerprint(their_value):
                return None
            if they and not me:
                taken.append((label, name))
        # Everything this form does not write is as they left it (the record may have been
        # read before their save committed).
        for field in current._meta.concrete_fields:
            if field.name not in self.cleaned_data and not field.primary_key:
                setattr(self.instance, field.attname, getattr(current, field.attname))
        for label, name in taken:
            if name is None:
                self.kept_theirs.add(label)  # their rows stay; this form's are not written
            elif current._meta.get_field(name).many_to_many:
                self.cleaned_data[name] = list(getattr(current, name).all())
            else:
                self.cleaned_data[name] = getattr(current, name)
        return [label for label, _name in taken]

    def conflict_error(self, loaded, current):
        """Both changed: theirs and yours side by side; the note renewed. What only they
        changed in the form's own fields is put into the form; what only they changed in
        the rows saved with it (the body...) is shown beside the form's version, which a
        save would keep."""
        theirs = self.snapshot(current)
        mine = self.edited(current)
        merged_in, side_by_side, keep = [], [], {}
        for label, their_value in theirs.items():
            if _fingerprint(their_value) == loaded.get(label):
                continue  # they did not change it
            field, my_value = mine.get(label, (None, None))
            if label not in mine:
                side_by_side.append((label, None, their_value, _("(as this form shows it)")))
            elif _fingerprint(my_value) == _fingerprint(their_value):
                continue  # both made the same change
            elif _fingerprint(my_value) == loaded.get(label) and field:
                merged_in.append((label, field))  # only they changed it: theirs, in the form
            elif _fingerprint(my_value) == loaded.get(label):
                # Rows only they changed (the body...): theirs stays unless edited here.
                keep[label] = _fingerprint(my_value)
                side_by_side.append(
                    (label, None, their_value, _("(unchanged by you: theirs is kept)"))
                )
            else:
                side_by_side.append((label, field, their_value, my_value))
        who = getattr(current, "modified_by", None)
        name = (who.get_full_name() or who.get_username()) if who else _("Someone")
        when = date_format(timezone.localtime(current.modified_at), "j F Y, H:i")
        self.data = self.data.copy()
        self.data[self.add_prefix("loaded_version")] = self.version_token(current, keep)
        for _label, field in merged_in:
            self.put(field, getattr(current, field))
        return forms.ValidationError(
            format_html(
                "{} saved this at {}, after you opened it. Nothing of yours has been saved; "
                "what you typed is still in the form below.{}{}"
                "<p>Choose for each, then save: saving now keeps what the form shows.</p>",
                name,
                when,
                format_html(
                    '<table class="nr-merge"><thead><tr><th scope="col">{}</th>'
                    '<th scope="col">{}</th><th scope="col">{}</th></tr></thead>'
                    "<tbody>{}</tbody></table>",
                    _("Changed since you opened it"),
                    _("Theirs"),
                    _("Yours"),
                    format_html_join(
                        "",
                        '<tr><th scope="row">{}</th><td>{}{}</td><td>{}</td></tr>',
                        (
                            (
                                label,
                                _short(their_value, 400) or _("(empty)"),
                                self.use_theirs_button(field, their_value),
                                _short(my_value, 400) or _("(empty)"),
                            )
                            for label, field, their_value, my_value in side_by_side
                        ),
                    ),
                )
                if side_by_side
                else "",
                format_html(
                    "<p>{} {}</p>",
                    _("Their changes to these are now in the form:"),
                    ", ".join(label for label, _field in merged_in),
                )
                if merged_in
                else "",
            ),
            code="edit_conflict",
        )

    def use_theirs_button(self, field, value):
        """A button (static/js/merge.js) putting their text into a text box of the form."""
        if not field or not isinstance(self.fields[field].widget, forms.TextInput | forms.Textarea):
            return ""
        return format_html(
            ' <button type="button" class="button nr-use-theirs" data-field="{}" data-value="{}">'
            "{}</button>",
            self[field].auto_id,
            "" if value is None else str(value),
            _("Use theirs"),
        )

    def put(self, name, value):
        """Set a field's posted data to `value`, as its widget would post it."""
        key = self.add_prefix(name)
        field = self.fields.get(name)
        if field is None:
            return
        if isinstance(field.widget, forms.SplitDateTimeWidget):
            local = timezone.localtime(value) if value else None
            self.data[f"{key}_0"] = local.date().isoformat() if local else ""
            self.data[f"{key}_1"] = local.strftime("%H:%M:%S") if local else ""
        elif isinstance(field, forms.ModelMultipleChoiceField):
            self.data.setlist(key, [str(item.pk) for item in value.all()])
        elif isinstance(field, forms.ModelChoiceField):
            self.data[key] = str(value.pk) if value else ""
        elif isinstance(field, forms.BooleanField):
            if value:
                self.data[key] = "on"
            else:
                self.data.pop(key, None)
        else:
            self.data[key] = "" if value is None else str(value)


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
                "conflict_request": request,
            },
        )

    def conflict_submitted_extras(self, request, obj):
        """The extras as this request posts them ({label: text}, as ``conflict_extras``);
        a label left out is never merged."""
        return {}

    def conflict_part(self, formset):
        """The extra (a label of ``conflict_extras``) this inline formset writes, or None."""
        return None

    def conflict_unmergeable(self, request, obj):
        """True if the request posts rows that differ from those saved now and that no
        extra compares (``conflict_part`` None): a merge could write them over a newer
        save, so the save is stopped and shown instead."""
        formsets, _inlines = self._create_formsets(request, obj, change=True)
        return any(
            self.conflict_part(formset) is None and formset.has_changed() for formset in formsets
        )

    def save_formset(self, request, form, formset, change):
        if self.conflict_part(formset) in form.kept_theirs:
            return  # only the newer save changed these rows: they stay as it left them
        super().save_formset(request, form, formset, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if form.merged_with:
            current, taken = form.merged_with
            who = getattr(current, "modified_by", None)
            name = (who.get_full_name() or who.get_username()) if who else _("someone")
            self.message_user(
                request,
                _(
                    "%(name)s saved this after you opened it; both saves are kept. "
                    "Theirs: %(theirs)s."
                )
                % {"name": name, "theirs": ", ".join(taken) or _("nothing you also changed")},
                messages.INFO,
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
