"""The main window: the client list on the left, the chosen client's page on the right."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, QModelIndex, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mobileathlete_desktop.services import accounts, audit_seal
from mobileathlete_desktop.services import clients as client_service
from mobileathlete_desktop.services.context import InputError, ServiceContext
from mobileathlete_desktop.ui import damage
from mobileathlete_desktop.ui.client_list_model import ClientListModel
from mobileathlete_desktop.ui.client_page import ClientPage
from mobileathlete_desktop.ui.crash_dialog import open_log_folder
from mobileathlete_desktop.ui.i18n import role_name
from mobileathlete_desktop.ui.jobs import Job
from mobileathlete_desktop.ui.main_window_dialogs import MenuWindows
from mobileathlete_desktop.ui.page_follower import PageFollower
from mobileathlete_desktop.ui.refusals import refusal_text
from mobileathlete_desktop.ui.screen_fit import fit_to_screen, scrolling

if TYPE_CHECKING:  # loaded when first opened: they are not needed to show the window
    from mobileathlete_desktop.ui.assessment_editor import AssessmentEditor
    from mobileathlete_desktop.ui.client_dialog import ClientDialog
    from mobileathlete_desktop.ui.new_assessment_dialog import NewAssessmentDialog

SEARCH_DELAY_MS = 120


class MainWindow(MenuWindows):
    """Clients and their pages; every action asks a service."""

    def __init__(self, ctx: ServiceContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.recovery_needed: str | None = None
        """Why the clinic file must be recovered, once damage was met (then the window closes
        and the program opens the recovery screen: commands/gui.py)."""
        damage.listen(self.damaged)
        # Values are typed here all day: the audit head file is written just after the saves,
        # not inside each one (services.audit_seal._LaterHeads), and flushed on close.
        audit_seal.defer_head_writes(True)
        self.setWindowTitle(f"Mobile Athlete — {accounts.clinic_name(ctx.db)}")
        fit_to_screen(self, QSize(1200, 760))

        self.search = QLineEdit(
            placeholderText=self.tr("Search name, chart number or date of birth")
        )
        self.search.setAccessibleName(self.tr("Search clients"))
        self.search.setClearButtonEnabled(True)
        self.model = ClientListModel(ctx, self)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Clients"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Chart number and birth date as wide as they need, the name gets the rest; a long
        # name is cut on its one line (on a small screen) rather than wrapped and cut twice.
        for column in (1, 2):
            self.table.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.ResizeToContents
            )
        self.table.horizontalHeader().setResizeContentsPrecision(0)  # the rows in view only
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)  # arrows choose a client; Tab moves on
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.count_label = QLabel()
        self._count_generation = 0  # the searches made, so an older one's count is dropped
        self.show_archived = QCheckBox(self.tr("&Show archived"))
        self.show_archived.setAccessibleName(self.tr("Show archived clients"))
        self.show_archived.toggled.connect(lambda _on: self.refresh_clients())
        self.editors: dict[int, AssessmentEditor] = {}
        self.client_dialog: ClientDialog | None = None
        self.assessment_dialog: NewAssessmentDialog | None = None

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.show_archived)
        left_layout.addWidget(self.count_label)

        self.page = ClientPage(ctx)
        self.page.open_assessment.connect(self.open_assessment)
        self.page.new_assessment.connect(self.new_assessment)
        self.page.edit_client.connect(self.edit_client)
        self.page.archive_client.connect(self.toggle_archive)
        self.page.home_program.connect(self.open_home_program)
        self.page.client_report.connect(lambda: self.open_reports(client=True))
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self._right_column())
        splitter.setStretchFactor(1, 1)
        # Little more than a third for the list on a small screen (150 % scaling), so the
        # page needs no sideways scrolling.
        left_width = min(380, self.width() * 36 // 100)
        splitter.setSizes([left_width, self.width() - left_width])
        self.setCentralWidget(splitter)

        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh_clients)
        self.page_follower = PageFollower(self, self.page)  # the open editors' saves
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self._open_first_or_current)
        self.table.activated.connect(self._open_index)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._open_index(current)
        )

        find = QAction(
            self.tr("Find client"), self, shortcut=QKeySequence(QKeySequence.StandardKey.Find)
        )
        find.triggered.connect(self.focus_search)
        self.addAction(find)
        for text, keys, slot, permission in (
            (self.tr("New client"), "Ctrl+Shift+N", self.new_client, "clients.write"),
            (self.tr("Edit client"), "Ctrl+E", self.edit_client, "clients.write"),
            (self.tr("New assessment"), "Ctrl+N", self.new_assessment, "assessments.write"),
        ):
            action = QAction(text, self, shortcut=QKeySequence(keys))
            action.triggered.connect(slot)
            action.setEnabled(ctx.actor.can(permission))
            self.addAction(action)
        new_client = QPushButton(self.tr("New c&lient (Ctrl+Shift+N)"))
        new_client.clicked.connect(self.new_client)
        new_client.setVisible(ctx.actor.can("clients.write"))
        left_layout.insertWidget(0, new_client)
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.import_action = QAction(self.tr("&Import from CSV…"), self)
        self.import_action.triggered.connect(self.open_import)
        self.import_action.setVisible(ctx.actor.can("data.import"))
        file_menu.addAction(self.import_action)
        # Role gating: an action is shown only to roles allowed to use it.
        self.program_action = QAction(
            self.tr("&Home program…"), self, shortcut=QKeySequence("Ctrl+Shift+P")
        )
        self.program_action.triggered.connect(self.open_home_program)
        self.program_action.setVisible(
            ctx.actor.can("programs.write") or ctx.actor.can("handouts.print")
        )
        self.addAction(self.program_action)
        self.reports_action = QAction(self.tr("&Reports…"), self, shortcut=QKeySequence("Ctrl+R"))
        self.reports_action.triggered.connect(lambda: self.open_reports())
        self.reports_action.setVisible(ctx.actor.can("reports.print"))
        self.audit_action = QAction(self.tr("&Audit trail…"), self)
        self.audit_action.triggered.connect(self.show_audit_trail)
        self.audit_action.setVisible(ctx.actor.can("audit.read"))
        clinic_menu = self.menuBar().addMenu(self.tr("&Clinic"))
        clinic_menu.addAction(self.program_action)
        clinic_menu.addAction(self.reports_action)
        self.templates_action = clinic_menu.addAction(self.tr("Assessment &templates…"))
        self.templates_action.triggered.connect(self.open_template_editor)
        clinic_menu.addSeparator()
        clinic_menu.addAction(self.audit_action)
        self._add_admin_actions(clinic_menu)
        who = ctx.actor.display_name or ctx.actor.username
        self.statusBar().showMessage(
            self.tr("Signed in as {who} ({role}) — {place}").format(
                who=who, role=role_name(ctx.actor.role), place=ctx.db.location
            )
        )
        self._add_help_menu()
        self.refresh_clients()
        # Typing goes to the search as soon as the window is active (after signing in).
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)
        from mobileathlete_desktop.ui import prewarm

        prewarm.start(self)  # the editor's modules, imported while the window is idle

    def _right_column(self) -> QWidget:
        """The client page (scrolling on a narrow screen) under an admin's next steps."""
        from mobileathlete_desktop.ui.next_steps_panel import NextStepsPanel

        self.next_steps = NextStepsPanel(self.ctx)
        self.next_steps.add_therapists.connect(self.show_users)
        self.next_steps.import_clients.connect(self.open_import)
        self.next_steps.set_backup_folder.connect(self.show_backups)
        column = QWidget()
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.next_steps)
        layout.addWidget(self._today_panel())
        layout.addWidget(scrolling(self.page), 1)
        return column

    def _today_panel(self) -> QWidget:
        """Today's clients and unsigned drafts, shown while no client is on the page."""
        from mobileathlete_desktop.ui.today_panel import TodayPanel

        self.today = TodayPanel(self.ctx)
        self.today.open_client.connect(self.select_client)
        self.today.open_assessment.connect(self.open_assessment)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.today.setVisible(not current.isValid())
        )
        return self.today

    def _add_admin_actions(self, menu: QMenu) -> None:
        """Clinic ▸ Users…, Backups… and Clinic details…, shown to admins only."""
        self.users_action = QAction(self.tr("&Users…"), self)
        self.users_action.triggered.connect(self.show_users)
        self.users_action.setVisible(self.ctx.actor.can("users.manage"))
        self.backups_action = QAction(self.tr("&Backups…"), self)
        self.backups_action.triggered.connect(self.show_backups)
        self.backups_action.setVisible(self.ctx.actor.can("backups.manage"))
        self.clinic_details_action = QAction(self.tr("Clinic &details…"), self)
        self.clinic_details_action.triggered.connect(self.show_clinic_details)
        self.clinic_details_action.setVisible(self.ctx.actor.can("settings.write"))
        menu.addAction(self.users_action)
        menu.addAction(self.backups_action)
        menu.addAction(self.clinic_details_action)

    def _add_help_menu(self) -> None:
        """Help ▸ Help (F1), Help ▸ Open log folder and Help ▸ About."""
        menu = self.menuBar().addMenu(self.tr("&Help"))
        self.help_action = menu.addAction(self.tr("Mobile Athlete &Help"))
        self.help_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.help_action.triggered.connect(self.show_help)
        self.log_folder_action = menu.addAction(self.tr("Open &log folder"))
        self.log_folder_action.triggered.connect(open_log_folder)
        self.about_action = menu.addAction(self.tr("&About Mobile Athlete"))
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)

    def open_home_program(self) -> None:
        """The program builder for the shown client (Ctrl+Shift+P), with the client's record
        the page shows (nothing read on the UI thread; the builder reads its program on the
        thread pool)."""
        client_id = self.page.client_id
        if client_id is None:
            self.statusBar().showMessage(self.tr("Choose a client first (Ctrl+F to search)"), 5000)
            return
        from mobileathlete_desktop.ui.program_builder import ProgramBuilder

        builder = ProgramBuilder(self.ctx, client_id, self, client=self.page.client)
        builder.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.program_builder = builder
        # Shown on the next turn, as an assessment window is: built (15-25 ms of the UI
        # thread), then shown and painted (20-30 ms), not both in one frozen frame.
        QTimer.singleShot(0, builder, lambda b=builder: self._bring_up(b))

    def focus_search(self) -> None:
        """Puts the cursor in the search box with its text selected (Ctrl+F)."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def refresh_clients(self) -> None:
        """Re-runs the search and fills the list."""
        text, archived = self.search.text(), self.show_archived.isChecked()
        self.model.refresh(text, include_archived=archived)
        self._count_generation += 1
        if self.model.canFetchMore():
            # More than a page matched: the list is already up; all of them are counted off
            # the UI thread (one or two requests to a clinic server), the newest search's
            # count shown when it comes.
            shown = QLocale().toString(self.model.rowCount())
            self.count_label.setText(self.tr("{n}+ clients").format(n=shown))
            self._count_all(text, archived)
        else:
            self._show_count(self.model.rowCount())

    def _count_all(self, text: str, include_archived: bool) -> None:
        ctx, generation = self.ctx, self._count_generation

        def shown(found: int) -> None:
            if generation == self._count_generation:  # not a search typed over since
                self._show_count(found)

        Job(
            self,
            lambda _control: client_service.count_clients(
                ctx, text, include_archived=include_archived
            ),
            shown,
        ).run()

    def _show_count(self, found: int) -> None:
        count = QLocale().toString(found)
        self.count_label.setText(
            self.tr("1 client") if found == 1 else self.tr("{n} clients").format(n=count)
        )

    def _open_first_or_current(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid() and self.model.rowCount() > 0:
            index = self.model.index(0, 0)
            self.table.setCurrentIndex(index)
        self._open_index(index)

    def _open_index(self, index: QModelIndex) -> None:
        client = self.model.client_at(index.row()) if index.isValid() else None
        if client is not None and client.id != self.page.client_id:
            self.page.show_client(client.id)

    # -- clients -----------------------------------------------------------------------------

    def new_client(self) -> None:
        """Opens the new-client form (Ctrl+Shift+N); the list shows the client once saved."""
        self._open_client_dialog(None)

    def edit_client(self) -> None:
        """Opens the shown client's form (Ctrl+E)."""
        if self.page.client is not None:
            self._open_client_dialog(self.page.client)

    def _open_client_dialog(self, client: object) -> None:
        from mobileathlete_desktop.ui.client_dialog import ClientDialog

        dialog = ClientDialog(self.ctx, client, self)  # type: ignore[arg-type]
        self.client_dialog = dialog
        dialog.accepted.connect(lambda: self._client_saved(dialog))
        dialog.open()
        dialog.activateWindow()

    def _client_saved(self, dialog: ClientDialog) -> None:
        if dialog.saved is None:
            return
        self.search.clear()
        self.refresh_clients()
        self.select_client(dialog.saved.id)
        self.page.show_client(dialog.saved.id, audit=False)
        self.statusBar().showMessage(
            self.tr("Saved {name}").format(name=dialog.saved.full_name), 5000
        )

    def select_client(self, client_id: int) -> None:
        """Selects the client's row in the list (which opens the client)."""
        row = self.model.row_of(client_id)
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))

    def toggle_archive(self) -> None:
        """Archives the shown client (or brings them back); nothing is deleted."""
        client = self.page.client
        if client is None:
            return
        try:
            done = client_service.archive_client(self.ctx, client.id, not client.archived)
        except (PermissionError, InputError) as exc:
            self.statusBar().showMessage(f"⚠ {refusal_text(exc)}", 8000)
            return
        self.refresh_clients()
        self.page.show_client(done.id, audit=False)
        said = self.tr("Archived {name}") if done.archived else self.tr("Brought back {name}")
        self.statusBar().showMessage(said.format(name=done.full_name), 5000)

    # -- assessments -------------------------------------------------------------------------

    def new_assessment(self) -> None:
        """Asks date, kind and template for the shown client (Ctrl+N), then opens the editor."""
        client_id = self.page.client_id
        if client_id is None:
            self.statusBar().showMessage(self.tr("Choose a client first (Ctrl+F to search)"), 5000)
            return
        first = self.page.assessments.rowCount() == 0
        from mobileathlete_desktop.ui.new_assessment_dialog import NewAssessmentDialog

        dialog = NewAssessmentDialog(self.ctx, client_id, first, self)
        self.assessment_dialog = dialog
        dialog.accepted.connect(lambda: self._assessment_created(dialog))
        dialog.open()
        dialog.activateWindow()

    def _assessment_created(self, dialog: NewAssessmentDialog) -> None:
        if dialog.created is not None:
            self.page.show_client(dialog.created.client_id, audit=False)
            self.open_assessment(dialog.created.id)

    def open_assessment(self, assessment_id: int) -> AssessmentEditor:
        """Shows the assessment's editor window (raising it if already open)."""
        editor = self.editors.get(assessment_id)
        if editor is None:
            from mobileathlete_desktop.ui.assessment_editor import AssessmentEditor

            editor = AssessmentEditor(self.ctx, assessment_id)
            self.editors[assessment_id] = editor
            editor.changed.connect(self.page_follower.assessment_changed)
            editor.closed.connect(lambda aid, e=editor: self._editor_closed(e))
            editor.addendum_created.connect(lambda aid, e=editor: self._rekey(e, aid))
            # Shown on the next turn of the event loop: building it (20-25 ms of the UI
            # thread) then showing it (layout, polish, first paint: 25-30 ms) in one turn was
            # one 53-61 ms frozen frame (bench workday).
            QTimer.singleShot(0, editor, lambda e=editor: self._bring_up(e))
            return editor
        self._bring_up(editor)
        return editor

    @staticmethod
    def _bring_up(window: QWidget) -> None:
        window.show()
        window.raise_()
        window.activateWindow()

    def _rekey(self, editor: AssessmentEditor, new_id: int) -> None:
        self.editors = {k: v for k, v in self.editors.items() if v is not editor}
        self.editors[new_id] = editor

    def _editor_closed(self, editor: AssessmentEditor) -> None:
        self.editors = {k: v for k, v in self.editors.items() if v is not editor}
        self.page_follower.editor_closed(editor)
        editor.deleteLater()  # a window of its own: nothing else would ever delete it

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.page_follower.activated()

    def damaged(self, problem: str) -> None:
        """Damage met in the clinic file (the full check after start, or a bad page under any
        query): no more work in it. Says so, then closes, and the recovery screen takes over."""
        if self.recovery_needed is not None:
            return  # said once: later jobs meet the same damage
        self.recovery_needed = problem
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            "Mobile Athlete",
            self.tr(
                "The clinic file is damaged, so no more work can be saved in it.\n\n{problem}"
                "\n\nThis window will close and the recovery screen will open: the damaged "
                "file is kept untouched and you can restore the newest good backup."
            ).format(problem=problem),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setObjectName("damaged")
        box.setWindowModality(Qt.WindowModality.ApplicationModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self.close)
        box.open()

    def closeEvent(self, event: object) -> None:
        damage.stop_listening(self.damaged)
        audit_seal.flush_heads()
        for editor in list(self.editors.values()):
            editor.close()
        super().closeEvent(event)  # type: ignore[arg-type]
