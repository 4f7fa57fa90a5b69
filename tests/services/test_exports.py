"""Exports: long-format CSV and FHIR R4 Bundles, audited, and the round trip back in."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from mobileathlete_desktop.domain.permissions import Actor, PermissionDenied
from mobileathlete_desktop.services import assessments, clients
from mobileathlete_desktop.services.context import InputError, NotFound, ServiceContext
from mobileathlete_desktop.services.demo import create_demo_clinic
from mobileathlete_desktop.services.exports import EXPORT_COLUMNS, export_csv, export_fhir
from mobileathlete_desktop.services.imports import import_assessments
from mobileathlete_desktop.storage.database import open_database
from mobileathlete_desktop.storage.models import AuditEvent

IMPORTER = Actor(username="office", display_name="Office Admin", role="admin")
"""Imports into a fresh clinic are an admin's job (data.import)."""


@pytest.fixture
def one_client(ctx: ServiceContext) -> str:
    made = clients.create_client(
        ctx, clients.ClientInput("T-001", "Testa", "Runnerton", date_of_birth=date(1990, 4, 3))
    )
    visit = assessments.create_assessment(ctx, made.id, date(2025, 3, 1), therapist="Dr Test")
    assessments.set_value(ctx, visit.id, "hip.flexion", "left", "active", 112.5, pain=True)
    assessments.set_value(ctx, visit.id, "wblt.distance", "right", "none", 9, note="heel lifts")
    assessments.sign_assessment(ctx, visit.id)
    return made.chart_number


def values_of(ctx: ServiceContext) -> set[tuple[str, date, str, str, str, float, bool]]:
    found = set()
    for client in clients.search_clients(ctx, include_archived=True):
        for visit in assessments.load_history(ctx, client.id).assessments:
            for m in visit.measurements:
                found.add(
                    (client.chart_number, visit.date, m.code, m.side, m.mode, m.value, m.pain)
                )
    return found


def findings_of(ctx: ServiceContext) -> set[tuple[str, date, str, str, str, tuple[str, ...]]]:
    found = set()
    for client in clients.search_clients(ctx, include_archived=True):
        for visit in assessments.load_history(ctx, client.id).assessments:
            for f in visit.findings:
                found.add(
                    (client.chart_number, visit.date, f.test_code, f.side, f.rating, f.faults)
                )
    return found


def test_csv_has_the_public_columns_codes_and_labels(
    admin_ctx: ServiceContext, one_client: str, tmp_path: Path
) -> None:
    out = tmp_path / "values.csv"
    summary = export_csv(admin_ctx, out, chart=one_client)
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert tuple(rows[0]) == EXPORT_COLUMNS
    assert summary.measurements == 2 and summary.clients == 1
    hip = next(r for r in rows if r["measure"] == "hip.flexion")
    assert hip == {
        "chart_number": "T-001",
        "date": "2025-03-01",
        "measure": "hip.flexion",
        "label": "Hip flexion",
        "side": "left",
        "mode": "active",
        "value": "112.5",
        "unit": "deg",
        "pain": "yes",
        "note": "",
        "instrument": "goniometer.long_arm",
        "assessment_id": hip["assessment_id"],
        "status": "signed",
        "faults": "",
    }


def test_exports_are_audited(admin_ctx: ServiceContext, one_client: str, tmp_path: Path) -> None:
    export_csv(admin_ctx, tmp_path / "all.csv")
    export_fhir(admin_ctx, tmp_path / "one.json", chart=one_client)
    with admin_ctx.db.session() as session:
        events = session.execute(
            select(AuditEvent).where(AuditEvent.action == "data.export")
        ).scalars()
        details = [(e.detail["format"], e.detail["client"]) for e in events]
    assert details == [("csv", "all"), ("fhir", "T-001")]


def test_an_unknown_chart_writes_no_file(admin_ctx: ServiceContext, tmp_path: Path) -> None:
    with pytest.raises(NotFound, match="NOPE"):
        export_csv(admin_ctx, tmp_path / "x.csv", chart="NOPE")
    assert not [p for p in tmp_path.iterdir() if p.suffix in (".csv", ".part")]


def test_a_therapist_may_not_export(therapist_ctx: ServiceContext, tmp_path: Path) -> None:
    with pytest.raises(PermissionDenied):
        export_csv(therapist_ctx, tmp_path / "x.csv")


def test_all_clients_to_fhir_needs_a_folder(
    admin_ctx: ServiceContext, one_client: str, tmp_path: Path
) -> None:
    with pytest.raises(InputError, match="needs an existing folder"):
        export_fhir(admin_ctx, tmp_path / "bundle.json")
    summary = export_fhir(admin_ctx, tmp_path)
    assert [p.name for p in summary.files] == ["T-001.json"]
    bundle = json.loads((tmp_path / "T-001.json").read_text(encoding="utf-8"))
    assert [e["resource"]["resourceType"] for e in bundle["entry"]] == [
        "Patient",
        "Observation",
        "Observation",
    ]


def test_demo_clinic_round_trips_through_csv(
    ctx: ServiceContext, admin_ctx: ServiceContext, system_ctx: ServiceContext, tmp_path: Path
) -> None:
    create_demo_clinic(system_ctx, clients=5, seed=11)
    out = tmp_path / "demo.csv"
    summary = export_csv(admin_ctx, out)
    assert summary.measurements > 20
    fresh = open_database(tmp_path / "fresh.sqlite3")
    try:
        fresh_ctx = ServiceContext(db=fresh, actor=IMPORTER)
        report = import_assessments(fresh_ctx, out, create_clients=True)
        assert report.values_added == summary.measurements
        assert values_of(fresh_ctx) == values_of(ctx)
        assert findings_of(fresh_ctx) == findings_of(ctx)
        assert any(faults for *_rest, faults in findings_of(ctx))
    finally:
        fresh.dispose()


def test_motor_control_findings_round_trip_with_rating_and_faults(
    ctx: ServiceContext, admin_ctx: ServiceContext, one_client: str, tmp_path: Path
) -> None:
    made = clients.find_by_chart(ctx, one_client)
    visit = assessments.create_assessment(ctx, made.id, date(2025, 4, 1))
    assessments.set_finding(
        ctx, visit.id, "sls", "left", faults=("pelvic_drop", "knee_valgus"), rating="poor"
    )
    assessments.set_finding(ctx, visit.id, "sls", "right", rating="good")
    assessments.set_finding(ctx, visit.id, "stepdown", "left", faults=("trunk_lean",))
    out = tmp_path / "values.csv"
    export_csv(admin_ctx, out)
    with out.open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["date"] == "2025-04-01"]
    assert [(r["measure"], r["side"], r["value"], r["faults"]) for r in rows] == [
        ("sls", "left", "2", "pelvic_drop;knee_valgus"),
        ("sls", "right", "0", ""),
        ("stepdown", "left", "", "trunk_lean"),
    ]
    assert tuple(rows[0])[-1] == "faults"
    fresh = open_database(tmp_path / "fresh.sqlite3")
    try:
        fresh_ctx = ServiceContext(db=fresh, actor=IMPORTER)
        import_assessments(fresh_ctx, out, create_clients=True)
        assert findings_of(fresh_ctx) == findings_of(ctx)
        assert values_of(fresh_ctx) == values_of(ctx)
        # Importing the export into the clinic it came from changes nothing.
        again = import_assessments(admin_ctx, out)
        assert (again.values_added, again.values_changed, again.recomputed) == (0, 0, 0)
    finally:
        fresh.dispose()
