"""Every write to people: each saves in one transaction and purges the pages showing the
person (``person:<id>``), and the lists, search and sitemap when what they list changed."""

from django.db import transaction

from newsroom.core.cache import purge, tag_of
from newsroom.core.rules import require
from people import cache_tags
from people.models import Person
from people.signals import person_renamed

NAMES = ("name", "native_name", "slug")


def _names(person):
    if person.pk is None:
        return None
    return Person.objects.filter(pk=person.pk).values(*NAMES).first()


@transaction.atomic
def save_person(*, person, by):
    """Save a person's own fields."""
    require(by, "people.change_person" if person.pk else "people.add_person")
    before = _names(person)
    person.stamp(by)
    person.save()
    after = {name: getattr(person, name) for name in NAMES}
    renamed = before != after
    if renamed and before is not None:
        person_renamed.send(sender=Person, person=person)
    purge(
        person,
        cache_tags.SITEMAP,
        cache_tags.PEOPLE if renamed else None,
        cache_tags.SEARCH if renamed else None,
    )
    return person


@transaction.atomic
def delete_person(*, person, by):
    """Delete a person no credit or quote names (those are protected)."""
    require(by, "people.delete_person")
    tag = tag_of(person)
    person.delete()
    purge(tag, cache_tags.PEOPLE, cache_tags.SEARCH, cache_tags.SITEMAP)
