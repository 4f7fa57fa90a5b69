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


PAPER_SIZES: dict[str, tuple[float, float]] = {
    "A4": (210 * 72 / 25.4, 297 * 72 / 25.4),
    "Letter": (8.5 * 72, 11 * 72),
}
"""The papers a clinic may print on, in points (width, height): ISO A4 and US Letter."""
DEFAULT_PAPER = "A4"


def paper_name(value: str | None) -> str:
    """A paper's name as stored ("A4", "Letter") from any spelling ("a4", "letter", "US
    Letter"); ValueError for anything else."""
    key = (value or DEFAULT_PAPER).strip().lower().removeprefix("us").strip()
    for name in PAPER_SIZES:
        if name.lower() == key:
            return name
    raise ValueError(f"Paper size must be A4 or Letter, not {value!r}")


@dataclass(frozen=True)
class ClinicHeader:
    """The clinic as printed at the top of a handout or report, and the paper it prints on."""

    name: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    logo: bytes | None = None
    paper: str = DEFAULT_PAPER
    """ "A4" or "Letter" (PAPER_SIZES): every document of the clinic is laid out on it."""


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


BULLET = "•"


def bullet_for(style: str) -> str | None:
    """The bullet a paragraph of this style starts with: "•" for a bullet style, drawn in
    the style's hanging indent (at bulletIndent, the text and its wrapped lines at
    leftIndent), never typed into the text, whose second line then ran under the bullet."""
    return BULLET if style.endswith("bullet") else None


def para(value: str, style: str = "body", *, markup: bool = False) -> Any:
    """A Paragraph of plain text (or trusted markup) in one of the shared styles; a bullet
    style's paragraph gets its bullet (`bullet_for`)."""
    from reportlab.platypus import Paragraph

    shown = value if markup else text(value)
    return Paragraph(shown, styles()[style], bulletText=bullet_for(style))


def logo_image(data: bytes | None, max_width: float, max_height: float) -> Any | None:
    """The clinic's logo scaled to fit a box, or None when there is none or it cannot be read."""
    if not data:
        return None
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import Image

    try:
        reader = ImageReader(io.BytesIO(data))
        width, height = reader.getSize()
        if width <= 0 or height <= 0:
            return None
    except Exception:  # a broken logo must never stop a handout
        return None
    scale = min(max_width / width, max_height / height)
    image = Image(io.BytesIO(data), width=width * scale, height=height * scale)
    image.hAlign = "LEFT"
    return image


LOGO_BOX_MM = (34, 20)
"""The box the clinic's logo is scaled into (width, height in mm): a wide logo fills its
width, a square one its height."""


def letterhead(clinic: ClinicHeader, width: float, right: list[Any] | None = None) -> Any:
    """The clinic's logo, name, address (wrapped, its own line breaks kept), phone and email
    across the top of the page, with `right` (who the document is for) beside them, over a
    rule. The block carries the clinic's paper (`clinic_paper`): build_document lays the
    document out on it."""
    from reportlab.lib.colors import HexColor
    from reportlab.lib.units import mm
    from reportlab.platypus import Table, TableStyle

    parts = (short(p, 200) for p in (clinic.phone, clinic.email) if p.strip())
    contact = "\u00a0 · \u00a0".join(parts)
    left: list[Any] = [para(short(clinic.name) or "—", "clinic")]
    address = "\n".join(line.strip() for line in clinic.address.splitlines() if line.strip())
    if address:
        left.append(para(short(address, 400), "muted"))
    if contact:
        left.append(para(contact, "muted"))
    box_w, box_h = LOGO_BOX_MM
    logo = logo_image(clinic.logo, box_w * mm, box_h * mm)
    cells: list[Any] = []
    widths: list[float] = []
    if logo is not None:
        cells.append(logo)
        widths.append(logo.drawWidth + 5 * mm)
    rest = width - sum(widths)
    if right:
        cells += [left, right]
        widths += [rest * 0.58, rest * 0.42]
    else:
        cells.append(left)
        widths.append(rest)
    table = Table([cells], colWidths=widths, hAlign="LEFT")
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
        ("LINEBELOW", (0, 0), (-1, -1), 1.2, HexColor(ACCENT)),
    ]
    if logo is not None:
        commands.append(("VALIGN", (0, 0), (0, 0), "MIDDLE"))
    if right:
        commands.append(("LEFTPADDING", (-1, 0), (-1, 0), 8))
        commands.append(("LINEBEFORE", (-1, 0), (-1, 0), 0.6, HexColor(RULE)))
    table.setStyle(TableStyle(commands))
    table.clinic_paper = paper_name_or_default(clinic.paper)
    return table


def paper_name_or_default(value: str | None) -> str:
    """paper_name, or A4 for a value that is not a paper."""
    try:
        return paper_name(value)
    except ValueError:
        return DEFAULT_PAPER


class _SectionMark:
    """Factory of a zero-size flowable that starts a new numbered section (one client)."""

    @staticmethod
    def make(label: str, band: str = "") -> Any:
        from reportlab.platypus import Flowable

        class SectionMark(Flowable):  # type: ignore[misc]
            def __init__(self) -> None:
                super().__init__()
                self.width = self.height = 0

            def wrap(self, available_width: float, available_height: float) -> tuple[int, int]:
                return (0, 0)

            def draw(self) -> None:
                self.canv.start_section(label, band)

        return SectionMark()


def section_mark(label: str, band: str = "") -> Any:
    """A flowable starting a section: pages are numbered "Page n of N" within it, under label;
    with `band`, every page of the section carries it across its top ("DRAFT — not signed")."""
    return _SectionMark.make(label, band)


# The band across the top of every page of a draft document: white on this dark red.
BAND_COLOUR = "#9B1C1C"


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
            self._band = ""

        def start_section(self, label: str, band: str = "") -> None:
            if self._saved or self._label != footer_left or self._section:
                self._section += 1
            self._label = label
            self._band = band

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
                if self._band:
                    self._top_band(self._band)
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

        def _top_band(self, band: str) -> None:
            """The band across the page's top margin, in bold white on dark red: seen at a
            glance and kept by a grey print (the words say it, not the colour)."""
            x, y, wide, high = self._band_box()
            self.saveState()
            self.setFillColor(HexColor(BAND_COLOUR))
            self.rect(x, y, wide, high, stroke=0, fill=1)
            self.setFillColor(HexColor("#FFFFFF"))
            size = 8.5
            while size > 6 and self.stringWidth(band, FONT_BOLD, size) > wide - 4 * mm:
                size -= 0.5
            self.setFont(FONT_BOLD, size)
            self.drawCentredString(x + wide / 2, y + (high - size * 0.7) / 2, band)
            self.restoreState()

        def _band_box(self) -> tuple[float, float, float, float]:
            """Where the band goes (x, y, width, height): within the top margin (16 mm),
            under the 10 mm every page keeps clear."""
            width, height = self._pagesize
            return (18 * mm, height - 15.2 * mm, width - 36 * mm, 5.4 * mm)

    return NumberedCanvas


def page_size(paper: ClinicHeader | str | None = None) -> tuple[float, float]:
    """The page (width, height) in points of a paper name or a clinic's paper; A4 by default
    (and for a name that is not a paper: a document is never refused for its paper)."""
    name = paper.paper if isinstance(paper, ClinicHeader) else paper
    return PAPER_SIZES[paper_name_or_default(name)]


MARGIN_MM = 18
"""Left and right page margins."""


def _story_paper(story: list[Any]) -> str:
    """The paper of the clinic whose letterhead is in the story (letterhead() marks it)."""
    for flowable in story:
        paper = getattr(flowable, "clinic_paper", None)
        if paper:
            return str(paper)
    return DEFAULT_PAPER


def build_document(
    out: BinaryIO,
    story: list[Any],
    *,
    title: str,
    author: str,
    footer: str,
    lang: str = "en",
    paper: ClinicHeader | str | None = None,
) -> None:
    """Lays the story out with shared margins and numbered footers (in `lang`), writing to
    `out`, on `paper` ("A4", "Letter" or a clinic's header); by default on the paper of the
    clinic whose letterhead() is in the story, else A4."""
    from reportlab import rl_config
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    # Image streams stay binary (Flate only). ASCII85 on top made them 25% bigger and, with
    # reportlab's pure-Python encoder, took a third of a report's time.
    rl_config.useA85 = 0
    register_fonts()
    doc = SimpleDocTemplate(
        out,
        pagesize=page_size(paper if paper is not None else _story_paper(story)),
        leftMargin=MARGIN_MM * mm,
        rightMargin=MARGIN_MM * mm,
        topMargin=16 * mm,
        bottomMargin=20 * mm,
        title=title,
        author=author,
        lang=texts(lang).lang,
    )
    doc.build(story, canvasmaker=numbered_canvas(footer, lang))


def content_width(paper: ClinicHeader | str | None = None) -> float:
    """The width a flowable may take on the page (margins and the frame's own padding off):
    on A4 by default, which also fits a Letter page (0.2 in wider)."""
    from reportlab.lib.units import mm

    return float(page_size(paper)[0] - 2 * MARGIN_MM * mm - 12)


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
    pixels = figure_pixels(figure, dpi)
    fig_w, fig_h = pixels.size
    shown_w = min(width, max_height * fig_w / fig_h)
    return pixels_flowable(pixels, shown_w, shown_w * fig_h / fig_w)


def figure_pixels(figure: Any, dpi: int = 150) -> Any:
    """The figure drawn by Agg at `dpi`, as an RGB PIL image (the figure stays drawn, so its
    artists' places on the canvas can be asked after)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PIL import Image as PILImage

    figure.set_dpi(dpi)
    canvas: Any = FigureCanvasAgg(figure)
    canvas.draw()
    return PILImage.frombuffer(
        "RGBA", canvas.get_width_height(), canvas.buffer_rgba(), "raw", "RGBA", 0, 1
    ).convert("RGB")


def pixels_flowable(image: Any, width: float, height: float) -> Any:
    """Drawn pixels (a PIL image) placed at a size, centred (platypus' Image only takes
    files)."""
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import Flowable

    class Pixels(Flowable):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__()
            self.hAlign = "CENTER"
            self.reader = ImageReader(image)
            self.drawWidth, self.drawHeight = width, height

        def wrap(self, _avail_w: float, _avail_h: float) -> tuple[float, float]:
            return self.drawWidth, self.drawHeight

        def draw(self) -> None:
            self.canv.drawImage(self.reader, 0, 0, self.drawWidth, self.drawHeight)

    return Pixels()
