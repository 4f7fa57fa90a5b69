"""The Reports view's batch: the ticked clients' reports written on the thread pool, with
progress and Cancel, then saved, previewed or printed.

The texts keep the view's translation context ("ReportsView"), where they were written before
they moved here, so their Spanish stays where it is in the .ts file."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale

from mobileathlete_desktop.ui import print_support
from mobileathlete_desktop.ui import service_adapter as svc
from mobileathlete_desktop.ui.jobs import Job, JobControl

if TYPE_CHECKING:
    from mobileathlete_desktop.ui.reports_view import ReportsView

FOLDER_KEY = "reports/folder"


def run_batch(
    view: ReportsView,
    out: Path,
    done: Callable[[svc.BatchResult], None],
    cleanup: Path | None,
) -> None:
    """Writes the ticked clients' reports to `out` on the thread pool, with progress."""
    ids = view.chosen_ids()
    label = date.today().isoformat()
    ctx = view.ctx
    kind, lang = view.report_kind(), view.report_language()

    def work(control: JobControl) -> svc.BatchResult:
        return svc.write_batch(
            ctx,
            ids,
            out,
            label=label,
            progress=lambda done, total: control.progress(done, total),
            cancelled=lambda: control.cancelled,
            kind=kind,
            lang=lang,
        )

    def finished(result: svc.BatchResult) -> None:
        job_over(view)
        if result.cancelled:
            written = len(result.files)
            if not written:
                view._say(QCoreApplication.translate("ReportsView", "Cancelled."))
            elif written == 1:
                view._say(QCoreApplication.translate("ReportsView", "Cancelled; 1 file kept."))
            else:
                view._say(
                    QCoreApplication.translate(
                        "ReportsView", "Cancelled; {count} files kept."
                    ).format(count=written)
                )
            if cleanup is not None:
                cleanup.unlink(missing_ok=True)
            return
        done(result)

    def failed(error: Exception) -> None:
        job_over(view)
        view._say(
            QCoreApplication.translate("ReportsView", "⚠ Reports not written: {problem}").format(
                problem=svc.describe(error)
            )
        )
        if cleanup is not None:
            cleanup.unlink(missing_ok=True)

    job = Job(view, work, finished).failure(failed)
    job.on_progress(lambda n, _total, _text: view.progress.setValue(n))
    view.job = job
    view.progress.setRange(0, len(ids))
    view.progress.setValue(0)
    view.progress.setFormat(
        QCoreApplication.translate("ReportsView", "%v of {count} reports").format(count=len(ids))
    )
    view.progress.show()
    writing = (
        QCoreApplication.translate("ReportsView", "Writing 1 report…")
        if len(ids) == 1
        else QCoreApplication.translate("ReportsView", "Writing {count} reports…")
    )
    view._say(writing.format(count=QLocale().toString(len(ids))))
    view._update()
    view.cancel_button.setFocus()  # the controls wait; the keyboard stays on Cancel
    job.run()


def job_over(view: ReportsView) -> None:
    """The batch ended (written, cancelled or failed): the controls come back."""
    view.job = None
    view.progress.hide()
    view._update()
    view.clients.setFocus()  # Cancel is hidden again: the keyboard returns to the list


def cancel(view: ReportsView) -> None:
    """Stops the batch after the report being written (finished files are kept)."""
    if view.job is not None:
        view.job.cancel()
        view._say(QCoreApplication.translate("ReportsView", "Cancelling after the current report…"))


def save_reports(view: ReportsView) -> None:
    """Saves the reports: one PDF (file dialog) or one per client (folder dialog)."""
    if not view.chosen or view.job is not None:
        return
    if view.per_client.isChecked():
        folder = print_support.choose_folder(
            view,
            view.store,
            FOLDER_KEY,
            QCoreApplication.translate("ReportsView", "Folder for the reports"),
        )
        if folder is None:
            return
        problem = print_support.folder_problem(folder)
        if problem:
            view._say(f"⚠ {problem}")
            return
        out = folder
    else:
        suggested = view.suggested_name()
        path = print_support.save_file_name(
            view,
            view.store,
            FOLDER_KEY,
            QCoreApplication.translate("ReportsView", "Save reports as PDF"),
            suggested,
        )
        if path is None:
            return
        problem = print_support.folder_problem(path.parent)
        if problem:
            view._say(f"⚠ {problem}")
            return
        out = path

    def done(result: svc.BatchResult) -> None:
        n = len(result.chart_numbers)
        if len(result.files) == 1:
            where = str(out)
        else:
            where = QCoreApplication.translate("ReportsView", "{count} files in {folder}").format(
                count=len(result.files), folder=out
            )
        saved = (
            QCoreApplication.translate("ReportsView", "Saved 1 report: {where}")
            if n == 1
            else QCoreApplication.translate("ReportsView", "Saved {count} reports: {where}")
        )
        view._say(saved.format(count=n, where=where))

    run_batch(view, out, done, None)


def suggested_name(view: ReportsView) -> str:
    """The file name offered for the PDF: the client's report name, or the day's batch."""
    if len(view.chosen) == 1:
        client_id = next(iter(view.chosen))
        client = svc.get_client(view.ctx, client_id)
        visit = svc.latest_visit(view.ctx, client_id)
        kind = {"summary": "report", "full": "full", "letter": "letter"}[view.report_kind()]
        return svc.report_file_name(client.chart_number, visit, kind=kind)
    return f"reports_{date.today().isoformat()}.pdf"


def preview(view: ReportsView) -> None:
    """Writes the reports to a temporary PDF and shows a print preview."""
    if not view.chosen or view.job is not None:
        return
    temp = print_support.TempPdf("reports")

    def done(_result: svc.BatchResult) -> None:
        view.preview_dialog = print_support.open_preview(
            temp, view, QCoreApplication.translate("ReportsView", "Report preview")
        )
        view._say(QCoreApplication.translate("ReportsView", "Preview shown."))

    run_batch(view, temp.path, done, temp.path)


def print_reports(view: ReportsView) -> None:
    """Writes the reports, then the print dialog (printer, page range), then prints."""
    if not view.chosen or view.job is not None:
        return
    temp = print_support.TempPdf("reports")
    ids = view.chosen_ids()

    def record(printer: str, pages: int) -> None:
        svc.record_printed(view.ctx, "report", ids, printer=printer, pages=pages)

    def done(_result: svc.BatchResult) -> None:
        try:
            view._say(
                print_support.print_with_dialog(
                    view,
                    view.store,
                    temp.path,
                    QCoreApplication.translate("ReportsView", "Print reports"),
                    record,
                )
            )
        finally:
            temp.remove()

    run_batch(view, temp.path, done, temp.path)
