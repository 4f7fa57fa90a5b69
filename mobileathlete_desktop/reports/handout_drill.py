"""A drill as a handout prints it: its picture in a fixed box beside its name, dose, next
step, note, steps and tips (two columns on paper; on a phone, the picture across the page)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mobileathlete_desktop.reports.handout_layout import Layout, phone_styles
from mobileathlete_desktop.reports.pdf import ACCENT, MUTED, RULE, text
from mobileathlete_desktop.support.i18n import texts

# A drill's note ("Keep it pain-free…") stands out from the steps: dark orange, bold label.
NOTE_COLOUR = "#9a3412"
PICTURE_BOX = (48.0, 42.0)  # millimetres


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
    bullet_size = phone_styles()["small"].fontSize if layout.phone else 8.5
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


def drill_block(drill: HandoutDrill, index: int, lang: str, layout: Layout) -> list[Any]:
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
