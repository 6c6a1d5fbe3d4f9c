"""The comment form: what a reader may send and how it is cleaned."""

from django import forms
from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from articles.comments.defences import READER_TOKEN
from articles.models import Comment, CommentStatus
from newsroom.core.cache import reader_value

# Characters a comment may not contain: C0/C1 controls except tab and newlines.
_FORBIDDEN = {chr(c) for c in [*range(0, 32), 127, *range(128, 160)]} - {"\t", "\n", "\r"}


def _no_control_characters(value):
    if any(ch in _FORBIDDEN for ch in value):
        raise forms.ValidationError(
            _("This contains invisible control characters we cannot store; please retype it."),
            code="control_characters",
        )
    return value


class CommentForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=80,
        help_text=_("Shown with your comment."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Email"),
        max_length=254,
        help_text=_("Never shown. Used only by our moderators."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    body = forms.CharField(
        label=_("Comment"),
        min_length=2,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Plain text. Links are allowed; HTML is shown as typed."),
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    token = forms.CharField(required=False, widget=forms.HiddenInput)
    # The honeypot: hidden from people (CSS and aria-hidden), filled in by naive bots.
    website = forms.CharField(
        required=False,
        label=_("Leave this empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, article, **kwargs):
        super().__init__(*args, **kwargs)
        self.article = article
        # No maxlength attribute: a browser would cut a long paste silently; the error says.
        self.fields["body"].validators.append(MaxLengthValidator(settings.COMMENTS_MAX_LENGTH))
        if not self.is_bound:
            # Issued to each reader as the page is sent (never one token in a cached page).
            self.initial.setdefault("token", reader_value(READER_TOKEN, article.pk))

    def clean_name(self):
        return " ".join(_no_control_characters(self.cleaned_data["name"]).split())

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean_body(self):
        body = _no_control_characters(self.cleaned_data["body"]).replace("\r\n", "\n")
        return body.strip()

    def clean_parent(self):
        parent_id = self.cleaned_data.get("parent")
        if not parent_id:
            return None
        parent = Comment.objects.filter(
            pk=parent_id, article=self.article, status=CommentStatus.APPROVED
        ).first()
        if parent is None:
            raise forms.ValidationError(
                _("The comment you replied to is no longer there."), code="parent"
            )
        return parent
