"""Login throttling (django-axes, configured in settings): what axes does not do itself."""

from axes.models import AccessAttempt
from django.utils.translation import gettext_lazy as _


def clear_own_failures(sender, request, user, **kwargs):
    """user_logged_in: a right password clears the failures recorded for this username, and
    only those. The address's count of failures for other usernames stays, so a login of
    one's own never buys more guesses at someone else's."""
    AccessAttempt.objects.filter(username=user.get_username()).delete()


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the desk's own login page, saying why and for how long (429)."""
    from axes.helpers import get_cool_off, get_failure_limit
    from django.contrib import admin
    from django.template.response import TemplateResponse

    cool_off = get_cool_off(request)
    context = {
        **admin.site.each_context(request),
        "title": _("Login paused"),
        "failure_limit": get_failure_limit(request, credentials),
        "minutes": int(cool_off.total_seconds() // 60) if cool_off else None,
    }
    return TemplateResponse(request, "admin/locked_out.html", context, status=429).render()
