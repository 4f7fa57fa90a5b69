"""Importing measurements from long-format CSV: every row checked, then all or nothing."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import select

from mobileathlete_desktop.domain.catalogue import Mode, Side
from mobileathlete_desktop.domain.validation import (
    InvalidValue,
    check_cell,
    lookup_measure,
    parse_iso_date,
    parse_mode,
    parse_number,
    parse_side,
)
from mobileathlete_desktop.services.audit import record_event
from mobileathlete_desktop.services.context import InputError, ServiceContext
from mobileathlete_desktop.storage.models import Assessment, Client, Measurement

ASSESSMENT_COLUMNS = ("chart_number", "date", "measure", "side", "mode", "value")
OPTIONAL_COLUMNS = ("pain", "note")
TRUE_WORDS = {"1", "yes", "y", "true", "t", "painful", "si", "sí"}
FALSE_WORDS = {"", "0", "no", "n", "false", "f"}


@dataclass(frozen=True)
class RowError:
    """A refused row: its line number in the file and why."""

    line: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


class ImportFailed(InputError):
    """The file was refused; nothing from it was stored. `errors` lists every bad row."""

    def __init__(self, source: str, errors: list[RowError]) -> None:
        self.source = source
        self.errors = errors
        first = errors[0] if errors else RowError(0, "unknown problem")
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        super().__init__(f"{source}: {first}{more}; nothing was imported")


@dataclass(frozen=True)
class ParsedRow:
    """A checked CSV row."""

    line: int
    chart_number: str
    on: date
    code: str
    side: Side
    mode: Mode
    value: float
    pain: bool
    note: str


@dataclass
class ImportReport:
    """What an import did (or, in a dry run, would do)."""

    rows: int = 0
    clients_created: list[str] = field(default_factory=list)
    assessments_created: int = 0
    values_added: int = 0
    values_changed: int = 0
    dry_run: bool = False
    changes: list[str] = field(default_factory=list)

    def describe(self) -> str:
        """One line for the command line or a dialog."""
        verb = "Would import" if self.dry_run else "Imported"
        return (
            f"{verb} {self.rows} rows: {self.values_added} new values, "
            f"{self.values_changed} changed, {self.assessments_created} new assessments, "
            f"{len(self.clients_created)} new clients"
        )


def read_text(path: Path) -> str:
    """The file's text: UTF-8 (with or without BOM); a clear error otherwise."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from exc
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: not UTF-8 text (byte {exc.start + 1}); save the file as 'CSV UTF-8'"
        ) from exc


def _dialect(header_line: str) -> str:
    if header_line.count(";") > header_line.count(",") and header_line.count(";") >= 2:
        return ";"
    if header_line.count("\t") > header_line.count(",") and header_line.count("\t") >= 2:
        return "\t"
    return ","


def parse_assessment_rows(ctx: ServiceContext, text: str, source: str) -> list[ParsedRow]:
    """Checks every row; raises ImportFailed listing every bad line, or returns them all."""
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        raise ImportFailed(source, [RowError(1, "the file is empty (a header row is needed)")])
    reader = csv.reader(io.StringIO(text), delimiter=_dialect(lines[0]))
    header = [h.strip().lower() for h in next(reader)]
    missing = [c for c in ASSESSMENT_COLUMNS if c not in header]
    if missing:
        raise ImportFailed(
            source,
            [
                RowError(
                    1,
                    "missing column(s) "
                    + ", ".join(missing)
                    + f"; expected {','.join(ASSESSMENT_COLUMNS)}[,pain][,note]",
                )
            ],
        )
    unknown = [h for h in header if h not in ASSESSMENT_COLUMNS + OPTIONAL_COLUMNS]
    if unknown:
        raise ImportFailed(source, [RowError(1, f"unknown column(s) {', '.join(unknown)}")])
    index = {name: header.index(name) for name in header}
    rows: list[ParsedRow] = []
    errors: list[RowError] = []
    seen: dict[tuple[str, date, str, str, str], int] = {}
    for values in reader:
        line = reader.line_num
        if not any(v.strip() for v in values):
            continue
        if len(values) != len(header):
            errors.append(RowError(line, f"{len(values)} fields, expected {len(header)}"))
            continue

        def get(name: str, values: list[str] = values) -> str:
            return values[index[name]].strip() if name in index else ""

        try:
            chart = get("chart_number")
            if not chart:
                raise InvalidValue("chart_number is empty")
            on = parse_iso_date(get("date"), "date")
            measure = lookup_measure(ctx.catalogue, get("measure"))
            side = parse_side(get("side"))
            mode = parse_mode(get("mode"))
            check_cell(measure, side, mode)
            value = parse_number(get("value"), measure.label)
            problem = measure.check_value(value)
            if problem:
                raise InvalidValue(problem)
            pain_text = get("pain").lower()
            if pain_text in TRUE_WORDS:
                pain = True
            elif pain_text in FALSE_WORDS:
                pain = False
            else:
                raise InvalidValue(f"pain: {get('pain')!r} is not yes or no")
            key = (chart, on, measure.code, side, mode)
            if key in seen:
                raise InvalidValue(f"same measure, side and mode as line {seen[key]}")
            seen[key] = line
            rows.append(
                ParsedRow(line, chart, on, measure.code, side, mode, value, pain, get("note"))
            )
        except InvalidValue as exc:
            errors.append(RowError(line, str(exc)))
    if errors:
        raise ImportFailed(source, errors)
    if not rows:
        raise ImportFailed(source, [RowError(2, "no data rows")])
    return rows


def import_assessments(
    ctx: ServiceContext,
    path: Path,
    *,
    create_clients: bool = False,
    dry_run: bool = False,
) -> ImportReport:
    """Imports long-format measurements; all rows or none. Values go into a draft of that day."""
    ctx.actor.require("data.import")
    source = path.name
    rows = parse_assessment_rows(ctx, read_text(path), source)
    report = ImportReport(rows=len(rows), dry_run=dry_run)
    session = ctx.db.sessions()
    try:
        clients: dict[str, Client] = {}
        errors: list[RowError] = []
        for row in rows:
            if row.chart_number in clients:
                continue
            client = session.execute(
                select(Client).where(Client.chart_number == row.chart_number)
            ).scalar_one_or_none()
            if client is None:
                if not create_clients:
                    errors.append(
                        RowError(
                            row.line,
                            f"unknown chart number {row.chart_number!r} "
                            "(use --create-clients to add it)",
                        )
                    )
                    continue
                client = Client(
                    chart_number=row.chart_number,
                    given_name="Imported",
                    family_name=row.chart_number,
                )
                session.add(client)
                session.flush()
                report.clients_created.append(row.chart_number)
            clients[row.chart_number] = client
        if errors:
            raise ImportFailed(source, errors)
        assessments: dict[tuple[str, date], Assessment] = {}
        for row in rows:
            client = clients[row.chart_number]
            key = (row.chart_number, row.on)
            assessment = assessments.get(key)
            if assessment is None:
                existing = (
                    session.execute(
                        select(Assessment)
                        .where(Assessment.client_id == client.id, Assessment.date == row.on)
                        .order_by(Assessment.id.desc())
                    )
                    .scalars()
                    .first()
                )
                if existing is not None and existing.status == "signed":
                    errors.append(
                        RowError(
                            row.line,
                            f"the assessment of {row.chart_number} on "
                            f"{row.on} is signed and read-only",
                        )
                    )
                    continue
                if existing is None:
                    earlier = session.execute(
                        select(Assessment.id)
                        .where(Assessment.client_id == client.id, Assessment.date < row.on)
                        .limit(1)
                    ).first()
                    existing = Assessment(
                        client_id=client.id,
                        date=row.on,
                        kind="reassessment" if earlier else "initial",
                        status="draft",
                        template="import",
                        therapist_name=ctx.actor.display_name,
                        notes=f"Imported from {source}",
                    )
                    session.add(existing)
                    session.flush()
                    report.assessments_created += 1
                assessments[key] = existing
                assessment = existing
            cell = session.execute(
                select(Measurement).where(
                    Measurement.assessment_id == assessment.id,
                    Measurement.code == row.code,
                    Measurement.side == row.side,
                    Measurement.mode == row.mode,
                )
            ).scalar_one_or_none()
            measure = ctx.catalogue[row.code]
            if cell is None:
                session.add(
                    Measurement(
                        assessment_id=assessment.id,
                        code=row.code,
                        side=row.side,
                        mode=row.mode,
                        value=row.value,
                        unit=measure.unit,
                        pain=row.pain,
                        note=row.note,
                        instrument=measure.instrument,
                        rater=assessment.therapist_name,
                    )
                )
                report.values_added += 1
            elif cell.value != row.value or cell.pain != row.pain:
                report.changes.append(
                    f"line {row.line}: {row.chart_number} {row.on} {row.code} {row.side} "
                    f"{row.mode}: {cell.value:g} → {row.value:g}"
                )
                cell.value, cell.pain = row.value, row.pain
                if row.note:
                    cell.note = row.note
                report.values_changed += 1
        if errors:
            raise ImportFailed(source, errors)
        session.flush()
        if dry_run:
            session.rollback()
        else:
            record_event(
                session,
                ctx.actor,
                "data.import",
                entity="file",
                entity_id=source,
                detail={
                    "rows": report.rows,
                    "added": report.values_added,
                    "changed": report.values_changed,
                    "clients_created": report.clients_created,
                },
            )
            session.commit()
        return report
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
