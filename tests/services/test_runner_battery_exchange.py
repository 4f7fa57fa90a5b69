"""The runner test battery (issue 18) leaves and comes back through the CSV export and import,
and goes out as FHIR Observations with UCUM units."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from mobileathlete_desktop.services import assessments, clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.exports import export_csv, export_fhir
from mobileathlete_desktop.services.imports import import_assessments
from mobileathlete_desktop.storage.database import open_database
from tests.services.test_exports import IMPORTER, findings_of, values_of

BATTERY = [
    ("hop.triple", "left", 420.0),
    ("hop.triple", "right", 510.0),
    ("hop.timed_6m", "left", 2.4),
    ("hop.timed_6m", "right", 2.1),
    ("calf.heel_rise", "left", 18.0),
    ("calf.heel_rise", "right", 27.0),
    ("body.mass", "none", 60.0),
    ("hip.abduction.force", "left", 120.0),
    ("hip.abduction.lever_arm", "left", 0.55),
    ("beighton.score", "none", 6.0),
    ("gait.cadence", "none", 164.0),
]


def _battery_visit(ctx: ServiceContext) -> str:
    made = clients.create_client(
        ctx, clients.ClientInput("RB-1", "Testa", "Runnerton", date(1996, 4, 1), "female")
    )
    visit = assessments.create_assessment(ctx, made.id, date(2026, 3, 2), template="runner_battery")
    for code, side, value in BATTERY:
        pain = code == "hop.triple" and side == "left"
        assessments.set_value(ctx, visit.id, code, side, "none", value, pain=pain)  # type: ignore[arg-type]
    assessments.set_finding(
        ctx, visit.id, "gait.running", "left", faults=("pelvic_drop", "overstride"), rating="fair"
    )
    return made.chart_number


def test_the_battery_round_trips_through_csv(
    ctx: ServiceContext, admin_ctx: ServiceContext, tmp_path: Path
) -> None:
    _battery_visit(ctx)
    out = tmp_path / "battery.csv"
    summary = export_csv(admin_ctx, out)
    assert summary.measurements >= len(BATTERY)
    text = out.read_text(encoding="utf-8")
    assert "hop.timed_6m" in text and "pelvic_drop;overstride" in text
    fresh = open_database(tmp_path / "fresh.sqlite3")
    try:
        fresh_ctx = ServiceContext(db=fresh, actor=IMPORTER)
        import_assessments(fresh_ctx, out, create_clients=True)
        assert values_of(fresh_ctx) == values_of(ctx)
        assert findings_of(fresh_ctx) == findings_of(ctx)
        assert ("RB-1", date(2026, 3, 2), "hop.triple", "left", "none", 420.0, True) in values_of(
            fresh_ctx
        )
    finally:
        fresh.dispose()


def test_the_battery_goes_out_as_fhir_with_ucum_units(
    ctx: ServiceContext, admin_ctx: ServiceContext, tmp_path: Path
) -> None:
    chart = _battery_visit(ctx)
    out = tmp_path / "battery.json"
    export_fhir(admin_ctx, out, chart=chart)
    bundle = json.loads(out.read_text(encoding="utf-8"))
    units = {
        e["resource"]["code"]["coding"][0]["code"]: e["resource"]["valueQuantity"]["code"]
        for e in bundle["entry"]
        if e["resource"]["resourceType"] == "Observation" and "valueQuantity" in e["resource"]
    }
    assert units["hip.abduction.force"] == "N"
    assert units["hip.abduction.lever_arm"] == "m"
    assert units["body.mass"] == "kg"
    assert units["calf.heel_rise"] == "{reps}"
    assert units["gait.cadence"] == "/min"
    assert units["hop.timed_6m"] == "s" and units["hop.triple"] == "cm"
