"""The desk's live preview (admin mixin): the form as it is, unsaved, posted to
``preview/`` a moment after typing stops (``static/js/live-preview.js``) and shown through
the public page's own template in a pane beside the form.

The form and its inlines are validated as a save would validate them, but nothing is saved,
locked or purged, and the answer is never cached. A form with errors shows its errors.
An admin opts in with LivePreviewAdmin and ``render_live_preview(request, form, formsets)``,
and includes ``admin/includes/live_preview.html`` in its change form.
"""

from django.http import HttpResponseForbidden
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .autosave import record_for, record_paths, record_url


class LivePreviewAdmin:
    def get_urls(self):
        view = self.admin_site.admin_view(require_POST(self.live_preview_view))
        return [*record_paths(self, "preview", view), *super().get_urls()]

    def render_live_preview(self, request, form, formsets):
        """The public page for the valid, unsaved form and inlines."""
        raise NotImplementedError

    def live_preview_view(self, request, object_id=None):
        obj, may_edit = record_for(self, request, object_id)
        if not may_edit:
            return HttpResponseForbidden(_("You may not edit this."))
        Form = self.get_form(request, obj, change=obj is not None)
        Form = type(Form.__name__, (Form,), {"check_conflicts": False, "preview_only": True})
        form = Form(request.POST, request.FILES, instance=obj or self.model())
        valid = form.is_valid()
        formsets, _inlines = self._create_formsets(request, form.instance, change=obj is not None)
        checked = [formset.is_valid() for formset in formsets]  # each, for its errors
        valid = valid and all(checked)
        if valid:
            response = self.render_live_preview(request, form, formsets)
        else:
            response = TemplateResponse(
                request,
                "admin/live_preview_errors.html",
                {
                    "form_errors": form.errors,
                    "formset_errors": [
                        (formset.model._meta.verbose_name_plural, error)
                        for formset in formsets
                        for error in [*formset.non_form_errors(), *formset.errors]
                        if error
                    ],
                },
            )
        add_never_cache_headers(response)
        return response

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra_context = dict(extra_context or {})
        if not getattr(request, "restoring_version", False):
            extra_context["live_preview_url"] = record_url(self, "preview", object_id)
        return super().changeform_view(request, object_id, form_url, extra_context)
