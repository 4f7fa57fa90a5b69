"""Printing PDFs made by the services: preview, print dialog, page ranges, remembered printer.

The services write PDFs with reportlab; Qt prints by painting. Pages are rasterised by the
first renderer found: Qt PDF (PySide6-Addons), pypdfium2, or poppler's `pdftoppm`. A printer
set to "print to PDF file" gets the original vector pages copied instead. Where no renderer is
installed the PDF opens in the system viewer, to print from there.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRect, QSettings, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage, QPainter
from PySide6.QtPrintSupport import (
    QAbstractPrintDialog,
    QPrintDialog,
    QPrinter,
    QPrintPreviewDialog,
)
from PySide6.QtWidgets import QFileDialog, QWidget

from mobileathlete_desktop.ui.background import BackgroundCall
from mobileathlete_desktop.ui.screen_fit import fit_to_screen

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
    """How many pages a PDF has."""
    try:
        from pypdf import PdfReader

        return len(PdfReader(str(pdf)).pages)
    except ImportError:
        pass
    # reportlab writes one uncompressed "/Type /Page" dictionary per page.
    data = Path(pdf).read_bytes()
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))


def _render_qtpdf(pdf: Path, dpi: int, pages: list[int]) -> Iterator[QImage] | None:
    try:
        from PySide6.QtPdf import QPdfDocument  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return None

    def run() -> Iterator[QImage]:
        document = QPdfDocument()
        document.load(str(pdf))
        for index in pages:
            size = document.pagePointSize(index)
            pixels = QSize(int(size.width() * dpi / 72), int(size.height() * dpi / 72))
            yield document.render(index, pixels)

    return run()


def _render_pdfium(pdf: Path, dpi: int, pages: list[int]) -> Iterator[QImage] | None:
    try:
        import pypdfium2  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return None

    def run() -> Iterator[QImage]:
        import io

        document = pypdfium2.PdfDocument(str(pdf))
        for index in pages:
            image = document[index].render(scale=dpi / 72).to_pil()
            buffer = io.BytesIO()
            image.save(buffer, format="PNG")
            yield QImage.fromData(buffer.getvalue())

    return run()


def _render_poppler(pdf: Path, dpi: int, pages: list[int]) -> Iterator[QImage] | None:
    tool = shutil.which("pdftoppm")
    if tool is None:
        return None

    def run() -> Iterator[QImage]:
        with tempfile.TemporaryDirectory(prefix="ma-print-") as folder:
            for index in pages:
                prefix = Path(folder) / f"p{index}"
                subprocess.run(
                    [
                        tool,
                        "-r",
                        str(dpi),
                        "-f",
                        str(index + 1),
                        "-l",
                        str(index + 1),
                        "-png",
                        "-singlefile",
                        str(pdf),
                        str(prefix),
                    ],
                    check=True,
                    capture_output=True,
                    timeout=120,
                )
                yield QImage(str(prefix) + ".png")

    return run()


RENDERERS: tuple[Callable[[Path, int, list[int]], Iterator[QImage] | None], ...] = (
    _render_qtpdf,
    _render_pdfium,
    _render_poppler,
)


def can_render() -> bool:
    """Whether pages can be drawn here (for preview and printing to a real printer)."""
    probe = Path(os.devnull)
    return any(render(probe, 72, []) is not None for render in RENDERERS)


def render_pages(pdf: Path, dpi: int, pages: list[int]) -> Iterator[QImage]:
    """The given pages (0-based) as images, one at a time; PrintError without a renderer."""
    for render in RENDERERS:
        images = render(pdf, dpi, pages)
        if images is not None:
            return images
    raise PrintError(
        "No PDF renderer is installed, so pages cannot be drawn here. "
        "Open the PDF and print it from your PDF viewer."
    )


# -- printing --------------------------------------------------------------------------------


def selected_pages(printer: QPrinter, total: int) -> list[int]:
    """The 0-based pages the print dialog's page range asks for (all when none is given)."""
    first, last = printer.fromPage(), printer.toPage()
    if printer.printRange() != QPrinter.PrintRange.PageRange or first <= 0:
        return list(range(total))
    last = min(last or total, total)
    return list(range(first - 1, last))


def _copy_pages(pdf: Path, pages: list[int], total: int, out: Path) -> None:
    """Vector copy of the pages into a PDF file, written through a temporary sibling."""
    folder = out.parent
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise PrintError(f"Cannot write to folder {folder}: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            if pages == list(range(total)):
                fh.write(pdf.read_bytes())
            else:
                from pypdf import PdfReader, PdfWriter

                reader, writer = PdfReader(str(pdf)), PdfWriter()
                for index in pages:
                    writer.add_page(reader.pages[index])
                writer.write(fh)
        os.replace(temp, out)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def paint_pdf(pdf: Path, printer: QPrinter, pages: list[int] | None = None) -> int:
    """Draws the PDF's pages on the printer (or a preview), each scaled to the paper."""
    total = page_count(pdf)
    pages = list(range(total)) if pages is None else pages
    dpi = max(72, min(printer.resolution(), MAX_PRINT_DPI))
    images = render_pages(pdf, dpi, pages)
    printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(f"The printer {printer.printerName() or ''} could not be started")
    try:
        for number, image in enumerate(images):
            if number and not printer.newPage():
                raise PrintError("The printer stopped accepting pages")
            if image.isNull():
                raise PrintError(f"Page {pages[number] + 1} could not be drawn")
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
        raise PrintError("The document has no pages")
    pages = selected_pages(printer, total)
    if not pages:
        raise PrintError(f"The page range is outside the document's {total} pages")
    target = printer.outputFileName()
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and target:
        try:
            _copy_pages(pdf, pages, total, Path(target))
        except ImportError:  # no pypdf to cut a page range: draw the pages instead
            return paint_pdf(pdf, printer, pages)
        except OSError as exc:
            raise PrintError(f"Cannot write {target}: {exc.strerror or exc}") from exc
        return len(pages)
    return paint_pdf(pdf, printer, pages)


def choose_printer(
    parent: QWidget | None, store: QSettings, pages: int, title: str = "Print"
) -> QPrinter | None:
    """The print dialog (printer choice and page range) starting on the last printer used."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    last = str(store.value(PRINTER_KEY, "") or "")
    if last:
        printer.setPrinterName(last)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
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
        return "Not printed."
    try:
        printed = print_pdf(pdf, printer)
    except PrintError as exc:
        return f"⚠ Not printed: {exc}"
    record(printer.printerName(), printed)
    return f"Printed {printed} page{'s' if printed != 1 else ''}{what}."


def open_in_viewer(pdf: Path) -> bool:
    """Opens a PDF in the system's viewer (where there is no renderer to preview here)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(pdf)))


def preview_pdf(pdf: Path, parent: QWidget | None, title: str) -> PdfPreviewDialog | None:
    """A print preview of the PDF (its print button prints it); None when pages cannot be
    drawn here, in which case the PDF has been opened in the system viewer instead."""
    if not can_render():
        open_in_viewer(pdf)
        return None
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
            self.setWindowTitle(f"{self.windowTitle()} — {exc}")


def open_preview(temp: TempPdf, parent: QWidget | None, title: str) -> PdfPreviewDialog | None:
    """Opens a print preview of a temporary PDF, removed when the preview closes; None when it
    went to the system viewer instead (no renderer here)."""
    dialog = preview_pdf(temp.path, parent, title)
    if dialog is None:
        return None
    dialog.finished.connect(lambda _r: temp.remove())
    dialog.open()
    return dialog


def save_file_name(
    parent: QWidget | None, store: QSettings, key: str, title: str, suggested: str
) -> Path | None:
    """Asks where to save a PDF, starting in the last folder used (remembered under `key`)."""
    folder = str(store.value(key, "") or Path.home())
    name, _ = QFileDialog.getSaveFileName(
        parent, title, str(Path(folder) / suggested), "PDF documents (*.pdf)"
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
        return f"The folder {folder} does not exist."
    try:
        fd, probe = tempfile.mkstemp(prefix=".mobileathlete-", dir=folder)
    except OSError as exc:
        return f"Files cannot be written in {folder}: {exc.strerror or exc}."
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


class ProgressCall(QObject):
    """A long service call off the UI thread that reports progress and can be cancelled.

    `work(progress, cancelled)` runs on the thread pool; `progressed(done, total)`,
    `finished(result)` and `failed(exception)` arrive on the UI thread.
    """

    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        work: Callable[[Callable[[int, int], None], Callable[[], bool]], Any],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._stop = threading.Event()
        self._work = work
        self._call = BackgroundCall(self._run, self)
        self._call.finished.connect(self.finished)
        self._call.failed.connect(self.failed)

    def _run(self) -> Any:
        return self._work(lambda done, total: self.progressed.emit(done, total), self.cancelled)

    def start(self) -> None:
        """Queues the work."""
        self._call.start()

    def cancel(self) -> None:
        """Asks the work to stop at its next check."""
        self._stop.set()

    def cancelled(self) -> bool:
        """Whether cancel() was asked for."""
        return self._stop.is_set()
