"""Annotated stills on paper: small, three to a row, each with its date, measure, side, value
and where it came from, in English and Spanish."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pypdfium2
import pytest
from PIL import Image

from mobileathlete_desktop.domain.image_angles import Annotation, Point
from mobileathlete_desktop.reports.pdf import build_document, content_width
from mobileathlete_desktop.reports.stills import caption, stills_flowables
from mobileathlete_desktop.services import assessments, clients, media
from mobileathlete_desktop.services.context import ServiceContext


@dataclass(frozen=True)
class FakeStill:
    date: date
    label: str
    side: str
    mode: str
    value_text: str
    kind: str
    png: bytes


def png(width: int, height: int, colour: tuple[int, int, int]) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, "PNG")
    return out.getvalue()


STILLS = [
    FakeStill(
        date(2026, 3, 2),
        "Knee flexion",
        "left",
        "active",
        "52°",
        "photo",
        png(480, 360, (200, 60, 60)),
    ),
    FakeStill(
        date(2026, 3, 2),
        "Knee flexion",
        "right",
        "active",
        "55°",
        "video",
        png(270, 480, (60, 200, 60)),
    ),
    FakeStill(
        date(2026, 4, 6),
        "Weight-bearing lunge",
        "left",
        "none",
        "11.5 cm",
        "photo",
        png(480, 360, (60, 60, 200)),
    ),
    FakeStill(
        date(2026, 4, 6),
        "Hip extension",
        "right",
        "passive",
        "12°",
        "photo",
        png(480, 360, (90, 90, 90)),
    ),
]


def test_captions_say_date_measure_side_mode_value_and_source() -> None:
    assert caption(STILLS[0]) == "Mar 2, 2026 · Knee flexion, left, active: 52° (photo)"
    assert caption(STILLS[1], "es").startswith("2 mar 2026 · Knee flexion, lado derecho, ")
    assert caption(STILLS[2]).endswith("Weight-bearing lunge, left: 11.5 cm (photo)")
    assert caption(STILLS[2], "es").endswith(": 11,5 cm (foto)")  # a decimal comma
    assert stills_flowables([], 500) == []


@pytest.mark.parametrize("lang", ["en", "es"])
def test_stills_print_small_three_to_a_row(tmp_path: Path, lang: str) -> None:
    out = tmp_path / f"stills_{lang}.pdf"
    with out.open("wb") as f:
        build_document(
            f,
            stills_flowables(STILLS, content_width(), lang),
            title="t",
            author="a",
            footer="f",
            lang=lang,
        )
    pdf = pypdfium2.PdfDocument(str(out))
    assert len(pdf) == 1
    page = pdf[0]
    bitmap = page.render(scale=60 / 72).to_pil()
    bitmap.save(tmp_path / f"stills_{lang}.png")  # looked at while writing this test
    textpage = page.get_textpage()
    words = textpage.get_text_range()
    textpage.close()
    assert "52°" in words and ("11.5 cm" if lang == "en" else "11,5 cm") in words
    assert ("Measured on pictures" if lang == "en" else "Medido en imágenes") in words
    shown = [o for o in page.get_objects() if o.type == pypdfium2.raw.FPDF_PAGEOBJ_IMAGE]
    assert len(shown) == 4
    width = page.get_width()
    for image in shown:
        left, bottom, right, top = image.get_bounds()
        assert right - left <= width / 3  # small: a third of the page at most
        assert top - bottom <= 42 * 72 / 25.4 + 1
    page.close()
    pdf.close()


def test_stills_from_the_clinic_database_print_with_their_values(
    ctx: ServiceContext, tmp_path: Path
) -> None:
    """From attach_still to paper: what the lead wires into the progress report."""
    client = clients.create_client(ctx, clients.ClientInput("RP-1", "Report", "Runner"))
    visit = assessments.create_assessment(ctx, client.id, date(2026, 3, 2)).id
    media.attach_still(
        ctx,
        visit,
        "knee.flexion",
        "left",
        "active",
        kind="photo",
        source=png(640, 480, (150, 150, 150)),
        annotated_png=png(640, 480, (200, 180, 0)),
        annotation=Annotation("three_point", (Point(0, 0), Point(100, 100), Point(200, 0))),
    )
    out = tmp_path / "report.pdf"
    with out.open("wb") as f:
        story = stills_flowables(media.stills_for_report(ctx, client.id), content_width())
        build_document(f, story, title="t", author="a", footer="f")
    pdf = pypdfium2.PdfDocument(str(out))
    page = pdf[0]
    textpage = page.get_textpage()
    text = " ".join(textpage.get_text_range().split())  # lines joined
    textpage.close()
    page.close()
    pdf.close()
    assert "Mar 2, 2026 · Knee flexion, left, active: 90° (photo)" in text
