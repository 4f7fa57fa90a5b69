"""The handout's tracker follows the prescription (boxes a week per drill, the weeks until the
next visit, a pain row a week), its QR code carries the program code, and the phone-sized
handout has the same content on 90 × 160 mm pages."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date
from typing import Any

import pypdfium2 as pdfium
import pytest
import segno
from pypdf import PdfReader

from mobileathlete_desktop.domain.programs import program_code
from mobileathlete_desktop.reports.handout import Handout, write_handout
from mobileathlete_desktop.reports.handout_drill import HandoutDrill
from mobileathlete_desktop.reports.handout_layout import Layout
from mobileathlete_desktop.reports.handout_tracker import qr_code, qr_modules, tracker_tables
from mobileathlete_desktop.reports.pdf import ClinicHeader

CODE = program_code(4711)


def drills(boxes: tuple[int, ...]) -> tuple[HandoutDrill, ...]:
    return tuple(
        HandoutDrill(
            code=f"d{i}",
            name=f"Drill {i}",
            dosage="3 sets × 10 reps — 3 times a week",
            steps=("Step one.", "Step two."),
            cues=("Keep the heel down.",),
            boxes=count,
            when_easy=f"Harder drill {i}",
        )
        for i, count in enumerate(boxes, start=1)
    )


def handout(lang: str = "en", boxes: tuple[int, ...] = (3, 7, 2), **kw: Any) -> Handout:
    return Handout(
        clinic=ClinicHeader("Clínica Testville", phone="+00 111 222"),
        client_name="Testa Runnerton",
        chart_number="TR-1",
        on=date(2026, 3, 2),
        therapist="Pat Physio, PT",
        drills=drills(boxes),
        lang=lang,
        time="About 13 minutes a session, 41 minutes a week",
        code=CODE,
        **kw,
    )


def pdf(made: Handout, *, phone: bool = False) -> bytes:
    buffer = io.BytesIO()
    write_handout(buffer, made, phone=phone)
    return buffer.getvalue()


def tracker_rows(made: Handout, layout: Layout) -> list[list[Any]]:
    """Each tracker table's rows as (first cell's text, boxes per week or cell text)."""
    tables = tracker_tables(
        [d.name for d in made.drills],
        [d.boxes for d in made.drills],
        made.weeks,
        made.lang,
        layout.width,
        layout.para,
        phone=layout.phone,
    )
    rows = []
    for kept in tables:
        table = kept._content[0]
        for row in table._cellvalues:
            first = row[0].text if hasattr(row[0], "text") else row[0]
            rest = [getattr(c, "count", getattr(c, "text", c)) for c in row[1:]]
            rows.append([first, *rest])
    return rows


@pytest.mark.parametrize("phone", [False, True])
@pytest.mark.parametrize("weeks", [1, 4, 6])
def test_boxes_follow_each_drills_sessions_for_every_week(phone: bool, weeks: int) -> None:
    made = handout(weeks=weeks)
    rows = tracker_rows(made, Layout(phone=phone))
    heads = [r for r in rows if r[0] == "Drill"]
    week_names = [w for r in heads for w in r[1:]]
    assert week_names == [f"Week {n}" for n in range(1, weeks + 1)]
    for number, count in enumerate((3, 7, 2), start=1):
        boxes = [b for r in rows if r[0] == f"{number}. Drill {number}" for b in r[1:]]
        assert boxes == [count] * weeks  # a "3 times a week" drill gets 3 a week, not 7
    pain = [r for r in rows if r[0] == "Pain or difficulty (0–10)"]
    assert len(pain) == len(heads) and sum(len(r) - 1 for r in pain) == weeks
    if not phone:  # weeks shared evenly between the printed tables
        assert len({len(r) for r in heads}) == 1 or weeks % len(heads)


def test_the_qr_code_drawn_is_the_program_codes() -> None:
    """The QR flowable, drawn on a page and read back module by module, is segno's symbol
    for the code (segno encodes; sampling the drawing checks what reaches the paper)."""
    from reportlab.pdfgen.canvas import Canvas

    side = 200.0
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(side, side))
    flowable = qr_code(CODE, side)
    flowable.wrapOn(canvas, side, side)
    flowable.drawOn(canvas, 0, 0)
    canvas.save()
    page = pdfium.PdfDocument(buffer.getvalue())[0]
    image = page.render(scale=2).to_pil().convert("L")
    expected = [
        [bool(m) for m in row] for row in segno.make_qr(CODE, error="m").matrix_iter(border=2)
    ]
    assert qr_modules(CODE) == tuple(tuple(r) for r in expected)
    module = image.width / len(expected)
    drawn = [
        [
            image.getpixel((int((x + 0.5) * module), int((y + 0.5) * module))) < 128
            for x in range(len(row))
        ]
        for y, row in enumerate(expected)
    ]
    assert drawn == expected
    # Another code draws another symbol.
    assert qr_modules(program_code(4712)) != qr_modules(CODE)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_print_and_phone_handouts_carry_the_same_content(lang: str) -> None:
    made = handout(lang)
    printed = PdfReader(io.BytesIO(pdf(made)))
    phone = PdfReader(io.BytesIO(pdf(made, phone=True)))
    assert len(printed.pages) == 2  # the drills, then the tracker on a page of its own
    # A drill a screen, plus the opening page(s) and the tracker.
    assert len(phone.pages) >= len(made.drills) + 2
    box = phone.pages[0].mediabox
    assert round(float(box.width) * 25.4 / 72) == 90
    assert round(float(box.height) * 25.4 / 72) == 160
    easy = "Cuando te resulte fácil:" if lang == "es" else "When this gets easy:"
    tracker = "Tu registro" if lang == "es" else "Your tracker"
    for reader in (printed, phone):
        text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
        assert "About 13 minutes a session, 41 minutes a week" in text
        assert f"{CODE[:3]}-{CODE[3:]}" in text
        assert text.count(easy) == 3 and "Harder drill 2" in text
        assert tracker in text
        for number in (1, 2, 3):
            assert f"{number}. Drill {number}" in text


def test_no_code_no_qr_and_no_drills_no_tracker() -> None:
    without = replace(handout(), code="")
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf(without))).pages)
    assert "Program code" not in text and "Your tracker" in text
    empty = replace(handout(), drills=())
    reader = PdfReader(io.BytesIO(pdf(empty, phone=True)))
    assert "Your tracker" not in " ".join(p.extract_text() for p in reader.pages)
