"""The Import dialog: choose a CSV file, preview what would change (or what is wrong), import."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)

from mobileathlete_desktop.domain.catalogue import Catalogue
from mobileathlete_desktop.domain.validation import InvalidValue
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.imports import (
    ImportFailed,
    ImportReport,
    import_assessments,
    import_clients,
)
from mobileathlete_desktop.services.imports.reading import RowError
from mobileathlete_desktop.services.imports.report import Change
from mobileathlete_desktop.ui.forms import child, load_form
from mobileathlete_desktop.ui.jobs import Job
from mobileathlete_desktop.ui.measure_grid.markers import window_lang
from mobileathlete_desktop.ui.refusals import refusal_text
from mobileathlete_desktop.ui.screen_fit import fit_to_screen
from mobileathlete_desktop.ui.value_problems import GRID_KINDS, refusal_words

# The codes of the form's combo items, in the form's order (their shown words are translated).
KINDS = ("clients", "assessments")
ENCODINGS = ("", "latin-1")


class PreviewModel(QAbstractTableModel):
    """Rows of a preview: the changes an import would make, or the problems that stop it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers: list[str] = self._change_headers()
        self._rows: list[list[str]] = []

    def show_changes(self, report: ImportReport) -> None:
        """Fills the table with what the import would add or change."""
        self.beginResetModel()
        self._headers = self._change_headers()
        self._rows = [
            [str(c.line), c.chart_number, self._what(c), self._word(c.before), self._word(c.after)]
            for c in report.changes
        ]
        self.endResetModel()

    def show_errors(self, failure: ImportFailed) -> None:
        """Fills the table with every refused line and why."""
        self.beginResetModel()
        self._headers = [self.tr("Line"), self.tr("Problem")]
        self._rows = [[str(e.line) if e.line else "", self.reason(e)] for e in failure.errors]
        self.endResetModel()

    catalogue: Catalogue | None = None
    """The clinic's measures, to name a refused value's measure in the window's language."""

    def reason(self, error: RowError) -> str:
        """Why a line was refused, in the window's language where its rules are known
        (ui/refusals, a measure's value as the grid says it: ui/value_problems); else as the
        report says it."""
        if not error.refusals:
            return error.reason
        return "; ".join(self._said(refused) for refused in error.refusals)

    def _what(self, change: Change) -> str:
        """What a change does, in the window's language (a computed score's cell as the file
        names it)."""
        words = {
            "computed": self.tr("{cell} computed from its inputs"),
            "recomputed": self.tr("{cell} recomputed from its inputs"),
            "disagrees": self.tr("{cell} disagrees with its inputs, recomputed"),
        }
        if change.kind in words:
            return words[change.kind].format(cell=change.cell)
        return self._word(change.what)

    def _word(self, said: str) -> str:
        """A change's fixed words (a new client, an empty detail, a value marked painful or
        without rating) in the window's language; values and codes as the file gives them."""
        words = {
            "new client": self.tr("new client"),
            "(empty)": self.tr("(empty)"),
            "(none)": self.tr("(none)"),
            "(cleared: inputs incomplete)": self.tr("(cleared: inputs incomplete)"),
        }
        if said in words:
            return words[said]
        if said.endswith(" in the file"):
            return self.tr("{value} in the file").format(value=said.removesuffix(" in the file"))
        for english, shown in (
            ("(no rating)", self.tr("(no rating)")),
            (" (pain)", self.tr(" (pain)")),
            (" faults ", self.tr(" faults ")),
        ):
            said = said.replace(english, shown)
        return said

    def _said(self, refused: InvalidValue) -> str:
        measure = None
        if self.catalogue is not None:
            code, what = refused.details.get("code"), refused.details.get("what")
            # A value that is not a number names its measure by label (parse_number).
            measure = self.catalogue.get(str(code)) if code else None
            if measure is None and what and refused.kind in GRID_KINDS:
                measure = next((m for m in self.catalogue if m.label == what), None)
        if measure is None:
            return refusal_text(refused)
        label = measure.label_in(window_lang())
        if refused.kind in GRID_KINDS:
            return refusal_words(refused, label)
        # A row's other rules name the measure by its label (`what`) or by its code.
        return (
            refusal_text(refused, what=label)
            if "what" in refused.details
            else refusal_text(refused)
        )

    def _change_headers(self) -> list[str]:
        return [
            self.tr("Line"),
            self.tr("Chart"),
            self.tr("What"),
            self.tr("Before"),
            self.tr("After"),
        ]

    def clear(self) -> None:
        """Empties the table."""
        self.beginResetModel()
        self._rows = []
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._rows[index.row()][index.column()]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None


class ImportDialog(QDialog):
    """Pick a file and kind, see a dry-run preview, then import all of it or nothing."""

    imported = Signal(object)

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Import from CSV"))
        form = load_form("import_dialog", self)
        fit_to_screen(self, QSize(760, 480))
        self._job: Job[ImportReport] | None = None
        self._previewed: tuple[object, ...] | None = None
        self._running: tuple[bool, tuple[object, ...]] = (True, ())

        self.kind = child(form, QComboBox, "kind")
        for index, code in enumerate(KINDS[: self.kind.count()]):
            self.kind.setItemData(index, code)
        self.path = child(form, QLineEdit, "path")
        child(form, QPushButton, "choose_button").clicked.connect(self.choose_file)
        self.encoding = child(form, QComboBox, "encoding")
        for index, code in enumerate(ENCODINGS[: self.encoding.count()]):
            self.encoding.setItemData(index, code)
        self.update_existing = child(form, QCheckBox, "update_existing")
        self.create_clients = child(form, QCheckBox, "create_clients")

        self.model = PreviewModel(self)
        self.model.catalogue = ctx.catalogue
        self.table = child(form, QTableView, "table")
        self.table.setModel(self.model)
        self.model.modelReset.connect(self._fit_columns)
        self.status = child(form, QLabel, "status")

        self.preview_button = child(form, QPushButton, "preview_button")
        self.preview_button.clicked.connect(self.preview)
        self.import_button = child(form, QPushButton, "import_button")
        self.import_button.clicked.connect(self.run_import)
        child(form, QDialogButtonBox, "close_box").rejected.connect(self.reject)

        for signal in (
            self.kind.currentIndexChanged,
            self.encoding.currentIndexChanged,
            self.path.textChanged,
            self.update_existing.toggled,
            self.create_clients.toggled,
        ):
            signal.connect(self._options_changed)
        self._options_changed()

    def _fit_columns(self) -> None:
        # The last column (the change or the problem) takes the rest and wraps long text.
        header = self.table.horizontalHeader()
        last = self.model.columnCount() - 1
        for column in range(last + 1):
            header.setSectionResizeMode(
                column,
                QHeaderView.ResizeMode.Stretch
                if column == last
                else QHeaderView.ResizeMode.ResizeToContents,
            )
        self.table.resizeRowsToContents()

    @classmethod
    def ask_file(cls, parent: QWidget | None) -> str:
        """The file chosen in the system's open dialog ('' if cancelled); tests replace this."""
        name, _filter = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("ImportDialog", "Import CSV"),
            "",
            QCoreApplication.translate("ImportDialog", "CSV files (*.csv *.txt);;All files (*)"),
        )
        return name

    def choose_file(self) -> None:
        """Asks for a file and puts its path in the box."""
        name = self.ask_file(self)
        if name:
            self.path.setText(name)

    def _options(self) -> tuple[object, ...]:
        return (
            self.kind.currentData(),
            self.path.text().strip(),
            self.encoding.currentData(),
            self.update_existing.isChecked(),
            self.create_clients.isChecked(),
        )

    def _options_changed(self) -> None:
        clients = self.kind.currentData() == "clients"
        self.update_existing.setVisible(clients)
        self.create_clients.setVisible(not clients)
        # A preview only stands for the file and options it was made with.
        if self._previewed is not None and self._previewed != self._options():
            self._previewed = None
            self.model.clear()
            self.status.setText(self.tr("Options changed: Preview again before importing."))
        self.import_button.setEnabled(self._previewed is not None and self._job is None)
        self.preview_button.setEnabled(bool(self.path.text().strip()) and self._job is None)

    def _work(self, dry_run: bool) -> Callable[[], ImportReport]:
        kind, path, encoding, update, create = self._options()
        file = Path(str(path))
        enc = str(encoding) or None
        ctx = self.ctx
        if kind == "clients":
            return lambda: import_clients(
                ctx, file, update=bool(update), dry_run=dry_run, encoding=enc
            )
        return lambda: import_assessments(
            ctx, file, create_clients=bool(create), dry_run=dry_run, encoding=enc
        )

    def _start(self, dry_run: bool) -> None:
        if not Path(self.path.text().strip()).is_file():
            self.status.setText(
                self.tr("No such file: {path}").format(path=self.path.text().strip())
            )
            return
        self._running = (dry_run, self._options())
        work = self._work(dry_run)
        # A closed dialog hears nothing (the job's answer goes with its window).
        self._job = Job(self, lambda _control: work(), self._finished).failure(self._failed)
        self.status.setText(self.tr("Checking the file…") if dry_run else self.tr("Importing…"))
        self._options_changed()
        self._job.run()

    def preview(self) -> None:
        """Runs a dry run off the UI thread and shows its changes or errors."""
        self._previewed = None
        self._start(dry_run=True)

    def run_import(self) -> None:
        """Imports the previewed file for real (all or nothing), off the UI thread."""
        self._start(dry_run=False)

    def _finished(self, report: ImportReport) -> None:
        dry_run, options = self._running
        self._job = None
        self.model.show_changes(report)
        if dry_run:
            self._previewed = options
            summary = report.describe(window_lang())
            if not report.changes:
                summary = self.tr("{summary} (nothing new in this file)").format(summary=summary)
            self.status.setText(summary)
        else:
            self._previewed = None
            self.status.setText(report.describe(window_lang()) + ".")
            self.imported.emit(report)
        self._options_changed()

    def _failed(self, exc: Exception) -> None:
        self._job = None
        self._previewed = None
        if isinstance(exc, ImportFailed):
            self.model.show_errors(exc)
            count = len(exc.errors)
            if count == 1:
                text = self.tr(
                    "1 problem in {source}: nothing was imported. Fix the file and Preview again."
                )
            else:
                text = self.tr(
                    "{count} problems in {source}: nothing was imported. Fix the file and "
                    "Preview again."
                )
            self.status.setText(text.format(count=QLocale().toString(count), source=exc.source))
        else:
            self.model.clear()
            self.status.setText(refusal_text(exc))
        self._options_changed()
