"""CSV cells a spreadsheet cannot run as formulas (OWASP "CSV Injection").

Excel, LibreOffice and Google Sheets treat a cell that begins with `=`, `+`, `-`, `@`, a tab
or a carriage return as a formula, so text typed into the program (a note, a name, a file
name in the audit trail) could run when the export is opened. Every CSV the program writes
passes its cells through `safe_csv_cell`, which prefixes such a cell with a single quote
(the spreadsheet shows it as text). A column that holds numbers written by the program
(a measured value, an event id) is marked `numeric`: a plain number there, such as `-5` or
`-1.5e+20`, stays a number; anything else in it is neutralised like text.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a cell as a formula (OWASP's list)."""

_PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def safe_csv_cell(value: object, *, numeric: bool = False) -> str:
    """The cell as text no spreadsheet runs: a leading `'` when it could start a formula.

    `numeric`: the column holds numbers, so a plain number keeps its sign."""
    text = "" if value is None else str(value)
    if not text.startswith(FORMULA_STARTS):
        return text
    if numeric and _PLAIN_NUMBER.fullmatch(text):
        return text
    return "'" + text


def safe_csv_row(cells: Iterable[object], numeric: Collection[int] = ()) -> list[str]:
    """A row of safe cells; `numeric` holds the indexes of the number columns."""
    return [safe_csv_cell(c, numeric=i in numeric) for i, c in enumerate(cells)]
