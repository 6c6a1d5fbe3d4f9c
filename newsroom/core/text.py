"""Characters XML cannot carry (C0 controls but tab and newlines, U+FFFE, U+FFFF, lone
surrogates): stripped from every text field as it is saved, and from everything the feeds
and sitemaps write, so that one pasted headline cannot break them for every subscriber."""

import re

from django.db import models

FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(value):
    """`value` without the characters XML forbids (strings, and lists, tuples and dicts
    of them)."""
    if isinstance(value, str):
        return FORBIDDEN.sub("", value)
    if isinstance(value, dict):
        return {key: xml_safe(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(xml_safe(item) for item in value)
    return value


def strip_forbidden_characters(sender, instance, raw=False, **kwargs):
    """pre_save: every CharField and TextField is stored without them."""
    if raw:
        return  # fixtures load as they are
    for field in instance._meta.concrete_fields:
        if isinstance(field, models.CharField | models.TextField):
            value = getattr(instance, field.attname)
            if isinstance(value, str) and FORBIDDEN.search(value):
                setattr(instance, field.attname, FORBIDDEN.sub("", value))


class XMLSafeFeed:
    """A feed generator (mixed in before Rss201rev2Feed or Atom1Feed) that writes only
    what XML can carry, whatever was stored."""

    def __init__(self, *args, **kwargs):
        super().__init__(*xml_safe(args), **{k: xml_safe(v) for k, v in kwargs.items()})

    def add_item(self, *args, **kwargs):
        super().add_item(*xml_safe(args), **{k: xml_safe(v) for k, v in kwargs.items()})


def zone_name():
    """The newsroom's time zone as people say it: "London" for Europe/London."""
    from django.conf import settings

    return settings.TIME_ZONE.rsplit("/", 1)[-1].replace("_", " ")


def join_words(words):
    """ "a", "a and b", "a, b and c"."""
    words = [str(word) for word in words]
    if len(words) < 3:
        return " and ".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"


def clock(moment):
    """A time of today as "14:32", of another day as "3 Dec, 14:32" (the newsroom's zone)."""
    from django.utils import timezone
    from django.utils.formats import date_format

    local = timezone.localtime(moment)
    return date_format(local, "H:i" if local.date() == timezone.localdate() else "j M, H:i")
