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
