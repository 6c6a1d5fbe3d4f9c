"""What people's services announce, for the apps above that show people in their own
records (an app below cannot call them: docs/architecture.md)."""

from django.dispatch import Signal

# Sent with ``person=`` when a person's name or address changed, in the transaction that
# saved it (receivers write in it too).
person_renamed = Signal()
