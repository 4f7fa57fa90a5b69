"""Printing client progress reports: one client, or every client seen on a day or in a range."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from mobileathlete_desktop.domain.exercises import Exercise
from mobileathlete_desktop.domain.interpretation import (
    FLAG_CLINICALLY_IMPORTANT,
    Interpretation,
    interpret_assessment,
    interpret_history,
    measure_for,
)
from mobileathlete_desktop.domain.programs import ProgramItemRecord, ProgramRecord, dosage_text
from mobileathlete_desktop.domain.records import AssessmentRecord, ClientHistory
from mobileathlete_desktop.reports.handout import Handout, HandoutDrill, has_picture, write_handout
from mobileathlete_desktop.reports.pdf import ClinicHeader, OutputError, write_atomically
from mobileathlete_desktop.reports.progress_report import (
    MeasureRow,
    ProgramLine,
    ProgressReport,
    VisitColumn,
    write_progress_reports,
)
from mobileathlete_desktop.services.assessments import list_assessments, load_history
from mobileathlete_desktop.services.audit import record_event
from mobileathlete_desktop.services.clients import to_record as client_record
from mobileathlete_desktop.services.context import InputError, NotFound, ServiceContext
from mobileathlete_desktop.storage.models import Assessment, Client, Clinic

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


@dataclass(frozen=True)
class BatchResult:
    """What a batch print produced: the files written and the clients in them."""

    files: tuple[Path, ...]
    chart_numbers: tuple[str, ...]
    cancelled: bool = False


def clinic_header(ctx: ServiceContext) -> ClinicHeader:
    """The clinic's name, address, phone, email and logo as printed on every document."""
    with ctx.db.session() as session:
        row = session.execute(select(Clinic).order_by(Clinic.id).limit(1)).scalar_one_or_none()
        if row is None:
            return ClinicHeader()
        return ClinicHeader(row.name, row.address, row.phone, row.email, row.logo)


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return ""
    return f"{value:g}{unit}" if unit in ("°", "%") else f"{value:g} {unit}".strip()


def _side(side: str) -> str:
    return {"left": "L", "right": "R"}.get(side, "")


logger = logging.getLogger(__name__)

# Flags of the latest visit as the Flags column words them (improved and worse are in the
# Change column; a crossed reference point is worded from the row, see _flag_words).
FLAG_WORDS = {
    "below_norm": "below norm",
    "above_norm": "above norm",
    "asymmetry": "asymmetry",
    "control_deficit": "control deficit",
    "pain": "pain",
    "faults": "movement faults",
    "cutoff": "past a reference point (not a risk prediction)",
    "clinically_important": "clinically important change since the last visit",
}


def _flag_words(row: Interpretation) -> tuple[str, ...]:
    """The Flags cell of a row: each flag in words; a crossed reference point names itself
    ("below the 94 % reference point of plisky-2006 (not a risk prediction)")."""
    words = []
    for flag in row.flags:
        if flag == "cutoff" and row.norm.cutoff:
            words.append(f"{row.norm.cutoff.split(' (', 1)[0]} (not a risk prediction)")
        elif flag in FLAG_WORDS:
            words.append(FLAG_WORDS[flag])
    return tuple(words)


Key = tuple[str, str, str]


@dataclass(frozen=True)
class _Tables:
    """The report's value tables and its list of changes, built from one interpretation."""

    rom: list[MeasureRow]
    tests: list[MeasureRow]
    outcomes: list[MeasureRow]
    changes: list[str]
    findings: list[str]


def _is_outcome(code: str, measure: Any) -> bool:
    return code in OUTCOME_CODES or (measure is not None and measure.region == "outcome")


def _row_name(label: str, side: str, mode: str) -> str:
    """ "Right hip extension (active)", "Pain (NPRS 0-10)": how a change line names its row."""
    name = label if mode == "none" else f"{label} ({mode})"
    if side in ("left", "right"):
        return f"{side.capitalize()} {name[:1].lower()}{name[1:]}"
    return name


def _episode_changes(
    history: ClientHistory, cat: Any, present: dict[Key, list[int]]
) -> dict[Key, Interpretation]:
    """Each row's latest recording judged against its first one (the change over the episode).

    The same `interpret_assessment` as everywhere else, on the history cut down to the two
    visits, so "improved", "worse" (beyond MDC95) and "clinically important" (MCID) follow
    the catalogue's rules, raters and instruments exactly.
    """
    visits = history.assessments
    pairs: dict[tuple[int, int], list[Key]] = {}
    for key, indexes in present.items():
        if len(indexes) >= 2:
            pairs.setdefault((indexes[0], indexes[-1]), []).append(key)
    judged: dict[Key, Interpretation] = {}
    for (first, last), keys in pairs.items():
        scoped = replace(history, assessments=(visits[first], visits[last]))
        result = interpret_assessment(scoped, visits[last].id, cat)
        for key in keys:
            row = result.row(*key)  # type: ignore[arg-type]
            if row is not None:
                judged[key] = row
    return judged


def _change_text(row: Interpretation | None) -> str:
    """The Change cell: the delta, and what holds of it ("-2 (improved: MCID)", "+6 (worse:
    MDC)", "+9 (improved: MDC, MCID)"): MDC that it is beyond the measurement error, MCID
    that it reaches the minimal clinically important difference."""
    if row is None or row.change.delta is None:
        return ""
    change = row.change
    text = f"{change.delta:+g}"
    holds = [
        name for name, true in (("MDC", change.beyond_error), ("MCID", _important(row))) if true
    ]
    if not holds or change.verdict not in ("improved", "worse"):
        return text
    return f"{text} ({change.verdict}: {', '.join(holds)})"


def _important(row: Interpretation) -> bool:
    """Whether the change reaches the MCID (the interpretation's judgement)."""
    return bool(row.change.important) or FLAG_CLINICALLY_IMPORTANT in row.flags


def _amount(value: float | None, unit: str) -> str:
    """A size as an adjective: "2-point", "9-point", "1.9 cm", "4°"."""
    if value is None:
        return ""
    if unit in ("points", "point"):
        return f"{value:g}-point"
    return _fmt(value, unit)


def _mcid_words(row: Interpretation, measure: Any, unit: str) -> str:
    """The MCID as printed ("2-point or 30%", "9-point"), from the catalogue's
    Measure.important_change; the interpretation's text when the measure is not known."""
    mcid = getattr(measure, "important_change", None)
    if mcid is None:
        return row.change.mcid
    parts = []
    if mcid.points is not None:
        parts.append(_amount(mcid.points, unit))
    if mcid.percent is not None:
        parts.append(f"{mcid.percent:g}%")
    return " or ".join(parts)


def _change_line(
    row: Interpretation, first_date: date, unit: str, measure: Any = None
) -> str | None:
    """A "What changed" line, or None when the row did not change (or cannot be judged).

    Says exactly what holds: beyond the measurement error (Change.beyond_error), clinically
    important (Change.important), or both; and, where one of the two is known not to hold,
    that too ("clinically important (reaches the 2-point MCID, farrar-2001); within the
    2-point measurement error (childs-2005)").
    """
    change = row.change
    beyond = bool(change.beyond_error)
    important = _important(row)
    if not (beyond or important) or change.previous_value is None:
        return None
    if change.verdict not in ("improved", "worse"):
        return None
    name = _row_name(row.label, row.side, row.mode)
    head = (
        f"{name}: {_fmt(change.previous_value, unit)} ({first_date.isoformat()}) → {row.value_text}"
    )
    cited = f" ({change.source})" if change.source else ""
    error = f"the {_amount(change.mdc, unit)} measurement error{cited}"
    mcid = _mcid_words(row, measure, unit)
    mcid_source = f", {change.mcid_source}" if change.mcid_source else ""
    reaches = f"reaches the {mcid} MCID{mcid_source}" if mcid else "reaches the MCID"
    if beyond and important:
        said = f"beyond {error} and clinically important ({reaches})"
    elif important:
        said = f"clinically important ({reaches})"
        if change.beyond_error is False and change.mdc is not None:
            said += f"; within {error}"
    else:
        said = f"beyond {error}"
        if change.important is False and mcid:
            said += f"; short of the {mcid} MCID{mcid_source}"
    return f"{head}: {change.verdict}, {said}"


def _rating_cell(row: Interpretation) -> str:
    """A motor-control rating as a table cell: "poor, 3 faults" (the faults are named in the
    movement findings, where a line has room for them)."""
    rating = row.value_text.split(" (", 1)[0]
    count = len(row.faults)
    return rating if not count else f"{rating}, {count} fault{'s' if count > 1 else ''}"


def _finding_line(
    latest: Interpretation,
    by_visit: dict[int, Interpretation],
    visits: Sequence[AssessmentRecord],
) -> str:
    """A motor-control test at the latest visit, with what its first recording showed."""
    name = latest.label + (f" ({latest.side})" if latest.side != "none" else "")
    line = f"{name}: {latest.value_text} at the latest visit"
    first = min(by_visit)
    if first != len(visits) - 1:
        line += f"; {by_visit[first].value_text} on {visits[first].date.isoformat()}"
    return line


def _rows(ctx: ServiceContext, history: ClientHistory) -> _Tables:
    """The value tables (range of motion; tests and computed scores; outcome scores) and the
    changes over the episode.

    Values come from each visit's interpretation, so computed scores (Y-balance composite,
    FMS total, LEFS) appear beside what was measured. Norms and flags are those of the latest
    visit; the change column and "What changed" compare each row's latest recording with its
    first (`_episode_changes`): only rows that improved or worsened beyond the measurement
    error, or changed by a clinically important amount, are listed as changes.
    """
    cat = ctx.catalogue
    visits = history.assessments
    per_visit = interpret_history(history, cat)
    values: dict[Key, dict[int, Interpretation]] = {}
    for index, result in enumerate(per_visit):
        for r in result.rows:
            values.setdefault((r.code, r.side, r.mode), {})[index] = r
    present = {key: sorted(by_visit) for key, by_visit in values.items()}
    latest = per_visit[-1]
    judged: dict[Key, Interpretation] = {(r.code, r.side, r.mode): r for r in latest.rows}
    episode = _episode_changes(history, cat, present)
    order = {code: i for i, code in enumerate(cat.measures)}
    side_order = {"left": 0, "right": 1, "none": 2}
    mode_order = {"active": 0, "passive": 1, "none": 2}
    tables = _Tables([], [], [], [], [])
    worse: list[str] = []
    for key in sorted(
        values,
        key=lambda k: (
            order.get(k[0], 10**6),
            k[0],
            side_order.get(k[1], 3),
            mode_order.get(k[2], 3),
        ),
    ):
        code, side, mode = key
        measure = measure_for(code, cat)
        by_visit = values[key]
        sample = by_visit[present[key][-1]]
        unit = sample.unit
        label = sample.label if mode == "none" else f"{sample.label} ({mode})"
        row = judged.get(key)
        norm_text = ""
        flags: tuple[str, ...] = ()
        if row is not None:
            if row.norm.norm is not None:
                norm_text = _fmt(round(row.norm.norm.mean, 1), unit)
            flags = _flag_words(row)
        change = episode.get(key)
        motor = measure is not None and bool(measure.faults)
        if motor and key in judged:
            tables.findings.append(_finding_line(judged[key], by_visit, visits))
        measure_row = MeasureRow(
            label=label,
            side=_side(side),
            values=tuple(
                (_rating_cell(by_visit[i]) if motor else by_visit[i].value_text)
                if i in by_visit
                else ""
                for i in range(len(visits))
            ),
            norm=norm_text,
            change=_change_text(change),
            flags=flags,
            code=code,
        )
        if _is_outcome(code, measure):
            tables.outcomes.append(measure_row)
        elif measure is not None and measure.kind == "rom":
            tables.rom.append(measure_row)
        else:
            tables.tests.append(measure_row)
        if change is not None:
            line = _change_line(change, visits[present[key][0]].date, unit, measure)
            if line is not None:
                (worse if change.change.verdict == "worse" else tables.changes).append(line)
    tables.changes[:0] = worse  # what got worse first
    return tables


def _program(ctx: ServiceContext, client_id: int) -> tuple[str, list[ProgramLine]]:
    from mobileathlete_desktop.services.programs import exercise_name, latest_program

    program = latest_program(ctx, client_id)
    if program is None:
        return "", []
    title = program.title or "Home program"
    if program.date:
        title += f" ({program.date.isoformat()})"
    return title, [
        ProgramLine(exercise_name(ctx, item.exercise_code, "en"), dosage_text(item), item.reason)
        for item in program.items
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


OUTCOME_CODES = frozenset({"lefs.total", "nprs", "psfs.average"})
MAX_GAP_PANELS = 4


def build_progress_report(
    ctx: ServiceContext, client_id: int, *, today: date | None = None, charts: bool = True
) -> ProgressReport:
    """Everything one client's progress report shows, read in one go."""
    ctx.actor.require("reports.print")
    history = load_history(ctx, client_id)
    visits: Sequence[AssessmentRecord] = history.assessments
    tables = _rows(ctx, history) if visits else _Tables([], [], [], [], [])
    title, program = _program(ctx, client_id)
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
    )


def clients_assessed_between(ctx: ServiceContext, first: date, last: date) -> list[int]:
    """Ids of every client with an assessment dated from `first` to `last`, by name."""
    ctx.actor.require("assessments.read")
    with ctx.db.session() as session:
        rows = session.execute(
            select(Client.id)
            .join(Assessment, Assessment.client_id == Client.id)
            .where(Assessment.date >= first, Assessment.date <= last)
            .group_by(Client.id, Client.family_name, Client.given_name)
            .order_by(Client.family_name, Client.given_name, Client.id)
        ).all()
        return [int(r[0]) for r in rows]


def _audit(ctx: ServiceContext, reports: Sequence[ProgressReport], path: Path) -> None:
    _audit_files(
        ctx,
        [_Written(r.client.id, r.client.chart_number, str(path), len(r.visits)) for r in reports],
    )


def write_report(ctx: ServiceContext, client_id: int, path: Path) -> ProgressReport:
    """Writes one client's progress report to a PDF file (atomically) and audits it."""
    report = build_progress_report(ctx, client_id)
    _write(path, [report])
    _audit(ctx, [report], path)
    return report


def _write(path: Path, reports: Sequence[ProgressReport]) -> None:
    try:
        write_atomically(path, lambda fh: write_progress_reports(fh, reports))
    except OutputError as exc:
        raise InputError(str(exc)) from exc
    except PermissionError as exc:
        raise InputError(f"Cannot write {path}: permission denied") from exc


def write_batch(
    ctx: ServiceContext,
    client_ids: Sequence[int],
    out: Path,
    *,
    label: str = "",
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> BatchResult:
    """Progress reports for many clients: one combined PDF, or one file each into a folder.

    `out` an existing folder → one `<chart>_<date of the latest visit>.pdf` per client (the
    label for a client without visits); otherwise one combined PDF at `out`.
    `progress(done, total)` is called after each client; when `cancelled()` turns true the
    batch stops, keeps the files already finished and writes no half file.
    """
    ctx.actor.require("reports.print")
    if not client_ids:
        raise InputError("No clients to report on")
    total = len(client_ids)
    label = label or date.today().isoformat()
    per_client = out.is_dir()
    if not per_client and out.suffix.lower() != ".pdf":
        raise InputError(f"{out} is neither an existing folder nor a .pdf file name")
    files: list[Path] = []
    charts: list[str] = []
    reports: list[ProgressReport] = []
    if per_client and _pool_size(ctx, total) > 1:
        return _write_batch_in_processes(ctx, client_ids, out, label, progress, cancelled)
    for done, client_id in enumerate(client_ids, start=1):
        if cancelled is not None and cancelled():
            return BatchResult(tuple(files), tuple(charts), cancelled=True)
        try:
            report = build_progress_report(ctx, client_id)
        except NotFound:
            raise
        charts.append(report.client.chart_number)
        if per_client:
            path = out / report_file_name(report.client.chart_number, _last_visit(report), label)
            _write(path, [report])
            _audit(ctx, [report], path)
            files.append(path)
        else:
            reports.append(report)
        if progress is not None:
            progress(done, total)
    if not per_client:
        if cancelled is not None and cancelled():
            return BatchResult((), tuple(charts), cancelled=True)
        _write(out, reports)
        _audit(ctx, reports, out)
        files.append(out)
    return BatchResult(tuple(files), tuple(charts))


# A batch of at least this many per-client files uses every core: matplotlib draws on one
# thread at a time, so the charts of a day's reports are drawn in worker processes.
POOL_MIN_CLIENTS = 4


def _pool_size(ctx: ServiceContext, total: int) -> int:
    """How many worker processes a folder batch of `total` reports should use (1: none)."""
    import os
    import sys

    cores = os.cpu_count() or 1
    in_memory = ctx.db.url.get_backend_name() == "sqlite" and ctx.db.url.database in (
        None,
        "",
        ":memory:",
    )
    if total < POOL_MIN_CLIENTS or cores < 2 or in_memory or getattr(sys, "frozen", False):
        return 1
    return min(cores, total)


@dataclass(frozen=True)
class _Written:
    """What a worker process reports back: enough to audit and list the file."""

    client_id: int
    chart_number: str
    path: str
    visits: int


def _report_job(url: str, actor: Any, client_id: int, folder: str, label: str) -> _Written:
    """In a worker process: one client's progress report built and written to the folder."""
    from mobileathlete_desktop.storage.database import open_database

    db = open_database(url, migrate=False, full_check=False)
    try:
        ctx = ServiceContext(db=db, actor=actor)
        report = build_progress_report(ctx, client_id)
        chart = report.client.chart_number
        path = Path(folder) / report_file_name(chart, _last_visit(report), label)
        _write(path, [report])
        return _Written(client_id, chart, str(path), len(report.visits))
    finally:
        db.dispose()


def _write_batch_in_processes(
    ctx: ServiceContext,
    client_ids: Sequence[int],
    out: Path,
    label: str,
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> BatchResult:
    """The folder batch on every core (spawned workers: no forked Qt or database state).

    Each file is written atomically by its worker; this process audits each as it arrives,
    reports progress, and on cancel drops the reports not started and keeps those written.
    """
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait

    total = len(client_ids)
    url = ctx.db.url.render_as_string(hide_password=False)
    written: dict[int, _Written] = {}
    stopped = False
    with ProcessPoolExecutor(
        max_workers=_pool_size(ctx, total), mp_context=multiprocessing.get_context("spawn")
    ) as pool:
        pending: set[Future[_Written]] = {
            pool.submit(_report_job, url, ctx.actor, cid, str(out), label) for cid in client_ids
        }
        while pending:
            finished, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
            for future in finished:
                if future.cancelled():
                    continue
                done = future.result()  # a worker's error ends the batch, as it would serially
                written[done.client_id] = done
                _audit_files(ctx, [done])
                if progress is not None:
                    progress(len(written), total)
            if not stopped and cancelled is not None and cancelled():
                stopped = True
                for future in pending:
                    future.cancel()
    order = [written[cid] for cid in client_ids if cid in written]
    return BatchResult(
        tuple(Path(w.path) for w in order),
        tuple(w.chart_number for w in order),
        cancelled=stopped and len(written) < total,
    )


def _audit_files(ctx: ServiceContext, written: Sequence[_Written]) -> None:
    """One `report.print` event a client's report written, in one unit of work."""
    with ctx.db.session() as session:
        for w in written:
            record_event(
                session,
                ctx.actor,
                "report.print",
                entity="client",
                entity_id=w.client_id,
                client_id=w.client_id,
                detail={"file": Path(w.path).name, "visits": w.visits},
            )


def record_printed(
    ctx: ServiceContext, kind: str, client_ids: Sequence[int], *, printer: str, pages: int
) -> None:
    """Audits a document sent to a printer: one `<kind>.printed` event per client in it."""
    permission = {"report": "reports.print", "handout": "handouts.print"}.get(kind)
    if permission is None:
        raise InputError(f"Unknown document kind {kind!r}")
    ctx.actor.require(permission)
    with ctx.db.session() as session:
        for client_id in client_ids:
            record_event(
                session,
                ctx.actor,
                f"{kind}.printed",
                entity="client",
                entity_id=client_id,
                client_id=client_id,
                detail={"printer": printer, "pages": pages},
            )


def _last_visit(report: ProgressReport) -> date | None:
    return max((v.date for v in report.visits), default=None)


def report_file_name(chart: str, visit: date | None, fallback: str = "", kind: str = "") -> str:
    """A client's report file: chart number and the date of the visit it reports on.

    `<chart>_<visit>.pdf`, or `<chart>_<kind>_<visit>.pdf`; the fallback (today's date when
    empty) stands in for a client without visits.
    """
    when = visit.isoformat() if visit else (fallback or date.today().isoformat())
    return "_".join(p for p in (_safe(chart), kind, when) if p) + ".pdf"


def latest_visit(ctx: ServiceContext, client_id: int) -> date | None:
    """The date of the client's latest assessment (what a report of today describes)."""
    return max((a.date for a in list_assessments(ctx, client_id)), default=None)


def _safe(chart: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in chart)


def client_ids_for_charts(ctx: ServiceContext, charts: Sequence[str]) -> list[int]:
    """Client ids for chart numbers, in the order given (NotFound names a missing one)."""
    from mobileathlete_desktop.services.clients import find_by_chart

    return [find_by_chart(ctx, chart).id for chart in charts]


def client_for_id(ctx: ServiceContext, client_id: int) -> str:
    """The chart number of a client id."""
    with ctx.db.session() as session:
        row = session.get(Client, client_id)
        if row is None:
            raise NotFound(f"No client with id {client_id}")
        return client_record(row).chart_number


@dataclass(frozen=True)
class HandoutResult:
    """A written handout: where, which program, and what was missing (named in warnings)."""

    path: Path
    program: ProgramRecord
    warnings: tuple[str, ...]


# Size the drill figures are drawn at (points); the handout scales them into its picture box.
DRAWING_SIZE = (240.0, 160.0)


def _drawing_for(exercise: Exercise) -> Any:
    """The drill's drawn figure (reports.illustration), or None when its pose cannot be drawn."""
    from mobileathlete_desktop.reports.illustration import exercise_drawing

    try:
        return exercise_drawing(exercise, *DRAWING_SIZE)
    except (LookupError, ValueError) as exc:  # a pose the renderer cannot draw: say so, go on
        logger.warning("No picture for %s: %s", exercise.code, exc)
        return None


def handout_program(
    ctx: ServiceContext,
    client_id: int,
    *,
    program_id: int | None = None,
    lang: str = "en",
) -> tuple[ProgramRecord, list[str]]:
    """The program a client's handout is made of, and what is worth a warning.

    The program `program_id` (a saved program of this client, or a template), else the
    client's latest saved program, else the program recommended from the latest assessment
    (unsaved: `recommended` is true). The handout and `mobileathlete program` both call this,
    so what one prints is what the other shows.
    """
    from mobileathlete_desktop.services.programs import (
        get_program,
        latest_program,
        recommended_program,
    )

    ctx.actor.require("handouts.print")
    if lang not in ("en", "es"):
        raise InputError(f"Language {lang!r}: choose en or es")
    warnings: list[str] = []
    if program_id is not None:
        program = get_program(ctx, program_id)
        if program.client_id not in (None, client_id):
            raise InputError(f"Program {program_id} belongs to another client")
    else:
        saved = latest_program(ctx, client_id)
        if saved is None:
            program, more = recommended_program(ctx, client_id, lang=lang)
            warnings += more
        else:
            program = saved
    if not program.items:
        warnings.append("The program has no drills")
    return program, warnings


def build_handout(
    ctx: ServiceContext,
    client_id: int,
    *,
    program_id: int | None = None,
    lang: str = "en",
    on: date | None = None,
) -> tuple[Handout, ProgramRecord, list[str]]:
    """The handout for a client: the given program, else the latest saved, else recommended."""
    from mobileathlete_desktop.services.clients import get_client
    from mobileathlete_desktop.services.programs import drill_images, exercise_library

    ctx.actor.require("handouts.print")
    client = get_client(ctx, client_id, audit=False)
    program, warnings = handout_program(ctx, client_id, program_id=program_id, lang=lang)
    library = exercise_library()
    images = drill_images(ctx, [i.exercise_code for i in program.items])
    drills: list[HandoutDrill] = []
    for item in program.items:
        exercise = None if library is None else library.get(item.exercise_code)
        if exercise is None:
            warnings.append(f"Drill {item.exercise_code!r} is not in the exercise library")
            name = item.exercise_code
            steps: tuple[str, ...] = ()
            cues: tuple[str, ...] = ()
            drawing = None
        else:
            name = exercise.name(lang)
            steps = exercise.steps(lang)
            cues = exercise.cues(lang)
            drawing = None if item.exercise_code in images else _drawing_for(exercise)
        drill = HandoutDrill(
            code=item.exercise_code,
            name=name,
            dosage=dosage_text(item, lang),
            steps=steps,
            cues=cues,
            notes=item.notes,
            drawing=drawing,
            image=images.get(item.exercise_code),
        )
        if not has_picture(drill):
            warnings.append(f"Drill {name!r} has no illustration")
        drills.append(drill)
    summary = _client_findings(ctx, client_id, program, lang)
    handout = Handout(
        clinic=clinic_header(ctx),
        client_name=client.full_name,
        chart_number=client.chart_number,
        on=on or program.date or date.today(),
        therapist=program.therapist,
        drills=tuple(drills),
        lang=lang,
        summary=summary,
        notes=program.notes,
    )
    return handout, program, warnings


def _client_findings(
    ctx: ServiceContext, client_id: int, program: ProgramRecord, lang: str
) -> tuple[str, ...]:
    """What the assessment found, in the client's words and language (no numbers or sources):
    the assessment the program was built on, else the latest."""
    from mobileathlete_desktop.domain.interpretation import client_lines, glance

    history = load_history(ctx, client_id)
    chosen = next((a for a in history.assessments if a.id == program.assessment_id), None)
    if chosen is None:
        chosen = history.latest
    if chosen is None:
        return ()
    upto = history.assessments.index(chosen) + 1
    scoped = replace(history, assessments=history.assessments[:upto])
    lines = glance(interpret_assessment(scoped, catalogue=ctx.catalogue))
    return tuple(client_lines(lines, lang, ctx.catalogue))


def write_client_handout(
    ctx: ServiceContext,
    client_id: int,
    path: Path,
    *,
    program_id: int | None = None,
    lang: str = "en",
) -> HandoutResult:
    """Writes a client's handout PDF (atomically), audits the print, and returns any warnings."""
    handout, program, warnings = build_handout(ctx, client_id, program_id=program_id, lang=lang)
    try:
        write_atomically(path, lambda fh: write_handout(fh, handout))
    except OutputError as exc:
        raise InputError(str(exc)) from exc
    except PermissionError as exc:
        raise InputError(f"Cannot write {path}: permission denied") from exc
    with ctx.db.session() as session:
        record_event(
            session,
            ctx.actor,
            "handout.print",
            entity="home_program",
            entity_id=program.id or "recommended",
            client_id=client_id,
            detail={"file": path.name, "lang": lang, "drills": len(program.items)},
        )
    return HandoutResult(path, program, tuple(warnings))


@dataclass(frozen=True)
class ProgramDrill:
    """One drill of a program as `mobileathlete program` shows it."""

    position: int
    code: str
    name: str
    category: str
    regions: tuple[str, ...]
    targets: tuple[str, ...]
    dosage: str
    item: ProgramItemRecord
    in_library: bool


@dataclass(frozen=True)
class ProgramListing:
    """The program a client's handout would use, drill by drill, with its warnings."""

    chart_number: str
    client_name: str
    program: ProgramRecord
    drills: tuple[ProgramDrill, ...]
    warnings: tuple[str, ...]
    lang: str


def program_listing(
    ctx: ServiceContext,
    client_id: int,
    *,
    program_id: int | None = None,
    lang: str = "en",
) -> ProgramListing:
    """The program the handout would use (`handout_program`), each drill with its library data.

    Reading a client's program is an access: it is audited (`program.view`), and needs the
    same permission as printing the handout.
    """
    from mobileathlete_desktop.services.clients import get_client
    from mobileathlete_desktop.services.programs import exercise_library

    ctx.actor.require("handouts.print")
    client = get_client(ctx, client_id, audit=False)
    program, warnings = handout_program(ctx, client_id, program_id=program_id, lang=lang)
    library = exercise_library()
    drills: list[ProgramDrill] = []
    for position, item in enumerate(program.items, start=1):
        exercise = None if library is None else library.get(item.exercise_code)
        if exercise is None:
            warnings.append(f"Drill {item.exercise_code!r} is not in the exercise library")
        drills.append(
            ProgramDrill(
                position=position,
                code=item.exercise_code,
                name=item.exercise_code if exercise is None else exercise.name(lang),
                category="" if exercise is None else exercise.category,
                regions=() if exercise is None else tuple(exercise.regions),
                targets=() if exercise is None else tuple(exercise.targets),
                dosage=dosage_text(item, lang),
                item=item,
                in_library=exercise is not None,
            )
        )
    with ctx.db.session() as session:
        record_event(
            session,
            ctx.actor,
            "program.view",
            entity="home_program",
            entity_id=program.id or "recommended",
            client_id=client_id,
            detail={"lang": lang, "drills": len(program.items)},
        )
    return ProgramListing(
        chart_number=client.chart_number,
        client_name=client.full_name,
        program=program,
        drills=tuple(drills),
        warnings=tuple(warnings),
        lang=lang,
    )
