"""Key art on the show form and a headshot on the person form. The shows and people desks
sit below the articles app and know no photo: the articles app extends their forms with the
photo it owns, as ``shows`` extends the person form with credits."""

from django.contrib import admin

from articles.admin.photo import PhotoChooserAdmin
from articles.models import Headshot, KeyArt
from people.models import Person
from shows.admin import PersonWithCreditsAdmin, ShowAdmin
from shows.models import Show


class _PictureInline(PhotoChooserAdmin, admin.StackedInline):
    """Chosen from the library's grid, which shows the picture (articles/admin/photo.py)."""

    extra = 0
    max_num = 1
    fields = ["photo"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("photo")


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
