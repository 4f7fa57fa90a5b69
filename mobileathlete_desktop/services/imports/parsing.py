"""CSV rows to checked records (the public CSV columns, README "CSV formats"): dates, values,
ratings, faults and client details. No database: every row is checked before anything is
stored."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from mobileathlete_desktop.domain.catalogue import Catalogue, Measure, Mode, Side
from mobileathlete_desktop.domain.validation import (
    InvalidValue,
    check_cell,
    check_pain,
    lookup_measure,
    parse_iso_date,
    parse_mode,
    parse_number,
    parse_side,
    value_outside,
)
from mobileathlete_desktop.services.clients import ClientInput
from mobileathlete_desktop.services.imports.reading import (
    ImportFailed,
    RowError,
    read_csv_table,
    row_refusal,
)
from mobileathlete_desktop.support.i18n import texts
from mobileathlete_desktop.support.languages import DEFAULT_LANGUAGE

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
            f"faults: {measure.code} has no faults to record{hint}; leave the cell empty",
            kind="no_faults_only" if with_faults else "no_faults",
            code=measure.code,
            codes=", ".join(with_faults),
        )
    known = [f.code for f in measure.faults]
    unknown = [c for c in codes if c not in known]
    if unknown:
        hint = ""
        if any(sep in c for c in unknown for sep in (",", "|", " ", "/")):
            hint = f" (separate fault codes with {FAULT_SEPARATOR!r})"
        not_faults = texts(DEFAULT_LANGUAGE).ngettext(
            "{codes} is not a fault of {measure}",
            "{codes} are not faults of {measure}",
            len(unknown),
            codes=", ".join(repr(c) for c in unknown),
            measure=measure.code,
        )
        raise InvalidValue(
            f"faults: {not_faults}{hint}; its faults are {', '.join(known)}",
            kind="not_faults_separator" if hint else "not_faults",
            code=measure.code,
            codes=", ".join(unknown),
            known=", ".join(known),
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
    outside = value_outside(measure, value)
    if outside:
        raise outside
    if not measure.ratings:
        return value, ""
    if value != int(value) or not 0 <= value < len(measure.ratings):
        scale = ", ".join(f"{i} = {r}" for i, r in enumerate(measure.ratings))
        raise InvalidValue(
            f"{measure.label}: {raw!r} is not a rating ({scale})",
            kind="not_a_rating",
            what=measure.label,
            code=measure.code,
            text=raw,
            scale=scale,
        )
    return value, measure.ratings[int(value)]


def _rating_of(measure: Measure, value: float | None) -> str:
    if value is None or value != int(value) or not 0 <= value < len(measure.ratings):
        return ""
    return measure.ratings[int(value)]


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
            raise InvalidValue(
                f"{what}: {raw!r} is not a real date", kind="not_real_date", what=what, text=raw
            ) from exc
        return parse_iso_date(on.isoformat(), what, allow_future=allow_future)
    m = _SLASHED.match(raw)
    if m:
        first, second, year = (int(g) for g in m.groups())
        if first <= 12 and second <= 12 and first != second:
            day_first = f"{year}-{second:02d}-{first:02d}"
            month_first = f"{year}-{first:02d}-{second:02d}"
            raise InvalidValue(
                f"{what}: {raw!r} is ambiguous (day/month or month/day?); "
                f"write it as YYYY-MM-DD ({day_first} or {month_first})",
                kind="ambiguous_date",
                what=what,
                text=raw,
                first=day_first,
                second=month_first,
            )
        day, month = (first, second) if first > 12 else (second, first)
        iso = f"{year}-{month:02d}-{day:02d}"
        raise InvalidValue(
            f"{what}: {raw!r} is not in the form YYYY-MM-DD; write {iso}",
            kind="day_month_year",
            what=what,
            text=raw,
            iso=iso,
        )
    if re.fullmatch(r"\d{5}(\.\d+)?", raw):
        raise InvalidValue(
            f"{what}: {raw!r} looks like a spreadsheet day number; "
            "format the column as a date YYYY-MM-DD",
            kind="spreadsheet_day",
            what=what,
            text=raw,
        )
    return parse_iso_date(raw, what, allow_future=allow_future)


def _cell(
    catalogue: Catalogue, code: str, side_text: str, mode_text: str
) -> tuple[Measure, Side, Mode]:
    """A row's measure, side and mode (InvalidValue naming its rule, for a window to say it
    in its own language: the domain's words are the command line's)."""
    try:
        measure = lookup_measure(catalogue, code)
    except InvalidValue as exc:
        raise InvalidValue(str(exc), kind="unknown_measure", text=code.strip()) from exc
    try:
        side = parse_side(side_text)
    except InvalidValue as exc:
        raise InvalidValue(str(exc), kind="side_word", text=side_text.strip()) from exc
    try:
        mode = parse_mode(mode_text)
    except InvalidValue as exc:
        raise InvalidValue(str(exc), kind="mode_word", text=mode_text.strip()) from exc
    try:
        check_cell(measure, side, mode)
    except InvalidValue as exc:
        wrong, given, allowed = (
            ("cell_side", side, measure.sides)
            if side not in measure.sides
            else ("cell_mode", mode, measure.modes)
        )
        raise InvalidValue(
            str(exc), kind=wrong, code=measure.code, text=given, allowed=" or ".join(allowed)
        ) from exc
    return measure, side, mode


def parse_assessment_rows(catalogue: Catalogue, text: str, source: str) -> list[ParsedRow]:
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
                raise InvalidValue(
                    "chart_number is empty", kind="column_empty", column="chart_number"
                )
            on = parse_file_date(get("date"), "date")
            measure, side, mode = _cell(catalogue, get("measure"), get("side"), get("mode"))
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
                    "(convert the value first)",
                    kind="unit_not_measures",
                    code=measure.code,
                    unit=measure.unit,
                    text=unit,
                )
            outside = None if value is None else value_outside(measure, value)
            if outside:
                raise outside
            pain_text = get("pain").lower()
            if pain_text in TRUE_WORDS:
                pain = True
            elif pain_text in FALSE_WORDS:
                pain = False
            else:
                said = f"pain: {get('pain')!r} is not yes or no"
                raise InvalidValue(said, kind="pain_yes_no", text=get("pain"))
            check_pain(measure, pain)  # a body measurement (limb length) cannot hurt
            faults = parse_faults(measure, get("faults"), catalogue) if has_faults else None
            if finding and value is None and not faults:
                said = f"{measure.label}: empty (give a rating or faults)"
                raise InvalidValue(
                    said, kind="finding_empty", what=measure.label, code=measure.code
                )
            if finding and value is None and pain:
                said = f"{measure.label}: a painful test needs its rating in value"
                raise InvalidValue(
                    said, kind="painful_needs_rating", what=measure.label, code=measure.code
                )
            key = (chart, on, measure.code, side, mode)
            if key in seen:
                said = f"same measure, side and mode as line {seen[key]}"
                raise InvalidValue(said, kind="same_cell_twice", first=seen[key])
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
            errors.append(RowError(line, str(exc), (exc,)))
    if errors:
        raise ImportFailed(source, errors)
    return rows


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
    "complaint_code",
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
        elif name == "complaint_code":
            values[name] = text.strip().lower()
        else:
            values[name] = text
    return values


@dataclass(frozen=True)
class ParsedClient:
    """A checked client row: its line, the details the file gives (a column left out is not
    among them) and the validated client."""

    line: int
    given: dict[str, object]
    data: ClientInput


def parse_client_rows(text: str, source: str) -> list[ParsedClient]:
    """Checks every client row; raises ImportFailed listing every bad line, or returns them all.

    A chart number given twice (compared without case) is refused on its second line.
    """
    table = read_csv_table(text, source, CLIENT_REQUIRED, CLIENT_OPTIONAL)
    errors: list[RowError] = []
    parsed: list[ParsedClient] = []
    seen: dict[str, int] = {}
    for line, cells in table.rows:
        chart = cells["chart_number"]
        key = chart.casefold()
        if key and key in seen:
            # Chart numbers are compared without case: T-001 and t-001 are one client.
            said = f"chart number {chart} is also on line {seen[key]}"
            errors.append(row_refusal(line, said, "chart_twice", chart=chart, first=seen[key]))
            continue
        seen.setdefault(key, line)
        try:
            values = _client_from_cells(cells)
        except InvalidValue as exc:
            errors.append(RowError(line, str(exc), (exc,)))
            continue
        data = ClientInput(**values)  # type: ignore[arg-type]
        refusals = tuple(data.refusals().values())
        if refusals:
            errors.append(RowError(line, "; ".join(map(str, refusals)), refusals))
            continue
        data = data.validated()
        values["chart_number"] = data.chart_number
        parsed.append(ParsedClient(line, values, data))
    if errors:
        raise ImportFailed(source, errors)
    return parsed
