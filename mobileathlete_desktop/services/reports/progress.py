"""One client's progress report (clinic header, tables, program, charts) and which clients
to report on."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from mobileathlete_desktop.domain.interpretation import interpret_assessment, measure_for
from mobileathlete_desktop.domain.interpretation.highlights import (
    KIND_CONTROL,
    ChangeLine,
    Highlight,
    change_lines,
    episode_interpretation,
    highlights,
)
from mobileathlete_desktop.domain.programs import ProgramRecord, dosage_text
from mobileathlete_desktop.domain.records import AssessmentRecord, ClientHistory
from mobileathlete_desktop.reports.pdf import ClinicHeader
from mobileathlete_desktop.reports.progress_report import ProgramLine, ProgressReport, VisitColumn
from mobileathlete_desktop.reports.summary import (
    MAX_CHANGES,
    MAX_FINDINGS,
    Chart,
    DrillLine,
    FindingLine,
    SummaryReport,
)
from mobileathlete_desktop.services.assessments import list_assessments, load_history
from mobileathlete_desktop.services.clients import to_record as client_record
from mobileathlete_desktop.services.context import NotFound, ServiceContext
from mobileathlete_desktop.services.reports.tables import OUTCOME_CODES, ReportTables, report_tables
from mobileathlete_desktop.storage.models import Assessment, Client, Clinic
from mobileathlete_desktop.support.i18n import N_, texts
from mobileathlete_desktop.support.languages import language_code


def clinic_header(ctx: ServiceContext) -> ClinicHeader:
    """The clinic's name, address, phone, email and logo as printed on every document, and
    the paper (A4 or Letter) every document is laid out on."""
    with ctx.db.reading() as session:
        row = session.execute(select(Clinic).order_by(Clinic.id).limit(1)).scalar_one_or_none()
        if row is None:
            return ClinicHeader()
        return ClinicHeader(
            row.name, row.address, row.phone, row.email, row.logo, paper=row.paper_size
        )


def _program(
    ctx: ServiceContext, history: ClientHistory, lang: str = "en"
) -> tuple[str, list[ProgramLine]]:
    """The latest saved program's drills; in English with the therapist's own reasons, in
    another language with the finding each drill works on (the reasons are English)."""
    from mobileathlete_desktop.services.programs import (
        exercise_library,
        exercise_name,
        latest_program,
    )

    program = latest_program(ctx, history.client.id)
    if program is None:
        return "", []
    title = program.title or texts(lang).gettext("Home program")
    if program.date:
        title += f" ({program.date.isoformat()})"
    if lang == "en":
        return title, [
            ProgramLine(exercise_name(ctx, i.exercise_code, "en"), dosage_text(i), i.reason)
            for i in program.items
        ]
    found: list[Highlight] = []
    if history.assessments:
        found = highlights(interpret_assessment(history, catalogue=ctx.catalogue), lang)
    library = exercise_library()
    return title, [
        ProgramLine(
            exercise_name(ctx, i.exercise_code, lang),
            dosage_text(i, lang),
            _why(None if library is None else library.get(i.exercise_code), found, lang),
        )
        for i in program.items
    ]


# At most this many measures get a progress chart: the most limited ones.
MAX_PROGRESS_CHARTS = 3


def _figures(ctx: ServiceContext, history: ClientHistory) -> tuple[list[Any], list[str]]:
    """The key charts, drawn by charts/ from the same history and interpretation, and a
    one-line note for each chart that has nothing to show (instead of half a page saying so).

    Progress over time of the most limited measures (below norm, asymmetric, worse or a
    control deficit at the latest visit), the active-vs-passive gap over time when any
    measure was taken both ways, the limb symmetry chart, the percent-of-norm profile, and
    the outcome scores when any were recorded.
    """
    from mobileathlete_desktop.charts.active_passive import active_passive_figure, gap_series
    from mobileathlete_desktop.charts.kinds import build_chart
    from mobileathlete_desktop.charts.style import figure_messages, is_message_figure

    cat = ctx.catalogue
    latest = interpret_assessment(history, catalogue=cat)
    weight = {"worse": 3, "control_deficit": 3, "below_norm": 2, "asymmetry": 2}
    scored: dict[str, int] = {}
    for row in latest.rows:
        if row.computed or row.code in OUTCOME_CODES:
            continue
        score = sum(weight.get(f, 0) for f in row.flags)
        if score:
            scored[row.code] = max(scored.get(row.code, 0), score)
    limited = sorted(scored, key=lambda c: -scored[c])[:MAX_PROGRESS_CHARTS]
    figures: list[Any] = []
    if len(history.assessments) >= 2:
        figures += [build_chart(history, code, cat) for code in limited]
    gaps = gap_series(history, cat)
    if gaps:
        # The few measures a reader needs (control deficits first, then the largest gaps),
        # in catalogue order; `chart CHART active-passive` draws them all.
        shown = sorted(gaps, key=lambda g: g.priority, reverse=True)[:MAX_GAP_PANELS]
        gaps = [g for g in gaps if g in shown]
        figures.append(active_passive_figure(history, cat, series=gaps))
    figures.append(build_chart(history, "asymmetry", cat))
    figures.append(build_chart(history, "profile", cat))
    if any(m.code in OUTCOME_CODES for a in history.assessments for m in a.measurements):
        figures.append(build_chart(history, "outcomes", cat))
    from mobileathlete_desktop.charts.adherence import adherence_figure
    from mobileathlete_desktop.services.checkins import list_checkins

    checkins = list_checkins(ctx, history.client.id)
    if checkins:  # the home program's adherence beside the LEFS (issue 20)
        figures.append(adherence_figure(history, checkins, cat))
    drawn: list[Any] = []
    notes: list[str] = []
    for figure in figures:
        if not is_message_figure(figure):
            drawn.append(figure)
            continue
        title = next((ax.get_title() for ax in figure.axes if ax.get_title()), "Chart")
        message = " ".join(figure_messages(figure)) or "nothing to show."
        notes.append(f"{title.split(' — ')[0]} — {message[:1].lower()}{message[1:]}")
    return drawn, notes


MAX_GAP_PANELS = 4


def build_progress_report(
    ctx: ServiceContext,
    client_id: int,
    *,
    today: date | None = None,
    charts: bool = True,
    lang: str = "en",
) -> ProgressReport:
    """Everything one client's full record shows, read in one go, in `lang` (the charts'
    own labels are English)."""
    ctx.actor.require("reports.print")
    lang = language_code(lang)
    history = load_history(ctx, client_id)
    visits: Sequence[AssessmentRecord] = history.assessments
    tables = report_tables(ctx, history, lang) if visits else ReportTables()
    title, program = _program(ctx, history, lang)
    figures, chart_notes = _figures(ctx, history) if charts and len(visits) else ([], [])
    latest = history.latest
    return ProgressReport(
        client=history.client,
        clinic=clinic_header(ctx),
        visits=tuple(VisitColumn(a.date, a.kind, a.therapist, a.status) for a in visits),
        rows=tuple(tables.rom),
        tests=tuple(tables.tests),
        outcomes=tuple(tables.outcomes),
        generated_on=today or date.today(),
        therapist=(latest.signed_by or latest.therapist) if latest else "",
        changes=tuple(tables.changes),
        findings=tuple(tables.findings),
        program_title=title,
        program=tuple(program),
        figures=tuple(figures),
        chart_notes=tuple(chart_notes),
        lang=lang,
    )


def clients_assessed_between(ctx: ServiceContext, first: date, last: date) -> list[int]:
    """Ids of every client with an assessment dated from `first` to `last`, by name."""
    ctx.actor.require("assessments.read")
    with ctx.db.reading() as session:
        rows = session.execute(
            select(Client.id)
            .join(Assessment, Assessment.client_id == Client.id)
            .where(Assessment.date >= first, Assessment.date <= last)
            .group_by(Client.id, Client.family_name, Client.given_name)
            .order_by(Client.family_name, Client.given_name, Client.id)
        ).all()
        return [int(r[0]) for r in rows]


def latest_visit(ctx: ServiceContext, client_id: int) -> date | None:
    """The date of the client's latest assessment (what a report of today describes)."""
    return max((a.date for a in list_assessments(ctx, client_id)), default=None)


def client_ids_for_charts(ctx: ServiceContext, charts: Sequence[str]) -> list[int]:
    """Client ids for chart numbers, in the order given (NotFound names a missing one)."""
    from mobileathlete_desktop.services.clients import find_by_chart

    return [find_by_chart(ctx, chart).id for chart in charts]


def client_for_id(ctx: ServiceContext, client_id: int) -> str:
    """The chart number of a client id."""
    with ctx.db.reading() as session:
        row = session.get(Client, client_id)
        if row is None:
            raise NotFound(f"No client with id {client_id}")
        return client_record(row).chart_number


# -- the two-page summary -------------------------------------------------------------------

# Most charts a summary shows, and the tallest a chart's figure is laid out (inches): two
# charts and the program share the second page.
SUMMARY_CHARTS = 2
SUMMARY_FIGURE_HEIGHT = 3.6
# A control deficit's gap chart shows at most this many measures.
SUMMARY_GAP_PANELS = 2


def _resized(figure: Any, height: float = SUMMARY_FIGURE_HEIGHT) -> Any:
    """A tall chart laid out lower (its panels share the height, its text keeps its size), so
    that at the page's width it stays within the summary's chart height and is not drawn
    narrow with small text."""
    width, drawn = figure.get_size_inches()
    if drawn > height:
        figure.set_size_inches(width, height)
    return figure


# Outcome panels stacked: this much height (inches) each, plus the title and dates.
OUTCOME_PANEL_HEIGHT = 2.1


def _summary_charts(
    ctx: ServiceContext,
    history: ClientHistory,
    found: Sequence[Highlight],
    episode: Sequence[ChangeLine],
    lang: str,
) -> list[Chart]:
    """One or two charts chosen for this client: the active–passive gap of its control
    deficits, its outcome scores over the visits, the measure that changed most."""
    from mobileathlete_desktop.charts.active_passive import active_passive_figure, gap_series
    from mobileathlete_desktop.charts.kinds import build_chart
    from mobileathlete_desktop.charts.outcomes import outcomes_figure
    from mobileathlete_desktop.charts.style import is_message_figure

    tr = texts(lang)
    cat = ctx.catalogue
    chosen: list[Chart] = []
    deficits = list(dict.fromkeys(h.code for h in found if h.kind == KIND_CONTROL))
    if deficits:
        series = [s for s in gap_series(history, cat) if s.code in deficits]
        series = sorted(series, key=lambda s: deficits.index(s.code))[:SUMMARY_GAP_PANELS]
        if series:
            figure = active_passive_figure(history, cat, series=series)
            caption = tr.gettext(
                "Active against passive range over the visits: a gap above the shaded "
                "measurement error is a control deficit."
            )
            chosen.append(Chart(_resized(figure), caption))
    if len(history.assessments) >= 2:
        scored = [
            code
            for code in ("nprs", "lefs.total", "psfs.average")
            if any(m.code == code for a in history.assessments for m in a.measurements)
            or (code == "lefs.total" and any(a.outcomes for a in history.assessments))
        ]
        if scored:
            figure = outcomes_figure(history, scored, catalogue=cat)
            caption = tr.gettext(
                "Outcome scores over the visits: the band is the measurement error around the "
                "first score, the dashed lines the clinically important difference."
            )
            panels = OUTCOME_PANEL_HEIGHT * len(scored) + 0.7
            chosen.append(Chart(_resized(figure, panels), caption))
        measured = [c for c in episode if c.code not in OUTCOME_CODES]
        if measured:
            most = max(measured, key=lambda c: c.size)
            measure = measure_for(most.code, cat)
            figure = build_chart(history, most.code, cat)
            label = measure.label_in(lang) if measure is not None else most.code
            caption = tr.gettext(
                "{measure} at each visit: the measure that changed most since the first visit.",
                measure=label,
            )
            chosen.append(Chart(_resized(figure), caption))
    return [c for c in chosen if not is_message_figure(c.figure)][:SUMMARY_CHARTS]


def _why(exercise: Any, found: Sequence[Highlight], lang: str) -> str:
    """Why a drill is in the program, in `lang`: the finding it works on ("Control deficit:
    Hip internal rotation, right"), else what kind of drill it is."""
    if exercise is None:
        return ""
    target = next((h for h in found if exercise.targets_any(h.code)), None)
    if target is not None:
        return f"{target.title(lang)}: {target.name}"
    return texts(lang).gettext(CATEGORY_WHY.get(exercise.category, exercise.category))


def _summary_program(
    ctx: ServiceContext, client_id: int, found: Sequence[Highlight], lang: str
) -> tuple[str, list[DrillLine], ProgramRecord | None]:
    """The current home program (the latest saved, else the one recommended from the latest
    assessment) as drill, dose and why; `why` names the finding a drill works on."""
    from mobileathlete_desktop.services.programs import (
        exercise_library,
        latest_program,
        recommended_program,
    )

    tr = texts(lang)
    program = latest_program(ctx, client_id)
    if program is not None:
        title = program.title or tr.gettext("Home program")
        if program.date:
            title += f" ({tr.date(program.date, 'medium')})"
    else:
        program, _warnings = recommended_program(ctx, client_id, lang=lang)
        title = tr.gettext("Recommended from the latest assessment (not yet saved)")
    library = exercise_library()
    lines = []
    for item in program.items:
        exercise = None if library is None else library.get(item.exercise_code)
        name = exercise.name(lang) if exercise is not None else item.exercise_code
        why = _why(exercise, found, lang)
        lines.append(DrillLine(name, dosage_text(item, lang), why))
    return title, lines, program if program.id is not None else None


def _adherence(
    ctx: ServiceContext, lines: list[DrillLine], program: ProgramRecord | None, lang: str
) -> tuple[list[DrillLine], str]:
    """Sessions done per drill and a sentence on the client's latest check-in (self-report;
    usually of the program before this one, so a drill kept since then shows how it went),
    when one was recorded; the lines unchanged otherwise."""
    from mobileathlete_desktop.services.checkins import latest_checkin

    if program is None or program.client_id is None:
        return lines, ""
    checkin = latest_checkin(ctx, program.client_id)
    if checkin is None:
        return lines, ""
    tr = texts(lang)
    by_code = {i.exercise_code: i for i in checkin.items}
    shown = []
    for line, item in zip(lines, program.items, strict=True):
        got = by_code.get(item.exercise_code)
        if got is not None and got.done is not None:
            done = tr.gettext("{done} of {prescribed}", done=got.done, prescribed=got.prescribed)
            line = replace(line, done=done)
        shown.append(line)
    share = checkin.adherence
    if share is None:
        return shown, ""
    percent = f"{share * 100:.0f}%"
    said = tr.gettext(
        "At the check-in of {date} (self-report), {percent} of the prescribed sessions had "
        "been done.",
        date=tr.date(checkin.date, "medium"),
        percent=percent,
    )
    if checkin.ears_total is not None:
        said += " " + tr.gettext(
            "Exercise Adherence Rating Scale {total}/24 (higher is better).",
            total=checkin.ears_total,
        )
    return shown, said


def _with_outcome_notes(ctx: ServiceContext, history: ClientHistory, said: str, lang: str) -> str:
    """The adherence sentence, then where the LEFS changed beyond its measurement error while
    the home program was mostly skipped, a sentence saying so (domain.checkins, issue 20)."""
    from mobileathlete_desktop.domain.checkins import outcome_adherence_notes
    from mobileathlete_desktop.services.checkins import list_checkins

    found = list_checkins(ctx, history.client.id)
    notes = outcome_adherence_notes(history, found, ctx.catalogue, lang) if found else []
    return " ".join(part for part in (said, *notes) if part)


CATEGORY_WHY = {
    "control": N_("Movement control"),
    "mobility": N_("Mobility"),
    "strength": N_("Strength"),
    "running": N_("Running form and load"),
    "stretch": N_("Flexibility"),
}


def _plan(history: ClientHistory, program: ProgramRecord | None, lang: str) -> tuple[str, str]:
    """The plan (the latest visit's notes and the program's notes) and the next visit."""
    from mobileathlete_desktop.domain.programs import DEFAULT_WEEKS

    tr = texts(lang)
    latest = history.latest
    if latest is None:
        return "", ""
    parts = []
    if latest.notes.strip():
        parts.append(
            tr.gettext(
                "Notes of {date}: {notes}",
                date=tr.date(latest.date, "medium"),
                notes=" ".join(latest.notes.split()),
            )
        )
    if program is not None and (program.notes or program.summary).strip():
        parts.append(" ".join((program.notes or program.summary).split()))
    if latest.kind == "discharge":
        return " ".join(parts), tr.gettext(
            "Discharged on {date}: no further visit planned.", date=tr.date(latest.date, "medium")
        )
    weeks = (program.weeks if program is not None else None) or DEFAULT_WEEKS
    start = program.date if program is not None and program.date else latest.date
    due = start + timedelta(weeks=weeks)
    return " ".join(parts), tr.ngettext(
        "Next visit: in about {count} week, around {date}, when the home program has run its "
        "course.",
        "Next visit: in about {count} weeks, around {date}, when the home program has run its "
        "course.",
        weeks,
        date=tr.date(due, "medium"),
    )


def build_summary_report(
    ctx: ServiceContext,
    client_id: int,
    *,
    lang: str = "en",
    today: date | None = None,
    charts: bool = True,
) -> SummaryReport:
    """One client's two-page summary in `lang`: findings ranked by `highlights`, changes
    since the first and the last visit by `change_lines`, charts chosen for the client."""
    ctx.actor.require("reports.print")
    lang = language_code(lang)
    history = load_history(ctx, client_id)
    cat = ctx.catalogue
    visits = history.assessments
    found: list[Highlight] = []
    shown: list[Highlight] = []
    since_first: list[str] = []
    since_last: list[str] = []
    episode: list[ChangeLine] = []
    more = 0
    if visits:
        latest = interpret_assessment(history, catalogue=cat)
        found = highlights(latest, lang, cat)
        shown = highlights(latest, lang, cat, limit=MAX_FINDINGS)
        if len(visits) >= 2:
            episode = change_lines(episode_interpretation(history, cat), lang, cat)
            since_first = [c.text for c in episode[:MAX_CHANGES]]
            more += max(0, len(episode) - MAX_CHANGES)
        if len(visits) >= 3:
            recent = change_lines(latest, lang, cat)
            since_last = [c.text for c in recent[:MAX_CHANGES]]
            more += max(0, len(recent) - MAX_CHANGES)
    title, program, saved = _summary_program(ctx, client_id, found, lang)
    program, adherence = _adherence(ctx, program, saved, lang)
    adherence = _with_outcome_notes(ctx, history, adherence, lang)
    plan, next_visit = _plan(history, saved, lang)
    last = history.latest
    return SummaryReport(
        client=history.client,
        clinic=clinic_header(ctx),
        generated_on=today or date.today(),
        lang=lang,
        visit_dates=tuple(a.date for a in visits),
        findings=tuple(FindingLine(h.title(lang), h.text) for h in shown),
        more_findings=len(found) - len(shown),
        since_first=tuple(since_first),
        since_last=tuple(since_last),
        more_changes=more,
        charts=tuple(_summary_charts(ctx, history, found, episode, lang)) if charts else (),
        program_title=title,
        program=tuple(program),
        adherence=adherence,
        plan=plan,
        next_visit=next_visit if visits else "",
        therapist=(last.signed_by or last.therapist) if last else "",
    )
