from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from newsroom.core.admin import ConflictCheckedForm
from newsroom.core.models import UNCHECKED, EditConflict, lock_version, version_of

from .models import Show
from .release import ReleaseWindow


class ReleaseWindowField(forms.CharField):
    """One box for a partly known date: "2025", "Spring 2025", "March 2025", "14 March 2025"."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 40)
        kwargs.setdefault(
            "help_text",
            _(
                "Type only what is known: “2025”, “Spring 2025”, “March 2025” or "
                "“14 March 2025”. Seasons are broadcast quarters (Winter = January to March). "
                "Leave empty when no window has been announced."
            ),
        )
        super().__init__(**kwargs)

    def prepare_value(self, value):
        return str(value) if isinstance(value, ReleaseWindow) else value

    def clean(self, value):
        text = super().clean(value)  # length and other checks run on what was typed
        if not text:
            return None
        try:
            return ReleaseWindow.parse(text)
        except ValueError as error:
            raise ValidationError(str(error), code="invalid_release_window") from None


class ShowAdminForm(ConflictCheckedForm):
    release_window = ReleaseWindowField(label=_("Release window"))
    status_note = forms.CharField(
        label=_("Status note"),
        required=False,
        max_length=300,
        help_text=_("Saved in the status history when the status or its date changes."),
    )
    status_source_url = forms.URLField(
        label=_("Status source link"),
        required=False,
        assume_scheme="https",
        help_text=_("Where the status was confirmed; saved in the status history."),
    )

    # The model and fields come from ShowAdmin (its fieldsets); the release window stands in
    # for release_date and release_precision.

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial.setdefault("release_window", self.instance.release_window)

    def clean(self):
        cleaned = super().clean()
        confirmed_on = cleaned.get("status_confirmed_on")
        if self.instance.pk and confirmed_on and self.status_changed():
            newest = self.instance.status_history.first()
            if newest and confirmed_on < newest.confirmed_on:
                self.add_error(
                    "status_confirmed_on",
                    _(
                        "The status history already has “%(status)s” confirmed on %(date)s. "
                        "A new status needs a date on or after that."
                    )
                    % {
                        "status": newest.get_status_display(),
                        "date": date_format(newest.confirmed_on),
                    },
                )
        return cleaned

    def status_changed(self):
        return bool({"status", "status_confirmed_on"} & set(self.changed_data))

    def _post_clean(self):
        # Copy the parsed window onto the model before the model's own validation runs.
        if "release_window" in self.cleaned_data:
            self.instance.release_window = self.cleaned_data["release_window"]
        super()._post_clean()


class WindowedForm(forms.ModelForm):
    """A season's, an episode's or a where-to-watch row's release window in one box."""

    release_window = ReleaseWindowField(label=_("Release"), max_length=40)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["release_window"].help_text = _(
            "“2026”, “Spring 2026”, “March 2026” or “14 March 2026”: only what is known."
        )
        self.fields["release_window"].widget.attrs["size"] = 16
        if self.instance.pk:
            self.initial.setdefault("release_window", self.instance.release_window)

    def _post_clean(self):
        if "release_window" in self.cleaned_data:
            self.instance.release_window = self.cleaned_data["release_window"]
        super()._post_clean()


class SeasonForm(WindowedForm):
    """A season on its own page. Its seasons and episodes are part of the show's record, so
    the page carries the show's version as it was opened: a save after someone else saved
    the show or any of its seasons is refused, with everything typed kept in the form."""

    loaded_show = forms.CharField(required=False, widget=forms.HiddenInput)
    loaded_at = UNCHECKED  # the show's version the save starts from, once clean() checked it

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["loaded_show"] = _show_version_note(self.instance.show)

    def clean(self):
        cleaned = super().clean()
        if not self.instance.pk:
            return cleaned
        try:
            loaded = signing.loads(cleaned.get("loaded_show") or "", salt=SEASON_SALT)
        except signing.BadSignature:
            loaded = ""  # a missing or altered note is a stale save, never a skipped check
        try:
            lock_version(Show, self.instance.show_id, loaded)
        except EditConflict as conflict:
            current = conflict.current
            self.data = self.data.copy()  # saving again replaces their version on purpose
            self.data[self.add_prefix("loaded_show")] = _show_version_note(current)
            who = current.modified_by
            raise ValidationError(
                _(
                    "%(who)s saved %(show)s or one of its seasons at %(when)s, after you "
                    "opened this page. Nothing of yours has been saved; what you typed is "
                    "still below. Reload to see their changes, or save again to replace them."
                )
                % {
                    "who": (who.get_full_name() or who.get_username()) if who else _("Someone"),
                    "show": current.title,
                    "when": date_format(timezone.localtime(current.modified_at), "j F Y, H:i"),
                },
                code="edit_conflict",
            ) from None
        self.loaded_at = loaded
        return cleaned


SEASON_SALT = "shows.season-edit"


def _show_version_note(show):
    return signing.dumps(version_of(show), salt=SEASON_SALT)
