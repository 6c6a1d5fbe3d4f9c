"""Rows edited inline are checked on the server like the page's own object."""

from newsroom.core.rules import require_formset


class CheckedInlinesAdmin:
    """Admin mixin: before an inline formset is saved, the user must hold the add, change
    and delete rights on its model for what it writes. The admin already hides what a user
    may not do; this is the check that holds whatever the browser sends (and, inside the
    admin's transaction, a refusal leaves nothing of the page saved)."""

    def save_formset(self, request, form, formset, change):
        require_formset(request.user, formset)
        super().save_formset(request, form, formset, change)
