"""Autosaves: a desk form kept as someone types, per person and record, so that a closed
tab, a crash or a restarted server loses nothing (the admin side is
``newsroom.core.admin.autosave``, the browser's ``static/js/autosave.js``).

An autosave is not a version: it writes no revision, changes nothing readers see and purges
nothing. It never replaces a save: one made from a form opened on an older version than the
record now has (a late request after a real save, or a form someone else's save overtook)
is not kept, unless the person asks to bring back their own copy. Who may keep one is the
caller's check (the admin asks the same question as for saving the record).
"""

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from newsroom.core.models import Autosave, version_of

# Never kept: the token is the page's own, the buttons say what to do with a real save.
SKIPPED = {"csrfmiddlewaretoken", "_save", "_continue", "_addanother", "_saveasnew", "_workflow"}


class StaleAutosave(Exception):
    """The form was opened on an older version than the record has now."""


def _cutoff():
    return timezone.now() - datetime.timedelta(days=settings.NEWSROOM_AUTOSAVE_DAYS)


def _key(user, model, object_id):
    return {
        "user": user,
        "content_type": ContentType.objects.get_for_model(model),
        "object_id": "" if object_id is None else str(object_id),
    }


def form_pairs(querydict):
    """The posted fields worth keeping, in order, as [name, value] pairs."""
    return [
        [name, value]
        for name, values in querydict.lists()
        if name not in SKIPPED
        for value in values
        if isinstance(value, str)
    ]


@transaction.atomic
def keep_autosave(*, by, model, obj, data, base_version, recovering=False):
    """Keep `by`'s form for `obj` (None: a new record of `model`). Raises StaleAutosave when
    `obj` was saved after the form was opened, unless `recovering` (the person brings back
    their own copy from the browser; the save that follows meets the version check)."""
    if obj is not None and not recovering and base_version != version_of(obj):
        raise StaleAutosave
    Autosave.objects.filter(saved_at__lt=_cutoff()).delete()
    autosave, _created = Autosave.objects.update_or_create(
        **_key(by, model, obj.pk if obj else None),
        defaults={"data": data, "base_version": base_version, "saved_at": timezone.now()},
    )
    return autosave


def autosave_for(*, user, model, object_id):
    """`user`'s autosave of the record (None: a new one), if there is a recent one."""
    return Autosave.objects.filter(**_key(user, model, object_id), saved_at__gte=_cutoff()).first()


def discard_autosave(*, user, model, object_id):
    Autosave.objects.filter(**_key(user, model, object_id)).delete()
