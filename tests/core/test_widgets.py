"""QuickSelect writes what Django's Select template writes."""

import pytest
from django import forms

from newsroom.core.widgets import QuickSelect

CHOICES = [
    ("", "Any"),
    ("a&b", 'Tom & "Jerry" <3'),
    ("Films", [("1", "One"), ("2", "Two")]),
    (3, "Three"),
]


@pytest.mark.parametrize("value", [None, "", "a&b", "2", "3", "missing"])
@pytest.mark.parametrize("attrs", [None, {"id": "id_x", "required": True, "disabled": False}])
def test_the_html_is_djangos(value, attrs):
    django = forms.Select(choices=CHOICES).render("x", value, attrs)
    quick = QuickSelect(choices=CHOICES).render("x", value, attrs)
    assert quick == django


def test_a_model_choice_field_with_the_widget_renders_its_choices(db):
    from django.contrib.auth.models import Group

    Group.objects.create(name="<Editors>")
    field = forms.ModelChoiceField(Group.objects.all(), widget=QuickSelect, to_field_name="name")
    html = field.widget.render("group", "<Editors>")
    assert '<option value="&lt;Editors&gt;" selected>&lt;Editors&gt;</option>' in html
    assert html == forms.Select(choices=field.choices).render("group", "<Editors>")
