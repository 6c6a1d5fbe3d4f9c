"""Permission checks that services make on the server, whoever calls them."""

from django.core.exceptions import PermissionDenied


def require(user, *perms, message=None):
    """Raise PermissionDenied unless `user` holds every permission. ``user=None`` is the
    system itself (a command, the demo, a test): it may do anything."""
    if user is None:
        return
    missing = [perm for perm in perms if not user.has_perm(perm)]
    if missing:
        raise PermissionDenied(message or f"Not allowed: {', '.join(missing)}")


def formset_rights(formset):
    """The permissions saving `formset` (the rows edited on another object's page) needs:
    add for each new row filled in, change for each row edited, delete for each row ticked
    for deletion. Rows left as they were need nothing."""
    opts = formset.model._meta
    if opts.auto_created:  # a plain many-to-many link: the page's own object is what changes
        return set()
    deleted = set(map(id, formset.deleted_forms)) if formset.can_delete else set()
    needed = set()
    for form in formset.forms:
        stored = form.instance.pk is not None and not form.instance._state.adding
        if id(form) in deleted:
            action = "delete" if stored else None
        elif form.has_changed():
            action = "change" if stored else "add"
        else:
            action = None
        if action:
            needed.add(f"{opts.app_label}.{action}_{opts.model_name}")
    return needed


def require_formset(user, formset):
    """PermissionDenied unless `user` may make every change the formset is about to save."""
    require(user, *sorted(formset_rights(formset)))
