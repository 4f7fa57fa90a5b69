"""The builder's handout row: the language, and preview, print or save the client's handout as
PDF, written on the thread pool from the saved program."""

from __future__ import annotations

import inspect
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, QSettings, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from mobileathlete_desktop.domain.records import ClientRecord
from mobileathlete_desktop.support.languages import language_code
from mobileathlete_desktop.ui import print_support
from mobileathlete_desktop.ui import service_adapter as svc
from mobileathlete_desktop.ui.jobs import Job, JobControl

HANDOUT_FOLDER_KEY = "handouts/folder"
LANGUAGES = (("English", "en"), ("Español", "es"))

SAVING_FIRST = "saving first"
# Given `after_save`: the saved program's id to print, False when the user declined to save
# it, None for the client's latest saved program, or SAVING_FIRST when unsaved changes are
# being saved first (on the thread pool): `after_save` then hears the saved program's id
# (None: it was not saved, and the builder said why).
ProgramToPrint = Callable[[Callable[[int | None], None]], int | bool | str | None]


def window_language() -> str:
    """The window's language ("en", "es"), as the rest of the builder reads it."""
    return language_code(QLocale().name())


class HandoutBar(QWidget):
    """Preview, print (Ctrl+P in the builder) or save the handout in the chosen language."""

    # A line for the builder's status.
    said = Signal(str)

    def __init__(
        self,
        ctx: Any,
        client: ClientRecord,
        store: QSettings,
        can_print: bool,
        program_to_print: ProgramToPrint,
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self.client = client
        self.store = store
        self.can_print = can_print
        # The builder's own method, held weakly: a strong one (the bar is the builder's, the
        # builder the method's) made a cycle that kept a closed, forgotten builder alive until
        # the garbage collector ran, whenever and wherever it ran (once inside a list's paint).
        self._program_to_print: Callable[[], ProgramToPrint | None] = (
            weakref.WeakMethod(program_to_print)
            if inspect.ismethod(program_to_print)
            else lambda: program_to_print
        )
        self.writing: Job[svc.HandoutResult] | None = None
        self.saving_first = False  # the builder saves its changes before the handout is written
        self.preview_dialog: Any = None
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Handout language"))
        for label, code in LANGUAGES:
            self.language.addItem(label, code)
        # The client's record keeps no language of its own (storage.models.Client): the
        # handout starts in the window's, which the therapist changes for the client.
        self.language.setCurrentIndex(max(self.language.findData(window_language()), 0))
        self.phone_box = QCheckBox(self.tr("P&hone size"))
        self.phone_box.setAccessibleName(self.tr("Handout sized for a phone"))
        self.phone_box.setToolTip(
            self.tr(
                "Pages sized for a phone's screen (one column, large type), to send by the "
                "clinic's email; the same content as the printed handout."
            )
        )
        self.preview_button = QPushButton(self.tr("Pre&view handout…"))
        self.print_button = QPushButton(self.tr("&Print handout…"))
        self.pdf_button = QPushButton(self.tr("Save hando&ut PDF…"))
        for button in self._handout_buttons():
            button.setAutoDefault(False)
            button.setEnabled(can_print)
        self.preview_button.clicked.connect(self.preview_handout)
        self.print_button.clicked.connect(self.print_handout)
        self.pdf_button.clicked.connect(self.save_handout_pdf)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        handout_label = QLabel(self.tr("Handout &language"))
        handout_label.setBuddy(self.language)
        row.addWidget(handout_label)
        row.addWidget(self.language)
        row.addWidget(self.phone_box)
        row.addWidget(self.preview_button)
        row.addWidget(self.print_button)
        row.addWidget(self.pdf_button)
        row.addStretch(1)

    def _write_handout(
        self, path: Path, then: Callable[[], None], temp: print_support.TempPdf | None = None
    ) -> bool:
        """Saves unsaved changes (asking), then writes the handout on the thread pool and calls
        `then` on the UI thread when it is written. False when nothing was started."""
        if self.writing is not None or self.saving_first:
            return False
        program_to_print = self._program_to_print()  # None: the builder is gone

        def after_save(saved_id: int | None) -> None:
            self.saving_first = False
            self._enable_buttons()
            if saved_id is None:  # not saved: nothing is written
                if temp is not None:
                    temp.remove()
            else:
                self._start_writing(saved_id, path, then, temp)

        program_id = program_to_print(after_save) if program_to_print is not None else False
        if program_id == SAVING_FIRST:
            self.saving_first = True
            for button in self._handout_buttons():
                button.setEnabled(False)
            return True
        if program_id is False:
            if temp is not None:
                temp.remove()
            return False
        self._start_writing(program_id if isinstance(program_id, int) else None, path, then, temp)
        return True

    def _start_writing(
        self,
        chosen: int | None,
        path: Path,
        then: Callable[[], None],
        temp: print_support.TempPdf | None,
    ) -> None:
        lang = str(self.language.currentData())
        phone = self.phone_box.isChecked()
        ctx, client_id = self.ctx, self.client.id

        def work(_control: JobControl) -> svc.HandoutResult:
            return svc.write_handout(
                ctx, client_id, path, program_id=chosen, lang=lang, phone=phone
            )

        def finished(result: svc.HandoutResult) -> None:
            self._writing_done()
            notes = "; ".join(result.warnings)
            written = self.tr("Handout written ({language})").format(language=lang)
            if notes:
                written += " — " + self.tr("note: {notes}").format(notes=notes)
            self.said.emit(written)
            then()

        def failed(error: Exception) -> None:
            self._writing_done()
            if temp is not None:
                temp.remove()
            self.said.emit(
                self.tr("⚠ Handout not written: {error}").format(error=svc.describe(error))
            )

        self.writing = Job(self, work, finished).failure(failed)
        self.said.emit(self.tr("Writing the handout…"))
        for button in self._handout_buttons():
            button.setEnabled(False)
        self.writing.run()

    def _handout_buttons(self) -> tuple[QPushButton, ...]:
        return (self.preview_button, self.print_button, self.pdf_button)

    def _writing_done(self) -> None:
        self.writing = None
        self._enable_buttons()

    def _enable_buttons(self) -> None:
        for button in self._handout_buttons():
            button.setEnabled(self.can_print)

    def save_handout_pdf(self) -> bool:
        """Writes the handout to a PDF file chosen by the user (in the background)."""
        lang = str(self.language.currentData())
        size = "_phone" if self.phone_box.isChecked() else ""
        suggested = f"{self.client.chart_number}_home_program_{lang}{size}.pdf"
        path = print_support.save_file_name(
            self.window(), self.store, HANDOUT_FOLDER_KEY, self.tr("Save handout PDF"), suggested
        )
        if path is None:
            return False
        problem = print_support.folder_problem(path.parent)
        if problem:
            self.said.emit(f"⚠ {problem}")
            return False
        saved = self.tr("Saved {path}").format(path=path)
        return self._write_handout(path, lambda: self.said.emit(saved))

    def preview_handout(self) -> bool:
        """Shows the handout in a print preview (printing from there)."""
        temp = print_support.TempPdf("handout")

        def show() -> None:
            self.preview_dialog = print_support.open_preview(
                temp, self.window(), self.tr("Handout preview")
            )
            if self.preview_dialog is None:
                self.said.emit(
                    self.tr("The handout opened in your PDF viewer (no renderer for a preview).")
                )

        return self._write_handout(temp.path, show, temp)

    def print_handout(self) -> bool:
        """Writes the handout, then the print dialog (printer, page range) and prints it (Ctrl+P).
        False when nothing was started (the user declined to save, or a handout is being
        written)."""
        temp = print_support.TempPdf("handout")
        return self._write_handout(temp.path, lambda: self._print_written(temp), temp)

    def _print_written(self, temp: print_support.TempPdf) -> None:
        def record(printer: str, pages: int) -> None:
            svc.record_printed(self.ctx, "handout", [self.client.id], printer=printer, pages=pages)

        try:
            self.said.emit(
                print_support.print_with_dialog(
                    self.window(),
                    self.store,
                    temp.path,
                    self.tr("Print handout"),
                    record,
                    self.tr(" of the handout"),
                )
            )
        finally:
            temp.remove()
