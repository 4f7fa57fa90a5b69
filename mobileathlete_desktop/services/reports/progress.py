"""One client's progress report (clinic header, tables, program, charts) and which clients
to report on."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import select

from mobileathlete_desktop.domain.interpretation import interpret_assessment
from mobileathlete_desktop.domain.programs import dosage_text
from mobileathlete_desktop.domain.records import AssessmentRecord, ClientHistory
from mobileathlete_desktop.domain.treatments import treatment_line
from mobileathlete_desktop.reports.numbers import decimal_marks
from mobileathlete_desktop.reports.pdf import ClinicHeader
from mobileathlete_desktop.reports.progress_report import ProgramLine, ProgressReport, VisitColumn
from mobileathlete_desktop.services.assessments import list_assessments, load_history
from mobileathlete_desktop.services.clients import to_record as client_record
from mobileathlete_desktop.services.context import NotFound, ServiceContext
from mobileathlete_desktop.services.media import stills_for_report
from mobileathlete_desktop.services.reports.tables import OUTCOME_CODES, ReportTables, report_tables
from mobileathlete_desktop.services.treatments import treatments_by_assessment
from mobileathlete_desktop.storage.models import Assessment, Client, Clinic
from mobileathlete_desktop.support.i18n import texts
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
) -> tuple[str, list[ProgramLine], tuple[str, ...], tuple[str, ...]]:
    """The latest saved program's drills, each with the finding it works on, as the summary
    says it (services.reports.summary.drill_why: the recommender's own matching, in `lang`).
    The items' saved reasons are not printed: a program progressed at a check-in saves there
    the check-in's reasons (codes said in the reader's language, domain.checkin_reasons: "done
    11 of 28 sessions (39 %): kept..."), for the therapist; this line names the finding. Then
    the program's open review flags (services.reports.review), as the summary lists them. The
    program as the runner's handout prints it (services.reports.held_back.as_handed_out), and
    a line for each drill it leaves out, after the flags; last, those lines alone."""
    from mobileathlete_desktop.services.programs import (
        exercise_library,
        exercise_name,
        latest_program,
        library_drills,
        observations,
    )
    from mobileathlete_desktop.services.reports.held_back import as_handed_out, held_lines
    from mobileathlete_desktop.services.reports.summary import drill_why, open_review

    program = latest_program(ctx, history.client.id)
    if program is None:
        return "", [], (), ()
    program, held = as_handed_out(ctx, history.client.id, program)
    tr = texts(lang)
    title = program.title or tr.gettext("Home program")
    if program.date:
        title += f" ({tr.date(program.date, 'medium')})"
    library = exercise_library()
    drills = {d.code: d for d in library_drills(library)} if library is not None else {}
    found = observations(ctx, history)
    lines = [
        ProgramLine(
            exercise_name(ctx, i.exercise_code, lang),
            decimal_marks(dosage_text(i, lang), tr),  # a load as typed: "2.5 kg"
            decimal_marks(
                drill_why(
                    None if library is None else library.get(i.exercise_code),
                    drills.get(i.exercise_code),
                    found,
                    lang,
                    ctx.catalogue,
                ),
                tr,
            ),
        )
        for i in program.items
    ]
    held_back = held_lines(held, lang, library)
    return title, lines, (*open_review(ctx, history, program, lang)[0], *held_back), held_back


# At most this many measures get a progress chart: the most limited ones.
MAX_PROGRESS_CHARTS = 3


def _figures(
    ctx: ServiceContext, history: ClientHistory, lang: str = "en"
) -> tuple[list[Any], list[str]]:
    """The key charts in `lang`, drawn by charts/ from the same history and interpretation,
    and a one-line note for each chart that has nothing to show (instead of half a page).

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
        figures += [build_chart(history, code, cat, lang=lang) for code in limited]
    gaps = gap_series(history, cat)
    if gaps:
        # The few measures a reader needs (control deficits first, then the largest gaps),
        # in catalogue order; `chart CHART active-passive` draws them all.
        shown = sorted(gaps, key=lambda g: g.priority, reverse=True)[:MAX_GAP_PANELS]
        gaps = [g for g in gaps if g in shown]
        figures.append(active_passive_figure(history, cat, series=gaps, lang=lang))
    figures.append(build_chart(history, "asymmetry", cat, lang=lang))
    figures.append(build_chart(history, "profile", cat, lang=lang))
    if any(m.code in OUTCOME_CODES for a in history.assessments for m in a.measurements):
        figures.append(build_chart(history, "outcomes", cat, lang=lang))
    from mobileathlete_desktop.charts.adherence import adherence_figure
    from mobileathlete_desktop.services.checkins import list_checkins

    checkins = list_checkins(ctx, history.client.id)
    if checkins:  # the home program's adherence beside the LEFS (issue 20)
        figures.append(adherence_figure(history, checkins, cat, lang=lang))
    drawn: list[Any] = []
    notes: list[str] = []
    for figure in figures:
        if not is_message_figure(figure):
            drawn.append(figure)
            continue
        tr = texts(lang)
        title = next(
            (ax.get_title() for ax in figure.axes if ax.get_title()),
            tr.pgettext("a drawing", "Chart"),
        )
        message = " ".join(figure_messages(figure)) or tr.gettext("nothing to show.")
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
    """Everything one client's full record shows, read in one go, in `lang` (the charts
    too)."""
    ctx.actor.require("reports.print")
    lang = language_code(lang)
    history = load_history(ctx, client_id)
    visits: Sequence[AssessmentRecord] = history.assessments
    tables = report_tables(ctx, history, lang) if visits else ReportTables()
    title, program, review, held = _program(ctx, history, lang)
    figures, chart_notes = _figures(ctx, history, lang) if charts and len(visits) else ([], [])
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
        reference_note=tables.reference_note,
        program_title=title,
        program=tuple(program),
        review=review,
        all_held_back=bool(held) and not program,
        figures=tuple(figures),
        chart_notes=tuple(chart_notes),
        lang=lang,
        treatments=_treatments(ctx, client_id, visits, lang),
        stills=tuple(stills_for_report(ctx, client_id, lang)) if visits else (),
    )


def _treatments(
    ctx: ServiceContext, client_id: int, visits: Sequence[AssessmentRecord], lang: str
) -> tuple[tuple[date, str], ...]:
    """The treatment given at each visit that recorded one, in visit order, as one line."""
    if not visits:
        return ()
    given = treatments_by_assessment(ctx, client_id)
    lines = ((visit.date, treatment_line(given.get(visit.id, ()), lang)) for visit in visits)
    return tuple((on, line) for on, line in lines if line)


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
