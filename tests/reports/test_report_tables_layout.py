"""The full record's value tables: headers never break inside a date or a word; only problems
are shaded, and marked so a grey print keeps them."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from mobileathlete_desktop.reports.progress_report import (
    MeasureRow,
    VisitColumn,
    _values_tables,
)

KINDS = ("initial", "reassessment", "discharge", "screen")


def _tables(visits: int, lang: str = "en") -> list[Any]:
    from reportlab.platypus import Table

    columns = [
        VisitColumn(date(2026, 1 + i % 12, 10 + i % 18), KINDS[min(i, 1) if i < visits - 1 else 2])
        for i in range(visits)
    ]
    rows = [
        MeasureRow(
            "Ankle dorsiflexion, knee extended (passive)",
            "L",
            tuple("12°" for _ in columns),
            norm="11.6 cm",
            change="+9 (improved: MDC, MCID)",
            flags=("below norm", "control deficit"),
            problem=True,
        ),
        MeasureRow(
            "Hip flexion (active)", "R", tuple("128°" for _ in columns), "120°", "", ("above norm",)
        ),
    ]
    flowables = _values_tables(columns, rows, "Range of motion", heading=True, lang=lang)
    return [f for f in flowables if isinstance(f, Table)]


def _words(paragraph: Any) -> list[str]:
    return " ".join(paragraph.text.replace("<br/>", " ").split()).split()


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("visits", [1, 2, 3, 4, 5, 7, 8, 12])
def test_no_header_cell_breaks_inside_a_word(visits: int, lang: str) -> None:
    for table in _tables(visits, lang):
        for column, cell in enumerate(table._cellvalues[0]):
            width = table._colWidths[column] - 4  # the cell's padding
            cell.wrap(width, 1000)
            laid = [w for line in cell.blPara.lines for w in _line_words(line)]
            assert laid == _words(cell), (visits, column, laid)


def _line_words(line: Any) -> list[str]:
    """The words of one laid-out line (plain lines are (space, words); markup lines hold
    fragments whose text may have spaces)."""
    if isinstance(line, tuple):
        return list(line[1])
    return "".join(getattr(frag, "text", "") for frag in line.words).split()


@pytest.mark.parametrize(
    ("lang", "heading"),
    [("en", "10 Jan<br/>2026<br/>initial"), ("es", "10 ene<br/>2026<br/>inicial")],
)
def test_dates_head_their_columns_as_day_month_over_year(lang: str, heading: str) -> None:
    header = _tables(3, lang)[0]._cellvalues[0]
    assert header[2].text.startswith(heading)


def test_only_problem_rows_are_shaded_and_marked() -> None:
    from reportlab.lib.colors import HexColor

    from mobileathlete_desktop.reports.pdf import FLAG_BG

    table = _tables(2)[0]
    flags = [row[-1].text for row in table._cellvalues[1:]]
    assert flags == ["! below norm; control deficit", "above norm"]
    shaded = {
        cmd[1][1]
        for cmd in table._bkgrndcmds
        if cmd[0] == "BACKGROUND" and cmd[3] == HexColor(FLAG_BG)
    }
    assert shaded == {1}  # the problem row, not the above-norm one
