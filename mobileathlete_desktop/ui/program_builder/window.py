"""The program builder window: the library beside the program, loading and saving; its templates
are saved and loaded by `program_templates`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QSettings, QSize, Signal
from PySide6.QtGui import QAction, QKeySequence, QPaintEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from mobileathlete_desktop.domain.programs import DEFAULT_WEEKS
from mobileathlete_desktop.domain.records import ClientRecord
from mobileathlete_desktop.ui import print_support
from mobileathlete_desktop.ui import service_adapter as svc
from mobileathlete_desktop.ui.jobs import Job, JobControl, show_failure
from mobileathlete_desktop.ui.program_builder.checkin_dialog import (
    check_in,
    checkin_buttons,
    propose_next,
)
from mobileathlete_desktop.ui.program_builder.complaint_hold import ComplaintHold
from mobileathlete_desktop.ui.program_builder.drill_pictures import DrillPictures
from mobileathlete_desktop.ui.program_builder.handout_bar import SAVING_FIRST, HandoutBar
from mobileathlete_desktop.ui.program_builder.library_panel import LibraryPanel
from mobileathlete_desktop.ui.program_builder.opening import OpeningReads
from mobileathlete_desktop.ui.program_builder.program_panel import ProgramPanel
from mobileathlete_desktop.ui.program_builder.program_saving import (
    AfterSave,
    Latest,
    load_latest,
)
from mobileathlete_desktop.ui.program_builder.program_saving import save as save_program
from mobileathlete_desktop.ui.program_builder.program_templates import load_template, save_template
from mobileathlete_desktop.ui.screen_fit import fit_to_screen, scrolling
from mobileathlete_desktop.ui.service_adapter import ProgramRecord


def _opening(builder: ProgramBuilder) -> Job[Any] | None:
    """The builder's read of its latest saved program, if it still wants it; the drills' own
    pictures asked for meanwhile are read too, unless the window was closed meanwhile (its
    read dropped: nothing is read for a window going away)."""
    if builder.loading is not None:
        builder.pictures.release()
    return builder.loading


class ProgramBuilder(QDialog):
    """Builds, saves and prints one client's home program."""

    saved = Signal(object)

    def __init__(
        self,
        ctx: Any,
        client_id: int,
        parent: QWidget | None = None,
        store: QSettings | None = None,
        client: ClientRecord | None = None,
    ) -> None:
        """`client`: the client's record when the caller has it (the main window's page), so
        that opening reads nothing on the UI thread; else it is read here."""
        super().__init__(parent)
        self.ctx = ctx
        self.client_id = client_id
        self.store = store if store is not None else print_support.settings()
        self.client = (
            client
            if client is not None and client.id == client_id
            else svc.get_client(ctx, client_id)
        )
        self.library = svc.exercise_library()
        self.program: ProgramRecord | None = None  # the saved program shown, if any
        self.assessment_id: int | None = None
        self.dirty = False
        self.edits = 0  # changes made so far (a save keeps those made while it ran unsaved)
        # The latest saved program being read, and the save running, if any (thread pool).
        self.loading: Job[Latest] | None = None
        self.saving: Job[ProgramRecord] | None = None
        self._after_save: list[AfterSave] = []
        self.checking_in: Job[Any] | None = None  # the check-in's sheet being read
        self.proposing: Job[Any] | None = None  # the next program being worked out
        self.templating: Job[Any] | None = None  # a template being saved or read
        # The Recommend being worked out, if any (a later press overtakes it).
        self.recommending: Job[tuple[ProgramRecord, list[str]]] | None = None
        self.can_write = ctx.actor.can("programs.write")
        self.can_print = ctx.actor.can("handouts.print")
        self.pictures = DrillPictures(ctx, self)
        self.pictures.hold()  # until the first frame is on screen (opening.OpeningReads)
        self.setWindowTitle(
            self.tr("Home program — {name} ({chart})").format(
                name=self.client.full_name, chart=self.client.chart_number
            )
        )
        fit_to_screen(self, QSize(1280, 780))
        self.setSizeGripEnabled(True)
        self._build()
        self._say(self.tr("Reading the latest saved program…"))
        load_latest(self)  # run once the first frame is on screen (opening.OpeningReads)
        self.opening = OpeningReads(self, _opening)
        self.refresh_library()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self.opening.painted()

    # -- layout ----------------------------------------------------------------------------

    def _build(self) -> None:
        library = LibraryPanel(self.ctx, self.library, self.pictures, self.store, self.can_write)
        program = ProgramPanel(self.library, self.client.full_name, self.can_write)
        self.library_panel, self.program_panel = library, program
        # The panels' widgets by the names the builder has always had.
        self.search, self.category, self.region = library.search, library.category, library.region
        self.library_model, self.library_list = library.library_model, library.library_list
        self.library_count, self.detail = library.library_count, library.detail
        self.detail_picture, self.add_button = library.detail_picture, library.add_button
        self.own_picture_button = library.own_picture_button
        self.drawn_picture_button = library.drawn_picture_button
        self.title_edit, self.date_edit = program.title_edit, program.date_edit
        self.model, self.table = program.model, program.table
        self.recommend_button, self.remove_button = program.recommend_button, program.remove_button
        self.up_button, self.down_button = program.up_button, program.down_button
        self.summary, self.notes = program.summary, program.notes
        self.status = QLabel()
        self.status.setAccessibleName(self.tr("Status"))
        self.status.setWordWrap(True)

        # Each side scrolls on its own when the window is short (150 % scaling on a small
        # screen), so Save and Close below stay in view.
        splitter = QSplitter()
        splitter.addWidget(scrolling(library))
        splitter.addWidget(scrolling(program))
        splitter.setStretchFactor(1, 1)
        # The drills' table takes most of the width (its columns fit it: program_columns).
        library_width = min(380, int(self.width() * 0.28))
        splitter.setSizes([library_width, self.width() - library_width])
        splitter.setChildrenCollapsible(False)

        # Bottom buttons
        self.handouts = HandoutBar(
            self.ctx, self.client, self.store, self.can_print, self._program_to_print
        )
        self.language = self.handouts.language
        self.language.currentIndexChanged.connect(self._handout_language_changed)
        self.preview_button = self.handouts.preview_button
        self.print_button = self.handouts.print_button
        self.pdf_button = self.handouts.pdf_button
        self.phone_box = self.handouts.phone_box
        self.checkin_button, self.propose_button = checkin_buttons(self)
        self.load_template_button = QPushButton(self.tr("Load t&emplate…"))
        self.save_template_button = QPushButton(self.tr("Save as te&mplate…"))
        self.save_button = QPushButton(self.tr("&Save program (Ctrl+S)"))
        self.close_button = QPushButton(self.tr("Close"))
        self.save_button.setDefault(False)
        for button in (
            self.checkin_button,
            self.propose_button,
            self.load_template_button,
            self.save_template_button,
            self.save_button,
            self.close_button,
        ):
            button.setAutoDefault(False)
        self.checkin_button.clicked.connect(self.check_in)
        self.propose_button.clicked.connect(self.propose_next)
        self.load_template_button.clicked.connect(self.load_template)
        self.save_template_button.clicked.connect(self.save_template)
        self.save_button.clicked.connect(self._save_pressed)
        self.close_button.clicked.connect(self.close)
        # Two rows, so that Save and Close stay on screen in a narrow window.
        bottom = QHBoxLayout()
        bottom.addWidget(self.checkin_button)
        bottom.addWidget(self.propose_button)
        bottom.addWidget(self.load_template_button)
        bottom.addWidget(self.save_template_button)
        bottom.addStretch(1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.handouts)
        layout.addLayout(bottom)

        # Role: only those who may write programs edit, recommend and save.
        for widget in (
            self.checkin_button,
            self.propose_button,
            self.load_template_button,
            self.save_template_button,
            self.save_button,
        ):
            widget.setEnabled(self.can_write)

        # Keyboard
        library.add_requested.connect(self.add_current)
        library.said.connect(self._say)
        program.said.connect(self._say)
        program.changed.connect(self._changed)
        program.recommend_button.clicked.connect(self.recommend)
        self.handouts.said.connect(self._say)
        save = QAction(
            self.tr("Save program"), self, shortcut=QKeySequence(QKeySequence.StandardKey.Save)
        )
        save.triggered.connect(self._save_pressed)
        save.setEnabled(self.can_write)
        self.addAction(save)
        print_action = QAction(
            self.tr("Print handout"), self, shortcut=QKeySequence(QKeySequence.StandardKey.Print)
        )
        print_action.triggered.connect(self.print_handout)
        print_action.setEnabled(self.can_print)
        self.addAction(print_action)
        find = QAction(
            self.tr("Search drills"), self, shortcut=QKeySequence(QKeySequence.StandardKey.Find)
        )
        find.triggered.connect(self.focus_search)
        self.addAction(find)
        self.setTabOrder(self.search, self.category)
        self.setTabOrder(self.category, self.region)
        self.setTabOrder(self.region, self.library_list)
        self.setTabOrder(self.library_list, self.add_button)
        self.setTabOrder(self.add_button, self.title_edit)
        self.search.setFocus()

    def focus_search(self) -> None:
        """Puts the cursor in the drill search with its text selected (Ctrl+F)."""
        self.library_panel.focus_search()

    def refresh_library(self) -> None:
        """Re-runs the library search with the words and filters."""
        self.library_panel.refresh_library()

    # -- editing ---------------------------------------------------------------------------

    def add_current(self) -> None:
        """Adds the highlighted library drill after the selected program line (Enter)."""
        exercise = self.library_panel.current_exercise()
        if exercise is None or not self.can_write:
            return
        self.add_drills([exercise.code])

    def add_drills(self, codes: list[str]) -> None:
        """Adds drills by code with their default dosage, after the selected line."""
        self.program_panel.add_drills(codes)

    def hold_back(self, hold: ComplaintHold) -> None:
        """The drills the client's coded complaint holds back (read with the latest saved
        program): marked in the library, and said in the status line when one is added (the
        therapist may still add it; the handout leaves it out while the complaint is coded)."""
        self.program_panel.hold = hold
        self.library_panel.hold_back(hold)

    def remove_current(self) -> None:
        """Removes the selected drill (Delete)."""
        self.program_panel.remove_current()

    def move_current(self, step: int) -> None:
        """Moves the selected drill up or down (Ctrl+Up / Ctrl+Down), keeping it selected."""
        self.program_panel.move_current(step)

    def recommend(self) -> Job[tuple[ProgramRecord, list[str]]] | None:
        """Asks for the drills recommended from the latest assessment, worked out on the thread
        pool; when they come, adds those not already in the program, with the reason for
        each (nothing chosen meanwhile is removed or reordered). Pressed again before the
        answer, the earlier one is dropped. Returns the job (None: not allowed)."""
        if not self.can_write:
            return None
        if self.recommending is not None:
            self.recommending.cancel()  # overtaken: its answer is not applied
        ctx, client_id = self.ctx, self.client_id
        lang = str(self.language.currentData())

        def work(control: JobControl) -> tuple[ProgramRecord, list[str]]:
            control.raise_if_cancelled()
            return svc.recommended_program(ctx, client_id, lang=lang)

        job: Job[tuple[ProgramRecord, list[str]]] = Job(
            self, work, lambda result: self._recommended(job, result)
        )
        job.failure(lambda exc: self._not_recommended(job, exc))
        self.recommending = job
        self._say(self.tr("Working out the recommended drills…"))
        return job.run()

    def _not_recommended(self, job: Job[Any], exc: Exception) -> None:
        if job is not self.recommending:
            return
        self.recommending = None
        if not isinstance(exc, (PermissionError, ValueError, LookupError)):
            show_failure(self, exc)  # a bug: logged, said in a box
        self._say(f"⚠ {svc.describe(exc)}")

    def _recommended(self, job: Job[Any], result: tuple[ProgramRecord, list[str]]) -> None:
        if job is not self.recommending:  # a later Recommend overtook this one
            return
        self.recommending = None
        program, warnings = result
        have = {i.exercise_code for i in self.model.items}
        new = [i for i in program.items if i.exercise_code not in have]
        self.model.insert(self.model.rowCount(), new)
        self.assessment_id = program.assessment_id or self.assessment_id
        self.program_panel.show_summary(program.summary)
        added = self._drills(
            len(new), self.tr("Recommended 1 drill"), self.tr("Recommended {count} drills")
        )
        if len(new) < len(program.items):
            added += " " + self._drills(
                len(program.items) - len(new),
                self.tr("(1 already in the program)"),
                self.tr("({count} already in the program)"),
            )
        added += self.tr(": a suggestion, edit as you see fit")
        self._say(" · ".join([added, *warnings]))
        if new:
            self.program_panel.select(self.model.rowCount() - len(new))

    @staticmethod
    def _drills(count: int, one: str, other: str, **names: object) -> str:
        """`one` (a sentence about 1 drill) or `other` (about {count} drills), filled in."""
        return (one if count == 1 else other).format(count=count, **names)

    def _changed(self) -> None:
        self.dirty = True
        self.edits += 1
        self.program_panel.update_buttons()

    def _handout_language_changed(self) -> None:
        # The drills' notes are shown as the handout prints them, in its language.
        self.model.set_language(str(self.language.currentData()))

    def _say(self, text: str) -> None:
        self.status.setText(text)

    # -- loading and saving ----------------------------------------------------------------

    def show_program(self, program: ProgramRecord, saved: bool = True) -> None:
        """Shows a program's drills, title, notes and reasons."""
        self.model.set_items(list(program.items))
        self.title_edit.setText(program.title or self.tr("Home program"))
        if program.date and not program.is_template:
            self.date_edit.setDate(QDate(program.date.year, program.date.month, program.date.day))
        self.notes.setPlainText(program.notes)
        self.program_panel.weeks_edit.setValue(program.weeks or DEFAULT_WEEKS)
        self.assessment_id = program.assessment_id
        self.program_panel.show_summary(program.summary)
        self.program = program if saved and program.id is not None else None
        self.dirty = not saved

    def current_record(self, *, template: bool = False, title: str = "") -> ProgramRecord:
        """What the builder shows, as a program record to save."""
        on = self.date_edit.date()
        return ProgramRecord(
            id=None,
            client_id=self.client_id,
            date=None if template else date(on.year(), on.month(), on.day()),
            title=title or self.title_edit.text().strip() or self.tr("Home program"),
            items=tuple(self.model.items),
            notes=self.notes.toPlainText().strip(),
            summary=self.program_panel.summary_text(),
            therapist="",
            is_template=template,
            assessment_id=None if template else self.assessment_id,
            weeks=self.program_panel.weeks_edit.value(),
        )

    def save(self, then: AfterSave | None = None) -> Job[ProgramRecord] | None:
        """Saves the program as the client's dated home program (Ctrl+S), on the thread pool;
        `saved` and `then` follow (program_saving.save). None: not allowed."""
        return save_program(self, then)

    def _save_pressed(self) -> None:  # Save and Ctrl+S (their signals' argument is no `then`)
        self.save()

    def save_template(self) -> Job[ProgramRecord] | None:
        """Saves the drills as a reusable template under a name (e.g. "Runner hip program"),
        on the thread pool (`templating` meanwhile)."""
        return save_template(self)

    def load_template(self) -> None:
        """Replaces the drills with a template's (asks first when there are unsaved changes);
        the templates read on the thread pool (`templating` meanwhile)."""
        load_template(self)

    # -- check-in and the next program ------------------------------------------------------

    def check_in(self) -> Job[Any]:
        """Opens the check-in of the latest saved program (or one found by its code), read on
        the thread pool first (`checking_in` meanwhile)."""
        return check_in(self)

    def propose_next(self) -> Job[Any]:
        """Shows the next program proposed from the latest check-in (worked out on the thread
        pool: `proposing` meanwhile), unsaved, each drill's reason in the Why column; the
        therapist edits and saves it."""
        return propose_next(self)

    def _confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text)
        return answer == QMessageBox.StandardButton.Yes

    # -- handouts --------------------------------------------------------------------------

    def _program_to_print(
        self, after_save: Callable[[int | None], None]
    ) -> int | bool | str | None:
        """The saved program's id to print; saves unsaved changes first (asking), then
        `after_save` hears the saved id (None: not saved) and SAVING_FIRST is returned. False
        when the user declined, None when printing the latest saved/recommended program."""
        if self.can_write and (self.dirty or self.program is None) and self.model.items:
            if not self._confirm(
                self.tr("Save before printing?"),
                self.tr(
                    "The handout prints a saved program. Save this program for the client now?"
                ),
            ):
                return False
            if self.save(lambda saved: after_save(saved.id if saved else None)) is None:
                return False
            return SAVING_FIRST
        return self.program.id if self.program is not None else None

    @property
    def writing(self) -> Job[Any] | None:
        """The handout being written, if any (or the save before it, while it runs)."""
        if self.handouts.saving_first:
            return self.saving
        return self.handouts.writing

    @property
    def preview_dialog(self) -> Any:
        """The last handout preview shown."""
        return self.handouts.preview_dialog

    def save_handout_pdf(self) -> bool:
        """Writes the handout to a PDF file chosen by the user (in the background)."""
        return self.handouts.save_handout_pdf()

    def preview_handout(self) -> bool:
        """Shows the handout in a print preview (printing from there)."""
        return self.handouts.preview_handout()

    def print_handout(self) -> bool:
        """Writes the handout, then prints it with the print dialog (Ctrl+P)."""
        return self.handouts.print_handout()

    # -- closing ---------------------------------------------------------------------------

    def _drop_recommendation(self) -> None:
        """A Recommend still being worked out is not applied (the window is closing), nor the
        latest saved program still being read."""
        if self.loading is not None:
            self.loading.cancel()
            self.loading = None
        if self.recommending is not None:
            self.recommending.cancel()
            self.recommending = None

    def reject(self) -> None:
        # Escape, Close and the window's close button all come here (QDialog.closeEvent).
        if self.saving is not None:  # closes once saved; stays open, saying why, if not
            self.save(self._close_if_saved)
            return
        if self.dirty and self.can_write and self.model.items:
            answer = QMessageBox.question(
                self,
                self.tr("Unsaved program"),
                self.tr("Save the program before closing?"),
                QMessageBox.StandardButton.Save
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
            )
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save:
                self.save(self._close_if_saved)
                return
        self._drop_recommendation()
        super().reject()

    def _close_if_saved(self, saved: ProgramRecord | None) -> None:
        if saved is not None:  # changed while it saved: asked again
            self.reject()
