"""The main window: the client list on the left, the chosen client's page on the right."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mobileathlete_desktop.services import clients as client_service
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.client_list_model import ClientListModel
from mobileathlete_desktop.ui.client_page import ClientPage

SEARCH_DELAY_MS = 120


class MainWindow(QMainWindow):
    """Clients and their pages; every action asks a service."""

    def __init__(self, ctx: ServiceContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setWindowTitle(f"Mobile Athlete — {self._clinic_name()}")
        self.resize(1200, 760)

        self.search = QLineEdit(placeholderText="Search name, chart number or date of birth")
        self.search.setAccessibleName("Search clients")
        self.search.setClearButtonEnabled(True)
        self.model = ClientListModel(self)
        self.table = QTableView()
        self.table.setAccessibleName("Clients")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setAlternatingRowColors(True)
        self.count_label = QLabel()

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count_label)

        self.page = ClientPage(ctx)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.page)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([380, 820])
        self.setCentralWidget(splitter)

        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh_clients)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self._open_first_or_current)
        self.table.activated.connect(self._open_index)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._open_index(current)
        )

        find = QAction("Find client", self, shortcut=QKeySequence(QKeySequence.StandardKey.Find))
        find.triggered.connect(self.focus_search)
        self.addAction(find)
        self.statusBar().showMessage(f"Database: {ctx.db.location}")
        self._add_help_menu()
        self.refresh_clients()

    def _add_help_menu(self) -> None:
        """Help ▸ Help (F1) and Help ▸ About."""
        menu = self.menuBar().addMenu("&Help")
        self.help_action = menu.addAction("Mobile Athlete &Help")
        self.help_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.help_action.triggered.connect(self.show_help)
        self.about_action = menu.addAction("&About Mobile Athlete")
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)

    def show_help(self) -> None:
        """Opens the short in-app help."""
        from mobileathlete_desktop.ui.help_dialog import HelpDialog

        HelpDialog(self.ctx.db.location, self).exec()

    def show_about(self) -> None:
        """Opens the About dialog (version, database, licences)."""
        from mobileathlete_desktop.ui.about_dialog import AboutDialog

        AboutDialog(self.ctx.db.location, self).exec()

    def _clinic_name(self) -> str:
        from sqlalchemy import select

        from mobileathlete_desktop.storage.models import Clinic

        with self.ctx.db.session() as session:
            name = session.execute(select(Clinic.name).limit(1)).scalar_one_or_none()
        return name or "clinic"

    def focus_search(self) -> None:
        """Puts the cursor in the search box with its text selected (Ctrl+F)."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def refresh_clients(self) -> None:
        """Re-runs the search and fills the list."""
        found = client_service.search_clients(self.ctx, self.search.text())
        self.model.set_clients(found)
        self.count_label.setText(f"{len(found)} client{'s' if len(found) != 1 else ''}")

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
