"""Characters XML cannot carry never reach a feed, whatever shape the value has."""

from newsroom.core.text import xml_safe


def test_xml_safe_cleans_strings_inside_lists_tuples_and_dicts():
    dirty = "Pilot\x00 episode\x0b\ufffe"
    assert xml_safe(dirty) == "Pilot episode"
    assert xml_safe([dirty, (dirty,)]) == ["Pilot episode", ("Pilot episode",)]
    image = {"url": "/media/a.jpg", "alt": dirty, "width": 1200}
    assert xml_safe(image) == {"url": "/media/a.jpg", "alt": "Pilot episode", "width": 1200}
    assert xml_safe("tab\tand\nnewlines stay") == "tab\tand\nnewlines stay"
