from django.contrib import admin

from .models import Person


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "native_name", "birth_date", "modified_at"]
    list_display_links = ["name", "native_name"]
    search_fields = ["name", "native_name"]
    prepopulated_fields = {"slug": ["name"]}
    date_hierarchy = None
    fieldsets = [
        (None, {"fields": ["name", "native_name", "slug", "birth_date"]}),
        ("About", {"fields": ["bio", "known_for"]}),
    ]
