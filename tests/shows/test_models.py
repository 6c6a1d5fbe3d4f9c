import datetime

import pytest
from django.db import IntegrityError, transaction

from shows.models import Credit, CreditRole, Show, ShowStatus, ShowTitle, TitleKind
from tests.people.factories import PersonFactory
from tests.shows.factories import CreditFactory, ShowFactory

pytestmark = pytest.mark.django_db


def test_the_same_person_role_and_character_twice_is_refused_by_the_database():
    credit = CreditFactory(character_name="Sosuke Fujiwara")
    with pytest.raises(IntegrityError), transaction.atomic():
        Credit.objects.create(
            show=credit.show,
            person=credit.person,
            role=CreditRole.CAST,
            character_name="Sosuke Fujiwara",
        )


def test_one_person_may_hold_several_credits_on_one_show():
    show, person = ShowFactory(), PersonFactory()
    Credit.objects.create(show=show, person=person, role=CreditRole.DIRECTOR)
    Credit.objects.create(show=show, person=person, role=CreditRole.WRITER)
    Credit.objects.create(show=show, person=person, role=CreditRole.CAST, character_name="A")
    Credit.objects.create(show=show, person=person, role=CreditRole.CAST, character_name="B")
    assert show.credits.count() == 4
    assert list(show.credits.cast().values_list("character_name", flat=True)) == ["A", "B"]
    assert show.credits.crew().count() == 2


def test_only_cast_credits_carry_a_character():
    with pytest.raises(IntegrityError), transaction.atomic():
        CreditFactory(role=CreditRole.DIRECTOR, character_name="Somebody")


def test_a_release_date_needs_its_precision():
    with pytest.raises(IntegrityError), transaction.atomic():
        ShowFactory(release_date=datetime.date(2025, 1, 1), release_precision="")
    with pytest.raises(IntegrityError), transaction.atomic():
        ShowFactory(release_date=None, release_precision="year")


def test_an_unknown_status_is_refused_by_the_database():
    show = ShowFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Show.objects.filter(pk=show.pk).update(status="shooting")


def test_the_status_vocabulary_covers_a_production_from_rumour_to_cancellation():
    assert {
        "rumored",
        "announced",
        "in_development",
        "pre_production",
        "filming",
        "post_production",
        "completed",
        "released",
        "renewed",
        "ended",
        "cancelled",
    } <= set(ShowStatus.values)


def test_release_window_is_read_and_written_through_the_show():
    show = ShowFactory(release_date=datetime.date(2025, 4, 1), release_precision="season")
    assert str(show.release_window) == "Spring 2025"
    show.release_window = None
    show.save()
    show.refresh_from_db()
    assert show.release_window is None


def test_every_title_finds_the_show_including_common_misspellings():
    show = ShowFactory(title="Romantics Anonymous")
    ShowTitle.objects.create(show=show, title="Romantic Anonymous", kind=TitleKind.MISSPELLING)
    ShowTitle.objects.create(show=show, title="ロマンティック・アノニマス", kind=TitleKind.ORIGINAL)
    ShowFactory(title="Something Else")
    for query in ["Romantic Anonymous", "romantics anon", "ロマンティック"]:
        assert list(Show.objects.search(query)) == [show], query


def test_a_show_cannot_be_based_on_itself():
    from django.core.exceptions import ValidationError

    show = ShowFactory()
    show.based_on_show = show
    with pytest.raises(ValidationError, match="based on itself"):
        show.full_clean()


def test_clean_normalises_a_release_date_to_its_precision():
    show = ShowFactory.build(release_date=datetime.date(2025, 3, 14), release_precision="month")
    show.clean()
    assert show.release_date == datetime.date(2025, 3, 1)
