from django.contrib import admin

from newsroom.core.admin import AuditedAdmin
from people import services

from .models import Person


@admin.register(Person)
class PersonAdmin(AuditedAdmin, admin.ModelAdmin):
    list_display = ["name", "native_name", "birth_date", "modified_at"]
    list_display_links = ["name", "native_name"]
    search_fields = ["name", "native_name"]
    prepopulated_fields = {"slug": ["name"]}
    date_hierarchy = None
    fieldsets = [
        (None, {"fields": ["name", "native_name", "slug", "birth_date"]}),
        ("About", {"fields": ["bio", "known_for"]}),
    ]

    def save_model(self, request, obj, form, change):
        services.save_person(person=obj, by=request.user)

    def delete_model(self, request, obj):
        services.delete_person(person=obj, by=request.user)

    def delete_queryset(self, request, queryset):
        for person in queryset:
            services.delete_person(person=person, by=request.user)
