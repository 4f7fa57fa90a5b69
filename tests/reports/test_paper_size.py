"""Reports and handouts print on the clinic's paper: US Letter pages are 8.5 × 11 in, A4
otherwise, and nothing runs off either page; the letterhead shows the clinic's logo and
wraps a long address."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from mobileathlete_desktop.domain.permissions import Actor
from mobileathlete_desktop.reports.pdf import (
    PAPER_SIZES,
    ClinicHeader,
    build_document,
    content_width,
    letterhead,
    page_size,
    paper_name,
)
from mobileathlete_desktop.services.clients import search_clients
from mobileathlete_desktop.services.clinic_details import ClinicChanges, update_clinic_details
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.reports import (
    write_batch,
    write_client_handout,
    write_report,
)
from mobileathlete_desktop.storage.database import open_database

LETTER_PT = (612.0, 792.0)
A4_PT = (595.28, 841.89)


@pytest.fixture
def demo(tmp_path: Path, clinic_templates: object) -> Iterator[ServiceContext]:
    path = clinic_templates.copy(tmp_path / "clinic.sqlite3", clients=2)  # type: ignore[attr-defined]
    db = open_database(path)
    admin = Actor(username="admin", display_name="Demo Admin", role="admin")
    yield ServiceContext(db=db, actor=admin)
    db.dispose()


def _pages(path: Path) -> list[tuple[float, float, list[tuple[float, float, float, float]]]]:
    """Each page's size and the boxes of its characters (left, bottom, right, top)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        pages = []
        for page in pdf:
            width, height = page.get_size()
            text = page.get_textpage()
            boxes = [text.get_charbox(i) for i in range(text.count_chars())]
            pages.append((width, height, [b for b in boxes if b[2] > b[0]]))
        return pages
    finally:
        pdf.close()


def _assert_on_paper(path: Path, size: tuple[float, float]) -> None:
    pages = _pages(path)
    assert pages
    for width, height, boxes in pages:
        assert (round(width, 2), round(height, 2)) == size
        assert boxes, "a page without text"
        # Every character inside the page with at least 10 mm to spare on each side.
        assert min(b[0] for b in boxes) >= 28 and max(b[2] for b in boxes) <= width - 28
        assert min(b[1] for b in boxes) >= 20 and max(b[3] for b in boxes) <= height - 28


@pytest.mark.parametrize(("paper", "size"), [("Letter", LETTER_PT), ("A4", A4_PT)])
def test_report_and_handout_follow_the_clinics_paper(
    demo: ServiceContext, tmp_path: Path, paper: str, size: tuple[float, float]
) -> None:
    update_clinic_details(demo, ClinicChanges(paper_size=paper))
    clients = search_clients(demo, "")
    for kind in ("summary", "full", "letter"):
        out = tmp_path / f"{kind}.pdf"
        write_report(demo, clients[0].id, out, kind=kind)
        _assert_on_paper(out, size)
    write_client_handout(demo, clients[0].id, tmp_path / "handout.pdf")
    _assert_on_paper(tmp_path / "handout.pdf", size)
    write_client_handout(demo, clients[0].id, tmp_path / "hoja.pdf", lang="es")
    _assert_on_paper(tmp_path / "hoja.pdf", size)
    write_batch(demo, [c.id for c in clients], tmp_path / "batch.pdf")  # with its cover page
    _assert_on_paper(tmp_path / "batch.pdf", size)


def test_paper_names_and_sizes() -> None:
    assert [paper_name(p) for p in ("a4", "LETTER", "US Letter", None)] == [
        "A4",
        "Letter",
        "Letter",
        "A4",
    ]
    with pytest.raises(ValueError, match="A4 or Letter"):
        paper_name("A3")
    assert page_size(ClinicHeader(paper="Letter")) == PAPER_SIZES["Letter"] == LETTER_PT
    assert page_size("nonsense") == PAPER_SIZES["A4"]  # an odd stored value still prints
    assert content_width("Letter") > content_width() == content_width("A4")


def test_a_long_address_wraps_inside_the_letterhead_beside_the_logo(tmp_path: Path) -> None:
    from mobileathlete_desktop.services.clinic_details import demo_logo

    clinic = ClinicHeader(
        name="The Very Long Named Sports Physiotherapy and Running Injury Clinic of the North",
        address="Unit 14B, Harbourside Business Park, 1200 Long Industrial Estate Road, "
        "Portside-upon-the-Water, North Shire\nPO Box 1234",
        phone="+44 (0)20 7946 0000",
        email="front-desk@very-long-named-clinic.example",
        logo=demo_logo(),
        paper="Letter",
    )
    out = tmp_path / "head.pdf"
    with out.open("wb") as fh:
        head = letterhead(clinic, content_width(clinic), right=None)
        build_document(fh, [head], title="t", author="a", footer="f")
    _assert_on_paper(out, LETTER_PT)  # the story's letterhead chose the paper
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(out))
    try:
        text = pdf[0].get_textpage().get_text_range()
        objects = [o.type for o in pdf[0].get_objects()]
    finally:
        pdf.close()
    assert "PO Box 1234" in text and "North Shire" in text
    assert pdfium.raw.FPDF_PAGEOBJ_IMAGE in objects  # the logo
