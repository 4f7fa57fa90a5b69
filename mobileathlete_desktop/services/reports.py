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
    Interpretation,
    interpret_assessment,
    judge_change,
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
from mobileathlete_desktop.services.assessments import load_history
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

FLAG_WORDS = {
    "below_norm": "below norm",
    "above_norm": "above norm",
    "asymmetry": "asymmetry",
    "control_deficit": "control deficit",
    "improved": "improved",
    "worse": "worse",
    "pain": "pain",
}


def _rows(ctx: ServiceContext, history: ClientHistory) -> tuple[list[MeasureRow], list[str]]:
    """Rows of the values table and plain-language changes beyond measurement error.

    Norms and flags are those of `domain.interpretation` for the latest visit (the same rules
    as the window and `mobileathlete summary`); the change column compares the first and the
    latest visit with the same `judge_change` rule (MDC95 of the measure).
    """
    cat = ctx.catalogue
    visits = history.assessments
    latest = interpret_assessment(history, catalogue=cat)
    judged: dict[tuple[str, str, str], Interpretation] = {
        (r.code, r.side, r.mode): r for r in latest.rows
    }
    keys: dict[tuple[str, str, str], None] = {}
    for a in visits:
        for m in a.measurements:
            keys.setdefault((m.code, m.side, m.mode), None)
    order = {code: i for i, code in enumerate(cat.measures)}
    rows: list[MeasureRow] = []
    changes: list[str] = []
    for code, side, mode in sorted(keys, key=lambda k: (order.get(k[0], 10**6), k[1], k[2])):
        measure = measure_for(code, cat)
        label = measure.label if measure else code
        unit = measure.unit_label if measure else ""
        if mode != "none":
            label = f"{label} ({mode})"
        values = [a.value(code, side, mode) for a in visits]  # type: ignore[arg-type]
        row = judged.get((code, side, mode))
        norm_text = ""
        flags: tuple[str, ...] = ()
        if row is not None:
            if row.norm.norm is not None:
                norm_text = _fmt(row.norm.norm.mean, unit)
            flags = tuple(FLAG_WORDS.get(f, f) for f in row.flags if f not in ("improved", "worse"))
        change_text = ""
        present = [v for v in values if v is not None]
        if measure is not None and len(present) >= 2:
            first, last = present[0], present[-1]
            delta = last - first
            change_text = f"{delta:+g}"
            verdict, mdc, _source = judge_change(measure, first, last)
            if verdict in ("improved", "worse") and mdc is not None:
                change_text += f" ({verdict})"
                named = f"{side.capitalize()} {label[:1].lower()}{label[1:]}"
                changes.append(
                    f"{named if side != 'none' else label}: {_fmt(first, unit)} → "
                    f"{_fmt(last, unit)}, {verdict} by more than the measurement error "
                    f"({_fmt(mdc, unit)})"
                )
        rows.append(
            MeasureRow(
                label=label,
                side=_side(side),
                values=tuple(_fmt(v, unit) for v in values),
                norm=norm_text,
                change=change_text,
                flags=flags,
            )
        )
    return rows, changes


def _findings(history: ClientHistory, ctx: ServiceContext) -> list[str]:
    latest = history.latest
    if latest is None:
        return []
    lines = []
    for f in latest.findings:
        if not f.faults:
            continue
        measure = ctx.catalogue.get(f.test_code)
        label = measure.label if measure else f.test_code
        names = {x.code: x.label for x in measure.faults} if measure else {}
        faults = ", ".join(names.get(x, x) for x in f.faults)
        side = f" ({f.side})" if f.side != "none" else ""
        lines.append(f"{label}{side} at the latest visit: {faults}")
    return lines


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


def _figures(ctx: ServiceContext, history: ClientHistory) -> list[Any]:
    """The key charts, drawn by charts/ from the same history and interpretation.

    Progress over time of the most limited measures (below norm, asymmetric, worse or a
    control deficit at the latest visit), the limb symmetry chart, the percent-of-norm
    profile, and the outcome scores when any were recorded.
    """
    from mobileathlete_desktop.charts.kinds import build_chart

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
    figures.append(build_chart(history, "asymmetry", cat))
    figures.append(build_chart(history, "profile", cat))
    if any(m.code in OUTCOME_CODES for a in history.assessments for m in a.measurements):
        figures.append(build_chart(history, "outcomes", cat))
    return figures


OUTCOME_CODES = frozenset({"lefs.total", "nprs", "psfs.average"})


def build_progress_report(
    ctx: ServiceContext, client_id: int, *, today: date | None = None, charts: bool = True
) -> ProgressReport:
    """Everything one client's progress report shows, read in one go."""
    ctx.actor.require("reports.print")
    history = load_history(ctx, client_id)
    visits: Sequence[AssessmentRecord] = history.assessments
    rows, changes = _rows(ctx, history) if visits else ([], [])
    outcomes = [r for r in rows if r.label.split(" (")[0] in _labels(ctx, set(OUTCOME_CODES))]
    rows = [r for r in rows if r not in outcomes]
    title, program = _program(ctx, client_id)
    latest = history.latest
    return ProgressReport(
        client=history.client,
        clinic=clinic_header(ctx),
        visits=tuple(VisitColumn(a.date, a.kind, a.therapist, a.status) for a in visits),
        rows=tuple(rows),
        outcomes=tuple(outcomes),
        generated_on=today or date.today(),
        therapist=(latest.signed_by or latest.therapist) if latest else "",
        changes=tuple(changes),
        findings=tuple(_findings(history, ctx)),
        program_title=title,
        program=tuple(program),
        figures=tuple(_figures(ctx, history)) if charts and len(visits) else (),
    )


def _labels(ctx: ServiceContext, codes: set[str]) -> set[str]:
    return {m.label for m in ctx.catalogue if m.code in codes}


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
    with ctx.db.session() as session:
        for report in reports:
            record_event(
                session,
                ctx.actor,
                "report.print",
                entity="client",
                entity_id=report.client.id,
                client_id=report.client.id,
                detail={"file": path.name, "visits": len(report.visits)},
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

    `out` an existing folder → one `<chart>_<label>.pdf` per client; otherwise one combined
    PDF at `out`. `progress(done, total)` is called after each client; when `cancelled()`
    turns true the batch stops, keeps the files already finished and writes no half file.
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
    for done, client_id in enumerate(client_ids, start=1):
        if cancelled is not None and cancelled():
            return BatchResult(tuple(files), tuple(charts), cancelled=True)
        try:
            report = build_progress_report(ctx, client_id)
        except NotFound:
            raise
        charts.append(report.client.chart_number)
        if per_client:
            path = out / f"{_safe(report.client.chart_number)}_{label}.pdf"
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
