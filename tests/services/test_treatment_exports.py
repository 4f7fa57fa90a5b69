"""The treatment given leaves the program too: its own CSV (a public contract), and a FHIR
Procedure per treatment in the client's Bundle, which still validates."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest

from mobileathlete_desktop.cli import main
from mobileathlete_desktop.domain.permissions import PermissionDenied
from mobileathlete_desktop.domain.treatments import TreatmentEntry
from mobileathlete_desktop.services import assessments, clients
from mobileathlete_desktop.services import treatments as service
from mobileathlete_desktop.services.audit import AuditFilter, find_events
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.exports import (
    EXPORT_COLUMNS,
    TREATMENT_COLUMNS,
    export_csv,
    export_fhir,
    export_treatments_csv,
)

MOB = TreatmentEntry("mobilisation", "talocrural", "pa", 3, "left", 8)
CUE = TreatmentEntry("cue", method="cadence", note="=+7.5 %, 172 steps/min")
OWN = TreatmentEntry("soft_tissue", "Peroneals", "massage", side="right", minutes=6)


@pytest.fixture
def treated(ctx: ServiceContext) -> str:
    made = clients.create_client(
        ctx, clients.ClientInput("T-001", "Testa", "Runnerton", date_of_birth=date(1990, 4, 3))
    )
    visit = assessments.create_assessment(ctx, made.id, date(2025, 3, 1), therapist="Dr Test")
    assessments.set_value(ctx, visit.id, "hip.flexion", "left", "active", 112.5)
    service.add_treatment(ctx, visit.id, MOB)
    service.add_treatment(ctx, visit.id, CUE)
    assessments.sign_assessment(ctx, visit.id)
    later = assessments.create_assessment(ctx, made.id, date(2025, 3, 15), therapist="Dr Test")
    service.add_treatment(ctx, later.id, OWN)
    return made.chart_number


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_the_treatments_csv_has_its_columns_codes_labels_and_numbers(
    admin_ctx: ServiceContext, treated: str, tmp_path: Path
) -> None:
    out = tmp_path / "treatments.csv"
    summary = export_treatments_csv(admin_ctx, out, chart=treated)
    assert out.read_text(encoding="utf-8").splitlines()[0] == ",".join(TREATMENT_COLUMNS)
    rows = read_csv(out)
    assert [(r["date"], r["position"], r["kind"]) for r in rows] == [
        ("2025-03-01", "1", "mobilisation"),
        ("2025-03-01", "2", "cue"),
        ("2025-03-15", "1", "soft_tissue"),
    ]
    mob, cue, own = rows
    assert mob["kind_label"] == "Joint mobilisation"
    assert (mob["site"], mob["site_label"]) == ("talocrural", "Ankle (talocrural)")
    assert (mob["method"], mob["method_label"]) == ("pa", "PA glide")
    assert (mob["grade"], mob["side"], mob["minutes"], mob["status"]) == (
        "3",
        "left",
        "8",
        "signed",
    )
    assert (cue["grade"], cue["minutes"]) == ("", "")
    # A note that looks like a formula is text in a spreadsheet, never a formula.
    assert cue["note"] == "'=+7.5 %, 172 steps/min"
    assert (own["site"], own["site_label"], own["status"]) == ("Peroneals", "Peroneals", "draft")
    assert summary.describe() == f"Exported 3 treatments of 1 client to {out}"


def test_the_measurements_csv_keeps_its_columns(
    admin_ctx: ServiceContext, treated: str, tmp_path: Path
) -> None:
    out = tmp_path / "visits.csv"
    export_csv(admin_ctx, out, chart=treated)
    assert out.read_text(encoding="utf-8").splitlines()[0] == ",".join(EXPORT_COLUMNS)
    assert [r["measure"] for r in read_csv(out)] == ["hip.flexion"]


def test_a_treatments_export_is_audited_and_an_admins_job(
    ctx: ServiceContext, admin_ctx: ServiceContext, treated: str, tmp_path: Path
) -> None:
    with pytest.raises(PermissionDenied):
        export_treatments_csv(ctx, tmp_path / "t.csv")
    export_treatments_csv(admin_ctx, tmp_path / "t.csv")
    event = find_events(admin_ctx, AuditFilter(action="data.export"))[-1]
    assert event.detail["format"] == "treatments-csv"
    assert event.detail["treatments"] == 3


def test_fhir_carries_a_procedure_per_treatment_referencing_the_patient(
    admin_ctx: ServiceContext, treated: str, tmp_path: Path
) -> None:
    out = tmp_path / "t.json"
    summary = export_fhir(admin_ctx, out, chart=treated)
    bundle = json.loads(out.read_text(encoding="utf-8"))
    patient_url = bundle["entry"][0]["fullUrl"]
    procedures = [
        e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Procedure"
    ]
    assert len(procedures) == 3
    mob = procedures[0]
    assert mob["subject"] == {"reference": patient_url}
    assert mob["status"] == "completed"
    assert mob["performedDateTime"] == "2025-03-01"
    assert mob["code"]["coding"][0]["code"] == "mobilisation"
    assert mob["code"]["text"] == (
        "Joint mobilisation: Ankle (talocrural) left, PA glide, grade III, 8 min"
    )
    assert mob["bodySite"][0]["text"] == "Ankle (talocrural) left"
    assert mob["extension"][0]["valueQuantity"] == {
        "value": 8,
        "unit": "min",
        "system": "http://unitsofmeasure.org",
        "code": "min",
    }
    assert mob["performer"] == [{"actor": {"display": "Dr Test"}}]
    assert procedures[1]["note"] == [{"text": "=+7.5 %, 172 steps/min"}]
    assert (summary.measurements, summary.treatments) == (1, 3)
    assert summary.describe() == f"Exported 1 measurement and 3 treatments of 1 client to {out}"
    fhir_bundle = pytest.importorskip("fhir.resources.R4B.bundle")
    parsed = fhir_bundle.Bundle.model_validate(bundle)
    assert [e.resource.__resource_type__ for e in parsed.entry].count("Procedure") == 3


def test_export_treatments_on_the_command_line(
    treated: str,
    db_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from mobileathlete_desktop.services.accounts import create_user
    from mobileathlete_desktop.storage.database import open_database

    db = open_database(db_path)
    create_user(ServiceContext.system(db), "office", "Office Admin", "admin", "a long password 1")
    db.dispose()
    monkeypatch.setenv("MOBILEATHLETE_USER", "office")
    monkeypatch.setenv("MOBILEATHLETE_PASSWORD", "a long password 1")
    out = tmp_path / "cli.csv"
    args = ["--db", str(db_path), "export", "treatments", "--client", treated, "--out", str(out)]
    code = main(args)
    assert code == 0, capsys.readouterr().err
    assert "Exported 3 treatments of 1 client" in capsys.readouterr().out
    assert len(read_csv(out)) == 3
