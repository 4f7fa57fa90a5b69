"""The Thomas test is passive by nature: no new active values, old ones still load and read."""

from __future__ import annotations

from datetime import date

import pytest

from mobileathlete_desktop.domain.catalogue import default_catalogue
from mobileathlete_desktop.domain.interpretation import (
    interpret_assessment,
)
from mobileathlete_desktop.domain.interpretation.results import AssessmentInterpretation
from mobileathlete_desktop.domain.records import (
    AssessmentRecord,
    ClientHistory,
    ClientRecord,
    MeasurementRecord,
)
from mobileathlete_desktop.domain.validation import InvalidValue, check_cell

CAT = default_catalogue()
V1, V2 = date(2026, 3, 2), date(2026, 4, 6)


def _client(sex: str, age: int) -> ClientRecord:
    return ClientRecord(1, "SYN-R", "Testa", "Runner", date(2026 - age, 1, 10), sex)  # type: ignore[arg-type]


def _visit(
    ident: int, when: date, *values: tuple[str, str, str, float], instrument: str = ""
) -> AssessmentRecord:
    return AssessmentRecord(
        id=ident,
        client_id=1,
        date=when,
        kind="initial" if ident == 1 else "reassessment",
        status="signed",
        measurements=tuple(
            MeasurementRecord(c, s, m, v, instrument=instrument)  # type: ignore[arg-type]
            for c, s, m, v in values
        ),
    )


def _read(client: ClientRecord, *visits: AssessmentRecord) -> AssessmentInterpretation:
    return interpret_assessment(ClientHistory(client, visits), catalogue=CAT)


def _row(result: AssessmentInterpretation, code: str, side: str, mode: str):  # type: ignore[no-untyped-def]
    row = result.row(code, side, mode)  # type: ignore[arg-type]
    assert row is not None
    return row


def test_the_thomas_test_takes_no_new_active_value_but_old_ones_still_read() -> None:
    """The Thomas test is passive by nature: an active value is refused on entry, and an
    active value saved before still loads and is interpreted (never a control deficit)."""
    thomas = CAT["thomas.hip_extension"]
    assert thomas.modes == ("passive",) and thomas.retired_modes == ("active",)
    with pytest.raises(InvalidValue):
        check_cell(thomas, "left", "active")
    check_cell(thomas, "left", "passive")
    result = _read(
        _client("male", 30),
        _visit(
            1,
            V1,
            ("thomas.hip_extension", "left", "active", -8),
            ("thomas.hip_extension", "left", "passive", 2),
        ),
    )
    old = _row(result, "thomas.hip_extension", "left", "active")
    assert old.value == -8 and "control_deficit" not in old.flags
