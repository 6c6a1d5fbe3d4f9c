import datetime

import factory

from shows.models import Credit, CreditRole, Platform, Show, ShowKind, ShowStatus
from tests.people.factories import PersonFactory


class PlatformFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Platform
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Platform {n}")
    slug = factory.Sequence(lambda n: f"platform-{n}")


class ShowFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Show

    title = factory.Sequence(lambda n: f"Show {n}")
    slug = factory.Sequence(lambda n: f"show-{n}")
    kind = ShowKind.SERIES
    platform = factory.SubFactory(PlatformFactory)
    status = ShowStatus.ANNOUNCED
    status_confirmed_on = datetime.date(2024, 1, 15)


class CreditFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Credit

    show = factory.SubFactory(ShowFactory)
    person = factory.SubFactory(PersonFactory)
    role = CreditRole.CAST
    character_name = factory.Sequence(lambda n: f"Character {n}")
    billing_order = factory.Sequence(lambda n: n + 1)
