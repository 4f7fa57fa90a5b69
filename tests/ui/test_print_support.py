"""Printing and previews with real Qt print objects: the preview dialog opens, paints its
pages and closes without crashing; pages drawn on a PDF printer land in the file."""

from __future__ import annotations

import gc
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services import clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.reports import write_report
from mobileathlete_desktop.ui import print_support
from mobileathlete_desktop.ui.program_builder import ProgramBuilder
from mobileathlete_desktop.ui.reports_view import ReportsView
from tests.conftest import ADMIN, THERAPIST
from tests.reports.helpers import add_clinic, add_runner, pdf_pages
from tests.ui.test_program_builder import save_and_wait


@pytest.fixture
def store(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def previewed_pages(dialog: QPrintPreviewDialog) -> int:
    widget = dialog.findChild(QPrintPreviewWidget)
    assert widget is not None
    return widget.pageCount()


def see_preview_through(qtbot: QtBot, dialog: QPrintPreviewDialog | None) -> Path:
    """Waits for the real preview to paint (after Python dropped every reference it could),
    closes it with Escape and returns the temporary PDF it showed."""
    assert isinstance(dialog, print_support.PdfPreviewDialog)
    pdf = dialog.pdf
    gc.collect()  # the printer used to be a local freed here: the preview then crashed
    qtbot.waitUntil(dialog.isVisible)
    qtbot.waitUntil(lambda: previewed_pages(dialog) >= 1, timeout=20_000)
    assert dialog.owned_printer.outputFormat() is not None  # still alive and usable
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    return pdf


def test_handout_preview_opens_paints_and_closes(
    ctx: ServiceContext, store: QSettings, qtbot: QtBot
) -> None:
    client = clients.create_client(
        ctx, clients.ClientInput("PV-1", "Lena", "Swiftmoor", date(1992, 5, 4), "female")
    )
    builder = ProgramBuilder(ctx.as_actor(THERAPIST), client.id, store=store)
    qtbot.addWidget(builder, before_close_func=lambda w: setattr(w, "dirty", False))
    builder.show()
    builder.add_drills(["mobility.leg_swing_front_back", "control.bird_dog"])
    save_and_wait(builder, qtbot)  # a saved program previews without a question
    qtbot.mouseClick(builder.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: builder.preview_dialog is not None, timeout=20_000)
    pdf = see_preview_through(qtbot, builder.preview_dialog)
    qtbot.waitUntil(lambda: not pdf.exists())  # the temporary handout goes with the preview


def test_report_preview_opens_paints_and_closes(
    ctx: ServiceContext, store: QSettings, qtbot: QtBot
) -> None:
    add_clinic(ctx)
    runner = add_runner(
        ctx,
        "PV-2",
        "Beta",
        "Quickfoot",
        {date(2026, 3, 10): {("hip.extension", "left", "active"): 12}},
    )
    view = ReportsView(ctx.as_actor(ADMIN), store=store, client_ids=[runner.id])
    qtbot.addWidget(view, before_close_func=lambda v: v.cancel())
    view.show()
    qtbot.mouseClick(view.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.preview_dialog is not None, timeout=30_000)
    see_preview_through(qtbot, view.preview_dialog)
    assert view.status.text() == "Preview shown."


def test_pages_painted_on_a_pdf_printer_reach_the_file(ctx: ServiceContext, tmp_path: Path) -> None:
    add_clinic(ctx)
    runner = add_runner(ctx, "PV-3", "Gamma", "Elsewhen")
    source = tmp_path / "report.pdf"
    write_report(ctx, runner.id, source)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "painted.pdf"
    printer.setOutputFileName(str(out))
    painted = print_support.paint_pdf(source, printer)
    assert painted == print_support.page_count(source) >= 1
    assert out.read_bytes().startswith(b"%PDF")
    assert print_support.page_count(out) == painted


def test_a_pdf_printer_gets_the_pages_asked_for(ctx: ServiceContext, tmp_path: Path) -> None:
    add_clinic(ctx)
    runner = add_runner(ctx, "PV-4", "Delta", "Noshow")
    source = tmp_path / "report.pdf"
    write_report(ctx, runner.id, source)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    assert print_support.print_pdf(source, printer) == print_support.page_count(source)
    assert "Delta Noshow" in "\n".join(pdf_pages(out))
