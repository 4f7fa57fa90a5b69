"""Writing progress reports: one client, or a batch into one PDF or a folder (serially, or
on every core)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from mobileathlete_desktop.domain.records import ClientRecord
from mobileathlete_desktop.reports.pdf import OutputError, write_atomically
from mobileathlete_desktop.services.context import InputError, NotFound, ServiceContext
from mobileathlete_desktop.services.reports.documents import (
    KINDS,
    Document,
    build_document_for,
    write_documents,
)
from mobileathlete_desktop.services.reports.files import (
    WrittenReport,
    audit_files,
    report_file_name,
)

Progress = Callable[[int, int], None]


Cancelled = Callable[[], bool]


@dataclass(frozen=True)
class BatchResult:
    """What a batch print produced: the files written and the clients in them."""

    files: tuple[Path, ...]
    chart_numbers: tuple[str, ...]
    cancelled: bool = False


def write_report(
    ctx: ServiceContext, client_id: int, path: Path, *, kind: str = "summary", lang: str = "en"
) -> Document:
    """Writes one client's report to a PDF file (atomically) and audits it: the two-page
    summary, the full record (`kind="full"`) or the referral letter (`kind="letter"`)."""
    doc = build_document_for(ctx, client_id, kind, lang)
    _write(path, [doc], cover=None)
    _audit(ctx, [doc], path)
    return doc


def _audit(ctx: ServiceContext, docs: Sequence[Document], path: Path) -> None:
    audit_files(
        ctx,
        [
            WrittenReport(d.client.id, d.client.chart_number, str(path), d.visits, d.kind)
            for d in docs
        ],
    )


def _write(path: Path, docs: Sequence[Document], cover: str | None) -> None:
    try:
        write_atomically(path, lambda fh: write_documents(fh, docs, cover=cover))
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
    kind: str = "summary",
    lang: str = "en",
) -> BatchResult:
    """Reports for many clients: one combined PDF, or one file each into a folder.

    `kind` is "summary" (two pages a client), "full" (every value and chart) or "letter"
    (one page to the referring clinician), in `lang`. `out` an existing folder → one
    `<chart>_<date of the latest visit>.pdf` per client (`<chart>_full_<date>.pdf`,
    `<chart>_letter_<date>.pdf`; the label for a client without visits); otherwise one
    combined PDF at `out`, after a cover page listing its clients when there are several.
    `progress(done, total)` is called after each client; when `cancelled()` turns true the
    batch stops, keeps the files already finished and writes no half file.
    """
    ctx.actor.require("reports.print")
    if not client_ids:
        raise InputError("No clients to report on")
    if kind not in KINDS:
        raise InputError(f"Unknown report kind {kind!r} (one of {', '.join(KINDS)})")
    total = len(client_ids)
    label = label or date.today().isoformat()
    per_client = out.is_dir()
    if not per_client and out.suffix.lower() != ".pdf":
        raise InputError(f"{out} is neither an existing folder nor a .pdf file name")
    files: list[Path] = []
    charts: list[str] = []
    reports: list[Document] = []
    if per_client and _pool_size(ctx, total) > 1:
        return _write_batch_in_processes(
            ctx, client_ids, out, label, progress, cancelled, kind, lang
        )
    for done, client_id in enumerate(client_ids, start=1):
        if cancelled is not None and cancelled():
            return BatchResult(tuple(files), tuple(charts), cancelled=True)
        try:
            report = build_document_for(ctx, client_id, kind, lang)
        except NotFound:
            raise
        charts.append(report.client.chart_number)
        if per_client:
            path = out / _file_name(report, label)
            _write(path, [report], cover=None)
            _audit(ctx, [report], path)
            files.append(path)
        else:
            reports.append(report)
        if progress is not None:
            progress(done, total)
    if not per_client:
        if cancelled is not None and cancelled():
            return BatchResult((), tuple(charts), cancelled=True)
        _write(out, reports, cover=label if len(reports) > 1 else None)
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


def _file_name(doc: Document, label: str) -> str:
    """`<chart>_<visit>.pdf` for the summary, `<chart>_full_<visit>.pdf` and
    `<chart>_letter_<visit>.pdf` for the others."""
    kind = "" if doc.kind == "summary" else doc.kind
    return report_file_name(doc.client.chart_number, doc.last_visit, label, kind=kind)


def _report_job(
    url: str, actor: Any, client_id: int, folder: str, label: str, kind: str, lang: str
) -> WrittenReport:
    """In a worker process: one client's report built and written to the folder. The
    worker opens the clinic once and keeps it for the reports that follow (opening checks
    the file and takes its lock: ~0.1 s a report otherwise); it is closed at the worker's
    exit."""
    ctx = ServiceContext(db=_worker_database(url), actor=actor)
    report = build_document_for(ctx, client_id, kind, lang)
    chart = report.client.chart_number
    path = Path(folder) / _file_name(report, label)
    _write(path, [report], cover=None)
    return WrittenReport(client_id, chart, str(path), report.visits, report.kind)


_WORKER_DATABASES: dict[str, Any] = {}


def _worker_database(url: str) -> Any:
    """The clinic this worker process has open (opened on its first report)."""
    db = _WORKER_DATABASES.get(url)
    if db is None:
        import atexit

        from mobileathlete_desktop.storage.database import open_database

        db = open_database(url, migrate=False, full_check=False)
        _WORKER_DATABASES[url] = db
        atexit.register(db.dispose)
    return db


def _write_batch_in_processes(
    ctx: ServiceContext,
    client_ids: Sequence[int],
    out: Path,
    label: str,
    progress: Progress | None,
    cancelled: Cancelled | None,
    kind: str,
    lang: str,
) -> BatchResult:
    """The folder batch on every core (spawned workers: no forked Qt or database state).

    Each file is written atomically by its worker; this process audits each as it arrives,
    reports progress, and on cancel drops the reports not started and keeps those written.
    """
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait

    total = len(client_ids)
    url = ctx.db.url.render_as_string(hide_password=False)
    written: dict[int, WrittenReport] = {}
    stopped = False
    with ProcessPoolExecutor(
        max_workers=_pool_size(ctx, total), mp_context=multiprocessing.get_context("spawn")
    ) as pool:
        pending: set[Future[WrittenReport]] = {
            pool.submit(_report_job, url, ctx.actor, cid, str(out), label, kind, lang)
            for cid in client_ids
        }
        while pending:
            finished, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
            for future in finished:
                if future.cancelled():
                    continue
                done = future.result()  # a worker's error ends the batch, as it would serially
                written[done.client_id] = done
                audit_files(ctx, [done])
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


def clients_seen_between(ctx: ServiceContext, first: date, last: date) -> list[ClientRecord]:
    """Every client with an assessment dated from `first` to `last`, by name, in one query
    (the day's batch of the Reports view; not one query a client)."""
    from sqlalchemy import select

    from mobileathlete_desktop.services.clients import to_record
    from mobileathlete_desktop.storage.models import Assessment, Client

    ctx.actor.require("assessments.read")
    ctx.actor.require("clients.read")
    seen = select(Assessment.client_id).where(Assessment.date >= first, Assessment.date <= last)
    with ctx.db.reading() as session:
        rows = session.execute(
            select(Client)
            .where(Client.id.in_(seen))
            .order_by(Client.family_name, Client.given_name, Client.id)
        ).scalars()
        return [to_record(row) for row in rows]
