"""The home-program handout a client keeps on the fridge: drills, pictures, dosage and a tracker.

One story, two layouts: the printed page (two columns per drill, the clinic's paper) and a
phone-sized PDF (90 × 160 mm pages, one column, large type) to send by the clinic's email.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any, BinaryIO

from mobileathlete_desktop.domain.programs import DEFAULT_WEEKS, shown_code
from mobileathlete_desktop.reports.handout_tracker import tracker_heading, tracker_tables
from mobileathlete_desktop.reports.pdf import (
    ACCENT,
    MUTED,
    RULE,
    ClinicHeader,
    build_document,
    content_width,
    letterhead,
    para,
    short,
    styles,
    text,
)
from mobileathlete_desktop.support.i18n import N_, texts

PHONE_PAGE_MM = (90.0, 160.0)
PHONE_MARGIN_MM = 6.0
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
# A drill's note ("Keep it pain-free…") stands out from the steps: dark orange, bold label.
NOTE_COLOUR = "#9a3412"
PICTURE_BOX = (48.0, 42.0)  # millimetres
TITLE = N_("Your home exercise program")


@dataclass(frozen=True)
class HandoutDrill:
    """One drill as printed: name, picture (vector drawing or image), steps, cues and dosage."""

    code: str
    name: str
    dosage: str
    steps: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()
    notes: str = ""
    drawing: Any = None
    image: bytes | None = None
    boxes: int = 7
    """Tick boxes a week on the tracker: the sessions a week the drill asks for."""
    when_easy: str = ""
    """The drill to move on to when this one gets easy (the library's first progression)."""


@dataclass(frozen=True)
class Handout:
    """Everything a handout shows, already in the client's language."""

    clinic: ClinicHeader
    client_name: str
    chart_number: str
    on: date
    therapist: str
    drills: tuple[HandoutDrill, ...]
    lang: str = "en"
    summary: tuple[str, ...] = ()
    notes: str = ""
    time: str = ""
    """How long the drills take ("About 12 minutes a session, 40 minutes a week")."""
    code: str = ""
    """The program's code (printed with its QR code on the tracker)."""
    weeks: int = DEFAULT_WEEKS
    """Weeks the tracker covers: until the next visit."""
    next_visit: str = ""
    """Said in bold under the findings when the next visit comes sooner than the program's
    weeks (after a painful hop: see the physio or doctor within a week)."""


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

        return Paragraph(value if markup else text(value), _phone_styles()[style])


@cache
def _phone_styles() -> dict[str, Any]:
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


def date_text(on: date, lang: str) -> str:
    """The handout's date in the client's language ("2 de marzo de 2026"; 2026-03-02 in English)."""
    tr = texts(lang)
    # Translators: how a handout writes its date, as a Babel/CLDR date format: a pattern, or
    # short, medium, long or full for the language's own. English keeps ISO (2026-03-02); a
    # Spanish reader would take 02/03 for 2 March and a US reader for 3 February, so Spanish
    # writes the month out ("long": "2 de marzo de 2026").
    return tr.date(on, tr.gettext("yyyy-MM-dd"))


class _Picture:
    """Builds the flowable that shows a drill's picture inside a fixed box."""

    @staticmethod
    def vector(drawing: Any, width: float, height: float, name: str) -> Any:
        """The drawing scaled into the box, drawn as a named PDF form (one per picture)."""
        from reportlab.graphics import renderPDF
        from reportlab.platypus import Flowable

        scale = min(width / float(drawing.width), height / float(drawing.height))
        shown_w, shown_h = drawing.width * scale, drawing.height * scale

        class VectorPicture(Flowable):  # type: ignore[misc]
            def wrap(self, aw: float, ah: float) -> tuple[float, float]:
                return (width, height)

            def draw(self) -> None:
                canv = self.canv
                canv.beginForm(name, 0, 0, width, height)
                canv.saveState()
                canv.translate((width - shown_w) / 2, (height - shown_h) / 2)
                canv.scale(scale, scale)
                renderPDF.draw(drawing, canv, 0, 0)
                canv.restoreState()
                canv.endForm()
                canv.doForm(name)

        return VectorPicture()

    @staticmethod
    def placeholder(width: float, height: float, label: str) -> Any:
        from reportlab.lib.colors import HexColor
        from reportlab.platypus import Flowable

        from mobileathlete_desktop.reports.pdf import FONT

        class Placeholder(Flowable):  # type: ignore[misc]
            def wrap(self, aw: float, ah: float) -> tuple[float, float]:
                return (width, height)

            def draw(self) -> None:
                canv = self.canv
                canv.setStrokeColor(HexColor(RULE))
                canv.setDash(3, 3)
                canv.roundRect(2, 2, width - 4, height - 4, 6)
                canv.setFillColor(HexColor(MUTED))
                canv.setFont(FONT, 9)
                canv.drawCentredString(width / 2, height / 2 - 3, label)

        return Placeholder()


def _picture(drill: HandoutDrill, index: int, lang: str, box: tuple[float, float]) -> Any:
    from reportlab.lib.units import mm

    from mobileathlete_desktop.reports.pdf import logo_image

    width, height = box[0] * mm, box[1] * mm
    if drill.image:
        image = logo_image(drill.image, width, height)
        if image is not None:
            return image
    if drill.drawing is not None and drill.drawing.width and drill.drawing.height:
        return _Picture.vector(drill.drawing, width, height, f"drill{index}")
    return _Picture.placeholder(width, height, texts(lang).gettext("No picture"))


def has_picture(drill: HandoutDrill) -> bool:
    """Whether the drill will print with a picture rather than the "No picture" box."""
    return bool(drill.image) or (drill.drawing is not None and bool(drill.drawing.width))


def _drill_words(drill: HandoutDrill, index: int, lang: str, layout: Layout) -> list[Any]:
    """The drill's name, dose, next step, note, steps and tips."""
    from reportlab.platypus import KeepTogether, ListFlowable, ListItem

    tr = texts(lang)
    p = layout.para
    how_much = text(tr.gettext("How much"))
    words: list[Any] = [
        p(f"{index}. {drill.name}", "h2"),
        p(
            f'<font color="{ACCENT}"><b>{how_much}:</b> {text(drill.dosage or "—")}</font>',
            markup=True,
        ),
    ]
    if drill.when_easy:
        # Translators: before the name of the harder drill to move on to, on a client's
        # handout (tú in Spanish).
        easy = text(tr.gettext("When this gets easy:"))
        words.append(p(f"<b>{easy}</b> {text(drill.when_easy)}", "small", markup=True))
    note = text(tr.gettext("Note"))
    if drill.notes:
        # By the dose, before the steps: the therapist's word on this drill, such as "Keep it
        # pain-free" for a drill that moves a painful joint, is read first.
        words.append(
            p(
                f'<font color="{NOTE_COLOUR}"><b>{note}:</b> {text(drill.notes)}</font>',
                "small",
                markup=True,
            )
        )
    bullet_size = _phone_styles()["small"].fontSize if layout.phone else 8.5
    if drill.steps:
        words.append(p(tr.gettext("How to do it"), "small"))
        words.append(
            ListFlowable(
                [ListItem(p(step, "small"), leftIndent=14) for step in drill.steps],
                bulletType="1",
                bulletFormat="%s.",
                bulletFontName="DejaVuSans",
                bulletFontSize=bullet_size,
                leftIndent=14,
            )
        )
    cues = _tips(drill, lang)
    if cues:
        tips = ListFlowable(
            [ListItem(p(cue, "small"), leftIndent=14, value="•") for cue in cues],
            bulletType="bullet",
            bulletFontName="DejaVuSans",
            bulletFontSize=bullet_size,
            leftIndent=14,
        )
        heading = p(tr.gettext("Tips"), "small")
        if layout.phone:  # never a lone tip at the top of a phone's page
            words.append(KeepTogether([heading, tips]))
        else:  # in a table's cell, which keeps its words together on a page anyway
            words += [heading, tips]
    return words


def _tips(drill: HandoutDrill, lang: str) -> tuple[str, ...]:
    """The drill's tips as printed: beside the pain caution, never the library's tip that
    allows some pain (domain.recommendations.pain_free_cues, the one rule)."""
    from mobileathlete_desktop.domain.exercises import default_exercise_library
    from mobileathlete_desktop.domain.recommendations import pain_free_cues

    if not drill.cues or not drill.notes:
        return drill.cues
    try:
        exercise = default_exercise_library().get(drill.code)
    except FileNotFoundError:
        return drill.cues
    if exercise is None:
        return drill.cues
    kept = set(pain_free_cues(exercise, drill.notes, lang))
    allowing = set(exercise.cues(lang)) - kept
    return tuple(cue for cue in drill.cues if cue not in allowing)


def _drill_block(drill: HandoutDrill, index: int, lang: str, layout: Layout) -> list[Any]:
    from reportlab.lib.colors import HexColor
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, PageBreak, Table, TableStyle

    words = _drill_words(drill, index, lang, layout)
    if layout.phone:
        # One column, a drill a page (a screen): the picture across the page, the name, dose
        # and next step kept with it, the steps and tips beneath.
        box = (layout.width / mm, 28.0)
        picture = _picture(drill, index, lang, box)
        head = 2 + bool(drill.when_easy) + bool(drill.notes)
        return [PageBreak(), KeepTogether([picture, *words[:head]]), *words[head:]]
    picture_w = (PICTURE_BOX[0] + 4) * mm
    table = Table(
        [[_picture(drill, index, lang, PICTURE_BOX), words]],
        colWidths=[picture_w, layout.width - picture_w],
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (0, 0), 0),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, HexColor(RULE)),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return [KeepTogether([table])]


def _short(name: str, limit: int = 60) -> str:
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


def _tracker(handout: Handout, layout: Layout) -> list[Any]:
    from reportlab.platypus import PageBreak

    heading = tracker_heading(
        handout.code, handout.lang, layout.width, layout.para, phone=layout.phone
    )
    tables = tracker_tables(
        [_short(d.name) for d in handout.drills],
        [d.boxes for d in handout.drills],
        handout.weeks,
        handout.lang,
        layout.width,
        layout.para,
        phone=layout.phone,
    )
    # The tick sheet starts a page of its own: it is the page that comes back.
    return [PageBreak(), *heading, *tables]


def _who(handout: Handout, layout: Layout) -> list[Any]:
    tr = texts(handout.lang)
    facts = [
        (tr.gettext("Client"), short(handout.client_name)),
        (tr.gettext("Date"), date_text(handout.on, handout.lang)),
        (tr.gettext("Therapist"), short(handout.therapist) or "—"),
    ]
    if handout.code:
        facts.append((tr.gettext("Program code"), shown_code(handout.code)))
    return [
        layout.para(f"<b>{text(label)}:</b> {text(_unbroken(value))}", "small", markup=True)
        for label, value in facts
    ]


def _unbroken(value: str, whole: int = 32) -> str:
    """A fact of the header kept from breaking badly in its narrow column: a short value
    ("Demo Therapist, PT") moves under its label as one piece, a long one at least keeps its
    last two words together ("Fisioterapeuta: Demo Therapist," with "PT" alone was seen)."""
    if len(value) <= whole:
        return value.replace(" ", "\u00a0")
    head, _, last = value.rpartition(" ")
    return f"{head}\u00a0{last}" if head else value


def _phone_header(handout: Handout, layout: Layout) -> list[Any]:
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import HRFlowable

    clinic = handout.clinic
    header: list[Any] = [layout.para(short(clinic.name) or "—", "clinic")]
    contact = " · ".join(p for p in (clinic.phone, clinic.email) if p.strip())
    if contact:
        header.append(layout.para(short(contact, 200), "muted"))
    header.append(HRFlowable(width="100%", thickness=1.2, color=HexColor(ACCENT), spaceAfter=4))
    return header + _who(handout, layout)


def handout_story(handout: Handout, layout: Layout | None = None) -> list[Any]:
    """The flowables of a handout, in the handout's language, for print or a phone."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Spacer

    layout = layout or Layout()
    p = layout.para
    tr = texts(handout.lang)
    if layout.phone:
        story: list[Any] = [*_phone_header(handout, layout), Spacer(1, 3 * mm)]
    else:
        who = _who(handout, layout)
        story = [letterhead(handout.clinic, layout.width, right=who), Spacer(1, 4 * mm)]
    story.append(p(tr.gettext(TITLE), "title"))
    if handout.time and handout.drills:
        story.append(p(f'<font color="{ACCENT}"><b>{text(handout.time)}</b></font>', markup=True))
    story.append(p(tr.gettext("What we found and why these drills"), "h1"))
    nothing_found = tr.gettext(
        "Your assessment found nothing that needs special work: these drills keep a runner's "
        "ankles, hips and balance in good shape."
    )
    for line in handout.summary or (nothing_found,):
        story.append(p(f"• {line}", "bullet"))
    if handout.next_visit:
        story.append(
            p(f'<font color="{NOTE_COLOUR}"><b>{text(handout.next_visit)}</b></font>', markup=True)
        )
    if handout.notes:
        story.append(p(handout.notes, "body"))
    story.append(p(tr.gettext("Your drills"), "h1"))
    if not handout.drills:
        no_drills = tr.gettext(
            "No drills have been chosen yet: ask your therapist for your program."
        )
        story.append(p(no_drills, "body"))
    elif len(handout.drills) > 1:
        story.append(p(tr.gettext("The most important drills come first."), "muted"))
    safety = tr.gettext(
        "Stop and call us if a drill causes sharp pain, or pain that lasts into the next day."
    )
    if handout.clinic.phone:
        safety += " " + tr.gettext("Questions? Call {phone}.", phone=handout.clinic.phone)
    if layout.phone:  # before the drills, a drill a page: not alone on a last page
        story.append(p(safety, "body"))
    for index, drill in enumerate(handout.drills, start=1):
        story += _drill_block(drill, index, handout.lang, layout)
    if not layout.phone:
        story.append(Spacer(1, 3 * mm))
        story.append(p(safety, "muted"))
    if handout.drills:
        story += _tracker(handout, layout)
    return story


def _phone_canvas(footer: str, lang: str) -> type:
    """The numbered canvas with its footer fitted to a phone page: "Page 2 of 5" centred."""
    from reportlab.lib.colors import HexColor
    from reportlab.lib.units import mm

    from mobileathlete_desktop.reports.pdf import FONT, numbered_canvas

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

    return PhoneCanvas


def _write_phone(out: BinaryIO, handout: Handout, title: str) -> None:
    from reportlab import rl_config
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    from mobileathlete_desktop.reports.pdf import register_fonts

    rl_config.useA85 = 0
    register_fonts()
    margin = PHONE_MARGIN_MM * mm
    doc = SimpleDocTemplate(
        out,
        pagesize=(PHONE_PAGE_MM[0] * mm, PHONE_PAGE_MM[1] * mm),
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=9 * mm,
        title=title,
        author=handout.clinic.name,
        lang=texts(handout.lang).lang,
    )
    story = handout_story(handout, Layout(phone=True))
    doc.build(story, canvasmaker=_phone_canvas(handout.client_name, handout.lang))


def write_handout(out: BinaryIO, handout: Handout, *, phone: bool = False) -> None:
    """Writes the handout PDF to an open binary file: printed pages, or with `phone` pages
    sized for a phone's screen (90 × 160 mm, one column, large type, same content)."""
    tr = texts(handout.lang)
    if phone:
        _write_phone(out, handout, tr.gettext(TITLE))
        return
    build_document(
        out,
        handout_story(handout),
        title=tr.gettext(TITLE),
        author=handout.clinic.name,
        footer=f"{handout.client_name} · {handout.clinic.name}".strip(" ·"),
        lang=tr.lang,
    )
