"""Who has a record open in the desk, and locks (the admin side is
``newsroom.core.admin.presence``, the browser's ``static/js/presence.js``).

A page open on a record beats every few seconds; someone not seen for
``NEWSROOM_PRESENCE_SECONDS`` has left. Presence only informs: it never blocks a save (the
version check and the merge do that work). A lock does block: only the person holding it
may save the record until it is unlocked, and whoever may take locks over can take it.
"""

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from newsroom.core.models import EditLock, Presence


def _key(obj):
    return {"content_type": ContentType.objects.get_for_model(obj), "object_id": str(obj.pk)}


def _fresh():
    return timezone.now() - datetime.timedelta(seconds=settings.NEWSROOM_PRESENCE_SECONDS)


def beat(*, user, obj):
    """`user` has `obj` open now. Returns the others who have it open."""
    now = timezone.now()
    key = _key(obj)
    updated = Presence.objects.filter(user=user, **key, seen_at__gte=_fresh()).update(seen_at=now)
    if not updated:  # new, or back after a while: since now
        Presence.objects.filter(user=user, **key).delete()
        try:
            with transaction.atomic():
                Presence.objects.create(user=user, **key, since=now, seen_at=now)
        except IntegrityError:  # two tabs beat at once: either row will do
            pass
    Presence.objects.filter(seen_at__lt=now - datetime.timedelta(hours=1)).delete()
    return others(obj=obj, user=user)


def leave(*, user, obj):
    Presence.objects.filter(user=user, **_key(obj)).delete()


def others(*, obj, user):
    """The others with `obj` open, first come first, with ``user`` loaded."""
    return list(
        Presence.objects.filter(**_key(obj), seen_at__gte=_fresh())
        .exclude(user=user)
        .select_related("user")
        .order_by("since")
    )


def lock_of(obj):
    return EditLock.objects.filter(**_key(obj)).select_related("locked_by").first()


def locked_for(user, obj):
    """The lock that keeps `user` from saving `obj`, or None."""
    lock = lock_of(obj)
    return lock if lock is not None and lock.locked_by_id != user.pk else None


@transaction.atomic
def lock(*, obj, by, may_take=False):
    """Lock `obj` for `by`. Someone else's lock is taken over only if `may_take`."""
    held = EditLock.objects.select_for_update().filter(**_key(obj)).first()
    if held is not None and held.locked_by_id != by.pk:
        if not may_take:
            raise PermissionDenied(_("Someone else has locked this."))
        held.delete()
    lock, _created = EditLock.objects.get_or_create(
        **_key(obj), defaults={"locked_by": by, "locked_at": timezone.now()}
    )
    if lock.locked_by_id != by.pk:  # someone locked it at the same moment, first
        raise PermissionDenied(_("Someone else has just locked this."))
    return lock


@transaction.atomic
def unlock(*, obj, by, may_take=False):
    """Unlock `obj`: its holder may, and whoever may take locks over."""
    held = EditLock.objects.select_for_update().filter(**_key(obj)).first()
    if held is None:
        return
    if held.locked_by_id != by.pk and not may_take:
        raise PermissionDenied(_("Only the person who locked this, or an editor, may unlock it."))
    held.delete()
