"""Helpers for tests that drive the desk (the admin) as a browser would."""

import datetime

from django.core import signing
from django.utils import timezone

from newsroom.core.admin.conflicts import SALT
from newsroom.core.models import version_of


def _value(value):
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):  # the admin shows times in the newsroom's zone
            value = timezone.localtime(value)
        return [value.date().isoformat(), value.strftime("%H:%M:%S")]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def form_data(response):
    """What the browser would send back for an admin change page, untouched."""
    data = {}

    def add(form, name):
        value = _value(form[name].value())
        key = form.add_prefix(name)
        if value is None or value is False:
            return
        if value is True:
            data[key] = "on"
        elif isinstance(value, list | tuple):
            if key.endswith("_at"):  # a date and a time, in two inputs
                for part, item in enumerate(value):
                    if item is not None:
                        data[f"{key}_{part}"] = str(item)
            else:
                data[key] = [str(item) for item in value]
        else:
            data[key] = str(value)

    form = response.context["adminform"].form
    for name in form.fields:
        add(form, name)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        for name in formset.management_form.fields:
            add(formset.management_form, name)
        for subform in formset.forms:
            for name in subform.fields:
                add(subform, name)
    return data


def loaded_version(obj):
    """The note a change form opened on `obj`, as stored now, sends back."""
    obj.refresh_from_db(fields=["modified_at"])
    return signing.dumps({"at": version_of(obj), "h": {}}, salt=SALT, compress=True)
