"""Reading an import file: its text (UTF-8 or Latin-1), its CSV table with the header checked,
and the error that refuses the whole file. No database."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from mobileathlete_desktop.domain.validation import InvalidValue
from mobileathlete_desktop.services.context import InputError, refusal
from mobileathlete_desktop.support.i18n import texts
from mobileathlete_desktop.support.languages import DEFAULT_LANGUAGE


@dataclass(frozen=True)
class RowError:
    """A refused row: its line number in the file and why (English, as the command line and
    the report say it; `refusals` name the rules behind it, for a window to say them in its
    own language, when they are known)."""

    line: int
    reason: str
    refusals: tuple[InvalidValue, ...] = ()

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


def row_refusal(line: int, reason: str, kind: str, **details: object) -> RowError:
    """A refused row whose reason names its rule (`kind`, `details`: InvalidValue)."""
    return RowError(line, reason, (InvalidValue(reason, kind=kind, **details),))


class ImportFailed(InputError):
    """The file was refused; nothing from it was stored. `errors` lists every bad row."""

    def __init__(self, source: str, errors: list[RowError]) -> None:
        self.source = source
        self.errors = errors
        first = errors[0] if errors else RowError(0, "unknown problem")
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        super().__init__(f"{source}: {first}{more}; nothing was imported")


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
        said = f"{path}: cannot read ({exc.strerror})"
        raise refusal(said, "cannot_read", cause=exc, name=path.name, reason=exc.strerror or "")  # noqa: B904
    latin = encoding is not None and encoding.lower().replace("_", "-") not in ("utf-8", "utf8")
    if latin:
        try:
            return raw.decode("cp1252").removeprefix("\ufeff")
        except UnicodeDecodeError:
            return raw.decode("latin-1")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise refusal(  # noqa: B904 (raised from its InvalidValue, itself from exc)
            f"{path.name}: not UTF-8 text (byte {exc.start + 1}); save the file as "
            "'CSV UTF-8', or if it is Latin-1/Windows text give --encoding latin-1",
            "not_utf8",
            cause=exc,
            name=path.name,
            byte=exc.start + 1,
        )


def _dialect(header_line: str) -> str:
    if header_line.count(";") > header_line.count(",") and header_line.count(";") >= 2:
        return ";"
    if header_line.count("\t") > header_line.count(",") and header_line.count("\t") >= 2:
        return "\t"
    return ","


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
        said = "the file is empty (a header row is needed)"
        raise ImportFailed(source, [row_refusal(1, said, "file_empty")])
    delimiter = _dialect(lines[0])
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = [h.strip().lower() for h in next(reader)]
    tr = texts(DEFAULT_LANGUAGE)
    missing = [c for c in required if c not in header]
    if missing:
        hint = ""
        if len(header) == 1:
            hint = " (the header has one column: separate columns with commas or semicolons)"
        expected = (
            ",".join(required)
            + "".join(f"[,{c}]" for c in optional[:3])
            + ("[,...]" if len(optional) > 3 else "")
        )
        said = (
            tr.ngettext(
                "missing column {names}",
                "missing columns {names}",
                len(missing),
                names=", ".join(missing),
            )
            + f"; expected {expected}"
            + hint
        )
        kind = "missing_columns_one" if hint else "missing_columns"
        refused = row_refusal(1, said, kind, names=", ".join(missing), expected=expected)
        raise ImportFailed(source, [refused])
    unknown = [h for h in header if h not in required + optional]
    if unknown:
        said = tr.ngettext(
            "unknown column {names}",
            "unknown columns {names}",
            len(unknown),
            names=", ".join(unknown),
        )
        refused = row_refusal(1, said, "unknown_columns", names=", ".join(unknown))
        raise ImportFailed(source, [refused])
    doubled = sorted({h for h in header if header.count(h) > 1})
    if doubled:
        said = tr.ngettext(
            "column named twice: {names}",
            "columns named twice: {names}",
            len(doubled),
            names=", ".join(doubled),
        )
        refused = row_refusal(1, said, "doubled_columns", names=", ".join(doubled))
        raise ImportFailed(source, [refused])
    rows: list[tuple[int, dict[str, str]]] = []
    errors: list[RowError] = []
    try:
        for values in reader:
            line = reader.line_num
            if not any(v.strip() for v in values):
                continue
            if len(values) != len(header):
                said = f"{len(values)} fields, expected {len(header)}"
                errors.append(
                    row_refusal(line, said, "field_count", count=len(values), expected=len(header))
                )
                continue
            rows.append((line, {h: v.strip() for h, v in zip(header, values, strict=True)}))
    except csv.Error as exc:
        errors.append(
            row_refusal(reader.line_num, f"not valid CSV ({exc})", "not_csv", problem=str(exc))
        )
    if errors:
        raise ImportFailed(source, errors)
    if not rows:
        raise ImportFailed(source, [row_refusal(2, "no data rows", "no_rows")])
    return CsvTable(header, rows)
