"""Changes to a show that touch several rows, each in one transaction."""

from django.db import transaction
from django.utils import timezone

from .models import Show, StatusChange


@transaction.atomic
def record_status(*, show, status, confirmed_on, note="", source_url="", by=None):
    """Record a production status confirmed on a date: append it to the show's history and
    make the show's status and "last confirmed" date follow the newest entry.

    An entry dated before the newest one (a backfilled earlier status) joins the history
    without changing the current status.
    """
    # Lock the show so two status updates at once cannot leave it out of step with its history.
    Show.objects.select_for_update().filter(pk=show.pk).first()
    entry = StatusChange.objects.create(
        show=show,
        status=status,
        confirmed_on=confirmed_on,
        note=note,
        source_url=source_url,
        recorded_by=by,
    )
    newest = show.status_history.first()  # history is ordered newest first
    show.status = newest.status
    show.status_confirmed_on = newest.confirmed_on
    Show.objects.filter(pk=show.pk).update(
        status=newest.status,
        status_confirmed_on=newest.confirmed_on,
        modified_at=timezone.now(),
        modified_by=by,  # an editor with the show open is told who changed it
    )
    return entry


@transaction.atomic
def correct_status(*, entry, status, confirmed_on, note, source_url, reason, by):
    """Correct a mistaken history entry. What it said before, who corrected it, when and why
    are kept on the entry; the show's status then follows its newest entry again."""
    show = Show.objects.select_for_update().get(pk=entry.show_id)
    entry = StatusChange.objects.select_for_update().get(pk=entry.pk)
    entry.corrections = [
        *entry.corrections,
        {
            "at": timezone.now().isoformat(),
            "by": by.get_username() if by else "",
            "reason": reason,
            "was": {
                "status": entry.status,
                "confirmed_on": entry.confirmed_on.isoformat(),
                "note": entry.note,
                "source_url": entry.source_url,
            },
        },
    ]
    entry.status, entry.confirmed_on = status, confirmed_on
    entry.note, entry.source_url = note, source_url
    entry.save()
    newest = show.status_history.first()
    Show.objects.filter(pk=show.pk).update(
        status=newest.status,
        status_confirmed_on=newest.confirmed_on,
        modified_at=timezone.now(),
        modified_by=by,  # an editor with the show open is told who changed it
    )
    return entry
