"""The handout's tick sheet and program code: per week, a box for each session a drill asks
for (a "3 times a week" drill gets three, not seven), a place for pain or difficulty, and
the program's code with its QR code, drawn as vector squares."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from mobileathlete_desktop.domain.programs import shown_code
from mobileathlete_desktop.reports.pdf import ACCENT, INK, MUTED, RULE
from mobileathlete_desktop.support.i18n import texts

QR_BORDER = 2
"""Quiet modules around the QR code (scanners read 2 well on white paper)."""
BOX_GAP = 0.3
"""Gap between tick boxes, as a share of a box."""


def qr_modules(code: str, border: int = QR_BORDER) -> tuple[tuple[bool, ...], ...]:
    """The QR code of a program code as rows of dark (True) and light modules, quiet zone
    included: the smallest symbol (21 × 21 for a program code) with at least medium error
    correction (segno raises it while the symbol stays that size)."""
    import segno

    symbol = segno.make_qr(code, error="m")
    return tuple(tuple(bool(m) for m in row) for row in symbol.matrix_iter(border=border))


class _Drawn:
    """Builders of the small flowables the tracker draws: tick boxes and the QR code."""

    @staticmethod
    def boxes(count: int, size: float) -> Any:
        from reportlab.lib.colors import HexColor
        from reportlab.platypus import Flowable

        gap = size * BOX_GAP

        class Boxes(Flowable):  # type: ignore[misc]
            """`count` empty squares in a row, to tick."""

            def __init__(self) -> None:
                super().__init__()
                self.count = count

            def wrap(self, aw: float, ah: float) -> tuple[float, float]:
                return (count * size + (count - 1) * gap, size)

            def draw(self) -> None:
                canv = self.canv
                canv.setStrokeColor(HexColor(INK))
                canv.setLineWidth(0.8)
                for number in range(count):
                    canv.rect(number * (size + gap), 0, size, size, stroke=1, fill=0)

        return Boxes()

    @staticmethod
    def qr(code: str, side: float) -> Any:
        from reportlab.lib.colors import HexColor
        from reportlab.platypus import Flowable

        rows = qr_modules(code)
        module = side / len(rows)

        class QrCode(Flowable):  # type: ignore[misc]
            """The program code's QR code, one filled square a run of dark modules."""

            def __init__(self) -> None:
                super().__init__()
                self.code = code
                self.modules = rows

            def wrap(self, aw: float, ah: float) -> tuple[float, float]:
                return (side, side)

            def draw(self) -> None:
                canv = self.canv
                canv.setFillColor(HexColor("#000000"))
                for y, row in enumerate(rows):
                    top = side - (y + 1) * module
                    x = 0
                    while x < len(row):
                        if not row[x]:
                            x += 1
                            continue
                        start = x
                        while x < len(row) and row[x]:
                            x += 1
                        # A hair wider than the run, so no hairline shows between modules.
                        canv.rect(
                            start * module, top, (x - start) * module + 0.01, module + 0.01, 0, 1
                        )

        return QrCode()


def tick_boxes(count: int, size: float) -> Any:
    """A row of `count` empty squares `size` points wide."""
    return _Drawn.boxes(count, size)


def qr_code(code: str, side: float) -> Any:
    """The code's QR code as a vector flowable `side` points square (quiet zone included)."""
    return _Drawn.qr(code, side)


def _week_chunks(weeks: int, per_table: int) -> list[range]:
    return [range(s, min(s + per_table, weeks)) for s in range(0, weeks, per_table)]


def tracker_tables(
    names: Sequence[str],
    boxes: Sequence[int],
    weeks: int,
    lang: str,
    width: float,
    para: Any,
    *,
    phone: bool = False,
) -> list[Any]:
    """The tick sheet as tables of a few weeks each: a row a drill with its boxes in each
    week, then a row to write pain or difficulty (0–10) for each week. `para(text, style)`
    makes the paragraphs (the print or phone styles)."""
    from reportlab.lib.colors import HexColor
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle

    tr = texts(lang)
    most = max(boxes, default=1)
    name_w = (40 if phone else 50) * mm
    pad = 2.5 * mm
    # As many weeks side by side as leave boxes big enough to tick (at least 4 mm on paper),
    # the weeks shared evenly between the tables (2 + 2, not 3 + 1).
    widest = 1
    for candidate in (1,) if phone else (4, 3, 2, 1):
        column = (width - name_w) / candidate
        if (column - pad) / (most + (most - 1) * BOX_GAP) >= 4 * mm or candidate == 1:
            widest = candidate
            break
    tables = -(-weeks // widest)
    per_table = -(-weeks // tables)
    column = (width - name_w) / widest
    size = min(5 * mm, (column - pad) / (most + (most - 1) * BOX_GAP))
    space = 3 if phone else 5
    pain = tr.gettext("Pain or difficulty (0–10)")
    out: list[Any] = []
    for chunk in _week_chunks(weeks, per_table):
        head = [para(tr.gettext("Drill"), "cell_bold")] + [
            para(tr.gettext("Week {number}", number=w + 1), "cell_bold") for w in chunk
        ]
        rows: list[list[Any]] = [head]
        for number, (name, count) in enumerate(zip(names, boxes, strict=True), start=1):
            rows.append(
                [para(f"{number}. {name}", "cell")] + [tick_boxes(count, size) for _ in chunk]
            )
        rows.append([para(pain, "cell_bold")] + [""] * len(chunk))
        table = Table(rows, colWidths=[name_w] + [column] * len(chunk), repeatRows=1, hAlign="LEFT")
        last = len(rows) - 1
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("ALIGN", (1, 0), (-1, -1), "CENTER"),
                    ("LINEBELOW", (0, 0), (-1, 0), 0.8, HexColor(ACCENT)),
                    ("LINEBELOW", (0, 1), (-1, last - 1), 0.4, HexColor(RULE)),
                    ("LINEBEFORE", (1, 0), (-1, -1), 0.8, HexColor(MUTED)),
                    ("ROWBACKGROUNDS", (0, 1), (-1, last - 1), ["#ffffff", "#f3f6f9"]),
                    ("TOPPADDING", (0, 1), (-1, -1), space),
                    ("BOTTOMPADDING", (0, 1), (-1, -1), space),
                    # The pain row: a box to write a number in, under each week.
                    ("BOX", (1, last), (-1, last), 0.8, HexColor(INK)),
                    ("INNERGRID", (1, last), (-1, last), 0.8, HexColor(INK)),
                    ("TOPPADDING", (0, last), (-1, last), space + 4),
                    ("BOTTOMPADDING", (0, last), (-1, last), space + 4),
                ]
            )
        )
        out.append(KeepTogether([table, Spacer(1, 4 * mm)]))
    return out


def tracker_heading(code: str, lang: str, width: float, para: Any, *, phone: bool) -> list[Any]:
    """The tracker's title, how to use it, and the program code with its QR code."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Table, TableStyle

    tr = texts(lang)
    hint = tr.gettext(
        "Tick a box each time you do the drill: each week has a box for every session. At the "
        "end of the week, write how much pain or difficulty you had (0 = none, 10 = the worst). "
        "Bring this sheet to your next visit."
    )
    words: list[Any] = [para(tr.gettext("Your tracker"), "h1"), para(hint, "small")]
    if not code:
        return words
    words.append(
        para(
            tr.gettext("Program code: {code}", code=shown_code(code)),
            "h2",
        )
    )
    side = (30 if phone else 26) * mm
    if phone:
        return [*words, qr_code(code, side)]
    table = Table([[words, qr_code(code, side)]], colWidths=[width - side - 6, side + 6])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("ALIGN", (1, 0), (1, 0), "RIGHT"),
            ]
        )
    )
    return [table]
