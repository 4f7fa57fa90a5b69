"""The FHIR R4 mapping: a Bundle that validates, with codes, laterality, units and status."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from mobileathlete_desktop.domain.catalogue import default_catalogue
from mobileathlete_desktop.domain.fhir import MEASURES_SYSTEM, client_bundle
from mobileathlete_desktop.domain.records import AssessmentRecord, ClientRecord, MeasurementRecord

CLIENT = ClientRecord(
    id=1,
    chart_number="T-001",
    given_name="Testa",
    family_name="Runnerton",
    date_of_birth=date(1990, 4, 3),
    sex="female",
    email="testa@example.invalid",
)


def visit(status: str, *measurements: MeasurementRecord) -> AssessmentRecord:
    return AssessmentRecord(
        id=7,
        client_id=1,
        date=date(2025, 3, 1),
        kind="initial",
        status=status,  # type: ignore[arg-type]
        therapist="Dr Test",
        measurements=measurements,
    )


HIP = MeasurementRecord(
    "hip.flexion", "left", "active", 112.5, pain=True, instrument="goniometer.long_arm", unit="deg"
)
LUNGE = MeasurementRecord("wblt.distance", "right", "none", 9.0, unit="cm", note="heel lifts")


def bundle(status: str = "signed") -> dict:
    return client_bundle(
        CLIENT,
        [visit(status, HIP, LUNGE)],
        default_catalogue(),
        generated_at=datetime(2025, 3, 2, tzinfo=UTC),
    )


def test_bundle_validates_as_fhir_r4() -> None:
    fhir_bundle = pytest.importorskip("fhir.resources.R4B.bundle")
    parsed = fhir_bundle.Bundle.model_validate(bundle())
    assert parsed.type == "collection"
    assert len(parsed.entry) == 3


def test_observation_carries_code_site_side_unit_performer() -> None:
    hip = bundle()["entry"][1]["resource"]
    assert hip["code"]["coding"][0] == {
        "system": MEASURES_SYSTEM,
        "code": "hip.flexion",
        "display": "Hip flexion",
    }
    assert hip["valueQuantity"] == {
        "value": 112.5,
        "unit": "°",
        "system": "http://unitsofmeasure.org",
        "code": "deg",
    }
    assert hip["bodySite"]["coding"][0]["code"] == "24136001"
    laterality = hip["bodySite"]["extension"][0]["valueCodeableConcept"]["coding"][0]
    assert laterality["code"] == "7771000"
    assert hip["effectiveDateTime"] == "2025-03-01"
    assert hip["performer"] == [{"display": "Dr Test"}]
    assert hip["subject"]["reference"] == bundle()["entry"][0]["fullUrl"]


@pytest.mark.parametrize(("status", "expected"), [("signed", "final"), ("draft", "preliminary")])
def test_status_follows_signing(status: str, expected: str) -> None:
    assert {e["resource"].get("status") for e in bundle(status)["entry"][1:]} == {expected}


def test_right_side_and_cm() -> None:
    lunge = bundle()["entry"][2]["resource"]
    assert lunge["bodySite"]["extension"][0]["valueCodeableConcept"]["coding"][0]["code"] == (
        "24028007"
    )
    assert lunge["valueQuantity"]["code"] == "cm"
    assert lunge["note"] == [{"text": "heel lifts"}]


def test_reexport_gives_the_same_ids() -> None:
    assert [e["fullUrl"] for e in bundle()["entry"]] == [e["fullUrl"] for e in bundle()["entry"]]
