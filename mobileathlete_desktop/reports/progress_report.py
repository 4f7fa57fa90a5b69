"""The client progress report: letterhead, episode, every visit's values with norms and flags."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from mobileathlete_desktop.domain.complaint_labels import complaint_label
from mobileathlete_desktop.domain.records import ClientRecord
from mobileathlete_desktop.reports.pdf import (
    ACCENT,
    FLAG_BG,
    RULE,
    ClinicHeader,
    content_width,
    letterhead,
    para,
    section_mark,
    short,
    styles,
    text,
)
from mobileathlete_desktop.reports.progress_program import program_and_signature
from mobileathlete_desktop.reports.stills import stills_flowables
from mobileathlete_desktop.reports.summary import draft_band, years_running
from mobileathlete_desktop.reports.tall_chart import paged_pieces
from mobileathlete_desktop.support.i18n import N_, texts

# Room a table's heading needs below it (itself and a few rows), else it starts the next page.
HEADING_ROOM_MM = 30

VISITS_PER_TABLE = 4

# Visit kinds as a column heading prints them: short enough not to break inside a word.
KIND_HEADINGS = {
    "reassessment": N_("re-assess"),
    "initial": N_("initial"),
    "discharge": N_("discharge"),
    "screen": N_("screen"),
}
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def date_heading(on: date, lang: str = "en") -> str:
    """A visit's date as a column heading: "12 Mar" over "2026", so it never breaks inside."""
    if lang == "en":
        return f"{on.day} {MONTHS[on.month - 1]}<br/>{on.year}"
    return f"{texts(lang).date(on, 'd MMM')}<br/>{on.year}"


def kind_heading(kind: str, lang: str = "en") -> str:
    """A visit's kind as a column heading, short enough not to break inside a word."""
    shown = KIND_HEADINGS.get(kind, kind)
    return shown if lang == "en" else texts(lang).gettext(shown)


@dataclass(frozen=True)
class MeasureRow:
    """One measure and side across the visits: values, norm, change and flags in words."""

    label: str
    side: str
    values: tuple[str, ...]
    norm: str = ""
    change: str = ""
    flags: tuple[str, ...] = ()
    code: str = ""
    problem: bool = False
    """A flag at the latest visit marks a problem (not "above norm" or an improvement)."""


@dataclass(frozen=True)
class VisitColumn:
    """A visit heading a column of the values table."""

    date: date
    kind: str
    therapist: str = ""
    status: str = ""


@dataclass(frozen=True)
class ProgramLine:
    """One drill of the current home program as listed in the report."""

    name: str
    dosage: str
    reason: str = ""


@dataclass(frozen=True)
class ProgressReport:
    """Everything printed in one client's progress report (built by services.reports).

    `rows` are the range-of-motion values, `tests` the other measured tests and the computed
    scores (Y-balance composite, FMS total), `outcomes` the outcome scores (NPRS, LEFS,
    PSFS). `changes` lists only what changed over the episode; `findings` the movement
    faults seen at the latest visit.
    """

    client: ClientRecord
    clinic: ClinicHeader
    visits: tuple[VisitColumn, ...]
    rows: tuple[MeasureRow, ...]
    generated_on: date
    therapist: str = ""
    changes: tuple[str, ...] = ()
    findings: tuple[str, ...] = ()
    outcomes: tuple[MeasureRow, ...] = ()
    tests: tuple[MeasureRow, ...] = ()
    program_title: str = ""
    program: tuple[ProgramLine, ...] = ()
    all_held_back: bool = False
    """The saved program has drills and the handout holds back every one (the last lines of
    `review` say which and why): the report says so, not that no program was saved."""
    review: tuple[str, ...] = ()
    """The program's open review flags, what the runner was told, the drills the handout holds
    back (reports.summary)."""
    figures: tuple[Any, ...] = field(default=(), compare=False)
    warnings: tuple[str, ...] = ()
    chart_notes: tuple[str, ...] = ()
    """One line for each chart left out because it had nothing to show."""
    lang: str = "en"
    """The language of the words around the values (the charts' own labels are English)."""
    treatments: tuple[tuple[date, str], ...] = ()
    """The treatment given at each visit that recorded one: (visit date, one line)."""
    stills: tuple[Any, ...] = field(default=(), compare=False)
    """Annotated stills values were measured on (reports.stills.Still), by date."""
    reference_note: str = ""
    """Where the crossed reference points come from, under the tables (their Flags cells
    say what was crossed; a source key would be cut mid-word there)."""

    @property
    def drafts(self) -> tuple[date, ...]:
        """The visits whose assessment is a draft (not signed)."""
        return tuple(v.date for v in self.visits if v.status == "draft")


SEXES = {"female": N_("female"), "male": N_("male"), "other": N_("other")}


def _client_block(report: ProgressReport) -> Any:
    tr = texts(report.lang)
    client = report.client
    lines = [
        f"<b>{text(short(client.full_name))}</b>",
        text(tr.gettext("Chart {chart}", chart=client.chart_number)),
    ]
    if client.date_of_birth:
        age = client.age_on(report.generated_on)
        born = tr.date(client.date_of_birth, "medium")
        lines.append(text(tr.gettext("Born {date} ({age} years)", date=born, age=age)))
    if client.sex != "unknown":
        sex = tr.gettext(SEXES[client.sex]) if client.sex in SEXES else client.sex
        lines.append(text(tr.gettext("Sex: {sex}", sex=sex)))
    return [para("<br/>".join(lines), markup=True)]


def _episode(report: ProgressReport) -> list[Any]:
    tr = texts(report.lang)
    client = report.client
    visits = report.visits
    missing = tr.gettext("Not recorded")
    facts: list[tuple[str, str]] = [
        (tr.gettext("Complaint"), client.complaint or missing),
        (tr.gettext("Referral"), client.referral or missing),
    ]
    coded = complaint_label(client.complaint_code, report.lang)
    if coded:  # the complaint as coded on the client, above the therapist's own words
        facts.insert(0, (tr.gettext("Presenting complaint"), coded))
    if visits:
        first, last = tr.date(visits[0].date, "medium"), tr.date(visits[-1].date, "medium")
        span = tr.gettext(
            "{count} from {first} to {last}", count=len(visits), first=first, last=last
        )
        facts.append((tr.gettext("Visits"), span))
    km = tr.number(client.weekly_distance_km) if client.weekly_distance_km else ""
    years = tr.number(client.years_running) if client.years_running else ""
    leg = client.dominant_leg
    running = [
        tr.gettext("{km} km a week", km=km) if km else "",
        years_running(client.years_running or 0, tr) if years else "",
        tr.gettext("goal: {goal}", goal=client.goal_event) if client.goal_event else "",
        tr.gettext("dominant leg: {side}", side=tr.pgettext("side of the body", leg))
        if leg != "unknown"
        else "",
    ]
    if any(running):
        facts.append((tr.gettext("Running"), ", ".join(r for r in running if r)))
    if client.injury_history:
        facts.append((tr.gettext("Injury history"), client.injury_history))
    return [_facts_table(facts)]


def _facts_table(facts: Sequence[tuple[str, str]]) -> Any:
    from reportlab.lib.units import mm
    from reportlab.platypus import Table, TableStyle

    data = [[para(k, "cell_bold"), para(v, "cell")] for k, v in facts]
    # The widest label, "Presenting complaint", on one line.
    table = Table(data, colWidths=[38 * mm, content_width() - 38 * mm])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return table


def _values_tables(
    visits: Sequence[VisitColumn],
    rows: Sequence[MeasureRow],
    title: str,
    *,
    heading: bool = False,
    lang: str = "en",
) -> list[Any]:
    """The values table, split into chunks of visits so columns never get too narrow.

    Split tables are headed "title: visits 1–4 of 8"; with `heading`, a single table is
    headed by the title alone.
    """
    from reportlab.lib.colors import HexColor
    from reportlab.lib.units import mm
    from reportlab.platypus import CondPageBreak, Spacer, Table, TableStyle

    tr = texts(lang)
    flowables: list[Any] = []
    # Balanced chunks (7 visits → 4 + 3, not 4 + ... ) keep every table's columns alike.
    parts = max(1, -(-len(visits) // VISITS_PER_TABLE))
    size = max(1, -(-len(visits) // parts))
    starts = list(range(0, max(len(visits), 1), size))
    for start in starts:
        chunk = visits[start : start + size]
        last_chunk = start == starts[-1]
        header = [para(tr.gettext("Measure"), "cell_bold"), para(tr.gettext("Side"), "cell_bold")]
        header += [
            para(
                f"{date_heading(v.date, lang)}<br/>{text(kind_heading(v.kind, lang))}",
                "cell_head",
                markup=True,
            )
            for v in chunk
        ]
        extra = (
            [tr.gettext("Norm"), tr.gettext("Change"), tr.gettext("Flags")] if last_chunk else []
        )
        header += [para(h, "cell_bold") for h in extra]
        data: list[list[Any]] = [header]
        flagged_rows: list[int] = []
        for row in rows:
            line = [para(row.label, "cell"), para(row.side, "cell")]
            line += [para(v, "cell") for v in row.values[start : start + len(chunk)]]
            if last_chunk:
                # A problem is marked "!" as well as shaded: a grey print keeps the mark.
                flags = "; ".join(row.flags)
                line += [
                    para(row.norm, "cell"),
                    para(row.change, "cell"),
                    para(f"! {flags}" if row.problem else flags, "cell"),
                ]
                if row.problem:
                    flagged_rows.append(len(data))
            data.append(line)
        # Measure, side; then norm and change: a visit's column keeps room for a full date.
        # With few visits in a table the measure's name gets the room (one line, not three).
        roomy = not last_chunk or len(chunk) <= 2
        fixed = [(44 if roomy else 38 if len(chunk) == 3 else 32) * mm, 11 * mm]  # "Lado" whole
        if last_chunk:
            fixed += [_fits([r.norm for r in rows], 15, 22), 19 * mm]
        flags_w = _flags_width(rows) if last_chunk else 0
        value_w = (content_width() - sum(fixed) - flags_w) / max(len(chunk), 1)
        widths = fixed[:2] + [value_w] * len(chunk) + ([*fixed[2:], flags_w] if last_chunk else [])
        table = Table(data, colWidths=widths, repeatRows=1)
        style = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, HexColor(ACCENT)),
            ("LINEBELOW", (0, 1), (-1, -1), 0.3, HexColor(RULE)),
            ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ]
        style += [("BACKGROUND", (0, r), (-1, r), HexColor(FLAG_BG)) for r in flagged_rows]
        table.setStyle(TableStyle(style))
        if len(starts) > 1:
            end = min(start + size, len(visits))
            part = tr.gettext(
                "{title}: visits {first}–{last} of {count}",
                title=title,
                first=start + 1,
                last=end,
                count=len(visits),
            )
            flowables += [CondPageBreak(HEADING_ROOM_MM * mm), para(part, "h2")]
        elif heading:
            flowables += [CondPageBreak(HEADING_ROOM_MM * mm), para(title, "h2")]
        flowables += [table, Spacer(1, 4 * mm)]
    return flowables


def _flags_width(rows: Sequence[MeasureRow]) -> float:
    """The Flags column: 23 mm, wider when a cell holds a word that cannot wrap (a source key
    such as "hop-lsi-criterion-ijspt-2021" was cut mid-word over two lines), up to 36 mm."""
    return _fits([flag for row in rows for flag in row.flags], 23, 36)


def _fits(cells: Sequence[str], least_mm: float, most_mm: float) -> float:
    """A column's width: `least_mm`, wider (up to `most_mm`) when a cell holds a word that
    cannot wrap ("21 repeticiones" in the Spanish Norm column was cut "repeti / ciones")."""
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth

    style = styles()["cell"]
    words = [w for cell in cells for w in cell.split()]
    longest = max((stringWidth(w, style.fontName, style.fontSize) for w in words), default=0.0)
    return float(min(max(least_mm * mm, longest + 6), most_mm * mm))


def report_story(report: ProgressReport) -> list[Any]:
    """The flowables of one client's report, starting with its numbered-section mark."""
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Spacer

    client = report.client
    last_chart: list[Any] = []  # held back: it may go with the signature
    tr = texts(report.lang)
    band = draft_band(report.drafts, tr)
    story: list[Any] = [section_mark(f"{client.full_name} ({client.chart_number})", band)]
    story.append(letterhead(report.clinic, content_width(), right=_client_block(report)))
    story.append(Spacer(1, 4 * mm))
    story.append(para(tr.gettext("Progress report"), "title"))
    on = tr.date(report.generated_on, "medium")
    story.append(para(tr.gettext("Generated on {date}", date=on), "muted"))
    story.append(para(tr.gettext("Episode"), "h1"))
    story += _episode(report)
    for warning in report.warnings:
        story.append(para(warning, "body"))
    if not report.visits:
        story.append(para(tr.gettext("Assessments"), "h1"))
        none_yet = tr.gettext(
            "{name} has no assessments recorded yet.", name=short(client.full_name)
        )
        story.append(para(none_yet, "body"))
    else:
        story.append(para(tr.gettext("What changed"), "h1"))
        if report.changes:
            for line in report.changes:
                story.append(para(line, "bullet", markup=False))
        elif len(report.visits) < 2:
            story.append(para(tr.gettext("One visit so far: nothing to compare yet."), "body"))
        else:
            story.append(
                para(
                    tr.gettext(
                        "Nothing changed by more than the measurement error, and no change "
                        "reached a clinically important difference."
                    ),
                    "body",
                )
            )
        if report.findings:
            story.append(para(tr.gettext("Movement findings"), "h1"))
            for line in report.findings:
                story.append(para(line, "bullet", markup=False))
        story.append(para(tr.gettext("Assessments"), "h1"))
        story.append(
            para(
                tr.gettext(
                    "Values at each visit; the norm is for the client's age and sex where a "
                    "source gives one. Shaded rows marked ! carry a problem at the latest visit "
                    "(above the norm is not one). Change: the latest value against the first, "
                    "improved or worse followed by what holds: MDC, beyond the measurement "
                    "error (MDC95); MCID, it reaches the minimal clinically important "
                    "difference, counted only beyond the measurement error. A reference point is a "
                    "published cut-off from one group, not a risk prediction."
                ),
                "muted",
            )
        )
        tables = (
            (tr.gettext("Range of motion"), report.rows),
            (tr.gettext("Tests and computed scores"), report.tests),
        )
        for title, rows in tables:
            if rows:
                story += _values_tables(report.visits, rows, title, heading=True, lang=report.lang)
        if report.reference_note:
            story.append(para(report.reference_note, "muted"))
        if report.outcomes:
            outcomes = tr.gettext("Outcome scores")
            # A few rows: the heading never ends a page without its table.
            story.append(
                KeepTogether(
                    [
                        para(outcomes, "h1"),
                        *_values_tables(report.visits, report.outcomes, outcomes, lang=report.lang),
                    ]
                )
            )
        if report.treatments:
            story.append(para(tr.gettext("Treatment given"), "h1"))
            for visit_date, line in report.treatments:
                when = tr.date(visit_date, "medium")
                # One visit's line is never split over two pages.
                story.append(KeepTogether([para(f"{when}: {line}", "bullet", markup=False)]))
        story += stills_flowables(report.stills, content_width(), report.lang)

        def continued(title: str) -> Any:  # over a chart's piece on the next page
            return para(tr.gettext("{title} (continued)", title=title), "h2")

        for figure in report.figures:
            # A chart taller than a page goes on over the next (the limb symmetry), each
            # piece after a break of its own: a piece is never put off to the next page, which
            # platypus would remember and refuse in the batch cover's second layout.
            story += last_chart
            last_chart = paged_pieces(figure, content_width() * 0.92, continued, 6 * mm)
            last_chart.append(Spacer(1, 3 * mm))
        for note in report.chart_notes:
            last_chart.append(para(tr.gettext("Not drawn: {note}", note=note), "muted"))
    story += program_and_signature(report, last_chart)
    return story
