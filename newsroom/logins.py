"""Login throttling (django-axes, configured in settings): what axes does not do itself."""

from axes.models import AccessAttempt


def clear_own_failures(sender, request, user, **kwargs):
    """user_logged_in: a right password clears the failures recorded for this username, and
    only those. The address's count of failures for other usernames stays, so a login of
    one's own never buys more guesses at someone else's."""
    AccessAttempt.objects.filter(username=user.get_username()).delete()
