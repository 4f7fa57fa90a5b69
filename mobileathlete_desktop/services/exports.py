"""Exporting measurements and treatments: long-format CSV for spreadsheets and research,
FHIR R4 for records."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import select

from mobileathlete_desktop.domain.catalogue import Measure
from mobileathlete_desktop.domain.fhir import client_bundle
from mobileathlete_desktop.domain.records import AssessmentRecord, ClientHistory, FindingRecord
from mobileathlete_desktop.domain.treatments import (
    TreatmentRecord,
    kind_label,
    method_label,
    site_label,
)
from mobileathlete_desktop.services.assessments import load_history
from mobileathlete_desktop.services.audit import record_event
from mobileathlete_desktop.services.clients import find_by_chart
from mobileathlete_desktop.services.context import InputError, ServiceContext
from mobileathlete_desktop.services.imports import FAULT_SEPARATOR, is_finding_measure
from mobileathlete_desktop.services.treatments import treatments_by_assessment
from mobileathlete_desktop.storage.models import Client
from mobileathlete_desktop.support.csv_cells import safe_csv_row
from mobileathlete_desktop.support.files import AtomicWriteError, atomic_write_text
from mobileathlete_desktop.support.i18n import texts
from mobileathlete_desktop.support.languages import DEFAULT_LANGUAGE

# The CSV header is a public contract (README "CSV formats"): add columns only at the end.
# `faults` (added last): a motor-control test's fault codes, separated by ";".
EXPORT_COLUMNS = (
    "chart_number",
    "date",
    "measure",
    "label",
    "side",
    "mode",
    "value",
    "unit",
    "pain",
    "note",
    "instrument",
    "assessment_id",
    "status",
    "faults",
)
# Columns of numbers the program formats itself: a negative value stays a number there;
# every other cell is text and cannot start a spreadsheet formula (support.csv_cells).
_NUMERIC_COLUMNS = frozenset(EXPORT_COLUMNS.index(c) for c in ("value", "assessment_id"))

# The treatments CSV (`export treatments`), a public contract like the one above: one row a
# treatment given in a visit, in the order recorded. `site` and `method` are vocabulary codes
# (domain.treatments) or the therapist's own words; the *_label columns say them in English.
# `grade` is Maitland's grade as a number, 1-5 for I-V (mobilisations only).
TREATMENT_COLUMNS = (
    "chart_number",
    "date",
    "assessment_id",
    "status",
    "position",
    "kind",
    "kind_label",
    "site",
    "site_label",
    "method",
    "method_label",
    "grade",
    "side",
    "minutes",
    "note",
)
_TREATMENT_NUMERIC = frozenset(
    TREATMENT_COLUMNS.index(c) for c in ("assessment_id", "position", "grade", "minutes")
)


@dataclass(frozen=True)
class ExportSummary:
    """What an export wrote."""

    files: tuple[Path, ...]
    clients: int
    measurements: int
    treatments: int = 0

    def describe(self) -> str:
        """One line for the command line or a dialog ("Exported 3 measurements of 1 client to
        visits.csv")."""
        tr = texts(DEFAULT_LANGUAGE)
        files = len(self.files)
        where = (
            str(self.files[0])
            if files == 1
            else tr.ngettext("{count} file", "{count} files", files)
        )
        clients = tr.ngettext("{count} client", "{count} clients", self.clients)
        if self.treatments and not self.measurements:
            return tr.ngettext(
                "Exported {count} treatment of {clients} to {where}",
                "Exported {count} treatments of {clients} to {where}",
                self.treatments,
                clients=clients,
                where=where,
            )
        if self.treatments:
            return tr.ngettext(
                "Exported {count} measurement and {treatments} of {clients} to {where}",
                "Exported {count} measurements and {treatments} of {clients} to {where}",
                self.measurements,
                treatments=tr.ngettext("{count} treatment", "{count} treatments", self.treatments),
                clients=clients,
                where=where,
            )
        return tr.ngettext(
            "Exported {count} measurement of {clients} to {where}",
            "Exported {count} measurements of {clients} to {where}",
            self.measurements,
            clients=clients,
            where=where,
        )


def _histories(ctx: ServiceContext, chart: str | None) -> Iterator[ClientHistory]:
    """The record as it stands (a signed addendum replaces its original), client by client."""
    if chart is not None:
        yield load_history(ctx, find_by_chart(ctx, chart).id)
        return
    with ctx.db.reading() as session:
        ids = list(session.execute(select(Client.id).order_by(Client.chart_number)).scalars())
    for client_id in ids:
        yield load_history(ctx, client_id)


def _format_value(value: float) -> str:
    return f"{value:g}" if abs(value) < 1e15 else repr(value)


def _rating_value(measure: Measure | None, finding: FindingRecord) -> float | None:
    """A finding's rating as the value column carries it: its index (0 = good …), or its score."""
    if measure is not None and finding.rating in measure.ratings:
        return float(measure.ratings.index(finding.rating))
    return finding.score


def csv_rows(ctx: ServiceContext, history: ClientHistory) -> Iterator[list[str]]:
    """The long-format rows of one client: one row a measurement or motor-control finding.

    A motor-control test (single-leg squat, step-down) is recorded as a finding: its row
    carries the rating's index in `value` (empty when only faults were noted) and the
    faults seen in `faults`, separated by ";". A value recorded for the same test and side
    shares that row (its pain and note), so the test is one row either way.
    """
    for visit in history.assessments:
        findings = {(f.test_code, f.side): f for f in visit.findings}
        shared: set[tuple[str, str]] = set()
        for m in visit.measurements:
            measure = ctx.catalogue.get(m.code)
            finding = findings.get((m.code, m.side)) if m.mode == "none" else None
            value: float | None = m.value
            faults = ""
            if finding is not None:
                shared.add((m.code, m.side))
                rated = _rating_value(measure, finding)
                value = rated if rated is not None else m.value
                faults = FAULT_SEPARATOR.join(finding.faults)
            yield _row(
                history,
                visit,
                m.code,
                measure,
                m.side,
                m.mode,
                value,
                m.unit,
                m.pain,
                m.note or (finding.note if finding else ""),
                m.instrument,
                faults,
            )
        for finding in visit.findings:
            if (finding.test_code, finding.side) in shared:
                continue
            measure = ctx.catalogue.get(finding.test_code)
            value = _rating_value(measure, finding)
            if value is None and not (measure is not None and is_finding_measure(measure)):
                continue  # nothing a row could carry (no rating scale, no score)
            yield _row(
                history,
                visit,
                finding.test_code,
                measure,
                finding.side,
                "none",
                value,
                "",
                False,
                finding.note,
                measure.instrument if measure else "",
                FAULT_SEPARATOR.join(finding.faults),
            )


def _row(
    history: ClientHistory,
    visit: AssessmentRecord,
    code: str,
    measure: Measure | None,
    side: str,
    mode: str,
    value: float | None,
    unit: str,
    pain: bool,
    note: str,
    instrument: str,
    faults: str,
) -> list[str]:
    """One CSV row in EXPORT_COLUMNS order."""
    return [
        history.client.chart_number,
        visit.date.isoformat(),
        code,
        measure.label if measure else code,
        side,
        mode,
        "" if value is None else _format_value(value),
        unit or (measure.unit if measure else ""),
        "yes" if pain else "no",
        note,
        instrument,
        str(visit.id),
        visit.status,
        faults,
    ]


def _write_atomically(path: Path, write: Callable[[TextIO], None]) -> None:
    """Writes the export all or nothing (`support.files`): no half-written export."""
    if not path.parent.is_dir():
        raise InputError(f"Folder does not exist: {path.parent}")
    try:
        atomic_write_text(path, write)
    except AtomicWriteError as exc:
        raise InputError(str(exc)) from exc


def _audit(ctx: ServiceContext, fmt: str, summary: ExportSummary, chart: str | None) -> None:
    detail: dict[str, Any] = {
        "format": fmt,
        "client": chart or "all",
        "clients": summary.clients,
        "measurements": summary.measurements,
        "files": [str(f) for f in summary.files],
    }
    if summary.treatments:
        detail["treatments"] = summary.treatments
    with ctx.db.session() as session:
        record_event(
            session,
            ctx.actor,
            "data.export",
            entity="file",
            entity_id=summary.files[0].name if len(summary.files) == 1 else "folder",
            detail=detail,
        )


def export_csv(ctx: ServiceContext, out: Path, *, chart: str | None = None) -> ExportSummary:
    """Writes one client's (or every client's) measurements as long-format CSV (UTF-8)."""
    ctx.actor.require("data.export")
    clients = 0
    count = 0

    def write(fh: Any) -> None:
        nonlocal clients, count
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(EXPORT_COLUMNS)
        for history in _histories(ctx, chart):
            clients += 1
            for row in csv_rows(ctx, history):
                writer.writerow(safe_csv_row(row, _NUMERIC_COLUMNS))
                count += 1

    _write_atomically(out, write)
    summary = ExportSummary(files=(out,), clients=clients, measurements=count)
    _audit(ctx, "csv", summary, chart)
    return summary


def treatment_rows(
    history: ClientHistory, treatments: dict[int, tuple[TreatmentRecord, ...]]
) -> Iterator[list[str]]:
    """The treatments CSV rows of one client, visit by visit, in TREATMENT_COLUMNS order."""
    for visit in history.assessments:
        for t in treatments.get(visit.id, ()):
            yield [
                history.client.chart_number,
                visit.date.isoformat(),
                str(visit.id),
                visit.status,
                str(t.position),
                t.kind,
                kind_label(t.kind, "en"),
                t.site,
                site_label(t.kind, t.site, "en") if t.site else "",
                t.method,
                method_label(t.kind, t.method, "en") if t.method else "",
                "" if t.grade is None else str(t.grade),
                t.side,
                "" if t.minutes is None else str(t.minutes),
                t.note,
            ]


def export_treatments_csv(
    ctx: ServiceContext, out: Path, *, chart: str | None = None
) -> ExportSummary:
    """Writes one client's (or every client's) treatments as CSV (UTF-8), one row each."""
    ctx.actor.require("data.export")
    clients = 0
    count = 0

    def write(fh: Any) -> None:
        nonlocal clients, count
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(TREATMENT_COLUMNS)
        for history in _histories(ctx, chart):
            clients += 1
            given = treatments_by_assessment(ctx, history.client.id)
            for row in treatment_rows(history, given):
                writer.writerow(safe_csv_row(row, _TREATMENT_NUMERIC))
                count += 1

    _write_atomically(out, write)
    summary = ExportSummary(files=(out,), clients=clients, measurements=0, treatments=count)
    _audit(ctx, "treatments-csv", summary, chart)
    return summary


def fhir_bundle(ctx: ServiceContext, history: ClientHistory) -> dict[str, Any]:
    """One client's FHIR R4 Bundle (Patient, Observations, and a Procedure per treatment)
    as a JSON-ready dict."""
    return client_bundle(
        history.client,
        history.assessments,
        ctx.catalogue,
        treatments=treatments_by_assessment(ctx, history.client.id),
    )


def _safe_filename(chart: str) -> str:
    return "".join(c if c.isalnum() or c in "-._" else "_" for c in chart) or "client"


def export_fhir(ctx: ServiceContext, out: Path, *, chart: str | None = None) -> ExportSummary:
    """A FHIR Bundle per client: one file for `chart`, else one file per client in folder `out`."""
    ctx.actor.require("data.export")
    files: list[Path] = []
    count = 0
    procedures = 0
    if chart is None and not out.is_dir():
        raise InputError(f"{out}: exporting every client needs an existing folder for --out")
    for history in _histories(ctx, chart):
        bundle = fhir_bundle(ctx, history)
        target = (
            out / f"{_safe_filename(history.client.chart_number)}.json" if out.is_dir() else out
        )

        def write(fh: Any, bundle: dict[str, Any] = bundle) -> None:
            json.dump(bundle, fh, indent=2, ensure_ascii=False)
            fh.write("\n")

        _write_atomically(target, write)
        files.append(target)
        kinds = [entry["resource"]["resourceType"] for entry in bundle["entry"]]
        count += kinds.count("Observation")
        procedures += kinds.count("Procedure")
    if not files:
        raise InputError("The clinic has no clients to export")
    summary = ExportSummary(
        files=tuple(files), clients=len(files), measurements=count, treatments=procedures
    )
    _audit(ctx, "fhir", summary, chart)
    return summary
