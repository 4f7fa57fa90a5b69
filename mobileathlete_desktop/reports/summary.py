"""The two-page progress summary a referring doctor reads in a minute: episode, findings that
matter, what changed, one or two charts, the home program, the plan and the signature."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from mobileathlete_desktop.domain.complaint_labels import complaint_label
from mobileathlete_desktop.domain.records import ClientRecord
from mobileathlete_desktop.reports.flexible_chart import SHORTEST_CHART, flexible_chart
from mobileathlete_desktop.reports.pdf import (
    ACCENT,
    RULE,
    ClinicHeader,
    bullet_for,
    content_width,
    letterhead,
    section_mark,
    short,
    styles,
    text,
)
from mobileathlete_desktop.support.i18n import N_, Texts, texts

# The most a summary lists before it points to the full record.
MAX_FINDINGS = 7
MAX_CHANGES = 4
# A chart on the summary is at most this tall (points): two of them leave room for the program.
CHART_HEIGHT = 300.0
# ...and when that leaves no room, first this tall, before a chart is left out.
SMALL_CHART_HEIGHT = 215.0


@dataclass(frozen=True)
class FindingLine:
    """A finding as the summary prints it: its kind in a word and one sentence."""

    kind: str
    text: str
    kept_last: bool = False
    """Given up last by the page fitter: a drill of the program answers it, or it is pain,
    which shapes the program's safety (services.reports.summary sets it from
    domain.report_findings.program_findings), so every drill's Why stays on the list."""


@dataclass(frozen=True)
class DrillLine:
    """One drill of the current home program: name, dose and why it was chosen."""

    name: str
    dose: str
    why: str = ""
    done: str = ""
    """Sessions done of those prescribed at the latest check-in ("10 of 12"), if recorded."""


@dataclass(frozen=True)
class Chart:
    """A chart chosen for this client and a line saying why it is there."""

    figure: Any = field(compare=False)
    caption: str = ""
    full_size: bool = False
    """Never drawn smaller to fit (the outcome scores: their key stays readable); the page
    fitter leaves another chart out first."""


@dataclass(frozen=True)
class SummaryReport:
    """Everything one client's summary prints (built by services.reports, in `lang`)."""

    client: ClientRecord
    clinic: ClinicHeader
    generated_on: date
    lang: str = "en"
    visit_dates: tuple[date, ...] = ()
    visit_kind: str = ""
    """The latest visit's kind in words ("reassessment")."""
    findings: tuple[FindingLine, ...] = ()
    since_first: tuple[str, ...] = ()
    since_last: tuple[str, ...] = ()
    more_changes: int = 0
    """Changes left out for room (the full record lists every one)."""
    more_findings: int = 0
    charts: tuple[Chart, ...] = ()
    more_charts: int = 0
    """Charts left out for room (the full record draws them): said where they would be."""
    program_title: str = ""
    program: tuple[DrillLine, ...] = ()
    adherence: str = ""
    """The latest check-in in a sentence (sessions done, EARS), when one was recorded."""
    all_held_back: bool = False
    """The saved program has drills and the handout holds back every one (the last lines of
    `review` say which and why): the summary says so, not that no program was given."""
    review: tuple[str, ...] = ()
    """The program's open review flags ("Flagged for review: Bird dog 6/10 at the check-in of
    ..."), then what the runner was told, then the drills the handout holds back; () for none."""
    plan: str = ""
    next_visit: str = ""
    discharge_warning: str = ""
    """Beside a discharge while the program is flagged for review: the runner's handout tells
    them to call (services.reports.review.discharge_warning)."""
    therapist: str = ""
    chart_height: float = CHART_HEIGHT
    drafts: tuple[date, ...] = ()
    """The visits whose assessment is a draft (not signed): the summary says so on every page
    and offers no signature as if it were final."""
    reference_groups: tuple[tuple[str, str], ...] = ()
    """The groups the norms and reference points the findings quote were measured in, as
    (source, group): ("plisky-2006", "high-school girls' basketball (...)")."""

    @property
    def visits(self) -> int:
        return len(self.visit_dates)

    @property
    def reference_note(self) -> str:
        """The groups in a sentence (reference_note_text)."""
        return reference_note_text(self.reference_groups, texts(self.lang))


def reference_note_text(groups: Sequence[tuple[str, str]], tr: Texts) -> str:
    """ "Reference values from other groups than this runner's: plisky-2006: high-school
    girls' basketball (Star Excursion Balance Test)."; "" without groups."""
    if not groups:
        return ""
    return tr.gettext(
        "Reference values from other groups than this runner's: {groups}.",
        groups="; ".join(f"{source}: {group}" for source, group in groups),
    )


@cache
def _styles() -> dict[str, Any]:
    """The shared styles plus the summary's own: a small heading and small bullets."""
    from reportlab.lib.styles import ParagraphStyle

    base = styles()
    return {
        **base,
        # A heading never ends a page: it goes over with what follows it.
        "h2": ParagraphStyle("summary_h2", parent=base["h2"], keepWithNext=1),
        "h3": ParagraphStyle(
            "h3", parent=base["cell_bold"], fontSize=9, leading=12, spaceBefore=4, keepWithNext=1
        ),
        "small_bullet": ParagraphStyle(
            "small_bullet", parent=base["small"], leftIndent=10, bulletIndent=1
        ),
    }


def para(value: str, style: str = "body", *, markup: bool = False) -> Any:
    """A Paragraph of plain text (or trusted markup) in a shared or summary style; bullets
    get a "•" (a shape, not a colour) in their hanging indent."""
    from reportlab.platypus import Paragraph

    shown = value if markup else text(value)
    return Paragraph(shown, _styles()[style], bulletText=bullet_for(style))


def _d(tr: Texts, on: date) -> str:
    return tr.date(on, "medium")


def draft_band(drafts: Sequence[date], tr: Texts, style: str = "medium") -> str:
    """The band across every page of a document made from an unsigned assessment ("DRAFT —
    not signed: the assessment of Aug 8, 2026", its dates in the document's `style`); ""
    when every assessment is signed."""
    if not drafts:
        return ""
    return tr.ngettext(
        "DRAFT — not signed: the assessment of {dates}",
        "DRAFT — not signed: the assessments of {dates}",
        len(drafts),
        dates=", ".join(tr.date(on, style) for on in drafts),
    )


NO_PREDICTION = N_(
    "Reference values are for comparison only and do not predict injury. The full record with "
    "every value is available on request."
)


def _client_block(report: SummaryReport, tr: Texts) -> list[Any]:
    client = report.client
    lines = [
        f"<b>{text(short(client.full_name))}</b>",
        text(tr.gettext("Chart {chart}", chart=client.chart_number)),
    ]
    if client.date_of_birth:
        age = client.age_on(report.generated_on)
        lines.append(
            text(
                tr.gettext("Born {date} ({age} years)", date=_d(tr, client.date_of_birth), age=age)
            )
        )
    return [para("<br/>".join(lines), "small", markup=True)]


def episode_lines(report: SummaryReport) -> list[str]:
    """The episode in three lines: complaint and referral; visits; running profile."""
    tr = texts(report.lang)
    client = report.client
    missing = tr.gettext("not recorded")
    lines = [
        tr.gettext(
            "Complaint: {complaint}. Referral: {referral}.",
            complaint=(client.complaint or missing).rstrip("."),
            referral=(client.referral or missing).rstrip("."),
        )
    ]
    coded = complaint_label(client.complaint_code, report.lang)
    if coded:  # the complaint as coded on the client, before the therapist's own words
        lines[0] = tr.gettext("Presenting complaint: {coded}", coded=coded) + ". " + lines[0]
    if not report.visit_dates:
        lines.append(tr.gettext("No assessments recorded yet."))
    elif report.visits == 1:
        lines.append(tr.gettext("One visit so far, on {date}.", date=_d(tr, report.visit_dates[0])))
    else:
        lines.append(
            tr.ngettext(
                "{count} visit from {first} to {last}.",
                "{count} visits from {first} to {last}.",
                report.visits,
                first=_d(tr, report.visit_dates[0]),
                last=_d(tr, report.visit_dates[-1]),
            )
        )
    running = []
    if client.weekly_distance_km:
        km = tr.number(client.weekly_distance_km)
        running.append(tr.gettext("{km} km a week", km=km))
    if client.years_running:
        running.append(years_running(client.years_running, tr))
    if client.goal_event:
        running.append(tr.gettext("goal: {goal}", goal=client.goal_event))
    if client.injury_history:
        running.append(tr.gettext("history: {history}", history=client.injury_history))
    if running:
        lines.append(tr.gettext("Running: {profile}.", profile="; ".join(running)))
    else:
        lines.append(tr.gettext("Running: no running profile recorded."))
    return lines


def years_running(years: float, tr: Texts) -> str:
    """ "1 year running", "12 years running" (half years: "1.5 years running", "1,5 años
    corriendo")."""
    shown = tr.number(years)
    count = int(years) if float(years).is_integer() else 2
    return tr.ngettext("{years} year running", "{years} years running", count, years=shown)


def grid_table(rows: list[list[Any]], widths: list[float], *, header: bool) -> Any:
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Table, TableStyle

    table = Table(rows, colWidths=widths, repeatRows=1 if header else 0)
    style = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, HexColor(RULE)),
    ]
    if header:
        style.append(("LINEBELOW", (0, 0), (-1, 0), 0.8, HexColor(ACCENT)))
    table.setStyle(TableStyle(style))
    return table


def findings_table(findings: Sequence[FindingLine]) -> Any:
    """Findings as a two-column table: the kind in bold words (no colour needed), the sentence."""
    from reportlab.lib.units import mm

    rows = [[para(f.kind, "cell_bold"), para(f.text, "cell")] for f in findings]
    return grid_table(rows, [30 * mm, content_width() - 30 * mm], header=False)


def _bullets(lines: Sequence[str]) -> list[Any]:
    return [para(line, "small_bullet") for line in lines]


def _changes(report: SummaryReport, tr: Texts) -> list[Any]:
    if report.visits < 2:
        return [para(tr.gettext("First visit: nothing to compare yet."), "small")]
    out: list[Any] = []
    first, last = report.visit_dates[0], report.visit_dates[-2]
    nothing = tr.gettext(
        "Nothing changed beyond the measurement error, and nothing by a clinically "
        "important amount."
    )
    if report.visits == 2:
        heading = tr.gettext("Since the first visit ({date})", date=_d(tr, first))
        out.append(para(heading, "h3"))
        out += _bullets(report.since_first) or [para(nothing, "small")]
    else:
        out.append(para(tr.gettext("Since the first visit ({date})", date=_d(tr, first)), "h3"))
        out += _bullets(report.since_first) or [para(nothing, "small")]
        out.append(para(tr.gettext("Since the last visit ({date})", date=_d(tr, last)), "h3"))
        out += _bullets(report.since_last) or [para(nothing, "small")]
    if report.more_changes:
        out.append(
            para(
                tr.ngettext(
                    "{count} more change is listed in the full record.",
                    "{count} more changes are listed in the full record.",
                    report.more_changes,
                ),
                "muted",
            )
        )
    out.append(
        para(
            tr.gettext(
                "Beyond the measurement error (MDC95): larger than a retest of the same "
                "person would vary. Clinically important (MCID): large enough for a client to "
                "feel: a change is called so only when it is also beyond the measurement error."
            ),
            "muted",
        )
    )
    return out


def signature(therapist: str, tr: Texts, drafts: Sequence[date] = ()) -> Any:
    """The therapist's name and a line to sign on; no line when an assessment is a draft:
    the document says it is not signed instead."""
    from reportlab.platypus import Table, TableStyle

    data = [
        ["", ""],
        [
            para(tr.gettext("Therapist: {name}", name=therapist or "—"), "small"),
            para(not_signed(drafts, tr), "cell_bold")
            if drafts
            else para(tr.gettext("Signature"), "small"),
        ],
    ]
    table = Table(data, colWidths=[content_width() / 2] * 2, rowHeights=[30, None])
    table.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                # A line to sign on only under a document made from signed assessments.
                *([] if drafts else [("LINEBELOW", (1, 0), (1, 0), 0.6, "#000000")]),
            ]
        )
    )
    return table


def not_signed(drafts: Sequence[date], tr: Texts, style: str = "medium") -> str:
    """What stands where the signature would: the draft assessments named, not to be signed
    off before them."""
    return tr.ngettext(
        "Not signed: the assessment of {dates} is a draft.",
        "Not signed: the assessments of {dates} are drafts.",
        len(drafts),
        dates=", ".join(tr.date(on, style) for on in drafts),
    )


def _chart_flowables(report: SummaryReport, tr: Texts, draw: bool) -> list[Any]:
    """Each chart after its caption, kept together on a page."""
    from reportlab.platypus import CondPageBreak

    out: list[Any] = []
    for chart in report.charts:
        tallest = CHART_HEIGHT if chart.full_size else report.chart_height
        if chart.full_size:
            fig_w, fig_h = chart.figure.get_size_inches()
            out.append(CondPageBreak(min(tallest, content_width() * fig_h / fig_w) + 30))
        else:
            out.append(CondPageBreak(SHORTEST_CHART + 30))
        if chart.caption:
            out.append(para(chart.caption, "muted"))
        flexible = flexible_chart(chart.figure, tallest, draw, shrinks=not chart.full_size)
        out.append(flexible)
    if report.more_charts:  # left out to keep two pages (a longer language takes more room)
        out.append(
            para(
                tr.ngettext(
                    "{count} more chart is drawn in the full record.",
                    "{count} more charts are drawn in the full record.",
                    report.more_charts,
                ),
                "muted",
            )
        )
    return out


def summary_story(report: SummaryReport, *, draw_charts: bool = True) -> list[Any]:
    """The flowables of one client's summary, starting with its numbered-section mark."""
    from reportlab.platypus import KeepTogether, Spacer

    tr = texts(report.lang)
    client = report.client
    band = draft_band(report.drafts, tr)
    story: list[Any] = [section_mark(f"{client.full_name} ({client.chart_number})", band)]
    story.append(letterhead(report.clinic, content_width(), right=_client_block(report, tr)))
    story.append(Spacer(1, 6))
    title = tr.gettext("Progress summary")
    when = tr.gettext("Written on {date}", date=_d(tr, report.generated_on))
    story.append(para(f"<b>{text(title)}</b> · {text(when)}", "h1", markup=True))
    story += [para(line, "small") for line in episode_lines(report)]
    if report.visit_dates:
        story.append(para(tr.gettext("Findings that matter"), "h2"))
        if report.findings:
            story.append(findings_table(report.findings))
            if report.more_findings:
                story.append(
                    para(
                        tr.ngettext(
                            "{count} more finding is listed in the full record.",
                            "{count} more findings are listed in the full record.",
                            report.more_findings,
                        ),
                        "muted",
                    )
                )
        else:
            story.append(
                para(
                    tr.gettext(
                        "No value is below its norm, asymmetric, painful or short of its "
                        "passive range beyond the measurement error."
                    ),
                    "small",
                )
            )
        if report.reference_note:
            story.append(para(report.reference_note, "muted"))
        story.append(para(tr.gettext(NO_PREDICTION), "muted"))
        story.append(para(tr.gettext("What changed"), "h2"))
        story += _changes(report, tr)
        story += _chart_flowables(report, tr, draw_charts)
    # The program section (reports.summary_program) lays out this module's own paragraphs.
    from mobileathlete_desktop.reports.summary_program import program_section, review_lines

    story += program_section(report, tr)
    plan = [para(tr.gettext("Plan and next visit"), "h2")]
    plan.append(para(report.plan or tr.gettext("No plan written at the latest visit."), "small"))
    if report.next_visit:
        plan.append(para(report.next_visit, "small"))
    plan += review_lines([report.discharge_warning] if report.discharge_warning else [])
    story.append(
        KeepTogether([*plan, Spacer(1, 4), signature(report.therapist, tr, report.drafts)])
    )
    return story
