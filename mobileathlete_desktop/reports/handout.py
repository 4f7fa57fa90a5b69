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
    text,
)

TRACKER_DAYS = 14
# A Spanish reader would take 02/03 for 2 March and a US reader for 3 February: the month is
# written out.
MONTHS_ES = (
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
)
# A drill's note ("Keep it pain-free…") stands out from the steps: dark orange, bold label.
NOTE_COLOUR = "#9a3412"
PICTURE_BOX = (48.0, 42.0)  # millimetres

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Your home exercise program",
        "client": "Client",
        "date": "Date",
        "therapist": "Therapist",
        "found": "What we found and why these drills",
        "no_findings": "Your assessment found nothing that needs special work: these drills "
        "keep a runner's ankles, hips and balance in good shape.",
        "drills": "Your drills",
        "how": "How to do it",
        "tips": "Tips",
        "dose": "How much",
        "notes": "Note",
        "no_picture": "No picture",
        "no_drills": "No drills have been chosen yet: ask your therapist for your program.",
        "tracker": "Two-week tracker",
        "tracker_hint": "Tick a box each day you do the drill. "
        "Bring this sheet to your next visit.",
        "week": "Week",
        "drill": "Drill",
        "stop": "Stop and call us if a drill causes sharp pain, or pain that lasts into the "
        "next day.",
        "call": "Questions? Call",
        "page": "Page",
        "of": "of",
    },
    "es": {
        "title": "Tu programa de ejercicios en casa",
        "client": "Paciente",
        "date": "Fecha",
        "therapist": "Fisioterapeuta",
        "found": "Qué encontramos y por qué estos ejercicios",
        "no_findings": "En tu evaluación no encontramos nada que necesite un trabajo especial: "
        "estos ejercicios mantienen en buena forma tus tobillos, tus caderas y tu equilibrio "
        "para correr.",
        "drills": "Tus ejercicios",
        "how": "Cómo hacerlo",
        "tips": "Consejos",
        "dose": "Cuánto",
        "notes": "Nota",
        "no_picture": "Sin imagen",
        "no_drills": "Todavía no hay ejercicios elegidos: pídele tu programa a tu fisioterapeuta.",
        "tracker": "Registro de dos semanas",
        "tracker_hint": "Marca una casilla cada día que hagas el ejercicio. Trae esta hoja a "
        "tu próxima cita.",
        "week": "Semana",
        "drill": "Ejercicio",
        "stop": "Detente y llámanos si un ejercicio te causa un dolor agudo o un dolor que dure "
        "hasta el día siguiente.",
        "call": "¿Preguntas? Llama al",
        "page": "Página",
        "of": "de",
    },
}


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
    """The handout's date: "2 de marzo de 2026" in Spanish, ISO (2026-03-02) otherwise."""
    if lang == "es":
        return f"{on.day} de {MONTHS_ES[on.month - 1]} de {on.year}"
    return on.isoformat()


def words(lang: str) -> dict[str, str]:
    """The fixed text of a handout in a language (English when the language is unknown)."""
    return TEXTS.get(lang, TEXTS["en"])


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
    return _Picture.placeholder(width, height, words(lang)["no_picture"])


def has_picture(drill: HandoutDrill) -> bool:
    """Whether the drill will print with a picture rather than the "No picture" box."""
    return bool(drill.image) or (drill.drawing is not None and bool(drill.drawing.width))


def _drill_block(drill: HandoutDrill, index: int, lang: str) -> Any:
    from reportlab.lib.colors import HexColor
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, ListFlowable, ListItem, Table, TableStyle

    w = words(lang)
    right: list[Any] = [
        para(f"{index}. {drill.name}", "h2"),
        para(
            f'<font color="{ACCENT}"><b>{text(w["dose"])}:</b> {text(drill.dosage or "—")}</font>',
            markup=True,
        ),
    ]
    if drill.notes:
        # By the dose, before the steps: the therapist's word on this drill, such as "Keep it
        # pain-free" for a drill that moves a painful joint, is read first.
        right.append(
            para(
                f'<font color="{NOTE_COLOUR}"><b>{text(w["notes"])}:</b> '
                f"{text(drill.notes)}</font>",
                "small",
                markup=True,
            )
        )
    if drill.steps:
        right.append(para(w["how"], "small"))
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
        right.append(para(w["tips"], "small"))
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

    w = words(lang)
    name_w = 58 * mm
    day_w = (content_width() - name_w) / TRACKER_DAYS
    half = TRACKER_DAYS // 2
    head1 = [para(w["drill"], "cell_bold"), para(f"{w['week']} 1", "cell_bold")]
    head1 += [""] * (half - 1) + [para(f"{w['week']} 2", "cell_bold")] + [""] * (half - 1)
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
    return [KeepTogether([para(w["tracker"], "h1"), para(w["tracker_hint"], "muted"), table])]


def handout_story(handout: Handout) -> list[Any]:
    """The flowables of a handout, in the handout's language."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Spacer

    w = words(handout.lang)
    who = [
        para(f"<b>{text(w['client'])}:</b> {text(handout.client_name)}", "small", markup=True),
        para(
            f"<b>{text(w['date'])}:</b> {date_text(handout.on, handout.lang)}", "small", markup=True
        ),
        para(
            f"<b>{text(w['therapist'])}:</b> {text(handout.therapist or '—')}", "small", markup=True
        ),
    ]
    story: list[Any] = [letterhead(handout.clinic, content_width(), right=who), Spacer(1, 4 * mm)]
    story.append(para(w["title"], "title"))
    story.append(para(w["found"], "h1"))
    for line in handout.summary or (w["no_findings"],):
        story.append(para(f"• {line}", "bullet"))
    if handout.notes:
        story.append(para(handout.notes, "body"))
    story.append(para(w["drills"], "h1"))
    if not handout.drills:
        story.append(para(w["no_drills"], "body"))
    for index, drill in enumerate(handout.drills, start=1):
        story.append(_drill_block(drill, index, handout.lang))
    story.append(Spacer(1, 3 * mm))
    safety = w["stop"]
    if handout.clinic.phone:
        safety += f" {w['call']} {handout.clinic.phone}."
    story.append(para(safety, "muted"))
    if handout.drills:
        story += _tracker(handout.drills, handout.lang)
    return story


def write_handout(out: BinaryIO, handout: Handout) -> None:
    """Writes the handout PDF to an open binary file."""
    w = words(handout.lang)
    build_document(
        out,
        handout_story(handout),
        title=w["title"],
        author=handout.clinic.name,
        footer=f"{handout.client_name} · {handout.clinic.name}".strip(" ·"),
        page_word=w["page"],
        of_word=w["of"],
        lang=handout.lang,
    )
