"""PDFium (pypdfium2) is the one PDF renderer: it counts pages, draws them in order at the
asked resolution, and cuts page ranges, on a real two-page PDF written with reportlab."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pypdfium2
import pytest
from PySide6.QtGui import QImage
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from mobileathlete_desktop.ui import print_support

WIDTH, HEIGHT = A4  # points: 595 x 842
SQUARE = 100  # points


@pytest.fixture
def two_pages(tmp_path: Path) -> Path:
    """Page 1 has a black square at its top left, page 2 at its bottom right."""
    path = tmp_path / "two.pdf"
    canvas = Canvas(str(path), pagesize=A4)
    canvas.rect(0, HEIGHT - SQUARE, SQUARE, SQUARE, stroke=0, fill=1)
    canvas.showPage()
    canvas.rect(WIDTH - SQUARE, 0, SQUARE, SQUARE, stroke=0, fill=1)
    canvas.showPage()
    canvas.save()
    return path


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files PDFium was asked to open (a spy on pypdfium2.PdfDocument)."""
    seen: list[str] = []
    real = pypdfium2.PdfDocument

    class Spy(real):  # type: ignore[misc,valid-type]
        def __init__(self, source: Any, *args: Any, **kwargs: Any) -> None:
            seen.append(str(source))
            super().__init__(source, *args, **kwargs)

    monkeypatch.setattr(pypdfium2, "PdfDocument", Spy)
    return seen


def dark(image: QImage, x: int, y: int) -> bool:
    return image.pixelColor(x, y).lightness() < 60


def corners(image: QImage) -> tuple[bool, bool]:
    """Whether the top-left and the bottom-right corners are black."""
    return dark(image, 5, 5), dark(image, image.width() - 5, image.height() - 5)


def test_pages_are_counted_by_pdfium(two_pages: Path, opened: list[str]) -> None:
    assert print_support.page_count(two_pages) == 2
    assert opened == [str(two_pages)]


def test_pages_are_drawn_by_pdfium_in_order_at_the_asked_resolution(
    two_pages: Path, opened: list[str]
) -> None:
    images = list(print_support.render_pages(two_pages, 144, [1, 0]))
    assert opened == [str(two_pages)]
    assert [(i.width(), i.height()) for i in images] == [(round(WIDTH * 2), round(HEIGHT * 2))] * 2
    assert corners(images[0]) == (False, True)  # page 2 first, as asked
    assert corners(images[1]) == (True, False)
    assert not dark(images[1], round(WIDTH), round(HEIGHT))  # white paper, not a black bitmap


def test_a_page_range_is_copied_as_a_pdf_of_those_pages(two_pages: Path, tmp_path: Path) -> None:
    buffer = io.BytesIO()
    print_support.extract_pages(two_pages, [1], buffer)
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(buffer.getvalue())
    assert print_support.page_count(cut) == 1
    (image,) = print_support.render_pages(cut, 72, [0])
    assert corners(image) == (False, True)


def test_a_file_that_is_not_a_pdf_is_a_print_error_in_words(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.pdf"
    bogus.write_text("/Type /Page /Type /Page  -- not a PDF")
    with pytest.raises(print_support.PrintError, match=r"notes\.pdf cannot be read as a PDF"):
        print_support.page_count(bogus)
