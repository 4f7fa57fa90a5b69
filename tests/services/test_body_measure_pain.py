"""A body measurement (limb length, body mass, lever arms) is not a movement or test: a pain
mark on it is refused wherever a value is saved (typed value, the grid's P, an import), with
a message that says why and what to do, and nothing is stored."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from mobileathlete_desktop.services import assessments, clients
from mobileathlete_desktop.services.context import InputError, ServiceContext
from mobileathlete_desktop.services.imports import ImportFailed, import_assessments

REFUSED = "is a body measurement, not a movement or test: it cannot be marked painful"


def _visit(ctx: ServiceContext) -> int:
    made = clients.create_client(ctx, clients.ClientInput("T-001", "Testa", "Runnerton"))
    return assessments.create_assessment(ctx, made.id, date(2025, 3, 1)).id


def test_the_grids_pain_mark_on_limb_length_is_refused_and_not_stored(
    ctx: ServiceContext,
) -> None:
    visit = _visit(ctx)
    assessments.set_value(ctx, visit, "limb.length", "left", "none", 91.0)
    with pytest.raises(InputError, match=f"Limb length .*{REFUSED}.*mark the test that hurt"):
        assessments.set_pain(ctx, visit, "limb.length", "left", "none", True)
    stored = assessments.get_assessment(ctx, visit).measurement("limb.length", "left", "none")
    assert stored is not None and stored.pain is False
    # Taking a mark off is always allowed, and a movement is marked painful as before.
    assert assessments.set_pain(ctx, visit, "limb.length", "left", "none", False).pain is False
    assessments.set_value(ctx, visit, "hip.flexion", "left", "active", 110)
    assert assessments.set_pain(ctx, visit, "hip.flexion", "left", "active", True).pain


@pytest.mark.parametrize("expected", [None, 91.0], ids=["first value", "typed over"])
def test_a_value_saved_painful_on_body_mass_or_limb_length_is_refused(
    ctx: ServiceContext, expected: float | None
) -> None:
    visit = _visit(ctx)
    if expected is not None:
        assessments.set_value(ctx, visit, "limb.length", "left", "none", expected)
    with pytest.raises(InputError, match=REFUSED):
        assessments.set_value(
            ctx, visit, "limb.length", "left", "none", 92.0, pain=True, expected=expected
        )
    with pytest.raises(InputError, match=f"Body mass {REFUSED}"):
        assessments.set_value(ctx, visit, "body.mass", "none", "none", 70.0, pain=True)
    record = assessments.get_assessment(ctx, visit)
    assert record.value("limb.length", "left", "none") == expected
    assert record.measurement("body.mass", "none", "none") is None


MEASURES = "chart_number,date,measure,side,mode,value,pain\n"


def test_an_imported_painful_body_measurement_is_a_row_problem_and_nothing_is_imported(
    ctx: ServiceContext, admin_ctx: ServiceContext, tmp_path: Path
) -> None:
    made = clients.create_client(ctx, clients.ClientInput("T-001", "Testa", "Runnerton"))
    path = tmp_path / "values.csv"
    path.write_text(
        MEASURES
        + "T-001,2025-03-01,hip.flexion,left,active,110,yes\n"
        + "T-001,2025-03-01,limb.length,left,none,91,yes\n"
        + "T-001,2025-03-01,limb.length,right,none,91,no\n",
        encoding="utf-8",
    )
    with pytest.raises(ImportFailed) as caught:
        import_assessments(admin_ctx, path)
    said = str(caught.value)
    assert f"line 3: Limb length (ASIS to medial malleolus) {REFUSED}" in said
    assert "line 2" not in said and "line 4" not in said
    assert assessments.list_assessments(ctx, made.id) == []
