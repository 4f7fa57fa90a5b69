"""Adherence at each check-in charted under the LEFS, and the note when the LEFS changed beyond
its measurement error while the home program was mostly skipped."""

from __future__ import annotations

from datetime import date

from mobileathlete_desktop.charts.adherence import adherence_figure
from mobileathlete_desktop.charts.style import figure_messages, is_message_figure
from mobileathlete_desktop.domain.catalogue import Catalogue
from mobileathlete_desktop.domain.checkin_outcomes import adherence_notes
from mobileathlete_desktop.domain.checkins import CheckinItemRecord, CheckinRecord
from mobileathlete_desktop.domain.records import ClientHistory


def checkin(on: date, done: int, ears: tuple[int, ...] = ()) -> CheckinRecord:
    items = (CheckinItemRecord("a", 10, done), CheckinItemRecord("b", 10, None))
    return CheckinRecord(None, 1, 1, on, items, ears=ears)


CHECKINS = (checkin(date(2024, 2, 8), 3, (1, 1, 1, 1, 1, 1)), checkin(date(2024, 3, 8), 9))


def test_bars_follow_the_check_ins_and_the_low_one_is_explained(
    history: ClientHistory, catalogue: Catalogue
) -> None:
    fig = adherence_figure(history, CHECKINS, catalogue)
    top, bottom = fig.axes
    lefs = next(line for line in top.lines if line.get_gid() == "series-lefs")
    assert list(lefs.get_ydata()) == [40, 60, 80]
    bars = [p for p in bottom.patches if p.get_gid() == "adherence-bars"] or [
        p for c in bottom.containers for p in c
    ]
    assert [round(b.get_height()) for b in bars] == [30, 90]
    words = [t.get_text() for t in bottom.texts]
    assert words == ["30%\nEARS 6/24", "90%"]  # English: no space (Texts.percent)
    assert "(self-report)" in bottom.get_ylabel()
    (note,) = figure_messages(fig)
    assert note.startswith("LEFS changed from 40 to 60 between 2024-01-08 and 2024-02-08")


def test_no_check_in_no_chart(history: ClientHistory, catalogue: Catalogue) -> None:
    fig = adherence_figure(history, (), catalogue)
    assert is_message_figure(fig)
    assert figure_messages(fig) == ["No check-in of a home program recorded yet."]


def test_the_note_in_both_languages() -> None:
    outcome = [(date(2024, 1, 8), 40.0), (date(2024, 2, 8), 60.0), (date(2024, 3, 8), 62.0)]
    assert adherence_notes(CHECKINS, outcome, "LEFS", 9.0) == [
        "LEFS changed from 40 to 60 between 2024-01-08 and 2024-02-08 while the home program "
        "was done 30 % of the sessions (self-report): the change is less likely to come from "
        "the home program."
    ]
    (spanish,) = adherence_notes(CHECKINS, outcome, "LEFS", 9.0, "es")
    assert spanish.startswith("LEFS cambió de 40 a 60 entre 2024-01-08 y 2024-02-08")
    # A change within the measurement error, or with the program done, says nothing.
    assert adherence_notes(CHECKINS, outcome, "LEFS", 25.0) == []
    assert adherence_notes(CHECKINS, outcome, "LEFS", None) == []
