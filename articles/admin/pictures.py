"""Key art on the show form and a headshot on the person form. The shows and people desks
sit below the articles app and know no photo: the articles app extends their forms with the
photo it owns, as ``shows`` extends the person form with credits."""

from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from articles.models import Headshot, KeyArt
from people.models import Person
from shows.admin import PersonWithCreditsAdmin, ShowAdmin
from shows.models import Show


class _PictureInline(admin.StackedInline):
    extra = 0
    max_num = 1
    autocomplete_fields = ["photo"]
    fields = ["photo", "shown"]
    readonly_fields = ["shown"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("photo")

    @admin.display(description=_("as it is now"))
    def shown(self, link):
        photo = link.photo if link.pk else None
        if photo is None or not photo.image:
            return _("The picture appears after saving.")
        return format_html(
            '<img class="nr-thumb" src="{}" alt="{}" width="96" height="64" loading="lazy">',
            photo.image.url,
            photo.alt_text,
        )


class KeyArtInline(_PictureInline):
    model = KeyArt


class HeadshotInline(_PictureInline):
    model = Headshot


class ShowWithArtAdmin(ShowAdmin):
    inlines = [KeyArtInline, *ShowAdmin.inlines]


class PersonWithHeadshotAdmin(PersonWithCreditsAdmin):
    inlines = [HeadshotInline, *PersonWithCreditsAdmin.inlines]


admin.site.unregister(Show)
admin.site.register(Show, ShowWithArtAdmin)
admin.site.unregister(Person)
admin.site.register(Person, PersonWithHeadshotAdmin)
