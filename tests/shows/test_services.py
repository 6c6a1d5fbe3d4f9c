import datetime

import pytest

from shows import services
from shows.models import ShowStatus
from tests.shows.factories import ShowFactory

pytestmark = pytest.mark.django_db


def test_recording_a_status_appends_history_and_moves_the_show(editor):
    show = ShowFactory(status=ShowStatus.ANNOUNCED, status_confirmed_on=datetime.date(2024, 1, 2))
    services.record_status(
        show=show,
        status=ShowStatus.FILMING,
        confirmed_on=datetime.date(2024, 4, 6),
        note="Cameras rolled.",
        source_url="https://example.com/news",
        by=editor,
    )
    show.refresh_from_db()
    assert show.status == ShowStatus.FILMING
    assert show.status_confirmed_on == datetime.date(2024, 4, 6)
    entry = show.status_history.get()
    assert (entry.status, entry.note, entry.source_url, entry.recorded_by) == (
        ShowStatus.FILMING,
        "Cameras rolled.",
        "https://example.com/news",
        editor,
    )


def test_a_backfilled_older_status_joins_the_history_without_changing_the_current_one():
    show = ShowFactory()
    services.record_status(
        show=show, status=ShowStatus.FILMING, confirmed_on=datetime.date(2024, 4, 6)
    )
    services.record_status(
        show=show, status=ShowStatus.ANNOUNCED, confirmed_on=datetime.date(2023, 9, 1)
    )
    show.refresh_from_db()
    assert show.status == ShowStatus.FILMING
    assert [e.status for e in show.status_history.all()] == ["filming", "announced"]
