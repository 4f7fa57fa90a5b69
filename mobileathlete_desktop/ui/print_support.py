"""Printing PDFs made by the services: preview, print dialog, page ranges, remembered printer.

The services write PDFs with reportlab; Qt prints by painting. PDFium (pypdfium2, a declared
dependency with wheels for every OS) is the one renderer: it counts the pages, draws them for
the preview and the printer, and copies a page range as vectors for a printer set to "print
to PDF file".
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import shiboken6
from PySide6.QtCore import QCoreApplication, QRect, QSettings, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import (
    QAbstractPrintDialog,
    QPrintDialog,
    QPrinter,
    QPrintPreviewDialog,
)
from PySide6.QtWidgets import QFileDialog, QWidget

from mobileathlete_desktop.support.files import AtomicWriteError, atomic_write
from mobileathlete_desktop.ui.screen_fit import fit_to_screen

if TYPE_CHECKING:
    import pypdfium2 as pdfium

PRINTER_KEY = "print/printer"
PREVIEW_DPI = 110
MAX_PRINT_DPI = 300


class PrintError(RuntimeError):
    """Printing failed; the message says why in words for the user."""


def settings() -> QSettings:
    """The program's settings (organisation and application names set in ui/app.py)."""
    return QSettings("MobileAthlete", "Mobile Athlete")


# -- reading PDFs ----------------------------------------------------------------------------


def page_count(pdf: Path) -> int:
    """How many pages a PDF has (PrintError when it is not a readable PDF)."""
    with _opened(pdf) as document, _PDFIUM:
        return len(document)


def render_pages(pdf: Path, dpi: int, pages: list[int]) -> Iterator[QImage]:
    """The given pages (0-based) as images at `dpi`, drawn by PDFium one at a time."""
    with _opened(pdf) as document:
        for index in pages:
            with _PDFIUM:
                image = _render(document, index, dpi / 72)
            yield image


def extract_pages(pdf: Path, pages: list[int], out: BinaryIO) -> None:
    """Writes a PDF of the given pages (0-based), copied as vectors, to `out`."""
    import pypdfium2 as pdfium

    with _opened(pdf) as source, _PDFIUM:
        copy = pdfium.PdfDocument.new()
        try:
            copy.import_pages(source, pages)
            copy.save(out)
        finally:
            copy.close()


# PDFium is not thread-safe: every call into it holds this lock (a preview paints on the UI
# thread while a report batch may count pages on a worker).
_PDFIUM = threading.RLock()
_FORMATS = {
    "RGBX": QImage.Format.Format_RGBX8888,
    "RGBA": QImage.Format.Format_RGBA8888,
    "RGB": QImage.Format.Format_RGB888,
    "L": QImage.Format.Format_Grayscale8,
}


@contextlib.contextmanager
def _opened(pdf: Path) -> Iterator[pdfium.PdfDocument]:
    """The PDF opened with PDFium (imported here: 60 ms that start-up need not pay)."""
    import pypdfium2 as pdfium

    try:
        with _PDFIUM:
            document = pdfium.PdfDocument(str(pdf))
    except (pdfium.PdfiumError, OSError) as exc:
        message = QCoreApplication.translate(
            "PrintSupport", "{name} cannot be read as a PDF: {problem}"
        )
        raise PrintError(message.format(name=Path(pdf).name, problem=exc)) from exc
    try:
        yield document
    finally:
        with _PDFIUM:
            document.close()


def _render(document: pdfium.PdfDocument, index: int, scale: float) -> QImage:
    """One page as a QImage that owns a copy of PDFium's pixels."""
    page = document[index]
    try:
        bitmap = page.render(scale=scale, rev_byteorder=True, prefer_bgrx=True)
        try:
            kind = _FORMATS.get(bitmap.mode)
            if kind is None:
                message = QCoreApplication.translate(
                    "PrintSupport", "PDFium drew page {number} as {mode} pixels"
                )
                raise PrintError(message.format(number=index + 1, mode=bitmap.mode))
            pixels = bytes(bitmap.buffer)
            return QImage(pixels, bitmap.width, bitmap.height, bitmap.stride, kind).copy()
        finally:
            bitmap.close()
    finally:
        page.close()


# -- printing --------------------------------------------------------------------------------


def selected_pages(printer: QPrinter, total: int) -> list[int]:
    """The 0-based pages the print dialog's page range asks for (all when none is given)."""
    first, last = printer.fromPage(), printer.toPage()
    if printer.printRange() != QPrinter.PrintRange.PageRange or first <= 0:
        return list(range(total))
    last = min(last or total, total)
    return list(range(first - 1, last))


def _copy_pages(pdf: Path, pages: list[int], total: int, out: Path) -> None:
    """Vector copy of the pages into a PDF file, written all or nothing (`support.files`)."""

    def write(fh: BinaryIO) -> None:
        if pages == list(range(total)):
            fh.write(pdf.read_bytes())
        else:
            extract_pages(pdf, pages, fh)

    try:
        atomic_write(out, write)
    except AtomicWriteError as exc:
        raise PrintError(str(exc)) from exc


def paint_pdf(pdf: Path, printer: QPrinter, pages: list[int] | None = None) -> int:
    """Draws the PDF's pages on the printer (or a preview), each scaled to the paper."""
    total = page_count(pdf)
    pages = list(range(total)) if pages is None else pages
    dpi = max(72, min(printer.resolution(), MAX_PRINT_DPI))
    images = render_pages(pdf, dpi, pages)
    printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer):
        message = QCoreApplication.translate(
            "PrintSupport", "The printer {name} could not be started"
        )
        raise PrintError(message.format(name=printer.printerName() or ""))
    try:
        for number, image in enumerate(images):
            if number and not printer.newPage():
                raise PrintError(
                    QCoreApplication.translate(
                        "PrintSupport", "The printer stopped accepting pages"
                    )
                )
            if image.isNull():
                message = QCoreApplication.translate(
                    "PrintSupport", "Page {number} could not be drawn"
                )
                raise PrintError(message.format(number=pages[number] + 1))
            area = painter.viewport()
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            x = area.x() + (area.width() - size.width()) // 2
            y = area.y() + (area.height() - size.height()) // 2
            painter.setWindow(area)
            painter.drawImage(QRect(x, y, size.width(), size.height()), image)
    finally:
        painter.end()
    return len(pages)


def print_pdf(pdf: Path, printer: QPrinter) -> int:
    """Prints the pages chosen in the dialog; returns how many. PrintError on failure."""
    total = page_count(pdf)
    if total == 0:
        raise PrintError(QCoreApplication.translate("PrintSupport", "The document has no pages"))
    pages = selected_pages(printer, total)
    if not pages:
        message = QCoreApplication.translate(
            "PrintSupport", "The page range is outside the document's {count} pages"
        )
        raise PrintError(message.format(count=total))
    target = printer.outputFileName()
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and target:
        try:
            _copy_pages(pdf, pages, total, Path(target))
        except OSError as exc:
            message = QCoreApplication.translate("PrintSupport", "Cannot write {path}: {problem}")
            raise PrintError(message.format(path=target, problem=exc.strerror or exc)) from exc
        return len(pages)
    return paint_pdf(pdf, printer, pages)


def choose_printer(
    parent: QWidget | None, store: QSettings, pages: int, title: str = ""
) -> QPrinter | None:
    """The print dialog (printer choice and page range) starting on the last printer used."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    last = str(store.value(PRINTER_KEY, "") or "")
    if last:
        printer.setPrinterName(last)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title or QCoreApplication.translate("PrintSupport", "Print"))
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, True)
    dialog.setMinMax(1, max(1, pages))
    accepted = dialog.exec() == QPrintDialog.DialogCode.Accepted
    # The dialog keeps a bare pointer to the printer; delete it now, while the printer is
    # certainly alive, rather than leave it to the parent after Python has freed the printer.
    shiboken6.delete(dialog)
    if not accepted:
        return None
    if printer.printerName():
        store.setValue(PRINTER_KEY, printer.printerName())
    return printer


def print_with_dialog(
    parent: QWidget | None,
    store: QSettings,
    pdf: Path,
    title: str,
    record: Callable[[str, int], None],
    what: str = "",
) -> str:
    """The print dialog for a written PDF, then its pages printed and `record(printer name,
    pages)` called (the audit). Returns what happened in words for the status line."""
    printer = choose_printer(parent, store, page_count(pdf), title)
    if printer is None:
        return QCoreApplication.translate("PrintSupport", "Not printed.")
    try:
        printed = print_pdf(pdf, printer)
    except PrintError as exc:
        return QCoreApplication.translate("PrintSupport", "⚠ Not printed: {problem}").format(
            problem=exc
        )
    record(printer.printerName(), printed)
    # `what` ends the sentence, e.g. " of the handout" (translated by the caller).
    if printed == 1:
        return QCoreApplication.translate("PrintSupport", "Printed 1 page{what}.").format(what=what)
    return QCoreApplication.translate("PrintSupport", "Printed {count} pages{what}.").format(
        count=printed, what=what
    )


def preview_pdf(pdf: Path, parent: QWidget | None, title: str) -> PdfPreviewDialog:
    """A print preview of the PDF (its print button prints it)."""
    return PdfPreviewDialog(pdf, parent, title)


class PdfPreviewDialog(QPrintPreviewDialog):
    """A print preview of a PDF that owns its printer.

    QPrintPreviewDialog keeps only a pointer to the printer it is given; a printer held by
    a Python local was freed when the function returned and the preview crashed in
    QtPrintSupport when it painted. Here the dialog holds the printer for its whole life.
    """

    def __init__(self, pdf: Path, parent: QWidget | None, title: str) -> None:
        printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        super().__init__(printer, parent)
        self.owned_printer = printer
        self.pdf = pdf
        self.setWindowTitle(title)
        fit_to_screen(self, QSize(900, 800))
        self.paintRequested.connect(self._paint)

    def _paint(self, printer: QPrinter) -> None:
        try:
            paint_pdf(self.pdf, printer)
        except PrintError as exc:  # an empty preview, and why, rather than a traceback
            self.setWindowTitle(
                self.tr("{title} — {problem}").format(title=self.windowTitle(), problem=exc)
            )


def open_preview(temp: TempPdf, parent: QWidget | None, title: str) -> PdfPreviewDialog:
    """Opens a print preview of a temporary PDF, removed when the preview closes."""
    dialog = preview_pdf(temp.path, parent, title)
    dialog.finished.connect(lambda _r: temp.remove())
    dialog.open()
    return dialog


def save_file_name(
    parent: QWidget | None, store: QSettings, key: str, title: str, suggested: str
) -> Path | None:
    """Asks where to save a PDF, starting in the last folder used (remembered under `key`)."""
    folder = str(store.value(key, "") or Path.home())
    name, _ = QFileDialog.getSaveFileName(
        parent,
        title,
        str(Path(folder) / suggested),
        QCoreApplication.translate("PrintSupport", "PDF documents (*.pdf)"),
    )
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() != ".pdf":
        path = path.with_suffix(".pdf")
    store.setValue(key, str(path.parent))
    return path


def choose_folder(parent: QWidget | None, store: QSettings, key: str, title: str) -> Path | None:
    """Asks for a folder, starting in the last one used (remembered under `key`)."""
    folder = str(store.value(key, "") or Path.home())
    name = QFileDialog.getExistingDirectory(parent, title, folder)
    if not name:
        return None
    store.setValue(key, name)
    return Path(name)


def folder_problem(folder: Path) -> str | None:
    """Why files cannot be written into the folder, or None when they can."""
    if not folder.is_dir():
        return QCoreApplication.translate(
            "PrintSupport", "The folder {folder} does not exist."
        ).format(folder=folder)
    try:
        fd, probe = tempfile.mkstemp(prefix=".mobileathlete-", dir=folder)
    except OSError as exc:
        message = QCoreApplication.translate(
            "PrintSupport", "Files cannot be written in {folder}: {problem}."
        )
        return message.format(folder=folder, problem=exc.strerror or exc)
    os.close(fd)
    with contextlib.suppress(OSError):
        os.unlink(probe)
    return None


class TempPdf:
    """A temporary PDF path for printing and previews, removed when no longer needed."""

    def __init__(self, stem: str) -> None:
        fd, name = tempfile.mkstemp(prefix=f"{stem}-", suffix=".pdf")
        os.close(fd)
        os.unlink(name)  # the service writes it atomically itself
        self.path = Path(name)

    def remove(self) -> None:
        self.path.unlink(missing_ok=True)
