"""The Outcomes tab: the PSFS typed by keyboard, bad answers refused with a message, LEFS 7."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.domain.interpretation import interpret_assessment
from mobileathlete_desktop.services import assessments, clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.assessment_editor import AssessmentEditor
from tests.ui.keys import focused, press, tab_to, type_text

ALT = Qt.KeyboardModifier.AltModifier
ACTIVITIES = ["Running 10 km", "Stairs down", "Hopping"]


@pytest.fixture
def client_id(ctx: ServiceContext) -> int:
    return clients.create_client(
        ctx, clients.ClientInput("O-1", "Ona", "Miles", date(1992, 3, 3), "female")
    ).id


@pytest.fixture
def open_outcomes(therapist_ctx: ServiceContext, qtbot: QtBot) -> Callable[[int], AssessmentEditor]:
    def make(assessment_id: int) -> AssessmentEditor:
        editor = AssessmentEditor(therapist_ctx, assessment_id)
        qtbot.addWidget(editor)
        editor.show()
        editor.activateWindow()
        qtbot.waitUntil(editor.isActiveWindow)
        press(qtbot, Qt.Key.Key_O, ALT)
        assert editor.psfs is not None
        return editor

    return make


def _draft(ctx: ServiceContext, client_id: int, on: date) -> int:
    return assessments.create_assessment(ctx, client_id, on, template="runner_screen").id


def _psfs(
    ctx: ServiceContext, assessment_id: int
) -> tuple[tuple[str, ...], tuple[int | None, ...]]:
    record = assessments.get_assessment(ctx, assessment_id)
    found = next((o for o in record.outcomes if o.instrument == "psfs"), None)
    return (found.labels, found.answers) if found else ((), ())


def test_psfs_typed_by_keyboard_is_stored_and_judged_at_the_next_visit(
    open_outcomes: Callable[[int], AssessmentEditor],
    therapist_ctx: ServiceContext,
    client_id: int,
    qtbot: QtBot,
) -> None:
    first = _draft(therapist_ctx, client_id, date(2026, 1, 5))
    editor = open_outcomes(first)
    assert editor.psfs is not None
    tab_to(qtbot, editor.psfs.activities[0])
    for name, rating in zip(ACTIVITIES, ("3", "4", "4"), strict=True):
        type_text(qtbot, name)
        press(qtbot, Qt.Key.Key_Tab)
        type_text(qtbot, rating)
        press(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: "3.7 / 10" in editor.psfs.average.text())  # type: ignore[union-attr]
    assert "average 3.7" in editor.status.text()
    assert assessments.get_assessment(therapist_ctx, first).value("psfs.average") == 3.7
    assert _psfs(therapist_ctx, first) == (tuple(ACTIVITIES), (3, 4, 4))
    # Tab walks on through the two optional rows and out of the panel.
    for _ in range(4):
        press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)
    assert not editor.psfs.isAncestorOf(focused())
    editor.close()
    assessments.sign_assessment(therapist_ctx, first)

    # The next visit offers the same activities; the ratings are typed again.
    second = _draft(therapist_ctx, client_id, date(2026, 2, 5))
    editor = open_outcomes(second)
    assert editor.psfs is not None
    assert [f.text() for f in editor.psfs.activities[:3]] == ACTIVITIES
    assert "2026-01-05" in editor.psfs.offer.text()
    assert _psfs(therapist_ctx, second) == ((), ())  # offered, not yet stored
    tab_to(qtbot, editor.psfs.ratings[0])
    for rating in ("6", "5", "5"):
        type_text(qtbot, rating)
        press(qtbot, Qt.Key.Key_Tab)
        press(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: "5.3 / 10" in editor.psfs.average.text())  # type: ignore[union-attr]
    assert _psfs(therapist_ctx, second) == (tuple(ACTIVITIES), (6, 5, 5))

    history = assessments.load_history(therapist_ctx, client_id)
    row = interpret_assessment(history, second, therapist_ctx.catalogue).row("psfs.average")
    assert row is not None and row.value == pytest.approx(5.3)
    assert row.change.verdict == "improved" and row.change.important is True


@pytest.mark.parametrize(
    ("rating", "message"),
    [
        ("11", "11 is outside 0–10"),
        ("abc", "'abc' is not a whole number 0–10"),
        ("-2", "-2 is outside 0–10"),
        ("4.5", "'4.5' is not a whole number"),
    ],
)
def test_a_bad_psfs_rating_is_refused_with_a_message(
    open_outcomes: Callable[[int], AssessmentEditor],
    therapist_ctx: ServiceContext,
    client_id: int,
    qtbot: QtBot,
    rating: str,
    message: str,
) -> None:
    draft = _draft(therapist_ctx, client_id, date(2026, 1, 5))
    editor = open_outcomes(draft)
    assert editor.psfs is not None
    tab_to(qtbot, editor.psfs.activities[0])
    type_text(qtbot, "Running")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, rating)
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: message in editor.status.text())
    assert "not stored" in editor.status.text()
    assert _psfs(therapist_ctx, draft) == (("Running",), (None,))  # the name, no rating
    assert assessments.get_assessment(therapist_ctx, draft).value("psfs.average") is None


def test_fewer_than_three_activities_store_no_average_and_say_so(
    open_outcomes: Callable[[int], AssessmentEditor],
    therapist_ctx: ServiceContext,
    client_id: int,
    qtbot: QtBot,
) -> None:
    draft = _draft(therapist_ctx, client_id, date(2026, 1, 5))
    editor = open_outcomes(draft)
    assert editor.psfs is not None
    tab_to(qtbot, editor.psfs.activities[0])
    for name, rating in (("Running", "5"), ("Stairs", "6")):
        type_text(qtbot, name)
        press(qtbot, Qt.Key.Key_Tab)
        type_text(qtbot, rating)
        press(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: _psfs(therapist_ctx, draft) == (("Running", "Stairs"), (5, 6)))
    assert "no average until 3–5 activities" in editor.status.text()
    assert "2 of 3 activities rated" in editor.psfs.average.text()
    assert assessments.get_assessment(therapist_ctx, draft).value("psfs.average") is None


def test_a_rating_without_an_activity_is_refused(
    open_outcomes: Callable[[int], AssessmentEditor],
    therapist_ctx: ServiceContext,
    client_id: int,
    qtbot: QtBot,
) -> None:
    draft = _draft(therapist_ctx, client_id, date(2026, 1, 5))
    editor = open_outcomes(draft)
    assert editor.psfs is not None
    tab_to(qtbot, editor.psfs.ratings[0])
    type_text(qtbot, "7")
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: "row 1: name the activity" in editor.status.text())
    assert _psfs(therapist_ctx, draft) == ((), ())


@pytest.mark.parametrize(
    ("typed", "message"),
    [("7", "LEFS item 1: 7 is outside 0–4"), ("x", "LEFS item 1: 'x' is not an answer")],
)
def test_a_lefs_answer_outside_0_to_4_gets_a_message(
    open_outcomes: Callable[[int], AssessmentEditor],
    therapist_ctx: ServiceContext,
    client_id: int,
    qtbot: QtBot,
    typed: str,
    message: str,
) -> None:
    draft = _draft(therapist_ctx, client_id, date(2026, 1, 5))
    editor = open_outcomes(draft)
    assert editor.lefs is not None
    tab_to(qtbot, editor.lefs.items[0])
    type_text(qtbot, typed)
    qtbot.waitUntil(lambda: message in editor.status.text())
    assert editor.status.text().startswith("⚠")
    assert editor.lefs.answers()[0] is None
    assert assessments.get_assessment(therapist_ctx, draft).outcomes == ()
