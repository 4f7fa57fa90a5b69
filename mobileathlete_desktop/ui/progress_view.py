"""The Progress tab: a client's charts, a measure picker, a hover read-out, the plotted values
as a table (the keyboard's and screen reader's way to the same numbers), and Export….

The chart is drawn in the chart process (charts/process.py, asked from the thread pool by
ui/chart_data.py) from the history the client's page already read, and its pixels shown as
they are (ui/chart_image.py): the window's process never draws with matplotlib, which held
the GIL long enough to freeze the window (bench/workday.py). The chart process is started
when the first client is shown and ended when the window closes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mobileathlete_desktop.charts import process as chart_process
from mobileathlete_desktop.charts.kinds import MeasureChoice
from mobileathlete_desktop.charts.picture import AxesMap
from mobileathlete_desktop.domain.catalogue import Mode
from mobileathlete_desktop.domain.records import ClientHistory
from mobileathlete_desktop.services.audit import record_chart_export
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.chart_data import ChartData, PlottedValue, build_chart_data
from mobileathlete_desktop.ui.chart_image import ChartImage
from mobileathlete_desktop.ui.i18n import QT_TRANSLATE_NOOP
from mobileathlete_desktop.ui.jobs import Job, JobCancelled, JobControl

KINDS: tuple[tuple[str, str], ...] = (
    ("measure", QT_TRANSLATE_NOOP("ProgressView", "Measure over time")),
    ("asymmetry", QT_TRANSLATE_NOOP("ProgressView", "Asymmetry (left against right)")),
    ("profile", QT_TRANSLATE_NOOP("ProgressView", "Profile (percent of norm)")),
    ("outcomes", QT_TRANSLATE_NOOP("ProgressView", "Outcome scores over time")),
    ("adherence", QT_TRANSLATE_NOOP("ProgressView", "Home program done, beside the LEFS")),
)
HOVER_RADIUS_PX = 12.0


def hover_hint() -> str:
    """The read-out's text while the pointer is on no value."""
    return QCoreApplication.translate(
        "ProgressView", "Point at a value on the chart, or read them all in the table below."
    )


STATUS_LIMIT = 160


class ClosingEndsCharts(QObject):
    """Watches the window the Progress tab is in: when it closes, the chart process ends
    (a chart asked for later starts it again)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close:
            chart_process.stop()
        return False


def brief(text: str, limit: int = STATUS_LIMIT) -> str:
    """A long chart note cut at a word to one or two lines (the whole note is the tooltip)."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + QCoreApplication.translate(
        "ProgressView", " … (hover for all)"
    )


class ProgressView(QWidget):
    """Charts of one client; empty until `set_client` and first shown."""

    chart_shown = Signal()

    def __init__(self, ctx: ServiceContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.client_id: int | None = None
        self.data: ChartData | None = None
        self.canvas: Any = None
        self._stale = False
        self._generation = 0
        self.history: ClientHistory | None = None
        self._jobs: list[Job[ChartData]] = []
        self._filling = False
        self._closing_watch: ClosingEndsCharts | None = None

        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Chart kind"))
        for key, text in KINDS:
            self.kind.addItem(QCoreApplication.translate("ProgressView", text), key)
        self.kind.setMinimumContentsLength(10)
        self.kind.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        kind_label = QLabel(self.tr("Chart &kind"))
        kind_label.setBuddy(self.kind)
        self.measure = QComboBox()
        self.measure.setAccessibleName(self.tr("Measure"))
        # Short enough for the page at 150 % scaling; the box stretches where there is room.
        self.measure.setMinimumContentsLength(10)
        self.measure.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.measure_label = QLabel(self.tr("&Measure"))
        self.measure_label.setBuddy(self.measure)
        self.export_button = QPushButton(self.tr("E&xport…"))
        self.export_button.setAccessibleName(self.tr("Export chart"))
        self.export_button.setToolTip(self.tr("Save this chart as PNG, SVG or PDF"))
        self.export_button.setEnabled(False)
        self.status = QLabel("")
        self.status.setAccessibleName(self.tr("Chart status"))
        self.status.setWordWrap(True)
        self.hover = QLabel(hover_hint())
        self.hover.setWordWrap(True)
        self.hover.setAccessibleName(self.tr("Value under the pointer"))
        self.hover.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        controls = QHBoxLayout()
        controls.addWidget(kind_label)
        controls.addWidget(self.kind, 1)  # both boxes share the room there is
        controls.addWidget(self.measure_label)
        controls.addWidget(self.measure, 2)
        controls.addWidget(self.export_button)

        self.chart_area = QScrollArea()
        self.chart_area.setWidgetResizable(False)
        self.chart_area.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.chart_area.setAccessibleName(self.tr("Chart"))
        self.chart_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.placeholder = QLabel(self.tr("Choose a client to see their progress."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.chart_area.setWidget(self.placeholder)
        self.chart_area.setWidgetResizable(True)

        self.table = QTableWidget(0, 0)
        self.table.setAccessibleName(self.tr("Plotted values"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)
        self.table.currentCellChanged.connect(lambda row, *_: self._read_row(row))
        table_label = QLabel(self.tr("Plotted &values"))
        table_label.setBuddy(self.table)
        below = QWidget()
        below_layout = QVBoxLayout(below)
        below_layout.setContentsMargins(0, 0, 0, 0)
        below_layout.addWidget(self.hover)
        below_layout.addWidget(table_label)
        below_layout.addWidget(self.table)

        # The chart takes the room; the table stays a few rows tall and scrolls.
        self.table.setMaximumHeight(160)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.status)
        layout.addWidget(self.chart_area, 1)
        layout.addWidget(below)

        self.kind.currentIndexChanged.connect(lambda _i: self._choice_changed(kind_changed=True))
        self.measure.currentIndexChanged.connect(lambda _i: self._choice_changed())
        self.export_button.clicked.connect(self.export)
        self._sync_measure_enabled()

    # --- loading ---------------------------------------------------------------------------

    def set_client(self, client_id: int, history: ClientHistory | None = None) -> None:
        """Shows this client's charts (built now if visible, else when first shown) from
        `history` as the client's page read it; without one the tab reads it itself."""
        self._start_charts()
        if client_id != self.client_id:
            self.data = None
            self._fill_measures(())
        self.client_id = client_id
        self.history = history
        self._stale = True
        if self.isVisible():
            self.reload()

    def _start_charts(self) -> None:
        """Starts the chart process as the first client is shown (it warms up meanwhile),
        and ends it when this window closes."""
        chart_process.warm()
        if self._closing_watch is None:
            self._closing_watch = ClosingEndsCharts(self)
            self.window().installEventFilter(self._closing_watch)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    @property
    def loading(self) -> bool:
        """Whether a chart is being built on the thread pool."""
        return bool(self._jobs)

    def reload(self) -> None:
        """Builds the chart for the current choices off the UI thread."""
        if self.client_id is None:
            return
        self._stale = False
        self._generation += 1
        generation = self._generation
        kind = str(self.kind.currentData())
        what, mode = "", None
        if kind == "measure" and self.measure.currentIndex() >= 0:
            what, mode = self.measure.currentData()
        ctx, client_id, history = self.ctx, self.client_id, self.history
        viewport = self.chart_area.viewport().size()
        ratio = self.devicePixelRatioF() or 1.0
        bar = self.chart_area.verticalScrollBar().sizeHint().width()
        room = ((viewport.width() - 4) * ratio, (viewport.height() - 4) * ratio, bar * ratio)
        self._start_charts()  # again, if the window was closed and shown again

        def work(_control: JobControl) -> ChartData:
            # A newer choice came while this one waited for a thread (kinds stepped through
            # by keyboard): it is not built at all. Fewer figures built beside the one shown
            # (matplotlib is not thread-safe), and the newest chart comes sooner.
            if generation != self._generation:
                raise JobCancelled
            return build_chart_data(ctx, client_id, kind, what, mode, history, room, ratio)

        job: Job[ChartData] = Job(self, work, lambda data: self._built(generation, job, data))
        job.failure(lambda exc: self._failed(generation, job, exc))
        job.cancelled(lambda: self._forget(job))
        self._jobs.append(job)
        self.status.setText(self.tr("Loading the chart…"))
        self.export_button.setEnabled(False)
        job.run()

    def _forget(self, job: Job[ChartData]) -> None:
        if job in self._jobs:
            self._jobs.remove(job)

    def _failed(self, generation: int, job: Job[ChartData], exc: Exception) -> None:
        self._forget(job)
        if generation == self._generation:
            self.status.setText(self.tr("The chart could not be drawn: {error}").format(error=exc))

    def _built(self, generation: int, job: Job[ChartData], data: ChartData) -> None:
        self._forget(job)
        if generation != self._generation or data.client_id != self.client_id:
            return  # a newer choice superseded this one
        self.data = data
        if self.history is None:
            self.history = data.history  # another chart of the same client reads no more
        self._fill_measures(data.choices, (data.what, data.mode))
        self._show_figure(data)
        self._fill_table(data)
        full = self._status_text(data)
        shown = brief(full)
        self.status.setText(shown)
        self.status.setToolTip(full if shown != full else "")
        self.export_button.setEnabled(True)
        self.chart_shown.emit()

    def _status_text(self, data: ChartData) -> str:
        notes = data.picture.messages
        return " ".join(notes).replace("\n", " ") if notes else ""

    def _show_figure(self, data: ChartData) -> None:
        canvas = ChartImage(data.picture)
        canvas.setAccessibleName(self.tr("Chart"))
        canvas.setAccessibleDescription(self._describe(data))
        canvas.pointed.connect(self._hovered)
        canvas.left.connect(lambda: self.hover.setText(hover_hint()))
        self.chart_area.setWidgetResizable(False)
        old = self.chart_area.takeWidget()
        if old is self.placeholder:
            old.hide()
            old.setParent(self)  # kept, but not left as a window of its own
        elif old is not None:
            old.deleteLater()
        self.chart_area.setWidget(canvas)
        self.canvas = canvas

    def _describe(self, data: ChartData) -> str:
        titles = [ax.title for ax in data.picture.axes if ax.title]
        count = len(data.values)
        listed = (
            self.tr("1 value, listed in the table below")
            if count == 1
            else self.tr("{count} values, listed in the table below").format(count=count)
        )
        return "; ".join([*titles, listed])

    def _fill_measures(
        self, choices: tuple[MeasureChoice, ...], current: tuple[str, Mode | None] = ("", None)
    ) -> None:
        self._filling = True
        try:
            keys = [(c.code, c.mode) for c in choices]
            if keys != [self.measure.itemData(i) for i in range(self.measure.count())]:
                self.measure.clear()
                for choice in choices:
                    self.measure.addItem(choice.text, (choice.code, choice.mode))
            if current in keys:
                self.measure.setCurrentIndex(keys.index(current))
        finally:
            self._filling = False
        self._sync_measure_enabled()

    def _fill_table(self, data: ChartData) -> None:
        self.table.clear()
        self.table.setColumnCount(len(data.headers))
        self.table.setHorizontalHeaderLabels(list(data.headers))
        self.table.setRowCount(len(data.values))
        for r, value in enumerate(data.values):
            for c, text in enumerate(value.cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.AccessibleTextRole, text or "—")
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

    def _sync_measure_enabled(self) -> None:
        on = self.kind.currentData() == "measure"
        self.measure.setEnabled(on and self.measure.count() > 0)
        self.measure_label.setEnabled(on)

    def _choice_changed(self, kind_changed: bool = False) -> None:
        if self._filling:
            return
        self._sync_measure_enabled()
        if self.client_id is not None and self.data is not None:
            self.reload()
        elif kind_changed:
            self._stale = True

    # --- reading values --------------------------------------------------------------------

    def value_at(self, x_px: float, y_px: float) -> PlottedValue | None:
        """The plotted value nearest to a point on the canvas (matplotlib's pixels), if close."""
        if self.data is None or not self.data.picture.axes:
            return None
        axes_list = self.data.picture.axes
        # The adherence chart reads its bars, on its lower panel.
        ax = (
            None
            if self.data.kind == "outcomes"
            else axes_list[-1]
            if self.data.kind == "adherence"
            else axes_list[0]
        )
        best: tuple[float, PlottedValue] | None = None
        for value in self.data.values:
            axes = ax or self._outcome_axes(value)
            if self.data.kind == "profile" and value.series == "difference":
                axes = axes_list[-1]  # a signed angle's bar, on the lower panel
            if value.panel is not None and value.panel < len(axes_list):
                axes = axes_list[value.panel]  # the asymmetry chart: LSI, then a unit's panels
            if axes is None:
                continue
            if value.bar:
                _, y_data = axes.to_data(x_px, y_px)
                if axes.holds_x(x_px) and abs(y_data - value.y) <= 0.5:
                    return value
                continue
            px, py = axes.to_pixels(value.x, value.y)
            distance = ((px - x_px) ** 2 + (py - y_px) ** 2) ** 0.5
            if distance <= HOVER_RADIUS_PX and (best is None or distance < best[0]):
                best = (distance, value)
        return best[1] if best else None

    def _outcome_axes(self, value: PlottedValue) -> AxesMap | None:
        assert self.data is not None
        for axes in self.data.picture.axes:  # titled by the measure (and what it says after)
            if axes.left_title.startswith(value.series):
                return axes
        return None

    def _hovered(self, x_px: float, y_px: float) -> None:
        """The pointer at (x_px, y_px): the chart's device pixels from its bottom left."""
        value = self.value_at(x_px, y_px)
        self.hover.setText(value.text if value else hover_hint())
        if value is not None and self.data is not None:
            row = self.data.values.index(value)
            self.table.selectRow(row)

    def _read_row(self, row: int) -> None:
        if self.data is not None and 0 <= row < len(self.data.values):
            self.hover.setText(self.data.values[row].text)

    # --- export ----------------------------------------------------------------------------

    def export(self) -> Path | None:
        """Asks where to save the chart, writes it whole (PNG/SVG/PDF) and audits the export."""
        from mobileathlete_desktop.charts.style import ChartWriteError, chart_format

        if self.data is None:
            return None
        data = self.data
        chart = data.history.client.chart_number
        what = data.what or data.kind
        suggested = f"{chart}_{what}.png".replace("/", "-")
        filters = self.tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)")
        name, chosen_filter = QFileDialog.getSaveFileName(
            self, self.tr("Export chart"), suggested, filters
        )
        if not name:
            return None
        path = Path(name)
        if path.suffix == "":
            path = path.with_suffix(
                ".svg" if "svg" in chosen_filter else ".pdf" if "pdf" in chosen_filter else ".png"
            )
        try:
            chart_format(path)
            # Drawn again into the file, as on screen, by the chart process (or here).
            chart_process.save(data.request, str(path))
        except (ValueError, ChartWriteError) as exc:
            self.status.setText(self.tr("Not exported: {error}").format(error=exc))
            return None
        record_chart_export(self.ctx, data.client_id, path.name, what, data.mode)
        self.status.setText(self.tr("Exported to {path}").format(path=path))
        return path
