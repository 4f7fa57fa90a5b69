"""The one place where the program builder and the reports view call services.

Every call the two windows make goes through the functions here, so the services they use
are listed in one file. Nothing here decides anything clinical: it forwards, and turns a few
optional pieces (the exercise library, a drill's picture) into "None" when they are missing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mobileathlete_desktop.domain.checkins import CheckinRecord, ProposedChange
from mobileathlete_desktop.domain.exercises import CATEGORIES, REGIONS, Exercise, ExerciseLibrary
from mobileathlete_desktop.domain.programs import ProgramItemRecord, ProgramRecord, dosage_text
from mobileathlete_desktop.domain.records import ClientRecord
from mobileathlete_desktop.services import clients as client_service
from mobileathlete_desktop.services import drill_images as drill_image_service
from mobileathlete_desktop.services import programs as program_service
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.refusals import refusal_text

if TYPE_CHECKING:
    from mobileathlete_desktop.services.reports import BatchResult, HandoutResult

__all__ = [
    "CATEGORIES",
    "REGIONS",
    "BatchResult",
    "HandoutResult",
    "ProgramItemRecord",
    "ProgramRecord",
    "clients_assessed_between",
    "clients_seen_between",
    "default_item",
    "dosage_text",
    "drill_images",
    "drill_svg",
    "exercise_library",
    "get_client",
    "latest_program",
    "latest_visit",
    "list_templates",
    "program_from_template",
    "recommended_program",
    "record_printed",
    "report_file_name",
    "save_program",
    "search_clients",
    "search_library",
    "set_drill_image",
    "write_batch",
    "write_handout",
]


# services.reports (the PDF machinery: 50-100 ms of imports) is imported where it is first
# used, not by opening the builder: usually by a worker writing a handout or a batch.


def __getattr__(name: str) -> Any:
    if name in ("BatchResult", "HandoutResult"):
        from mobileathlete_desktop.services import reports

        return getattr(reports, name)
    raise AttributeError(name)


def report_file_name(chart_number: str, visit: date | None, label: str = "", kind: str = "") -> str:
    """services.reports.report_file_name"""
    from mobileathlete_desktop.services.reports import report_file_name as file_name

    return file_name(chart_number, visit, label, kind=kind)


# -- the exercise library -------------------------------------------------------------------


def exercise_library() -> ExerciseLibrary | None:
    """The shipped drill library, or None when it is not installed."""
    return program_service.exercise_library()


def search_library(
    library: ExerciseLibrary | None, text: str, category: str | None, region: str | None
) -> list[Exercise]:
    """Drills matching the words (English or Spanish, accents ignored), category and region."""
    if library is None:
        return []
    return library.search(text, category=category or None, region=region or None)


def default_item(exercise: Exercise, lang: str = "en") -> ProgramItemRecord:
    """A new program line for a drill, with the drill's default dosage (its frequency in
    `lang`, the window's language; handouts say it in theirs)."""
    return program_service.dosage_from_library(exercise.code, exercise.dosage, lang)


def drill_svg(exercise: Exercise) -> str | None:
    """The drill's drawn figure as SVG text (drawn once per process, most of them ahead of
    time by ui.prewarm), or None when it cannot be drawn."""
    from mobileathlete_desktop.illustrations import figure_svg

    return figure_svg(exercise)


# -- programs --------------------------------------------------------------------------------


def latest_program(ctx: ServiceContext, client_id: int) -> ProgramRecord | None:
    """services.programs.latest_program"""
    return program_service.latest_program(ctx, client_id)


def recommended_program(
    ctx: ServiceContext, client_id: int, lang: str = "en"
) -> tuple[ProgramRecord, list[str]]:
    """services.programs.recommended_program: a suggestion, with warnings."""
    return program_service.recommended_program(ctx, client_id, lang=lang)


def drill_images(ctx: ServiceContext, codes: Sequence[str] | None = None) -> dict[str, bytes]:
    """services.drill_images.drill_images: the clinic's own pictures by drill code (of `codes`)."""
    return drill_image_service.drill_images(ctx, codes)


def set_drill_image(ctx: ServiceContext, code: str, image: bytes | None, name: str = "") -> None:
    """services.drill_images.set_drill_image (None goes back to the drawn figure)."""
    drill_image_service.set_drill_image(ctx, code, image, name)


def list_templates(ctx: ServiceContext) -> list[ProgramRecord]:
    """services.programs.list_templates"""
    return program_service.list_templates(ctx)


def program_from_template(ctx: ServiceContext, template_id: int, client_id: int) -> ProgramRecord:
    """services.programs.program_from_template"""
    return program_service.program_from_template(ctx, template_id, client_id)


def save_program(ctx: ServiceContext, program: ProgramRecord) -> ProgramRecord:
    """services.programs.save_program (a dated program, or a template)."""
    return program_service.save_program(ctx, program)


def write_handout(
    ctx: ServiceContext,
    client_id: int,
    path: Path,
    *,
    program_id: int | None,
    lang: str,
    phone: bool = False,
) -> HandoutResult:
    """services.reports.write_client_handout. The service prints a saved program (by id) or
    the latest one; it cannot print an unsaved program, so the builder saves first."""
    from mobileathlete_desktop.services import reports as report_service

    return report_service.write_client_handout(
        ctx, client_id, path, program_id=program_id, lang=lang, phone=phone
    )


# -- clients and reports ---------------------------------------------------------------------


def get_client(ctx: ServiceContext, client_id: int) -> ClientRecord:
    """services.clients.get_client without an audit entry (a window title, not a chart read)."""
    return client_service.get_client(ctx, client_id, audit=False)


def search_clients(ctx: ServiceContext, text: str, limit: int = 200) -> list[ClientRecord]:
    """services.clients.search_clients, first `limit` by name."""
    return client_service.search_clients(ctx, text, limit=limit)


def clients_assessed_between(ctx: ServiceContext, first: date, last: date) -> list[int]:
    """services.reports.clients_assessed_between: ids of clients seen in the range, by name."""
    from mobileathlete_desktop.services import reports as report_service

    return report_service.clients_assessed_between(ctx, first, last)


def clients_seen_between(ctx: ServiceContext, first: date, last: date) -> list[ClientRecord]:
    """services.reports.batch.clients_seen_between: the clients seen in the range, by name,
    in one query."""
    from mobileathlete_desktop.services.reports.batch import clients_seen_between as seen

    return seen(ctx, first, last)


def latest_visit(ctx: ServiceContext, client_id: int) -> date | None:
    """services.reports.latest_visit: the date of the client's latest assessment."""
    from mobileathlete_desktop.services import reports as report_service

    return report_service.latest_visit(ctx, client_id)


def write_batch(
    ctx: ServiceContext,
    client_ids: Sequence[int],
    out: Path,
    *,
    label: str = "",
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    kind: str = "summary",
    lang: str = "en",
) -> BatchResult:
    """services.reports.write_batch: one combined PDF at `out`, or one per client when `out`
    is an existing folder; stops between clients when `cancelled()` turns true. `kind` is
    "summary", "full" or "letter"."""
    from mobileathlete_desktop.services import reports as report_service

    return report_service.write_batch(
        ctx,
        client_ids,
        out,
        label=label,
        progress=progress,
        cancelled=cancelled,
        kind=kind,
        lang=lang,
    )


def record_printed(
    ctx: ServiceContext, kind: str, client_ids: Sequence[int], *, printer: str, pages: int
) -> None:
    """services.reports.record_printed: a document sent to a printer, in the audit trail."""
    from mobileathlete_desktop.services import reports as report_service

    report_service.record_printed(ctx, kind, client_ids, printer=printer, pages=pages)


def describe(value: Any) -> str:
    """An exception as one short line for a status bar or message box: a refusal whose rule
    is known in the window's language (ui/refusals), else its own words."""
    said = refusal_text(value) if isinstance(value, BaseException) else str(value)
    text = " ".join((said or type(value).__name__).split())
    return text if len(text) <= 240 else text[:239] + "…"


# -- program check-ins (the builder's check-in dialog) ---------------------------------------


def checkin_sheet(
    ctx: ServiceContext, client_id: int, *, code: str = ""
) -> tuple[ProgramRecord, CheckinRecord]:
    """services.checkins.checkin_sheet: the program (by the handout's code, else the latest)
    and its blank check-in."""
    from mobileathlete_desktop.services import checkins

    return checkins.checkin_sheet(ctx, client_id, code=code)


def save_checkin(ctx: ServiceContext, checkin: CheckinRecord) -> CheckinRecord:
    """services.checkins.save_checkin (audited)."""
    from mobileathlete_desktop.services import checkins

    return checkins.save_checkin(ctx, checkin)


def list_checkins(ctx: ServiceContext, client_id: int) -> list[CheckinRecord]:
    """services.checkins.list_checkins, oldest first."""
    from mobileathlete_desktop.services import checkins

    return checkins.list_checkins(ctx, client_id)


def proposed_program(
    ctx: ServiceContext, client_id: int, lang: str = "en"
) -> tuple[ProgramRecord, list[ProposedChange]]:
    """services.checkins.proposed_program: the next program from the latest check-in."""
    from mobileathlete_desktop.services import checkins

    return checkins.proposed_program(ctx, client_id, lang=lang)
