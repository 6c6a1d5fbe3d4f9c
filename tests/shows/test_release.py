import datetime

import pytest

from shows.release import Precision, ReleaseWindow


@pytest.mark.parametrize(
    ("typed", "date", "precision", "shown"),
    [
        ("2025", datetime.date(2025, 1, 1), Precision.YEAR, "2025"),
        ("spring 2025", datetime.date(2025, 4, 1), Precision.SEASON, "Spring 2025"),
        ("Fall 2026", datetime.date(2026, 10, 1), Precision.SEASON, "Autumn 2026"),
        ("Winter 2027", datetime.date(2027, 1, 1), Precision.SEASON, "Winter 2027"),
        ("March 2025", datetime.date(2025, 3, 1), Precision.MONTH, "March 2025"),
        ("Sept 2025", datetime.date(2025, 9, 1), Precision.MONTH, "September 2025"),
        ("2025-03", datetime.date(2025, 3, 1), Precision.MONTH, "March 2025"),
        ("14 March 2025", datetime.date(2025, 3, 14), Precision.DAY, "14 March 2025"),
        ("March 14, 2025", datetime.date(2025, 3, 14), Precision.DAY, "14 March 2025"),
        ("6th April 2024", datetime.date(2024, 4, 6), Precision.DAY, "6 April 2024"),
        ("2024-04-06", datetime.date(2024, 4, 6), Precision.DAY, "6 April 2024"),
    ],
)
def test_an_editor_types_what_is_known_and_readers_see_exactly_that(typed, date, precision, shown):
    window = ReleaseWindow.parse(typed)
    assert window.date == date
    assert window.precision == precision
    assert str(window) == shown
    assert ReleaseWindow.parse(str(window)) == window  # what is shown can be typed back


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("soon", "not a release window"),
        ("31 February 2025", "not a real date"),
        ("2025-13", "not a real date"),
        ("Smarch 2025", "not a month name"),
        ("1066", "not a plausible release year"),
        ("<script>2025</script>", "not a release window"),
    ],
)
def test_nonsense_is_refused_with_a_message_the_editor_can_act_on(typed, message):
    with pytest.raises(ValueError, match=message):
        ReleaseWindow.parse(typed)


def test_a_stored_date_is_rendered_at_its_precision_never_with_a_made_up_day():
    stored = datetime.date(2025, 5, 17)
    assert str(ReleaseWindow.of(stored, Precision.YEAR)) == "2025"
    assert str(ReleaseWindow.of(stored, Precision.SEASON)) == "Spring 2025"
    assert str(ReleaseWindow.of(stored, Precision.MONTH)) == "May 2025"
    assert str(ReleaseWindow.of(stored, Precision.DAY)) == "17 May 2025"
    assert ReleaseWindow.of(None, "") is None


def test_iso_form_keeps_only_what_is_known():
    assert ReleaseWindow.parse("2025").iso == "2025"
    assert ReleaseWindow.parse("Summer 2025").iso == "2025"
    assert ReleaseWindow.parse("March 2025").iso == "2025-03"
    assert ReleaseWindow.parse("14 March 2025").iso == "2025-03-14"


def test_windows_sort_by_when_they_start():
    windows = [ReleaseWindow.parse(t) for t in ["14 March 2025", "2024", "Spring 2025"]]
    assert [str(w) for w in sorted(windows)] == ["2024", "14 March 2025", "Spring 2025"]


def test_a_window_must_be_normalised():
    with pytest.raises(ValueError, match="not the start"):
        ReleaseWindow(datetime.date(2025, 3, 14), Precision.MONTH)
