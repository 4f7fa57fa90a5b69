"""Mapping a client and their measurements to FHIR R4 resources, as plain JSON-ready dicts."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from mobileathlete_desktop.domain.catalogue import Catalogue
from mobileathlete_desktop.domain.records import AssessmentRecord, ClientRecord, MeasurementRecord
from mobileathlete_desktop.domain.treatments import TreatmentRecord, describe, kind_label

# The program's own code systems. `.invalid` is reserved (RFC 2606): these URLs name the
# systems stably and are never fetched. Measure codes are the catalogue's released codes.
BASE = "https://mobileathlete.invalid/fhir"
MEASURES_SYSTEM = f"{BASE}/CodeSystem/measures"
FLAGS_SYSTEM = f"{BASE}/CodeSystem/flags"
CHART_NUMBER_SYSTEM = f"{BASE}/NamingSystem/chart-number"
LATERALITY_EXTENSION = f"{BASE}/StructureDefinition/laterality"
TREATMENTS_SYSTEM = f"{BASE}/CodeSystem/treatments"
MINUTES_EXTENSION = f"{BASE}/StructureDefinition/treatment-minutes"

SNOMED = "http://snomed.info/sct"
UCUM = "http://unitsofmeasure.org"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
LOINC = "http://loinc.org"

# Measures with a standard LOINC code, sent beside the program's own: body mass is the
# vital sign "Body weight" (LOINC 29463-7, the FHIR body weight profile), so it also carries
# the vital-signs category.
LOINC_CODES: Mapping[str, tuple[str, str]] = {"body.mass": ("29463-7", "Body weight")}
VITAL_SIGNS = frozenset({"body.mass"})

# Laterality qualifiers (SNOMED CT), as given in the clinical reference.
LATERALITY: Mapping[str, tuple[str, str]] = {
    "left": ("7771000", "Left"),
    "right": ("24028007", "Right"),
}

# Body structures (SNOMED CT) for the catalogue's regions. Only well-known joint structures
# are coded; every other region is sent as text alone rather than with a guessed code.
BODY_SITES: Mapping[str, tuple[str, str]] = {
    "hip": ("24136001", "Hip joint structure"),
    "knee": ("72696002", "Knee region structure"),
    "ankle": ("70258002", "Ankle joint structure"),
}

# The catalogue's units → UCUM codes (UCUM is case-sensitive; annotations in braces).
UCUM_UNITS: Mapping[str, tuple[str, str]] = {
    "deg": ("deg", "°"),
    "cm": ("cm", "cm"),
    "mm": ("mm", "mm"),
    "s": ("s", "s"),
    "score": ("{score}", "points"),
    "percent": ("%", "%"),
    "count": ("{count}", "count"),
    "ratio": ("1", "ratio"),
    "kg": ("kg", "kg"),
    "N": ("N", "N"),
    "m": ("m", "m"),
    "Nm/kg": ("N.m/kg", "Nm/kg"),
    "reps": ("{reps}", "reps"),
    "steps/min": ("/min", "steps/min"),
}

_NAMESPACE = uuid.UUID("5b0b6a4e-41a1-4f7e-9d8e-6f1d5c1a9e10")


def stable_uuid(*parts: object) -> str:
    """A URN that is the same each time the same record is exported (so re-exports match)."""
    return "urn:uuid:" + str(uuid.uuid5(_NAMESPACE, "/".join(str(p) for p in parts)))


def patient_resource(client: ClientRecord) -> dict[str, Any]:
    """The client as a FHIR Patient (identifier = chart number)."""
    patient: dict[str, Any] = {
        "resourceType": "Patient",
        "identifier": [{"system": CHART_NUMBER_SYSTEM, "value": client.chart_number}],
        "active": not client.archived,
        "name": [{"family": client.family_name, "given": [client.given_name]}],
        "gender": client.sex,
    }
    if client.date_of_birth is not None:
        patient["birthDate"] = client.date_of_birth.isoformat()
    telecom = []
    if client.phone:
        telecom.append({"system": "phone", "value": client.phone})
    if client.email:
        telecom.append({"system": "email", "value": client.email})
    if telecom:
        patient["telecom"] = telecom
    if client.address:
        patient["address"] = [{"text": client.address}]
    return patient


def quantity(value: float, unit: str) -> dict[str, Any]:
    """A FHIR Quantity with its UCUM code when the unit is known."""
    if unit in UCUM_UNITS:
        code, shown = UCUM_UNITS[unit]
        return {"value": value, "unit": shown, "system": UCUM, "code": code}
    return {"value": value, "unit": unit} if unit else {"value": value}


def observation_resource(
    m: MeasurementRecord,
    visit: AssessmentRecord,
    patient_ref: str,
    catalogue: Catalogue,
) -> dict[str, Any]:
    """One measurement as a FHIR Observation (final when signed, preliminary for a draft)."""
    measure = catalogue.get(m.code)
    label = measure.label if measure else m.code
    unit = m.unit or (measure.unit if measure else "")
    obs: dict[str, Any] = {
        "resourceType": "Observation",
        "status": "final" if visit.status == "signed" else "preliminary",
        "category": [
            {"coding": [{"system": OBSERVATION_CATEGORY, "code": "exam", "display": "Exam"}]}
        ],
        "code": {
            "coding": [{"system": MEASURES_SYSTEM, "code": m.code, "display": label}],
            "text": label,
        },
        "subject": {"reference": patient_ref},
        "effectiveDateTime": visit.date.isoformat(),
        "valueQuantity": quantity(m.value, unit),
    }
    if m.code in LOINC_CODES:
        code, display = LOINC_CODES[m.code]
        obs["code"]["coding"].append({"system": LOINC, "code": code, "display": display})
    if m.code in VITAL_SIGNS:
        vital = {"system": OBSERVATION_CATEGORY, "code": "vital-signs", "display": "Vital Signs"}
        obs["category"].append({"coding": [vital]})
    if visit.therapist:
        obs["performer"] = [{"display": visit.therapist}]
    if m.mode != "none":
        obs["method"] = {
            "coding": [{"system": MEASURES_SYSTEM, "code": f"mode.{m.mode}", "display": m.mode}],
            "text": m.mode,
        }
    site = _body_site(measure.region if measure else "", m.side)
    if site:
        obs["bodySite"] = site
    if m.instrument:
        shown = catalogue.instruments.get(m.instrument, m.instrument)
        obs["device"] = {"display": shown}
    if m.pain:
        obs["interpretation"] = [
            {
                "coding": [{"system": FLAGS_SYSTEM, "code": "pain", "display": "Painful"}],
                "text": "Pain during the test",
            }
        ]
    if m.note:
        obs["note"] = [{"text": m.note}]
    return obs


def _body_site(region: str, side: str) -> dict[str, Any] | None:
    if not region and side not in LATERALITY:
        return None
    site: dict[str, Any] = {}
    if region in BODY_SITES:
        code, display = BODY_SITES[region]
        site["coding"] = [{"system": SNOMED, "code": code, "display": display}]
    words = [side if side in LATERALITY else "", region]
    text = " ".join(w for w in words if w)
    if text:
        site["text"] = text
    if side in LATERALITY:
        code, display = LATERALITY[side]
        site["extension"] = [
            {
                "url": LATERALITY_EXTENSION,
                "valueCodeableConcept": {
                    "coding": [{"system": SNOMED, "code": code, "display": display}]
                },
            }
        ]
    return site


def procedure_resource(
    t: TreatmentRecord, visit: AssessmentRecord, patient_ref: str
) -> dict[str, Any]:
    """One treatment given in a visit as a FHIR Procedure: the kind coded in the program's
    treatments system, the whole treatment in words as the code's text; minutes (which R4's
    Procedure has no element for) in an extension."""
    label = kind_label(t.kind, "en")
    procedure: dict[str, Any] = {
        "resourceType": "Procedure",
        "status": "completed",
        "category": {
            "coding": [{"system": TREATMENTS_SYSTEM, "code": t.kind, "display": label}],
            "text": label,
        },
        "code": {
            "coding": [{"system": TREATMENTS_SYSTEM, "code": t.kind, "display": label}],
            "text": describe(t, "en"),
        },
        "subject": {"reference": patient_ref},
        "performedDateTime": visit.date.isoformat(),
    }
    if visit.therapist:
        procedure["performer"] = [{"actor": {"display": visit.therapist}}]
    if t.site:
        site = _body_site("", t.side) or {}
        site["text"] = describe(
            replace(t, method="", grade=None, minutes=None, note=""), "en", kind=False
        )
        procedure["bodySite"] = [site]
    if t.minutes is not None:
        procedure["extension"] = [
            {"url": MINUTES_EXTENSION, "valueQuantity": quantity_minutes(t.minutes)}
        ]
    if t.note:
        procedure["note"] = [{"text": t.note}]
    return procedure


def quantity_minutes(minutes: int) -> dict[str, Any]:
    """Minutes as a UCUM Quantity."""
    return {"value": minutes, "unit": "min", "system": UCUM, "code": "min"}


def client_bundle(
    client: ClientRecord,
    visits: Sequence[AssessmentRecord],
    catalogue: Catalogue,
    *,
    generated_at: datetime | None = None,
    treatments: Mapping[int, Sequence[TreatmentRecord]] | None = None,
) -> dict[str, Any]:
    """A collection Bundle: the Patient, then per visit (oldest first) an Observation per
    measurement and a Procedure per treatment given (`treatments`: by assessment id)."""
    patient_ref = stable_uuid("patient", client.chart_number)
    entries: list[dict[str, Any]] = [{"fullUrl": patient_ref, "resource": patient_resource(client)}]
    for visit in visits:
        for m in visit.measurements:
            entries.append(
                {
                    "fullUrl": stable_uuid(
                        "observation", client.chart_number, visit.id, m.code, m.side, m.mode
                    ),
                    "resource": observation_resource(m, visit, patient_ref, catalogue),
                }
            )
        for t in (treatments or {}).get(visit.id, ()):
            entries.append(
                {
                    "fullUrl": stable_uuid("procedure", client.chart_number, visit.id, t.id),
                    "resource": procedure_resource(t, visit, patient_ref),
                }
            )
    when = (generated_at or datetime.now(UTC)).astimezone(UTC)
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": when.isoformat(timespec="seconds").replace("+00:00", "Z"),
        "entry": entries,
    }
