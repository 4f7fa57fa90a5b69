"""The home-program handout a client keeps on the fridge: drills, pictures, dosage and a tracker."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, BinaryIO

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
    text,
)
from mobileathlete_desktop.support.i18n import N_, texts

TRACKER_DAYS = 14
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


def _picture(drill: HandoutDrill, index: int, lang: str) -> Any:
    from reportlab.lib.units import mm

    from mobileathlete_desktop.reports.pdf import logo_image

    width, height = PICTURE_BOX[0] * mm, PICTURE_BOX[1] * mm
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


def _drill_block(drill: HandoutDrill, index: int, lang: str) -> Any:
    from reportlab.lib.colors import HexColor
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, ListFlowable, ListItem, Table, TableStyle

    tr = texts(lang)
    how_much = text(tr.gettext("How much"))
    right: list[Any] = [
        para(f"{index}. {drill.name}", "h2"),
        para(
            f'<font color="{ACCENT}"><b>{how_much}:</b> {text(drill.dosage or "—")}</font>',
            markup=True,
        ),
    ]
    note = text(tr.gettext("Note"))
    if drill.notes:
        # By the dose, before the steps: the therapist's word on this drill, such as "Keep it
        # pain-free" for a drill that moves a painful joint, is read first.
        right.append(
            para(
                f'<font color="{NOTE_COLOUR}"><b>{note}:</b> {text(drill.notes)}</font>',
                "small",
                markup=True,
            )
        )
    if drill.steps:
        right.append(para(tr.gettext("How to do it"), "small"))
        right.append(
            ListFlowable(
                [ListItem(para(step, "small"), leftIndent=12) for step in drill.steps],
                bulletType="1",
                bulletFormat="%s.",
                bulletFontName="DejaVuSans",
                bulletFontSize=8.5,
                leftIndent=12,
            )
        )
    if drill.cues:
        right.append(para(tr.gettext("Tips"), "small"))
        right.append(
            ListFlowable(
                [ListItem(para(cue, "small"), leftIndent=12, value="•") for cue in drill.cues],
                bulletType="bullet",
                bulletFontName="DejaVuSans",
                bulletFontSize=8.5,
                leftIndent=12,
            )
        )
    picture_w = (PICTURE_BOX[0] + 4) * mm
    table = Table(
        [[_picture(drill, index, lang), right]],
        colWidths=[picture_w, content_width() - picture_w],
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
    return KeepTogether([table])


def _short(name: str, limit: int = 60) -> str:
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


def _tracker(drills: Sequence[HandoutDrill], lang: str) -> list[Any]:
    from reportlab.lib.colors import HexColor
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Table, TableStyle

    tr = texts(lang)
    name_w = 58 * mm
    day_w = (content_width() - name_w) / TRACKER_DAYS
    half = TRACKER_DAYS // 2
    week1 = para(tr.gettext("Week {number}", number=1), "cell_bold")
    week2 = para(tr.gettext("Week {number}", number=2), "cell_bold")
    head1 = [para(tr.gettext("Drill"), "cell_bold"), week1]
    head1 += [""] * (half - 1) + [week2] + [""] * (half - 1)
    head2 = [""] + [para(str(d), "cell_head") for d in range(1, TRACKER_DAYS + 1)]
    rows: list[list[Any]] = [head1, head2]
    rows += [
        [para(f"{i}. {_short(d.name)}", "cell")] + [""] * TRACKER_DAYS
        for i, d in enumerate(drills, 1)
    ]
    table = Table(rows, colWidths=[name_w] + [day_w] * TRACKER_DAYS, repeatRows=2)
    table.setStyle(
        TableStyle(
            [
                ("SPAN", (1, 0), (half, 0)),
                ("SPAN", (half + 1, 0), (TRACKER_DAYS, 0)),
                ("ALIGN", (1, 0), (-1, 1), "CENTER"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("GRID", (1, 2), (-1, -1), 0.6, HexColor(MUTED)),
                ("LINEBELOW", (0, 1), (-1, 1), 0.8, HexColor(ACCENT)),
                ("LINEBEFORE", (half + 1, 0), (half + 1, -1), 1.4, HexColor(ACCENT)),
                ("ROWBACKGROUNDS", (0, 2), (-1, -1), ["#ffffff", "#f3f6f9"]),
                ("TOPPADDING", (0, 2), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 2), (-1, -1), 4),
            ]
        )
    )
    hint = tr.gettext("Tick a box each day you do the drill. Bring this sheet to your next visit.")
    return [KeepTogether([para(tr.gettext("Two-week tracker"), "h1"), para(hint, "muted"), table])]


def handout_story(handout: Handout) -> list[Any]:
    """The flowables of a handout, in the handout's language."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Spacer

    tr = texts(handout.lang)
    facts = (
        (tr.gettext("Client"), short(handout.client_name)),
        (tr.gettext("Date"), date_text(handout.on, handout.lang)),
        (tr.gettext("Therapist"), short(handout.therapist) or "—"),
    )
    who = [
        para(f"<b>{text(label)}:</b> {text(value)}", "small", markup=True) for label, value in facts
    ]
    story: list[Any] = [letterhead(handout.clinic, content_width(), right=who), Spacer(1, 4 * mm)]
    story.append(para(tr.gettext(TITLE), "title"))
    story.append(para(tr.gettext("What we found and why these drills"), "h1"))
    nothing_found = tr.gettext(
        "Your assessment found nothing that needs special work: these drills keep a runner's "
        "ankles, hips and balance in good shape."
    )
    for line in handout.summary or (nothing_found,):
        story.append(para(f"• {line}", "bullet"))
    if handout.notes:
        story.append(para(handout.notes, "body"))
    story.append(para(tr.gettext("Your drills"), "h1"))
    if not handout.drills:
        no_drills = tr.gettext(
            "No drills have been chosen yet: ask your therapist for your program."
        )
        story.append(para(no_drills, "body"))
    for index, drill in enumerate(handout.drills, start=1):
        story.append(_drill_block(drill, index, handout.lang))
    story.append(Spacer(1, 3 * mm))
    safety = tr.gettext(
        "Stop and call us if a drill causes sharp pain, or pain that lasts into the next day."
    )
    if handout.clinic.phone:
        safety += " " + tr.gettext("Questions? Call {phone}.", phone=handout.clinic.phone)
    story.append(para(safety, "muted"))
    if handout.drills:
        story += _tracker(handout.drills, handout.lang)
    return story


def write_handout(out: BinaryIO, handout: Handout) -> None:
    """Writes the handout PDF to an open binary file."""
    tr = texts(handout.lang)
    build_document(
        out,
        handout_story(handout),
        title=tr.gettext(TITLE),
        author=handout.clinic.name,
        footer=f"{handout.client_name} · {handout.clinic.name}".strip(" ·"),
        lang=tr.lang,
    )
