from django import forms
from django.utils.translation import gettext_lazy as _


class FollowForm(forms.Form):
    email = forms.EmailField(
        label=_("Your email"),
        max_length=254,
        help_text=_("We send one email a week, only if there is news. Unsubscribe in one click."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
