"""The profile chart leaves out a reading whose only reference value was measured in another
group (a documented fallback: context, not a norm) and says why in those words, not as an
active reading judged by its gap."""

from __future__ import annotations

from datetime import date

from mobileathlete_desktop.charts.profile import profile_figure
from mobileathlete_desktop.domain.catalogue import default_catalogue
from mobileathlete_desktop.domain.records import ClientHistory, MeasurementRecord
from tests.charts.conftest import runner, visit


def _passive(code: str, side: str, value: float) -> MeasurementRecord:
    return MeasurementRecord(code, side, "passive", value)  # type: ignore[arg-type]


def _note(fig: object) -> str:
    label = fig._supxlabel  # type: ignore[attr-defined]
    return " ".join(label.get_text().split()) if label is not None else ""


def test_a_value_against_another_groups_reference_is_left_out_and_said_so() -> None:
    # A woman of 45: hip abduction's only value is Mosler 2017's male footballers aged 18-40
    # (a fallback); hip flexion has her own norm (AAOS) and is drawn.
    history = ClientHistory(
        runner(date(1981, 3, 2)),
        (
            visit(
                1,
                date(2026, 11, 2),
                "signed",
                _passive("hip.abduction", "right", 37),
                _passive("hip.flexion", "right", 100),
            ),
        ),
    )
    fig = profile_figure(history, default_catalogue())
    labels = [t.get_text() for ax in fig.axes for t in ax.get_yticklabels()]
    assert any(label.startswith("Hip flexion") for label in labels)
    assert not any(label.startswith("Hip abduction") for label in labels)
    note = _note(fig)
    assert "Hip abduction" in note and "measured in another group" in note
    assert "judged by their gap" not in note


def test_only_another_groups_values_make_no_bars_and_say_why_in_spanish() -> None:
    history = ClientHistory(
        runner(date(1981, 3, 2)),
        (visit(1, date(2026, 11, 2), "signed", _passive("hip.abduction", "right", 37)),),
    )
    fig = profile_figure(history, default_catalogue(), lang="es")
    words = " ".join(t.get_text() for ax in fig.axes for t in ax.texts)
    words += " " + " ".join(t.get_text() for t in fig.texts)
    assert "otro grupo" in words, words
    assert "brecha" not in words
