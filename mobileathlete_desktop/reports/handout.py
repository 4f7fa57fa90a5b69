"""The home-program handout a client keeps on the fridge: drills, pictures, dosage and a tracker.

One story, two layouts: the printed page (two columns per drill, the clinic's paper) and a
phone-sized PDF (90 × 160 mm pages, one column, large type) to send by the clinic's email.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, BinaryIO

from mobileathlete_desktop.domain.programs import DEFAULT_WEEKS, shown_code
from mobileathlete_desktop.reports.handout_drill import NOTE_COLOUR, HandoutDrill, drill_block
from mobileathlete_desktop.reports.handout_layout import (
    PHONE_BAND_MM,
    PHONE_MARGIN_MM,
    PHONE_PAGE_MM,
    Layout,
    phone_canvas,
)
from mobileathlete_desktop.reports.handout_tracker import tracker_heading, tracker_tables
from mobileathlete_desktop.reports.pdf import (
    ACCENT,
    BAND_COLOUR,
    ClinicHeader,
    build_document,
    letterhead,
    section_mark,
    short,
    text,
)
from mobileathlete_desktop.support.i18n import N_, texts

TITLE = N_("Your home exercise program")


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
    drafts: tuple[date, ...] = ()
    """The dates of the unsigned (draft) assessments the handout is made from: every page
    then says it is a draft, and under the title which assessment is not yet signed off."""
    review: str = ""
    """A check-in's review flag said to the runner (services.reports.review.client_note):
    the drill, what they reported, and to call before the next exercises; in a box under
    the title."""
    taken_out: tuple[str, ...] = ()
    """The drills of the saved program left out for the runner's coded complaint, one
    sentence each (services.reports.held_back.runner_lines): in a calm box under the title
    (and under the review box)."""


def date_text(on: date, lang: str) -> str:
    """The handout's date in the client's language, its month written out ("2 de marzo de
    2026", "March 2, 2026"): 02/03 reads 2 March to one reader and 3 February to another,
    and a runner does not read ISO dates (2026-03-02) in a sentence."""
    return texts(lang).date(on, "long")


def draft_band(handout: Handout) -> str:
    """The band across every page of a handout made from a draft assessment; "" when every
    assessment it is made from is signed."""
    if not handout.drafts:
        return ""
    # Translators: across the top of every page of a client's handout made from an assessment
    # the physio has not signed yet (tú in Spanish); short: it fits a phone's page.
    return texts(handout.lang).gettext("DRAFT — not yet signed off by your physio")


def _draft_note(handout: Handout) -> str:
    """Under the title of a draft's handout: which assessment is not yet signed off, and
    whether to start the drills (not before the physio confirms the program)."""
    tr = texts(handout.lang)
    which = tr.ngettext(
        "This program comes from your assessment of {dates}, which your physio has not yet "
        "signed off: it may still change.",
        "This program comes from your assessments of {dates}, which your physio has not yet "
        "signed off: it may still change.",
        len(handout.drafts),
        dates=", ".join(date_text(on, handout.lang) for on in handout.drafts),
    )
    # Translators: under the title of a handout from a draft assessment (tú in Spanish).
    start = tr.gettext("Start the drills once your physio has confirmed this program.")
    return f"{which} {start}" if handout.drills else which


# The review box: as heavy as the draft's band, amber rather than its red (a call to make,
# not an error).
REVIEW_FILL = "#FDF1D8"
REVIEW_EDGE = "#B45309"


def review_box(said: str, layout: Layout, phone: str = "") -> Any:
    """The check-in's review note in a box across the page, bold, under the title; the
    clinic's `phone` number in it is never broken over two lines."""
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Table, TableStyle

    if phone.strip():
        said = said.replace(phone.strip(), phone.strip().replace(" ", "\u00a0"))
    box = Table(
        [[layout.para(f"<b>{text(said)}</b>", "body", markup=True)]], colWidths=[layout.width]
    )
    box.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), HexColor(REVIEW_FILL)),
                ("BOX", (0, 0), (-1, -1), 1.6, HexColor(REVIEW_EDGE)),
                ("LEFTPADDING", (0, 0), (-1, -1), 7),
                ("RIGHTPADDING", (0, 0), (-1, -1), 7),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
            ]
        )
    )
    return box


# The drills taken out for the complaint: a change to know about, not an alarm: the page's
# calm accent, a thin edge, a pale fill, regular weight (the review box is amber and bold).
TAKEN_OUT_FILL = "#EEF5F8"
TAKEN_OUT_EDGE = ACCENT


def taken_out_box(lines: tuple[str, ...], layout: Layout) -> Any:
    """The drills taken out of the runner's program for their complaint, one a line, in a
    box across the page under the title."""
    from reportlab.lib.colors import HexColor
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Table, TableStyle

    # The box may split, between lines and inside one, never leaving a line's last words
    # alone: on a phone's page, under the review box, a box kept whole went to page 2 and
    # left page 1 half empty.
    rows = []
    for line in lines:
        said = layout.para(line, "body")
        said.style = ParagraphStyle(f"{said.style.name}_box", parent=said.style, allowWidows=0)
        rows.append([said])
    box = Table(rows, colWidths=[layout.width], splitInRow=1)
    box.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), HexColor(TAKEN_OUT_FILL)),
                ("BOX", (0, 0), (-1, -1), 0.6, HexColor(TAKEN_OUT_EDGE)),
                ("LEFTPADDING", (0, 0), (-1, -1), 7),
                ("RIGHTPADDING", (0, 0), (-1, -1), 7),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, 0), 6),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 7),
            ]
        )
    )
    return box


def _footer(handout: Handout) -> str:
    return f"{handout.client_name} · {handout.clinic.name}".strip(" ·")


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
    from reportlab.platypus import KeepTogether, Spacer

    layout = layout or Layout()
    p = layout.para
    tr = texts(handout.lang)
    if layout.phone:
        story: list[Any] = [*_phone_header(handout, layout), Spacer(1, 3 * mm)]
    else:
        who = _who(handout, layout)
        story = [letterhead(handout.clinic, layout.width, right=who), Spacer(1, 4 * mm)]
    if handout.drafts:  # every page carries the band (the canvas draws it)
        story.insert(0, section_mark(_footer(handout), draft_band(handout)))
    story.append(p(tr.gettext(TITLE), "title"))
    if handout.review:
        story += [review_box(handout.review, layout, handout.clinic.phone), Spacer(1, 3 * mm)]
    if handout.taken_out:
        story += [taken_out_box(handout.taken_out, layout), Spacer(1, 3 * mm)]
    if handout.drafts:
        note = text(_draft_note(handout))
        story.append(p(f'<font color="{BAND_COLOUR}"><b>{note}</b></font>', markup=True))
    if handout.time and handout.drills:
        story.append(p(f'<font color="{ACCENT}"><b>{text(handout.time)}</b></font>', markup=True))
    heading = p(tr.gettext("What we found and why these drills"), "h1")
    nothing_found = tr.gettext(
        "Your assessment found nothing that needs special work: these drills keep a runner's "
        "ankles, hips and balance in good shape."
    )
    found = [p(line, "bullet") for line in handout.summary or (nothing_found,)]
    # The heading never ends a page alone (the review box can push it to a phone page's foot).
    story += [KeepTogether([heading, found[0]]), *found[1:]]
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
        story += drill_block(drill, index, handout.lang, layout)
    if not layout.phone:
        story.append(Spacer(1, 3 * mm))
        story.append(p(safety, "muted"))
    if handout.drills:
        story += _tracker(handout, layout)
    return story


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
        # A draft's band across the top of every page: room for it and a gap under it.
        topMargin=margin + (PHONE_BAND_MM + 2) * mm * bool(handout.drafts),
        bottomMargin=9 * mm,
        title=title,
        author=handout.clinic.name,
        lang=texts(handout.lang).lang,
    )
    story = handout_story(handout, Layout(phone=True))
    doc.build(story, canvasmaker=phone_canvas(_footer(handout), handout.lang))


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
        footer=_footer(handout),
        lang=tr.lang,
    )
