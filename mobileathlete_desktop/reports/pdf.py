"""What every PDF shares: DejaVu fonts, styles, clinic letterhead, page footers, safe writing."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, BinaryIO

from mobileathlete_desktop.support.files import AtomicWriteError, atomic_write
from mobileathlete_desktop.support.i18n import texts
from mobileathlete_desktop.support.plain_text import is_control

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_ITALIC = "DejaVuSans-Oblique"

INK = "#1f2933"
MUTED = "#5f6b7a"
ACCENT = "#1d6f8a"
RULE = "#c9d2dc"
FLAG_BG = "#fdecea"


@dataclass(frozen=True)
class ClinicHeader:
    """The clinic as printed at the top of a handout or report."""

    name: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    logo: bytes | None = None


class OutputError(OSError):
    """The PDF could not be written where asked (folder missing or not writable)."""


@cache
def register_fonts() -> str:
    """Registers matplotlib's bundled DejaVu Sans with reportlab (full accents, no system fonts)."""
    import matplotlib
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    faces = {
        FONT: "DejaVuSans.ttf",
        FONT_BOLD: "DejaVuSans-Bold.ttf",
        FONT_ITALIC: "DejaVuSans-Oblique.ttf",
        "DejaVuSans-BoldOblique": "DejaVuSans-BoldOblique.ttf",
    }
    for name, file in faces.items():
        pdfmetrics.registerFont(TTFont(name, str(folder / file)))
    addMapping(FONT, 0, 0, FONT)
    addMapping(FONT, 1, 0, FONT_BOLD)
    addMapping(FONT, 0, 1, FONT_ITALIC)
    addMapping(FONT, 1, 1, "DejaVuSans-BoldOblique")
    return FONT


@cache
def styles() -> dict[str, Any]:
    """Paragraph styles shared by every document, keyed by a short name."""
    from reportlab.lib.colors import HexColor
    from reportlab.lib.styles import ParagraphStyle

    register_fonts()
    ink = HexColor(INK)
    base = ParagraphStyle("body", fontName=FONT, fontSize=10, leading=13.5, textColor=ink)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8.5, leading=11),
        "muted": ParagraphStyle(
            "muted", parent=base, fontSize=8.5, leading=11, textColor=HexColor(MUTED)
        ),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8, leading=10),
        "cell_bold": ParagraphStyle(
            "cell_bold", parent=base, fontName=FONT_BOLD, fontSize=8, leading=10
        ),
        "cell_head": ParagraphStyle(
            "cell_head", parent=base, fontName=FONT_BOLD, fontSize=7, leading=9
        ),
        "title": ParagraphStyle(
            "title", parent=base, fontName=FONT_BOLD, fontSize=18, leading=22, spaceAfter=4
        ),
        "h1": ParagraphStyle(
            "h1",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=13,
            leading=16,
            spaceBefore=10,
            spaceAfter=4,
            textColor=HexColor(ACCENT),
        ),
        "h2": ParagraphStyle(
            "h2", parent=base, fontName=FONT_BOLD, fontSize=11, leading=14, spaceBefore=6
        ),
        "clinic": ParagraphStyle(
            "clinic", parent=base, fontName=FONT_BOLD, fontSize=14, leading=17
        ),
        "bullet": ParagraphStyle("bullet", parent=base, leftIndent=12, bulletIndent=2),
    }


def text(value: str) -> str:
    """Plain text made safe for a reportlab Paragraph (which reads a little XML)."""
    from xml.sax.saxutils import escape

    shown = "".join(c for c in value if c == "\n" or not is_control(c))  # no tofu boxes
    return escape(shown).replace("\n", "<br/>")


SHOWN_NAME = 160
"""Longest name printed whole (a client's full name, the clinic's, a therapist's): entry keeps
names within their columns, but an older record or a direct edit may not, and a name longer
than a page cannot be laid out at all."""


def short(value: str, limit: int = SHOWN_NAME) -> str:
    """The text cut to `limit` characters with "…" when it is longer."""
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


def para(value: str, style: str = "body", *, markup: bool = False) -> Any:
    """A Paragraph of plain text (or trusted markup) in one of the shared styles."""
    from reportlab.platypus import Paragraph

    return Paragraph(value if markup else text(value), styles()[style])


def logo_image(data: bytes | None, max_width: float, max_height: float) -> Any | None:
    """The clinic's logo scaled to fit a box, or None when there is none or it cannot be read."""
    if not data:
        return None
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import Image

    try:
        reader = ImageReader(io.BytesIO(data))
        width, height = reader.getSize()
    except Exception:  # a broken logo must never stop a handout
        return None
    scale = min(max_width / width, max_height / height)
    return Image(io.BytesIO(data), width=width * scale, height=height * scale)


def letterhead(clinic: ClinicHeader, width: float, right: list[Any] | None = None) -> Any:
    """The clinic's name, logo, address and phone as a two-column block across the page."""
    from reportlab.lib.colors import HexColor
    from reportlab.lib.units import mm
    from reportlab.platypus import Table, TableStyle

    contact = " · ".join(p for p in (clinic.phone, clinic.email) if p)
    left: list[Any] = [para(short(clinic.name) or "—", "clinic")]
    if clinic.address:
        left.append(para(short(clinic.address, 400), "muted"))
    if contact:
        left.append(para(short(contact, 400), "muted"))
    logo = logo_image(clinic.logo, 30 * mm, 18 * mm)
    cells: list[Any] = [logo] if logo is not None else []
    widths: list[float] = [32 * mm] if logo is not None else []
    rest = width - sum(widths)
    cells += [left, right or ""]
    widths += [rest * 0.58, rest * 0.42]
    table = Table([cells], colWidths=widths)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("LINEBELOW", (0, 0), (-1, -1), 1.2, HexColor(ACCENT)),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return table


class _SectionMark:
    """Factory of a zero-size flowable that starts a new numbered section (one client)."""

    @staticmethod
    def make(label: str) -> Any:
        from reportlab.platypus import Flowable

        class SectionMark(Flowable):  # type: ignore[misc]
            def __init__(self) -> None:
                super().__init__()
                self.width = self.height = 0

            def wrap(self, available_width: float, available_height: float) -> tuple[int, int]:
                return (0, 0)

            def draw(self) -> None:
                self.canv.start_section(label)

        return SectionMark()


def section_mark(label: str) -> Any:
    """A flowable starting a section: pages are numbered "Page n of N" within it, under label."""
    return _SectionMark.make(label)


def numbered_canvas(footer_left: str, lang: str = "en") -> type:
    """A canvas class that prints "<label> · Page n of N" (in `lang`) at the foot of every page.

    Pages are counted within sections (see section_mark), so a combined batch PDF numbers
    each client's report on its own. Without marks, the whole document is one section.
    """
    from reportlab.lib.colors import HexColor
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    tr = texts(lang)

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved: list[tuple[dict[str, Any], int, str]] = []
            self._section = 0
            self._label = footer_left

        def start_section(self, label: str) -> None:
            if self._saved or self._label != footer_left or self._section:
                self._section += 1
            self._label = label

        def showPage(self) -> None:
            self._saved.append((dict(self.__dict__), self._section, self._label))
            self._startPage()

        def save(self) -> None:
            totals: dict[int, int] = {}
            for _, section, _ in self._saved:
                totals[section] = totals.get(section, 0) + 1
            seen: dict[int, int] = {}
            for state, section, label in self._saved:
                self.__dict__.update(state)
                seen[section] = seen.get(section, 0) + 1
                self._footer(label, seen[section], totals[section])
                super().showPage()
            super().save()

        def _footer(self, label: str, number: int, total: int) -> None:
            width, _ = self._pagesize
            self.saveState()
            self.setStrokeColor(HexColor(RULE))
            self.setLineWidth(0.6)
            self.line(18 * mm, 14 * mm, width - 18 * mm, 14 * mm)
            self.setFont(FONT, 8)
            self.setFillColor(HexColor(MUTED))
            page = tr.gettext("Page {number} of {total}", number=number, total=total)
            room = width - 42 * mm - self.stringWidth(page, FONT, 8)
            label = label[:90]
            while label and self.stringWidth(label, FONT, 8) > room:
                label = short(label, len(label) - 1)  # never under the page number
            self.drawString(18 * mm, 9.5 * mm, label)
            self.drawRightString(width - 18 * mm, 9.5 * mm, page)
            self.restoreState()

    return NumberedCanvas


def build_document(
    out: BinaryIO,
    story: list[Any],
    *,
    title: str,
    author: str,
    footer: str,
    lang: str = "en",
) -> None:
    """Lays the story out on A4 with shared margins and numbered footers (in `lang`), writing
    to `out`."""
    from reportlab import rl_config
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    # Image streams stay binary (Flate only). ASCII85 on top made them 25% bigger and, with
    # reportlab's pure-Python encoder, took a third of a report's time.
    rl_config.useA85 = 0
    register_fonts()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=20 * mm,
        title=title,
        author=author,
        lang=texts(lang).lang,
    )
    doc.build(story, canvasmaker=numbered_canvas(footer, lang))


def content_width() -> float:
    """The width a flowable may take on an A4 page (margins and the frame's own padding off)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm

    return float(A4[0] - 36 * mm - 12)


def write_atomically(path: Path, produce: Callable[[BinaryIO], None]) -> Path:
    """`support.files.atomic_write` for reports: no half file is ever left, and a folder that
    is missing or cannot be written (full disk included) is an OutputError naming it."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"Folder {folder} does not exist")
    try:
        return atomic_write(path, produce)
    except AtomicWriteError as exc:
        raise OutputError(str(exc)) from exc


def chart_image(figure: Any, width: float, dpi: int = 150, max_height: float = 640.0) -> Any:
    """A matplotlib Figure as a reportlab Image at most `width` wide and `max_height` tall
    (a tall chart, such as a 40-row profile, is scaled down to fit one page).

    The figure is drawn once by Agg at `dpi` and handed over as RGB pixels: no PNG encoded by
    matplotlib only to be decoded again by reportlab (this halves a report's time).
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PIL import Image as PILImage
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import Flowable

    class Pixels(Flowable):  # type: ignore[misc]
        """Drawn pixels placed at a size (platypus' Image only takes files)."""

        def __init__(self, image: Any, width: float, height: float) -> None:
            super().__init__()
            self.hAlign = "CENTER"
            self.reader = ImageReader(image)
            self.drawWidth, self.drawHeight = width, height

        def wrap(self, _avail_w: float, _avail_h: float) -> tuple[float, float]:
            return self.drawWidth, self.drawHeight

        def draw(self) -> None:
            self.canv.drawImage(self.reader, 0, 0, self.drawWidth, self.drawHeight)

    fig_w, fig_h = figure.get_size_inches()
    figure.set_dpi(dpi)
    canvas: Any = FigureCanvasAgg(figure)
    canvas.draw()
    pixels = PILImage.frombuffer(
        "RGBA", canvas.get_width_height(), canvas.buffer_rgba(), "raw", "RGBA", 0, 1
    ).convert("RGB")
    shown_w = min(width, max_height * fig_w / fig_h)
    return Pixels(pixels, shown_w, shown_w * fig_h / fig_w)
