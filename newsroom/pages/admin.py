"""The live preview of the show page on the show desk. The page is composite (it shows the
show's articles and photos, which the shows app below cannot read), so the preview is added
here, where the page lives, as ``articles`` adds key art to the same form."""

from django.contrib import admin
from django.contrib.messages.storage import default_storage
from django.db import transaction
from django.template.response import TemplateResponse

from articles.admin.pictures import ShowWithArtAdmin
from newsroom.core.admin import LivePreviewAdmin
from newsroom.pages.views import ShowDetailView
from shows.models import Show


class _NotKept(Exception):
    """Raised to roll the preview's writes back."""


class ShowDeskAdmin(LivePreviewAdmin, ShowWithArtAdmin):
    def render_live_preview(self, request, form, formsets):
        """The show page for the form as it is: written through the desk's own save (which
        checks the rights), rendered by the page's view, then rolled back. The rollback
        takes every purge and job the save queued with it (they wait for a commit)."""
        change = form.instance.pk is not None
        kept_messages = getattr(request, "_messages", None)
        request._messages = default_storage(request)  # what the save says is not kept either
        try:
            with transaction.atomic():
                show = self.save_form(request, form, change)
                self.save_model(request, show, form, change)
                self.save_related(request, form, formsets, change)
                view = ShowDetailView()
                view.setup(request, slug=form.instance.slug)
                view.object = view.get_queryset().get(pk=form.instance.pk)
                context = view.get_context_data(object=view.object)
                context["preview"] = context["unsaved"] = True
                response = TemplateResponse(request, view.template_name, context).render()
                raise _NotKept
        except _NotKept:
            pass
        finally:
            request._messages = kept_messages
        return response


admin.site.unregister(Show)
admin.site.register(Show, ShowDeskAdmin)
