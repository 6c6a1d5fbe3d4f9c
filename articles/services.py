"""Actions on the editorial desk that change several things at once."""

from django.db import transaction
from django.utils import timezone


@transaction.atomic
def moderate_comments(*, comments, status, by):
    """Set the moderation state of a queryset of comments, stamping who did it and when.

    Returns how many comments changed.
    """
    return comments.update(status=status, moderated_by=by, moderated_at=timezone.now())
