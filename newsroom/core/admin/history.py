"""History and restore (django-reversion), with a readable comparison of any two versions.

A version of an article or a show is the object and everything saved with it on its admin
page (reversion follows the inlines: bylines and body blocks; titles, credits and status
history), plus its many-to-many sets. Restoring goes through reversion's revision view, and
is itself saved as a new version. An admin says what the comparison leaves out with
``history_ignored_fields`` (the object's own fields) and ``history_related_ignored_fields``
(fields of the rows saved with it: ordering, the link back...).
"""

import datetime
import difflib
import re

from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from reversion.models import Version

from newsroom.core.models import AUDIT_FIELDS
from newsroom.core.text import join_words, zone_name

ALWAYS_IGNORED = {"id", *AUDIT_FIELDS}


def _label(model, name):
    try:
        return str(model._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return name


def _text(value):
    """Readable text; times in the newsroom's zone, so one instant always reads the same."""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return date_format(value, "j F Y, H:i")
    if isinstance(value, datetime.date):
        return date_format(value, "j F Y")
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if value in (None, ""):
        return ""
    # Rich text: one line per paragraph, heading or list item, so they never run together.
    text = strip_tags(BLOCK_END.sub("\n", str(value)))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


BLOCK_END = re.compile(r"</(?:p|h[1-6]|li|blockquote|figcaption|pre)>|<br\s*/?>", re.I)


def word_changes(old, new):
    """One changed line as [(kind, text)]: "same", "removed" and "added" runs of words."""
    before, after = old.split(), new.split()
    runs = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            runs.append(("same", before[i1:i2]))
            continue
        if i2 > i1:
            runs.append(("removed", before[i1:i2]))
        if j2 > j1:
            runs.append(("added", after[j1:j2]))
    # A space after each run but the last, and none between a removed run and the words
    # that replace it.
    segments = []
    for n, (kind, words) in enumerate(runs):
        following = runs[n + 1][0] if n + 1 < len(runs) else None
        space = following is not None and not (kind == "removed" and following == "added")
        segments.append((kind, " ".join(words) + (" " if space else "")))
    return segments


def readable(version, ignored=frozenset(ALWAYS_IGNORED), related_ignored=frozenset({"id"})):
    """{label: text} for one version: its fields, its sets, and what was saved with it."""
    model = version.content_type.model_class()
    data = {}
    for name, value in version.field_dict.items():
        if name in ignored:
            continue
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:  # a field the model no longer has
            field = None
        if field is not None and (field.many_to_many or field.many_to_one) and value:
            related = field.related_model
            ids = value if isinstance(value, list) else [value]
            names = {obj.pk: str(obj) for obj in related._default_manager.filter(pk__in=ids)}
            value = [names.get(pk, f"#{pk} (deleted)") for pk in ids]
        data[_label(model, name)] = _text(value)
    related = {}
    for other in version.revision.version_set.exclude(pk=version.pk).select_related("content_type"):
        other_model = other.content_type.model_class()
        fields = other.field_dict
        parts = []
        for key, value in fields.items():
            if key in related_ignored or value in (None, "", []):
                continue
            try:
                field = other_model._meta.get_field(key.removesuffix("_id"))
            except FieldDoesNotExist:
                continue
            if field.many_to_one and field.related_model is model:
                continue  # the link back to the object itself
            if field.many_to_one:
                value = str(field.related_model._default_manager.filter(pk=value).first() or value)
            parts.append(_text(value))
        summary = " · ".join(parts)
        related.setdefault(str(other_model._meta.verbose_name_plural), []).append(
            (fields.get("ordering", fields.get("position", 0)) or 0, summary)
        )
    for label, rows in related.items():
        data[label] = "\n".join(text for _order, text in sorted(rows, key=lambda r: r[0]))
    return data


def compare(older, newer, **ignored):
    """[(label, diff_rows)] of what differs; each row is ("same"|"removed"|"added", text),
    or ("changed", [(kind, words)]) for a line edited in place."""
    before, after = readable(older, **ignored), readable(newer, **ignored)
    changes = []
    for label in dict.fromkeys([*before, *after]):
        old, new = before.get(label, ""), after.get(label, "")
        if old == new:
            continue
        rows = []
        old_lines, new_lines = old.splitlines() or [""], new.splitlines() or [""]
        matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                rows += [("same", line) for line in old_lines[i1:i2]]
                continue
            removed, added = old_lines[i1:i2], new_lines[j1:j2]
            # A paragraph edited in place: its words, not the whole line twice.
            while removed and added:
                rows.append(("changed", word_changes(removed.pop(0), added.pop(0))))
            rows += [("removed", line) for line in removed]
            rows += [("added", line) for line in added]
        changes.append((label, rows))
    return changes


class HistoryCompareAdmin:
    """Admin mixin (with reversion's VersionAdmin): the history page gets a comparison of any
    two versions."""

    object_history_template = "admin/history_with_compare.html"
    history_ignored_fields = ()
    history_related_ignored_fields = ()
    # Form fields that are not the record's content: never named in a history entry.
    history_message_ignored = frozenset({"loaded_version"})

    # Each save's entry in the history, in words: "Headline and body changed. Submitted
    # for review by Jacob Robinson."
    def construct_change_message(self, request, form, formsets, add):
        if add:
            parts = [str(_("Created"))]
        else:
            labels = [
                str(form.fields[name].label or name).capitalize()
                for name in form.changed_data
                if name not in self.history_message_ignored
            ]
            for formset in formsets:
                label = str(self.part_label(formset.model))
                if formset.has_changed() and label not in labels:
                    labels.append(label if labels else label.capitalize())
            parts = [_("%(what)s changed") % {"what": join_words(labels)}] if labels else []
        parts += [str(event) for event in self.history_events(request, form)]
        return ". ".join(parts) + "." if parts else str(_("Saved with no changes."))

    def part_label(self, model):
        """How the history and the autosave name rows edited with the record."""
        return model._meta.verbose_name_plural

    def history_events(self, request, form):
        """What else this save did, in words (a workflow step...)."""
        return []

    def remember_state(self, request, object_id):
        """Called before a restore (or the recovery of a deleted object: ``object_id`` is
        None) writes the old version back: an admin whose save needs the object as it was
        (to check who may change it, to purge what readers saw) keeps it here."""

    def revision_view(self, request, object_id, version_id, extra_context=None):
        # Before the old version is written back (to be shown, or saved): who may restore
        # it is judged on the object as it stands.
        self.remember_state(request, object_id)
        request.restoring_version = True  # no autosave or live preview of an old version
        return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        self.remember_state(request, None)
        request.restoring_version = True
        return super().recover_view(request, version_id, extra_context)

    def get_urls(self):
        opts = self.model._meta
        return [
            path(
                "<path:object_id>/history/compare/",
                self.admin_site.admin_view(self.compare_view),
                name=f"{opts.app_label}_{opts.model_name}_compare",
            ),
            *super().get_urls(),
        ]

    def history_view(self, request, object_id, extra_context=None):
        opts = self.model._meta
        versions = list(
            Version.objects.get_for_object_reference(self.model, object_id)
            .select_related("revision__user")
            .order_by("-revision__date_created", "-pk")
        )
        for version in versions:
            version.restore_url = reverse(
                f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_revision",
                args=(quote(version.object_id), version.pk),
            )
        compare_url = reverse(
            f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_compare",
            args=(quote(object_id),),
        )
        context = {
            "versions": versions,
            "compare_url": compare_url,
            "zone": zone_name(),
            **(extra_context or {}),
        }
        return super().history_view(request, object_id, context)

    def compare_view(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))  # None for "abc", as for a gone id
        if obj is None:
            raise Http404(_("There is no such record."))
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        versions = Version.objects.get_for_object(obj).select_related("revision__user")
        picked = [request.GET.get(name, "") for name in ("from", "to")]
        if not all(value.isascii() and value.isdecimal() for value in picked):
            return HttpResponseBadRequest(_("Choose two versions to compare."))
        older = get_object_or_404(versions, pk=int(picked[0]))
        newer = get_object_or_404(versions, pk=int(picked[1]))
        if older.revision.date_created > newer.revision.date_created:
            older, newer = newer, older
        context = {
            **self.admin_site.each_context(request),
            "title": _("Compare versions of %(object)s") % {"object": obj},
            "object": obj,
            "opts": self.model._meta,
            "older": older,
            "newer": newer,
            "changes": compare(
                older,
                newer,
                ignored=frozenset(ALWAYS_IGNORED | set(self.history_ignored_fields)),
                related_ignored=frozenset({"id", *self.history_related_ignored_fields}),
            ),
            "has_change_permission": self.has_change_permission(request, obj),
            "zone": zone_name(),
        }
        return TemplateResponse(request, "admin/history_compare.html", context)
