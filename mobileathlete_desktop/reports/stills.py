"""Annotated stills on paper (issue 19): the pictures values were measured on, small, each with
its date, measure, side and value, three to a row, for the progress report.

The stills come from `services.media.stills_for_report` (any object with the attributes of
`Still` will do: the report layer does not import services).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date
from typing import Any, Protocol

from mobileathlete_desktop.reports.numbers import decimal_marks
from mobileathlete_desktop.reports.pdf import RULE, para
from mobileathlete_desktop.support.i18n import texts

PER_ROW = 3
THUMB_HEIGHT_MM = 42.0
"""The tallest a still is drawn (a portrait phone frame stays within a third of a page)."""


class Still(Protocol):
    """What a still needs to be printed (services.media.StillRecord has it)."""

    @property
    def date(self) -> date: ...
    @property
    def label(self) -> str: ...
    @property
    def side(self) -> str: ...
    @property
    def mode(self) -> str: ...
    @property
    def value_text(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def png(self) -> bytes: ...


def caption(still: Still, lang: str = "en") -> str:
    """'2 Mar 2026 · Knee flexion, left side, active: 52° (photo)' in the report's language."""
    tr = texts(lang)
    parts = [still.label]
    if still.side == "left":
        parts.append(tr.pgettext("side of the body", "left"))
    elif still.side == "right":
        parts.append(tr.pgettext("side of the body", "right"))
    if still.mode == "active":
        parts.append(tr.pgettext("mode of a measurement", "active"))
    elif still.mode == "passive":
        parts.append(tr.pgettext("mode of a measurement", "passive"))
    what = ", ".join(parts)
    how = tr.gettext("photo") if still.kind == "photo" else tr.gettext("video frame")
    value = f": {decimal_marks(still.value_text, tr)}" if still.value_text else ""
    return f"{tr.date(still.date, 'medium')} · {what}{value} ({how})"


def _picture(png: bytes, width: float, max_height: float) -> Any:
    """A PNG drawn at most `width` wide and `max_height` tall, aspect kept."""
    from PIL import Image as PILImage
    from reportlab.platypus import Image

    with PILImage.open(io.BytesIO(png)) as probe:
        w, h = probe.size
    scale = min(width / w, max_height / h)
    return Image(io.BytesIO(png), width=w * scale, height=h * scale)


def stills_flowables(stills: Sequence[Still], width: float, lang: str = "en") -> list[Any]:
    """A heading and the stills in rows of three, each above its caption; nothing when there
    are none. `width` is the frame's width in points."""
    if not stills:
        return []
    from reportlab.lib.colors import HexColor
    from reportlab.lib.units import mm
    from reportlab.platypus import CondPageBreak, Table, TableStyle

    tr = texts(lang)
    column = width / PER_ROW
    blocks: list[Any] = [
        Table(
            [
                [_picture(s.png, column - 4 * mm, THUMB_HEIGHT_MM * mm)],
                [para(caption(s, lang), "small")],
            ],
            colWidths=[column - 2 * mm],
            rowHeights=[(THUMB_HEIGHT_MM + 2) * mm, None],  # captions level across a row
        )
        for s in stills
    ]
    blocks += [""] * (-len(blocks) % PER_ROW)
    rows = [blocks[i : i + PER_ROW] for i in range(0, len(blocks), PER_ROW)]
    table = Table(rows, colWidths=[column] * PER_ROW)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -2), 0.5, HexColor(RULE)),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    heading = para(tr.gettext("Measured on pictures"), "h1")
    note = para(
        tr.gettext(
            "Angles and distances measured on photos or video frames; each value is in the "
            "tables, judged with its method's measurement error."
        ),
        "muted",
    )
    # The heading moves to the next page with the first row rather than stand alone.
    return [CondPageBreak((THUMB_HEIGHT_MM + 30) * mm), heading, note, table]
