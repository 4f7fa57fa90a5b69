"""A synthetic runner's visits, interpreted with the shipped catalogue: the set-up the
interpretation's worked cases share (fallback norms, the gap's error, changes the instrument
cannot show, the Thomas test's passive mode)."""

from __future__ import annotations

from datetime import date
from typing import Any

from mobileathlete_desktop.domain.catalogue import default_catalogue
from mobileathlete_desktop.domain.interpretation import interpret_assessment
from mobileathlete_desktop.domain.interpretation.results import AssessmentInterpretation
from mobileathlete_desktop.domain.records import (
    AssessmentRecord,
    ClientHistory,
    ClientRecord,
    MeasurementRecord,
)

CAT = default_catalogue()
V1, V2 = date(2026, 3, 2), date(2026, 4, 6)


def client(sex: str, age: int) -> ClientRecord:
    return ClientRecord(1, "SYN-R", "Testa", "Runner", date(2026 - age, 1, 10), sex)  # type: ignore[arg-type]


def visit(
    ident: int, when: date, *values: tuple[str, str, str, float], instrument: str = ""
) -> AssessmentRecord:
    """A signed visit (the first an initial one) with (code, side, mode, value) readings."""
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


def read(runner: ClientRecord, *visits: AssessmentRecord) -> AssessmentInterpretation:
    return interpret_assessment(ClientHistory(runner, visits), catalogue=CAT)


def row(result: AssessmentInterpretation, code: str, side: str, mode: str) -> Any:
    found = result.row(code, side, mode)  # type: ignore[arg-type]
    assert found is not None
    return found
