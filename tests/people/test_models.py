import pytest

from people.models import Person
from tests.people.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_a_person_is_found_by_either_script():
    oguri = PersonFactory(name="Shun Oguri", native_name="小栗旬")
    PersonFactory(name="Someone Else")
    assert list(Person.objects.search("小栗旬")) == [oguri]
    assert list(Person.objects.search("shun oguri")) == [oguri]


def test_a_person_is_labelled_in_both_scripts_where_they_differ():
    assert (
        str(PersonFactory.build(name="Han Hyo-Joo", native_name="한효주")) == "Han Hyo-Joo (한효주)"
    )
    assert str(PersonFactory.build(name="Keanu Reeves", native_name="")) == "Keanu Reeves"


def test_known_for_text_is_read_line_by_line():
    person = PersonFactory.build(known_for="Dong Yi\n\n  W  \nThe Beauty Inside")
    assert person.known_for_lines == ["Dong Yi", "W", "The Beauty Inside"]
