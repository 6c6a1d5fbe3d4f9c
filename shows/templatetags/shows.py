"""Template filters for shows on public pages."""

from django import template
from django.utils.html import format_html
from django.utils.text import capfirst

register = template.Library()


@register.filter
def status_badge(show):
    """``{{ show|status_badge }}``: the show's production status as a coloured badge."""
    return format_html(
        '<span class="badge badge--{}">{}</span>', show.status, capfirst(show.get_status_display())
    )
