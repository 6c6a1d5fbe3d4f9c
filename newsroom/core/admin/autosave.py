"""Autosave in the desk (admin mixin): the change and add forms keep what is typed on the
server a moment after typing stops (``static/js/autosave.js`` posts it to ``autosave/``),
and opening the record again offers it back with what differs; "Restore" shows the form as
it was left, never saving it. The saved record deletes the saver's autosave.

An admin opts in with AutosavedAdmin (before ConflictCheckedAdmin) and a change form
template that includes ``admin/includes/autosave.html`` in its ``form_top`` block.
"""

import copy

from django.contrib import messages
from django.core import signing
from django.http import Http404, JsonResponse, QueryDict
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from newsroom.core.autosave import (
    StaleAutosave,
    autosave_for,
    discard_autosave,
    form_pairs,
    keep_autosave,
)
from newsroom.core.text import clock

from .conflicts import SALT


def loaded_version(data):
    """The version a posted change form was opened on (its signed note), or ""."""
    try:
        return signing.loads(data.get("loaded_version") or "", salt=SALT)["at"]
    except (signing.BadSignature, KeyError, TypeError):
        return ""


def as_querydict(pairs):
    data = QueryDict(mutable=True)
    for name, value in pairs:
        data.appendlist(name, value)
    return data


def record_for(model_admin, request, object_id):
    """The record (None for a new one) and whether `request.user` may edit it: the same
    question as for saving it. Http404 if it does not exist."""
    if object_id is None:
        return None, model_admin.has_add_permission(request)
    obj = model_admin.get_object(request, object_id)
    if obj is None:
        raise Http404
    return obj, model_admin.has_change_permission(request, obj)


def record_paths(model_admin, suffix, view):
    """``add/<suffix>/`` and ``<id>/<suffix>/`` for a desk form's own endpoint."""
    name = f"{model_admin.opts.app_label}_{model_admin.opts.model_name}_{suffix}"
    return [
        path(f"add/{suffix}/", view, name=f"{name}_new"),
        path(f"<path:object_id>/{suffix}/", view, name=name),
    ]


def record_url(model_admin, suffix, object_id):
    """The address of that endpoint for a record (None: a new one)."""
    name = f"admin:{model_admin.opts.app_label}_{model_admin.opts.model_name}_{suffix}"
    return reverse(f"{name}_new") if object_id is None else reverse(name, args=[object_id])


class _NeverSaved:
    """A form shown from an autosave: validated to show its errors, never saved."""

    def is_valid(self):
        super().is_valid()
        return False


class AutosavedAdmin:
    autosave_restore_param = "autosave"

    def get_urls(self):
        view = self.admin_site.admin_view(require_POST(self.autosave_view))
        return [*record_paths(self, "autosave", view), *super().get_urls()]

    def autosave_view(self, request, object_id=None):
        """POST: keep the form as posted (or, with ``discard``, forget the autosave)."""
        obj, may_edit = record_for(self, request, object_id)
        if not may_edit:
            return JsonResponse({"kept": False, "reason": _("You may not edit this.")}, status=403)
        key = {"user": request.user, "model": self.model, "object_id": obj.pk if obj else None}
        if "discard" in request.POST:
            discard_autosave(**key)
            if request.headers.get("Accept", "").startswith("application/json"):
                return JsonResponse({"discarded": True})
            self.message_user(request, _("Your unsaved changes were discarded."), messages.INFO)
            return redirect(request.path.rsplit("autosave/", 1)[0] + ("change/" if obj else ""))
        try:
            kept = keep_autosave(
                by=request.user,
                model=self.model,
                obj=obj,
                data=form_pairs(request.POST),
                base_version=loaded_version(request.POST),
                recovering="recover" in request.POST,
            )
        except StaleAutosave:
            return JsonResponse(
                {
                    "kept": False,
                    "reason": _(
                        "This was saved after you opened it, so your changes were not kept "
                        "on the server. This browser keeps them; saving shows what changed."
                    ),
                },
                status=409,
            )
        return JsonResponse({"kept": True, "at": kept.saved_at.isoformat()})

    # Opening the record: the offer, or the form as it was left.
    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra_context = dict(extra_context or {})
        if getattr(request, "restoring_version", False):
            pass  # an old version shown to be restored is not someone's typing
        elif request.method == "GET":
            try:
                obj, may_edit = record_for(self, request, object_id)
            except Http404:  # the admin says so its own way
                obj, may_edit = None, False
            if may_edit:
                saved = autosave_for(
                    user=request.user, model=self.model, object_id=obj.pk if obj else None
                )
                if saved and request.GET.get(self.autosave_restore_param) == "restore":
                    request = self._restoring(request, saved)
                    extra_context["autosave_restored"] = clock(saved.saved_at)
                elif saved:
                    differences = self._differences(request, obj, saved)
                    if differences:
                        extra_context["autosave_offer"] = {
                            "when": clock(saved.saved_at),
                            "differences": differences,
                        }
                    else:  # the same as what is stored: nothing to offer
                        discard_autosave(
                            user=request.user,
                            model=self.model,
                            object_id=obj.pk if obj else None,
                        )
                extra_context["autosave_url"] = record_url(
                    self, "autosave", obj.pk if obj else None
                )
                extra_context["autosave_at"] = saved.saved_at.isoformat() if saved else ""
        elif request.method == "POST":
            extra_context["autosave_url"] = record_url(self, "autosave", object_id)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def _restoring(self, request, saved):
        """This GET, seen as the post of the form as it was left: the admin shows it bound
        (with any errors), and _NeverSaved keeps it from being saved."""
        restoring = copy.copy(request)
        restoring.method = "POST"
        restoring._post = as_querydict(saved.data)
        restoring._files = MultiValueDict()
        restoring._dont_enforce_csrf_checks = True  # a GET: nothing is written
        restoring.autosave_restoring = True
        return restoring

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if getattr(request, "autosave_restoring", False):
            return type(form.__name__, (_NeverSaved, form), {})
        return form

    def _differences(self, request, obj, saved):
        """What the autosave changes in the record as stored, by label."""
        data = as_querydict(saved.data)
        Form = self.get_form(request, obj, change=obj is not None)
        form = Form(data=data, instance=obj)
        labels = [
            str(form.fields[name].label or name)
            for name in form.changed_data
            if name != "loaded_version"
        ]
        prefixes = {}
        for FormSet, inline in self.get_formsets_with_inlines(request, obj):
            prefix = FormSet.get_default_prefix()
            prefixes[prefix] = prefixes.get(prefix, 0) + 1
            if prefixes[prefix] != 1:
                prefix = f"{prefix}-{prefixes[prefix]}"
            if f"{prefix}-TOTAL_FORMS" not in data:
                continue
            # Compared with what the page would show (a new article's prefilled byline too).
            kwargs = self.get_formset_kwargs(request, obj or self.model(), inline, prefix)
            formset = FormSet(**{**kwargs, "data": data, "files": None})
            label = str(self.part_label(inline.model))
            if formset.has_changed() and label not in labels:
                labels.append(label)
        return labels

    def part_label(self, model):
        """How the offer names rows edited with the record that changed."""
        return model._meta.verbose_name_plural

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        discard_autosave(user=request.user, model=self.model, object_id=form.instance.pk)
        if not change:
            discard_autosave(user=request.user, model=self.model, object_id=None)
