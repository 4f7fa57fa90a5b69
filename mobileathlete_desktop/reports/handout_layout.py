"""The page a handout is laid out on: the printed page (the clinic's paper) or a phone-sized
page (90 × 160 mm, one column, large type), its type sizes and the phone page's footer."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from mobileathlete_desktop.reports.pdf import (
    MUTED,
    bullet_for,
    content_width,
    para,
    styles,
    text,
)
from mobileathlete_desktop.support.i18n import texts

PHONE_PAGE_MM = (90.0, 160.0)
PHONE_MARGIN_MM = 6.0
PHONE_BAND_MM = 10.0
"""Height of the band a draft's phone pages carry across their top (the top margin grows by
it and a gap)."""
# Type on the phone page: the page shows about 0.7 times its size on a phone's screen.
PHONE_SIZES = {
    "body": (12, 16),
    "small": (10.5, 13.5),
    "muted": (10.5, 14),
    "cell": (10.5, 13),
    "cell_bold": (10.5, 13),
    "cell_head": (10, 12),
    "title": (17, 21),
    "h1": (15, 19),
    "h2": (13.5, 17),
    "clinic": (14, 17),
    "bullet": (12, 16),
}


@dataclass(frozen=True)
class Layout:
    """The page a handout is laid out on: print (A4 or the clinic's paper) or phone."""

    phone: bool = False

    @property
    def width(self) -> float:
        """The width a flowable may take."""
        if not self.phone:
            return content_width()
        from reportlab.lib.units import mm

        return float((PHONE_PAGE_MM[0] - 2 * PHONE_MARGIN_MM) * mm - 12)

    def para(self, value: str, style: str = "body", *, markup: bool = False) -> Any:
        """A paragraph in this layout's type sizes."""
        if not self.phone:
            return para(value, style, markup=markup)
        from reportlab.platypus import Paragraph

        shown = value if markup else text(value)
        return Paragraph(shown, phone_styles()[style], bulletText=bullet_for(style))


@cache
def phone_styles() -> dict[str, Any]:
    from reportlab.lib.styles import ParagraphStyle

    return {
        name: ParagraphStyle(
            f"{name}_phone",
            parent=style,
            fontSize=PHONE_SIZES.get(name, (style.fontSize, style.leading))[0],
            leading=PHONE_SIZES.get(name, (style.fontSize, style.leading))[1],
        )
        for name, style in styles().items()
    }


def phone_canvas(footer: str, lang: str) -> type:
    """The numbered canvas with its footer fitted to a phone page: "Page 2 of 5" centred, and
    a draft's band across the top margin, which grows to hold it (PHONE_BAND_MM)."""
    from reportlab.lib.colors import HexColor
    from reportlab.lib.units import mm

    from mobileathlete_desktop.reports.pdf import BAND_COLOUR, FONT, FONT_BOLD, numbered_canvas

    tr = texts(lang)
    base = numbered_canvas(footer, lang)

    class PhoneCanvas(base):  # type: ignore[misc,valid-type]
        def _footer(self, label: str, number: int, total: int) -> None:
            width, _ = self._pagesize
            self.saveState()
            self.setFont(FONT, 8)
            self.setFillColor(HexColor(MUTED))
            page = tr.gettext("Page {number} of {total}", number=number, total=total)
            self.drawCentredString(width / 2, 3.5 * mm, page)
            self.restoreState()

        def _band_box(self) -> tuple[float, float, float, float]:
            width, height = self._pagesize
            edge = PHONE_MARGIN_MM * mm
            return (edge, height - edge - PHONE_BAND_MM * mm, width - 2 * edge, PHONE_BAND_MM * mm)

        def _top_band(self, band: str) -> None:
            """The band in two lines, its first word over the rest ("DRAFT" / "not yet
            signed off by your physio"): in one line it shrank to 6 pt on a phone's page."""
            head, _, rest = band.partition(" — ")
            x, y, wide, high = self._band_box()
            self.saveState()
            self.setFillColor(HexColor(BAND_COLOUR))
            self.rect(x, y, wide, high, stroke=0, fill=1)
            self.setFillColor(HexColor("#FFFFFF"))
            lines = [(head, 9.0), (rest, 8.0)] if rest else [(head, 9.0)]
            room = wide - 3 * mm
            baseline = y + high - 1.4 * mm - 9 * 0.7 if rest else y + (high - 9 * 0.7) / 2
            for line, size in lines:
                while size > 6 and self.stringWidth(line, FONT_BOLD, size) > room:
                    size -= 0.5
                self.setFont(FONT_BOLD, size)
                self.drawCentredString(x + wide / 2, baseline, line)
                baseline -= size * 1.2
            self.restoreState()

    return PhoneCanvas
