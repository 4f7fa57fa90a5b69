"""Importing clients and measurements from CSV: every row checked, then all or nothing."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from mobileathlete_desktop.domain.catalogue import Catalogue, Measure, Mode, Side
from mobileathlete_desktop.domain.interpretation import FMS_TOTAL, LEFS_TOTAL, YBALANCE_COMPOSITE
from mobileathlete_desktop.domain.validation import (
    InvalidValue,
    check_cell,
    lookup_measure,
    parse_iso_date,
    parse_mode,
    parse_number,
    parse_side,
)
from mobileathlete_desktop.services.assessments import recompute_stored
from mobileathlete_desktop.services.audit import record_event
from mobileathlete_desktop.services.clients import ClientInput
from mobileathlete_desktop.services.context import InputError, ServiceContext
from mobileathlete_desktop.storage.models import Assessment, Client, Finding, Measurement

ASSESSMENT_COLUMNS = ("chart_number", "date", "measure", "side", "mode", "value")
# The export's extra columns are accepted (so an exported file imports again); label,
# assessment_id and status are informational, a unit must match the measure's unit.
# `faults` (README "CSV formats"): a motor-control test's fault codes separated by ";".
OPTIONAL_COLUMNS = (
    "pain",
    "note",
    "label",
    "unit",
    "instrument",
    "assessment_id",
    "status",
    "faults",
)
FAULT_SEPARATOR = ";"
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
    """A checked CSV row.

    A row of a motor-control test (a measure with ratings or faults, e.g. `sls`) is that
    test's finding: `rating` is the rating named by the value (None when the value cell is
    empty) and `faults` the fault codes as listed (None when the file has no
    `faults` column, so an old file leaves stored faults alone).
    """

    line: int
    chart_number: str
    on: date
    code: str
    side: Side
    mode: Mode
    value: float | None
    pain: bool
    note: str
    instrument: str = ""
    faults: tuple[str, ...] | None = None
    finding: bool = False
    rating: str = ""

    def shown(self) -> str:
        """The row's value as a dry run shows it."""
        return _shown_value(self.value, self.pain, self.rating, self.faults)


def _shown_value(
    value: float | None, pain: bool, rating: str = "", faults: tuple[str, ...] | None = None
) -> str:
    text = "(no rating)" if value is None else f"{value:g}"
    if rating:
        text += f" ({rating})"
    if pain:
        text += " (pain)"
    if faults:
        text += " faults " + FAULT_SEPARATOR.join(faults)
    return text


def is_finding_measure(measure: Measure) -> bool:
    """A motor-control test whose rows are findings (a rating and faults), e.g. `sls`."""
    return measure.kind == "test" and bool(measure.ratings or measure.faults)


def parse_faults(
    measure: Measure, text: str, catalogue: Catalogue | None = None
) -> tuple[str, ...]:
    """The fault codes of a `faults` cell, in their order (InvalidValue names a bad one).

    Codes are separated by ";"; spaces around them, letter case, a trailing ";" and a
    code given twice are forgiven. A code the test does not list is refused with the
    test's own list, and any fault on a measure that has none is refused.
    """
    codes = [part.strip().lower() for part in text.split(FAULT_SEPARATOR)]
    codes = [c for c in codes if c]
    if not codes:
        return ()
    if not measure.faults:
        with_faults = sorted(m.code for m in catalogue if m.faults) if catalogue is not None else []
        hint = f" (only {', '.join(with_faults)} have faults)" if with_faults else ""
        raise InvalidValue(
            f"faults: {measure.code} has no faults to record{hint}; leave the cell empty"
        )
    known = [f.code for f in measure.faults]
    unknown = [c for c in codes if c not in known]
    if unknown:
        hint = ""
        if any(sep in c for c in unknown for sep in (",", "|", " ", "/")):
            hint = f" (separate fault codes with {FAULT_SEPARATOR!r})"
        raise InvalidValue(
            f"faults: {', '.join(repr(c) for c in unknown)} "
            f"{'is not a fault' if len(unknown) == 1 else 'are not faults'} of {measure.code}"
            f"{hint}; its faults are {', '.join(known)}"
        )
    return tuple(dict.fromkeys(codes))


def _parse_rating(measure: Measure, text: str) -> tuple[float | None, str]:
    """A motor-control test's value cell: the rating's index (0 good …) or the rating's word."""
    raw = text.strip()
    if not raw:
        return None, ""
    if measure.ratings and raw.lower() in measure.ratings:
        return float(measure.ratings.index(raw.lower())), raw.lower()
    value = parse_number(raw, measure.label)
    problem = measure.check_value(value)
    if problem:
        raise InvalidValue(problem)
    if not measure.ratings:
        return value, ""
    if value != int(value) or not 0 <= value < len(measure.ratings):
        scale = ", ".join(f"{i} = {r}" for i, r in enumerate(measure.ratings))
        raise InvalidValue(f"{measure.label}: {raw!r} is not a rating ({scale})")
    return value, measure.ratings[int(value)]


@dataclass(frozen=True)
class Change:
    """One thing an import adds or changes (shown in a dry run and in the import preview)."""

    line: int
    chart_number: str
    what: str
    before: str = ""
    after: str = ""

    def __str__(self) -> str:
        if self.before:
            return (
                f"line {self.line}: {self.chart_number} {self.what}: {self.before} → {self.after}"
            )
        return f"line {self.line}: {self.chart_number} {self.what}" + (
            f": {self.after}" if self.after else ""
        )


@dataclass
class ImportReport:
    """What an import did (or, in a dry run, would do)."""

    rows: int = 0
    clients_created: list[str] = field(default_factory=list)
    clients_updated: list[str] = field(default_factory=list)
    assessments_created: int = 0
    values_added: int = 0
    values_changed: int = 0
    recomputed: int = 0
    dry_run: bool = False
    changes: list[Change] = field(default_factory=list)
    kind: str = "assessments"

    def describe(self) -> str:
        """One line for the command line or a dialog."""
        verb = "Would import" if self.dry_run else "Imported"
        if self.kind == "assessments":
            recomputed = (
                f", {self.recomputed} computed score{'s' if self.recomputed != 1 else ''} updated"
                if self.recomputed
                else ""
            )
            return (
                f"{verb} {self.rows} rows: {self.values_added} new values, "
                f"{self.values_changed} changed, {self.assessments_created} new assessments, "
                f"{len(self.clients_created)} new clients{recomputed}"
            )
        return (
            f"{verb} {self.rows} rows: {len(self.clients_created)} new clients, "
            f"{len(self.clients_updated)} updated"
        )


ENCODINGS = ("utf-8", "latin-1")


def read_text(path: Path, encoding: str | None = None) -> str:
    """The file's text: UTF-8 (with or without BOM) unless `encoding` says Latin-1.

    A file that is not valid UTF-8 is refused with advice rather than guessed at: a
    wrong guess would store garbled names. `encoding="latin-1"` reads Windows-1252
    (Excel's "CSV" on Western Windows), falling back to ISO-8859-1 for bytes it lacks.
    """
    if encoding is not None and encoding.lower().replace("_", "-") not in (
        "utf-8",
        "utf8",
        "latin-1",
        "latin1",
        "cp1252",
        "windows-1252",
        "iso-8859-1",
    ):
        raise InputError(f"Unknown encoding {encoding!r}; use utf-8 or latin-1")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from exc
    latin = encoding is not None and encoding.lower().replace("_", "-") not in ("utf-8", "utf8")
    if latin:
        try:
            return raw.decode("cp1252").removeprefix("\ufeff")
        except UnicodeDecodeError:
            return raw.decode("latin-1")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path.name}: not UTF-8 text (byte {exc.start + 1}); save the file as "
            "'CSV UTF-8', or if it is Latin-1/Windows text give --encoding latin-1"
        ) from exc


def _dialect(header_line: str) -> str:
    if header_line.count(";") > header_line.count(",") and header_line.count(";") >= 2:
        return ";"
    if header_line.count("\t") > header_line.count(",") and header_line.count("\t") >= 2:
        return "\t"
    return ","


_ISO_DATE_TIME = re.compile(
    r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"
)
_SLASHED = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


def parse_file_date(text: str, what: str = "date", *, allow_future: bool = False) -> date:
    """A date from a CSV cell: ISO, also with a spreadsheet's midnight time or slashes.

    `1990-04-03`, `1990-04-03 00:00:00` and `1990/04/03` are unambiguous and accepted;
    `03/04/1990` may be 3 April or March 4, so day-month-year forms are refused with the
    ISO spelling suggested (also when the day happens to be above 12, to keep one rule).
    """
    raw = text.strip()
    m = _ISO_DATE_TIME.match(raw)
    if m:
        year, month, day = (int(g) for g in m.groups())
        try:
            on = date(year, month, day)
        except ValueError as exc:
            raise InvalidValue(f"{what}: {raw!r} is not a real date") from exc
        return parse_iso_date(on.isoformat(), what, allow_future=allow_future)
    m = _SLASHED.match(raw)
    if m:
        first, second, year = (int(g) for g in m.groups())
        if first <= 12 and second <= 12 and first != second:
            hint = f"{year}-{second:02d}-{first:02d} or {year}-{first:02d}-{second:02d}"
            raise InvalidValue(
                f"{what}: {raw!r} is ambiguous (day/month or month/day?); "
                f"write it as YYYY-MM-DD ({hint})"
            )
        day, month = (first, second) if first > 12 else (second, first)
        raise InvalidValue(
            f"{what}: {raw!r} is not in the form YYYY-MM-DD; write {year}-{month:02d}-{day:02d}"
        )
    if re.fullmatch(r"\d{5}(\.\d+)?", raw):
        raise InvalidValue(
            f"{what}: {raw!r} looks like a spreadsheet day number; "
            "format the column as a date YYYY-MM-DD"
        )
    return parse_iso_date(raw, what, allow_future=allow_future)


@dataclass(frozen=True)
class CsvTable:
    """A parsed CSV: its (lower-cased) header and rows with their line numbers."""

    header: list[str]
    rows: list[tuple[int, dict[str, str]]]


def read_csv_table(
    text: str, source: str, required: tuple[str, ...], optional: tuple[str, ...]
) -> CsvTable:
    """Header checked (missing or unknown columns named), every row with its line number."""
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        raise ImportFailed(source, [RowError(1, "the file is empty (a header row is needed)")])
    delimiter = _dialect(lines[0])
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = [h.strip().lower() for h in next(reader)]
    missing = [c for c in required if c not in header]
    if missing:
        hint = ""
        if len(header) == 1:
            hint = " (the header has one column: separate columns with commas or semicolons)"
        raise ImportFailed(
            source,
            [
                RowError(
                    1,
                    "missing column(s) "
                    + ", ".join(missing)
                    + f"; expected {','.join(required)}"
                    + "".join(f"[,{c}]" for c in optional[:3])
                    + ("[,...]" if len(optional) > 3 else "")
                    + hint,
                )
            ],
        )
    unknown = [h for h in header if h not in required + optional]
    if unknown:
        raise ImportFailed(source, [RowError(1, f"unknown column(s) {', '.join(unknown)}")])
    doubled = sorted({h for h in header if header.count(h) > 1})
    if doubled:
        raise ImportFailed(source, [RowError(1, f"column(s) named twice: {', '.join(doubled)}")])
    rows: list[tuple[int, dict[str, str]]] = []
    errors: list[RowError] = []
    try:
        for values in reader:
            line = reader.line_num
            if not any(v.strip() for v in values):
                continue
            if len(values) != len(header):
                errors.append(RowError(line, f"{len(values)} fields, expected {len(header)}"))
                continue
            rows.append((line, {h: v.strip() for h, v in zip(header, values, strict=True)}))
    except csv.Error as exc:
        errors.append(RowError(reader.line_num, f"not valid CSV ({exc})"))
    if errors:
        raise ImportFailed(source, errors)
    if not rows:
        raise ImportFailed(source, [RowError(2, "no data rows")])
    return CsvTable(header, rows)


def parse_assessment_rows(ctx: ServiceContext, text: str, source: str) -> list[ParsedRow]:
    """Checks every row; raises ImportFailed listing every bad line, or returns them all."""
    table = read_csv_table(text, source, ASSESSMENT_COLUMNS, OPTIONAL_COLUMNS)
    rows: list[ParsedRow] = []
    errors: list[RowError] = []
    seen: dict[tuple[str, date, str, str, str], int] = {}
    has_faults = "faults" in table.header
    for line, cells in table.rows:

        def get(name: str, cells: dict[str, str] = cells) -> str:
            return cells.get(name, "")

        try:
            chart = get("chart_number")
            if not chart:
                raise InvalidValue("chart_number is empty")
            on = parse_file_date(get("date"), "date")
            measure = lookup_measure(ctx.catalogue, get("measure"))
            side = parse_side(get("side"))
            mode = parse_mode(get("mode"))
            check_cell(measure, side, mode)
            finding = is_finding_measure(measure)
            value: float | None
            rating = ""
            if finding:
                value, rating = _parse_rating(measure, get("value"))
            else:
                value = parse_number(get("value"), measure.label)
            unit = get("unit")
            if unit and unit not in (measure.unit, measure.unit_label):
                raise InvalidValue(
                    f"{measure.code} is recorded in {measure.unit}, not {unit!r} "
                    "(convert the value first)"
                )
            problem = None if value is None else measure.check_value(value)
            if problem:
                raise InvalidValue(problem)
            pain_text = get("pain").lower()
            if pain_text in TRUE_WORDS:
                pain = True
            elif pain_text in FALSE_WORDS:
                pain = False
            else:
                raise InvalidValue(f"pain: {get('pain')!r} is not yes or no")
            faults = parse_faults(measure, get("faults"), ctx.catalogue) if has_faults else None
            if finding and value is None and not faults:
                raise InvalidValue(f"{measure.label}: empty (give a rating or faults)")
            if finding and value is None and pain:
                raise InvalidValue(f"{measure.label}: a painful test needs its rating in value")
            key = (chart, on, measure.code, side, mode)
            if key in seen:
                raise InvalidValue(f"same measure, side and mode as line {seen[key]}")
            seen[key] = line
            rows.append(
                ParsedRow(
                    line,
                    chart,
                    on,
                    measure.code,
                    side,
                    mode,
                    value,
                    pain,
                    get("note"),
                    get("instrument") or measure.instrument,
                    faults=faults if finding else None,
                    finding=finding,
                    rating=rating,
                )
            )
        except InvalidValue as exc:
            errors.append(RowError(line, str(exc)))
    if errors:
        raise ImportFailed(source, errors)
    return rows


def _cell(session: Session, assessment: Assessment, row: ParsedRow) -> Measurement | None:
    return session.execute(
        select(Measurement).where(
            Measurement.assessment_id == assessment.id,
            Measurement.code == row.code,
            Measurement.side == row.side,
            Measurement.mode == row.mode,
        )
    ).scalar_one_or_none()


def _finding(session: Session, assessment: Assessment, row: ParsedRow) -> Finding | None:
    return session.execute(
        select(Finding).where(
            Finding.assessment_id == assessment.id,
            Finding.test_code == row.code,
            Finding.side == row.side,
        )
    ).scalar_one_or_none()


def _would_change(
    session: Session, assessment: Assessment, row: ParsedRow, catalogue: Catalogue
) -> bool:
    """Whether the row differs from what the (signed) assessment holds."""
    cell = _cell(session, assessment, row)
    if not row.finding:
        return cell is None or cell.value != row.value or cell.pain != row.pain
    found = _finding(session, assessment, row)
    rating = found.rating if found is not None else ""
    if found is None and cell is not None and catalogue[row.code].ratings:
        rating = _rating_of(catalogue[row.code], cell.value)
    if rating != row.rating:
        return True
    if row.faults is not None and set(found.faults if found else ()) != set(row.faults):
        return True
    if cell is None:
        return row.pain
    return cell.pain != row.pain or (row.value is not None and cell.value != row.value)


def _rating_of(measure: Measure, value: float | None) -> str:
    if value is None or value != int(value) or not 0 <= value < len(measure.ratings):
        return ""
    return measure.ratings[int(value)]


def _apply_measurement(
    session: Session,
    assessment: Assessment,
    row: ParsedRow,
    catalogue: Catalogue,
    report: ImportReport,
) -> None:
    """Adds or changes the row's value in a draft assessment."""
    assert row.value is not None
    cell = _cell(session, assessment, row)
    what = f"{row.on} {row.code} {row.side} {row.mode}"
    if cell is None:
        session.add(
            Measurement(
                assessment_id=assessment.id,
                code=row.code,
                side=row.side,
                mode=row.mode,
                value=row.value,
                unit=catalogue[row.code].unit,
                pain=row.pain,
                note=row.note,
                instrument=row.instrument,
                rater=assessment.therapist_name,
            )
        )
        report.values_added += 1
        report.changes.append(Change(row.line, row.chart_number, what, after=row.shown()))
    elif cell.value != row.value or cell.pain != row.pain:
        report.changes.append(
            Change(
                row.line,
                row.chart_number,
                what,
                before=_shown_value(cell.value, cell.pain),
                after=row.shown(),
            )
        )
        cell.value, cell.pain = row.value, row.pain
        if row.note:
            cell.note = row.note
        report.values_changed += 1


def _apply_finding(
    session: Session,
    assessment: Assessment,
    row: ParsedRow,
    catalogue: Catalogue,
    report: ImportReport,
) -> None:
    """A motor-control test's row: its finding (rating, faults) in a draft assessment.

    The finding is the test's record (what the editor's motor-control panel shows). A value
    cell of the same test (older imports stored the rating index there, and pain lives only
    on values) is kept in agreement: changed when there is one (removed when the row has no
    rating), added when the row is painful.
    """
    measure = catalogue[row.code]
    found = _finding(session, assessment, row)
    cell = _cell(session, assessment, row)
    what = f"{row.on} {row.code} {row.side}"
    faults = row.faults if row.faults is not None else tuple(found.faults if found else ())
    if found is None:
        before = None
        if cell is not None:
            before = _shown_value(cell.value, cell.pain, _rating_of(measure, cell.value))
        found = Finding(assessment_id=assessment.id, test_code=row.code, side=row.side)
        session.add(found)
    else:
        pain = cell.pain if cell is not None else False
        value = (
            float(measure.ratings.index(found.rating)) if found.rating in measure.ratings else None
        )
        if cell is not None and value is None:
            value = cell.value
        before = _shown_value(value, pain, found.rating, tuple(found.faults or ()))
    if set(found.faults or ()) == set(faults):
        faults = tuple(found.faults or ())  # the same faults listed in another order
    changed = (
        found.rating != row.rating
        or tuple(found.faults or ()) != faults
        or (cell is not None and (cell.value != row.value or cell.pain != row.pain))
        or (cell is None and row.pain)
    )
    found.rating = row.rating
    found.faults = list(faults)
    if measure.ratings:
        found.score = None
    else:
        found.score = row.value
    if row.note:
        found.note = row.note
    if cell is not None and row.value is None:
        session.delete(cell)  # the file says: not rated (only faults noted)
    elif cell is not None and row.value is not None:
        cell.value, cell.pain = row.value, row.pain
        if row.note:
            cell.note = row.note
    elif cell is None and row.pain and row.value is not None:
        session.add(
            Measurement(
                assessment_id=assessment.id,
                code=row.code,
                side=row.side,
                mode=row.mode,
                value=row.value,
                unit=measure.unit,
                pain=True,
                note=row.note,
                instrument=row.instrument,
                rater=assessment.therapist_name,
            )
        )
    after = _shown_value(row.value, row.pain, row.rating, faults)
    if before is None:
        report.values_added += 1
        report.changes.append(Change(row.line, row.chart_number, what, after=after))
    elif changed:
        report.values_changed += 1
        report.changes.append(Change(row.line, row.chart_number, what, before=before, after=after))


# A computed value given in a file and recomputed from its inputs is "the same" within this
# (the stored composite is rounded to 0.1).
_COMPUTED_TOLERANCE = 0.05 + 1e-9
_COMPUTED_FROM = {
    YBALANCE_COMPOSITE: "the three Y-balance reaches and the limb length of that side",
    FMS_TOTAL: "the seven FMS tests (and clearing tests)",
    LEFS_TOTAL: "the 20 LEFS answers",
}


def _recompute(
    session: Session,
    assessment: Assessment,
    given: list[ParsedRow],
    catalogue: Catalogue,
    report: ImportReport,
) -> list[RowError]:
    """Brings the draft's computed scores in line with its (imported) inputs, reporting it.

    A computed value in the file that disagrees with its inputs is replaced by the computed
    one (and the report says so); one whose inputs are missing is refused, since it would
    be cleared as soon as anything else in the assessment is saved.
    """
    errors: list[RowError] = []
    changed = {
        (r.code, r.side): r
        for r in recompute_stored(session, assessment, catalogue, add_missing=False)
    }
    stored = {(m.code, m.side): m.value for m in assessment.measurements}
    for row in given:
        if row.code not in _COMPUTED_FROM:
            continue
        key = (row.code, row.side)
        changed.pop(key, None)
        now = stored.get(key)
        if now is None:
            errors.append(
                RowError(
                    row.line,
                    f"{row.code} ({row.side}) is computed from {_COMPUTED_FROM[row.code]}, "
                    "which this assessment lacks; give those instead of the score",
                )
            )
            continue
        if row.value is not None and abs(now - row.value) <= _COMPUTED_TOLERANCE:
            continue
        report.recomputed += 1
        report.changes.append(
            Change(
                row.line,
                row.chart_number,
                f"{row.on} {row.code} {row.side} disagrees with its inputs, recomputed",
                before=f"{row.value:g} in the file",
                after=f"{now:g}",
            )
        )
    first = given[0]
    for (code, side), done in changed.items():
        report.recomputed += 1
        report.changes.append(
            Change(
                first.line,
                first.chart_number,
                f"{first.on} {code} {side} "
                + ("computed" if done.before is None else "recomputed")
                + " from its inputs",
                before="(none)" if done.before is None else f"{done.before:g}",
                after="(cleared: inputs incomplete)" if done.after is None else f"{done.after:g}",
            )
        )
    return errors


def import_assessments(
    ctx: ServiceContext,
    path: Path,
    *,
    create_clients: bool = False,
    dry_run: bool = False,
    encoding: str | None = None,
) -> ImportReport:
    """Imports long-format measurements; all rows or none. Values go into a draft of that day."""
    ctx.actor.require("data.import")
    source = path.name
    rows = parse_assessment_rows(ctx, read_text(path, encoding), source)
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
                report.changes.append(Change(row.line, row.chart_number, "new client"))
            clients[row.chart_number] = client
        if errors:
            raise ImportFailed(source, errors)
        assessments: dict[tuple[str, date], Assessment] = {}
        touched: dict[int, tuple[Assessment, list[ParsedRow]]] = {}
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
            if assessment.status == "signed":
                # Re-importing what a signed assessment already holds changes nothing and
                # is fine (an export imported again); anything else would alter a record.
                if _would_change(session, assessment, row, ctx.catalogue):
                    errors.append(
                        RowError(
                            row.line,
                            f"the assessment of {row.chart_number} on "
                            f"{row.on} is signed and read-only",
                        )
                    )
                continue
            touched.setdefault(assessment.id, (assessment, []))[1].append(row)
            if row.finding:
                _apply_finding(session, assessment, row, ctx.catalogue, report)
            else:
                _apply_measurement(session, assessment, row, ctx.catalogue, report)
        if errors:
            raise ImportFailed(source, errors)
        for assessment, given in touched.values():
            errors += _recompute(session, assessment, given, ctx.catalogue, report)
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
                    "recomputed": report.recomputed,
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


# Client CSV header (README "CSV formats"). Only the first three are required; a column that
# is absent leaves that detail empty for a new client and untouched for an updated one.
CLIENT_REQUIRED = ("chart_number", "given_name", "family_name")
CLIENT_OPTIONAL = (
    "date_of_birth",
    "sex",
    "email",
    "phone",
    "address",
    "dominant_leg",
    "weekly_distance_km",
    "years_running",
    "goal_event",
    "footwear",
    "injury_history",
    "complaint",
    "referral",
)
CLIENT_COLUMNS = CLIENT_REQUIRED + CLIENT_OPTIONAL
_SEXES = {"f": "female", "m": "male", "o": "other", "u": "unknown", "": "unknown"}
_LEGS = {"l": "left", "r": "right", "u": "unknown", "": "unknown"}


def _client_from_cells(cells: dict[str, str]) -> dict[str, object]:
    """The typed client fields present in a row (InvalidValue names a bad cell)."""
    values: dict[str, object] = {}
    for name, text in cells.items():
        if name in ("date_of_birth",):
            values[name] = parse_file_date(text, name) if text else None
        elif name in ("weekly_distance_km", "years_running"):
            values[name] = parse_number(text, name) if text else None
        elif name == "sex":
            values[name] = _SEXES.get(text.lower(), text.lower())
        elif name == "dominant_leg":
            values[name] = _LEGS.get(text.lower(), text.lower())
        else:
            values[name] = text
    return values


def _shown(value: object) -> str:
    if value is None:
        return "(empty)"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value) if str(value) else "(empty)"


def import_clients(
    ctx: ServiceContext,
    path: Path,
    *,
    update: bool = False,
    dry_run: bool = False,
    encoding: str | None = None,
) -> ImportReport:
    """Imports clients; all rows or none. A known chart number is refused unless `update`."""
    ctx.actor.require("data.import")
    source = path.name
    table = read_csv_table(read_text(path, encoding), source, CLIENT_REQUIRED, CLIENT_OPTIONAL)
    errors: list[RowError] = []
    parsed: list[tuple[int, dict[str, object], ClientInput]] = []
    seen: dict[str, int] = {}
    for line, cells in table.rows:
        chart = cells["chart_number"]
        key = chart.casefold()
        if key and key in seen:
            # Chart numbers are compared without case: T-001 and t-001 are one client.
            errors.append(RowError(line, f"chart number {chart} is also on line {seen[key]}"))
            continue
        seen.setdefault(key, line)
        try:
            values = _client_from_cells(cells)
        except InvalidValue as exc:
            errors.append(RowError(line, str(exc)))
            continue
        data = ClientInput(**values)  # type: ignore[arg-type]
        problems = data.problems()
        if problems:
            errors.append(RowError(line, "; ".join(problems.values())))
            continue
        data = data.validated()
        values["chart_number"] = data.chart_number
        parsed.append((line, values, data))
    if errors:
        raise ImportFailed(source, errors)
    report = ImportReport(rows=len(parsed), dry_run=dry_run, kind="clients")
    session = ctx.db.sessions()
    try:
        charts = [data.chart_number for _line, _values, data in parsed]
        existing = {
            row.chart_number.casefold(): row
            for row in session.execute(
                select(Client).where(
                    func.lower(Client.chart_number).in_([c.lower() for c in charts])
                )
            ).scalars()
        }
        if existing and not update:
            for line, _values, data in parsed:
                if data.chart_number.casefold() in existing:
                    errors.append(
                        RowError(
                            line,
                            f"chart number {data.chart_number} is already in the clinic "
                            "(use --update to change its details)",
                        )
                    )
            raise ImportFailed(source, errors)
        for line, values, data in parsed:
            row = existing.get(data.chart_number.casefold())
            if row is None:
                row = Client(**asdict(data))
                session.add(row)
                session.flush()
                report.clients_created.append(data.chart_number)
                report.changes.append(
                    Change(
                        line,
                        data.chart_number,
                        "new client",
                        after=f"{data.family_name}, {data.given_name}",
                    )
                )
                record_event(
                    session,
                    ctx.actor,
                    "client.create",
                    entity="client",
                    entity_id=row.id,
                    client_id=row.id,
                    detail={"after": asdict(data), "source": source},
                )
                continue
            given = {name: getattr(data, name) for name in values}
            changed = {k: v for k, v in given.items() if getattr(row, k) != v}
            if not changed:
                continue
            before = {k: getattr(row, k) for k in changed}
            for name, value in changed.items():
                report.changes.append(
                    Change(
                        line,
                        row.chart_number,
                        name,
                        before=_shown(before[name]),
                        after=_shown(value),
                    )
                )
                setattr(row, name, value)
            session.flush()
            report.clients_updated.append(row.chart_number)
            record_event(
                session,
                ctx.actor,
                "client.update",
                entity="client",
                entity_id=row.id,
                client_id=row.id,
                detail={"before": before, "after": changed, "source": source},
            )
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
                    "kind": "clients",
                    "rows": report.rows,
                    "created": report.clients_created,
                    "updated": report.clients_updated,
                },
            )
            session.commit()
        return report
    except IntegrityError as exc:
        session.rollback()
        raise ImportFailed(
            source, [RowError(0, f"the clinic refused the data ({str(exc.orig).splitlines()[0]})")]
        ) from exc
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
