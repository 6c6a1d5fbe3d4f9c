from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from articles import services
from articles.models import Author, Tag


class ArticleCountAdmin(admin.ModelAdmin):
    """Lists how many articles each row is attached to, counted in the list query itself."""

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("articles"))

    @admin.display(description=_("articles"), ordering="article_count")
    def article_count(self, obj):
        return obj.article_count

    def delete_model(self, request, obj):
        services.delete_named(obj=obj, by=request.user)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            services.delete_named(obj=obj, by=request.user)


@admin.register(Author)
class AuthorAdmin(ArticleCountAdmin):
    list_display = ["display_name", "job_title", "location", "joined_year", "article_count"]
    search_fields = ["display_name", "beats", "user__username", "user__email"]
    list_filter = ["joined_year", "location"]
    prepopulated_fields = {"slug": ["display_name"]}
    autocomplete_fields = ["user"]
    fieldsets = [
        (None, {"fields": ["display_name", "slug", "user", "job_title"]}),
        (_("Profile"), {"fields": ["bio", "beats", "location", "joined_year"]}),
    ]

    def save_model(self, request, obj, form, change):
        services.save_author(author=obj, by=request.user)


@admin.register(Tag)
class TagAdmin(ArticleCountAdmin):
    list_display = ["name", "slug", "article_count"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def save_model(self, request, obj, form, change):
        services.save_tag(tag=obj, by=request.user)
