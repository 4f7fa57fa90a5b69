"""Writing progress reports: one client, or a batch into one PDF or a folder (serially, or
on every core)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from mobileathlete_desktop.reports.pdf import OutputError, write_atomically
from mobileathlete_desktop.reports.progress_report import ProgressReport, write_progress_reports
from mobileathlete_desktop.services.context import InputError, NotFound, ServiceContext
from mobileathlete_desktop.services.reports.files import (
    WrittenReport,
    audit_files,
    audit_reports,
    last_visit_of,
    report_file_name,
)
from mobileathlete_desktop.services.reports.progress import build_progress_report

Progress = Callable[[int, int], None]


Cancelled = Callable[[], bool]


@dataclass(frozen=True)
class BatchResult:
    """What a batch print produced: the files written and the clients in them."""

    files: tuple[Path, ...]
    chart_numbers: tuple[str, ...]
    cancelled: bool = False


def write_report(ctx: ServiceContext, client_id: int, path: Path) -> ProgressReport:
    """Writes one client's progress report to a PDF file (atomically) and audits it."""
    report = build_progress_report(ctx, client_id)
    _write(path, [report])
    audit_reports(ctx, [report], path)
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
            path = out / report_file_name(report.client.chart_number, last_visit_of(report), label)
            _write(path, [report])
            audit_reports(ctx, [report], path)
            files.append(path)
        else:
            reports.append(report)
        if progress is not None:
            progress(done, total)
    if not per_client:
        if cancelled is not None and cancelled():
            return BatchResult((), tuple(charts), cancelled=True)
        _write(out, reports)
        audit_reports(ctx, reports, out)
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


def _report_job(url: str, actor: Any, client_id: int, folder: str, label: str) -> WrittenReport:
    """In a worker process: one client's progress report built and written to the folder."""
    from mobileathlete_desktop.storage.database import open_database

    db = open_database(url, migrate=False, full_check=False)
    try:
        ctx = ServiceContext(db=db, actor=actor)
        report = build_progress_report(ctx, client_id)
        chart = report.client.chart_number
        path = Path(folder) / report_file_name(chart, last_visit_of(report), label)
        _write(path, [report])
        return WrittenReport(client_id, chart, str(path), len(report.visits))
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
    written: dict[int, WrittenReport] = {}
    stopped = False
    with ProcessPoolExecutor(
        max_workers=_pool_size(ctx, total), mp_context=multiprocessing.get_context("spawn")
    ) as pool:
        pending: set[Future[WrittenReport]] = {
            pool.submit(_report_job, url, ctx.actor, cid, str(out), label) for cid in client_ids
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
