"""The Progress tab: a client's charts, a measure picker, a hover read-out, the plotted values
as a table (the keyboard's and screen reader's way to the same numbers), and Export….

matplotlib is imported only when the first chart is drawn, so the window starts without it.
Loading the history and building the figure (≈0.1–0.7 s for 30 visits, measured) happen on
the thread pool; the figure is also rendered there once, so the UI thread only shows pixels.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
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

from mobileathlete_desktop.charts.kinds import MeasureChoice, measures_with_data
from mobileathlete_desktop.domain.catalogue import Catalogue, Mode
from mobileathlete_desktop.domain.records import ClientHistory
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.background import BackgroundCall

if TYPE_CHECKING:
    from matplotlib.figure import Figure

KINDS: tuple[tuple[str, str], ...] = (
    ("measure", "Measure over time"),
    ("asymmetry", "Asymmetry (limb symmetry index)"),
    ("profile", "Profile (percent of norm)"),
    ("outcomes", "Outcome scores over time"),
)
FILE_FILTERS = "PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"
HOVER_RADIUS_PX = 12.0
MATPLOTLIB_LOCK = threading.Lock()
"""matplotlib is not thread-safe (its font cache is shared): the worker builds and renders
under this lock, and the canvas only redraws on the UI thread when the lock is free."""
HOVER_HINT = "Point at a value on the chart, or read them all in the table below."


@dataclass(frozen=True)
class PlottedValue:
    """One value drawn on the chart: where it is (data coordinates) and how to say it."""

    x: float
    y: float
    cells: tuple[str, ...]
    bar: bool = False  # a horizontal bar: hovering anywhere on its row reads it

    @property
    def text(self) -> str:
        """The read-out line ("2025-03-01 · left · 31° · signed")."""
        return " · ".join(c for c in self.cells if c)


@dataclass(frozen=True)
class ChartData:
    """Everything the worker hands back: the figure and what it plots."""

    client_id: int
    kind: str
    what: str
    mode: Mode | None
    figure: Any
    headers: tuple[str, ...]
    values: tuple[PlottedValue, ...]
    choices: tuple[MeasureChoice, ...]
    history: ClientHistory
    renderer: Any = None
    renderer_key: Any = None


def plotted_values(
    history: ClientHistory, kind: str, what: str, mode: Mode | None, cat: Catalogue
) -> tuple[tuple[str, ...], tuple[PlottedValue, ...]]:
    """The table of what a chart shows, computed from the same domain functions."""
    from mobileathlete_desktop.charts.style import date_numbers
    from mobileathlete_desktop.domain.interpretation import (
        interpret_assessment,
        measure_for,
        measure_series,
    )

    values: list[PlottedValue] = []
    if kind in ("measure", "outcomes"):
        codes = [what] if kind == "measure" else ["lefs.total", "nprs"]
        for code in codes:
            measure = measure_for(code, cat)
            if measure is None:
                continue
            use_mode: Mode = mode or (measure.modes[0] if measure.modes else "none")
            for side in measure.sides:
                for p in measure_series(history, code, side, use_mode, cat):
                    values.append(
                        PlottedValue(
                            date_numbers([p.date])[0],
                            p.value,
                            (
                                p.date.isoformat(),
                                measure.label if kind == "outcomes" else "",
                                "" if side == "none" else side,
                                measure.format_value(p.value),
                                ("signed" if p.signed else "draft") + (", pain" if p.pain else ""),
                            ),
                        )
                    )
        values.sort(key=lambda v: (v.x, v.cells[2]))
        headers: tuple[str, ...] = ("Date", "Measure", "Side", "Value", "Visit")
        if kind == "measure":
            values = [PlottedValue(v.x, v.y, v.cells[:1] + v.cells[2:]) for v in values]
            headers = ("Date", "Side", "Value", "Visit")
        return headers, tuple(values)
    result = interpret_assessment(history, catalogue=cat)
    if kind == "profile":
        rows = [r for r in result.rows if r.norm.percent_of_norm is not None]
        for i, r in enumerate(rows):
            pct = r.norm.percent_of_norm or 0.0
            side_text: str = "" if r.side == "none" else r.side
            mode_text: str = "" if r.mode == "none" else r.mode
            cells: tuple[str, ...] = (
                r.label,
                side_text,
                mode_text,
                r.value_text,
                f"{pct:.0f}% of {r.norm.text}",
            )
            values.append(PlottedValue(pct, float(i), cells, bar=True))
        return ("Measure", "Side", "Mode", "Value", "Percent of norm"), tuple(values)
    rows = [r for r in result.rows if r.side == "left" and r.sides and r.sides.lsi is not None]
    for i, r in enumerate(rows):
        assert r.sides is not None and r.sides.lsi is not None
        verdict = "asymmetric" if r.sides.asymmetric else "within threshold"
        if r.sides.asymmetric and r.sides.weaker_side:
            verdict += f", {r.sides.weaker_side} weaker"
        cells = (
            r.label,
            "" if r.mode == "none" else r.mode,
            f"L {r.sides.left:g} / R {r.sides.right:g}",
            f"LSI {r.sides.lsi:.0f}%",
            verdict,
        )
        values.append(PlottedValue(r.sides.lsi, float(i), cells, bar=True))
    return ("Measure", "Mode", "Left / right", "LSI", "Verdict"), tuple(values)


def build_chart_data(
    ctx: ServiceContext,
    client_id: int,
    kind: str,
    what: str,
    mode: Mode | None,
    history: ClientHistory | None = None,
    room: tuple[float, float, float] | None = None,
) -> ChartData:
    """Runs on the thread pool: loads the history (unless given), builds and renders the chart.

    When no measure is chosen yet, the first one with the most visits is shown. `room` is the
    space on screen (device pixels): the chart is laid out to fill it (see `fitted_size`).
    """
    from mobileathlete_desktop.services import assessments as assessment_service

    if history is None:
        history = assessment_service.load_history(ctx, client_id)
    with MATPLOTLIB_LOCK:
        return _build_locked(client_id, kind, what, mode, history, ctx.catalogue, room)


def fitted_size(
    natural: tuple[float, float], room: tuple[float, float], scrollbar: float = 0.0
) -> tuple[float, float]:
    """The size (pixels) to lay a chart out at so that it fills the room on screen.

    The width follows the room within 0.75–1.6× the chart's own width; so does the height,
    within 0.75–1.3×, unless the chart is much taller than the room (a long profile), which
    keeps its height and scrolls rather than squeezing its rows.
    """
    width, height = natural
    room_w, room_h = room

    def clamp(value: float, low: float, high: float) -> float:
        return max(low, min(high, value))

    tall = height > 1.35 * room_h
    if tall:  # it will scroll: leave the vertical scroll bar its room
        room_w -= scrollbar
    new_w = clamp(room_w, 0.75 * width, 1.6 * width)
    new_h = height if tall else clamp(room_h, 0.75 * height, 1.3 * height)
    return new_w, new_h


def _build_locked(
    client_id: int,
    kind: str,
    what: str,
    mode: Mode | None,
    history: ClientHistory,
    cat: Catalogue,
    room: tuple[float, float, float] | None = None,
) -> ChartData:
    from mobileathlete_desktop.charts.kinds import build_chart

    choices = tuple(measures_with_data(history, cat))
    if kind == "measure" and not what and choices:
        best = max(choices, key=lambda c: c.points)
        what, mode = best.code, best.mode
    if kind == "measure" and not what:
        from mobileathlete_desktop.charts.style import message_figure

        figure = message_figure(
            f"Progress — {history.client.full_name}", "No assessments recorded yet."
        )
        headers: tuple[str, ...] = ("Date", "Side", "Value", "Visit")
        values: tuple[PlottedValue, ...] = ()
    else:
        figure = build_chart(history, kind if kind != "measure" else what, cat, mode)
        headers, values = plotted_values(history, kind, what, mode, cat)
    if room is not None and min(room[:2]) > 50:
        dpi = figure.dpi
        width, height = fitted_size((figure.bbox.width, figure.bbox.height), room[:2], room[2])
        figure.set_size_inches(width / dpi, height / dpi)
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    agg = FigureCanvasAgg(figure)
    agg.draw()  # type: ignore[no-untyped-call]  # layout and pixels here, not on the UI thread
    renderer = agg.get_renderer()  # type: ignore[no-untyped-call]
    key = (figure.bbox.width, figure.bbox.height, figure.dpi)
    return ChartData(
        client_id, kind, what, mode, figure, headers, values, choices, history, renderer, key
    )


def _import_matplotlib() -> None:
    """Imports matplotlib and the chart modules on the UI thread, once, before any worker
    uses them (first use of the Progress tab): imports racing on two threads crashed."""
    import matplotlib.backends.backend_agg
    import matplotlib.backends.backend_qtagg
    import matplotlib.dates
    import matplotlib.figure  # noqa: F401

    import mobileathlete_desktop.charts.asymmetry
    import mobileathlete_desktop.charts.outcomes
    import mobileathlete_desktop.charts.profile
    import mobileathlete_desktop.charts.progress  # noqa: F401


def _canvas_class() -> type:
    """FigureCanvasQTAgg that shows the worker's rendering instead of drawing again."""
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

    class PrerenderedCanvas(FigureCanvasQTAgg):
        def __init__(self, figure: Figure, renderer: Any, key: Any) -> None:
            super().__init__(figure)  # type: ignore[no-untyped-call]
            self._ready: tuple[Any, Any] | None = (renderer, key) if renderer else None

        def _same_size(self) -> bool:
            # Qt's resize hands the size back through inches: 1674 px may come back as
            # 1673.9999999999998. Within half a pixel it is the worker's rendering.
            if self._ready is None:
                return False
            w, h = self.figure.bbox.size
            kw, kh, kdpi = self._ready[1]
            return bool(abs(w - kw) < 0.5 and abs(h - kh) < 0.5 and self.figure.dpi == kdpi)

        def get_renderer(self) -> Any:
            if self._same_size():
                assert self._ready is not None
                w, h = self.figure.bbox.size
                # What FigureCanvasAgg.get_renderer() reuses while the size is unchanged.
                self.renderer = self._ready[0]
                self._lastKey = (w, h, self.figure.dpi)  # type: ignore[assignment]
                return self.renderer
            self._ready = None  # resized for real: draw again from now on
            return super().get_renderer()  # type: ignore[no-untyped-call]

        def draw(self) -> None:
            if self._same_size() and not getattr(self, "_shown_ready", False):
                self._shown_ready = True
                self.get_renderer()
                self.update()  # the worker already drew these pixels
                return
            if not MATPLOTLIB_LOCK.acquire(blocking=False):
                QTimer.singleShot(50, self.draw_idle)  # a chart is being built: draw after
                return
            try:
                super().draw()  # type: ignore[no-untyped-call]
            finally:
                MATPLOTLIB_LOCK.release()

    return PrerenderedCanvas


STATUS_LIMIT = 160


def brief(text: str, limit: int = STATUS_LIMIT) -> str:
    """A long chart note cut at a word to one or two lines (the whole note is the tooltip)."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " … (hover for all)"


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
        self._calls: list[BackgroundCall] = []
        self._filling = False

        self.kind = QComboBox()
        self.kind.setAccessibleName("Chart kind")
        for key, text in KINDS:
            self.kind.addItem(text, key)
        self.kind.setMinimumContentsLength(10)
        self.kind.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        kind_label = QLabel("Chart &kind")
        kind_label.setBuddy(self.kind)
        self.measure = QComboBox()
        self.measure.setAccessibleName("Measure")
        # Short enough for the page at 150 % scaling; the box stretches where there is room.
        self.measure.setMinimumContentsLength(10)
        self.measure.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.measure_label = QLabel("&Measure")
        self.measure_label.setBuddy(self.measure)
        self.export_button = QPushButton("E&xport…")
        self.export_button.setAccessibleName("Export chart")
        self.export_button.setToolTip("Save this chart as PNG, SVG or PDF")
        self.export_button.setEnabled(False)
        self.status = QLabel("")
        self.status.setAccessibleName("Chart status")
        self.status.setWordWrap(True)
        self.hover = QLabel(HOVER_HINT)
        self.hover.setWordWrap(True)
        self.hover.setAccessibleName("Value under the pointer")
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
        self.chart_area.setAccessibleName("Chart")
        self.chart_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.placeholder = QLabel("Choose a client to see their progress.")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.chart_area.setWidget(self.placeholder)
        self.chart_area.setWidgetResizable(True)

        self.table = QTableWidget(0, 0)
        self.table.setAccessibleName("Plotted values")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)
        self.table.currentCellChanged.connect(lambda row, *_: self._read_row(row))
        table_label = QLabel("Plotted &values")
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

    def set_client(self, client_id: int) -> None:
        """Shows this client's charts (loaded now if visible, else when first shown)."""
        if client_id != self.client_id:
            self.data = None
            self._fill_measures(())
        self.client_id = client_id
        self._stale = True
        if self.isVisible():
            self.reload()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    @property
    def loading(self) -> bool:
        """Whether a chart is being built on the thread pool."""
        return bool(self._calls)

    def reload(self, *, reuse_history: bool = False) -> None:
        """Builds the chart for the current choices off the UI thread."""
        if self.client_id is None:
            return
        self._stale = False
        _import_matplotlib()
        self._generation += 1
        generation = self._generation
        kind = str(self.kind.currentData())
        what, mode = "", None
        if kind == "measure" and self.measure.currentIndex() >= 0:
            what, mode = self.measure.currentData()
        history = self.data.history if (reuse_history and self.data is not None) else None
        ctx, client_id = self.ctx, self.client_id
        viewport = self.chart_area.viewport().size()
        ratio = self.devicePixelRatioF() or 1.0
        bar = self.chart_area.verticalScrollBar().sizeHint().width()
        room = ((viewport.width() - 4) * ratio, (viewport.height() - 4) * ratio, bar * ratio)
        call = BackgroundCall(
            lambda: build_chart_data(ctx, client_id, kind, what, mode, history, room), self
        )
        call.finished.connect(lambda data, c=call: self._built(generation, c, data))
        call.failed.connect(lambda exc, c=call: self._failed(generation, c, exc))
        self._calls.append(call)
        self.status.setText("Loading the chart…")
        self.export_button.setEnabled(False)
        call.start()

    def _forget(self, call: BackgroundCall) -> None:
        if call in self._calls:
            self._calls.remove(call)
        call.deleteLater()

    def _failed(self, generation: int, call: BackgroundCall, exc: object) -> None:
        self._forget(call)
        if generation == self._generation:
            self.status.setText(f"The chart could not be drawn: {exc}")

    def _built(self, generation: int, call: BackgroundCall, data: ChartData) -> None:
        self._forget(call)
        if generation != self._generation or data.client_id != self.client_id:
            return  # a newer choice superseded this one
        self.data = data
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
        from mobileathlete_desktop.charts.style import figure_messages

        notes = [m for m in figure_messages(data.figure)]
        return " ".join(notes).replace("\n", " ") if notes else ""

    def _show_figure(self, data: ChartData) -> None:
        canvas_class = _canvas_class()
        canvas = canvas_class(data.figure, data.renderer, data.renderer_key)
        canvas.setAccessibleName("Chart")
        canvas.setAccessibleDescription(self._describe(data))
        ratio = canvas.devicePixelRatioF() or 1.0
        width, height = data.figure.bbox.width / ratio, data.figure.bbox.height / ratio
        canvas.setFixedSize(round(width), round(height))
        canvas.mpl_connect("motion_notify_event", self._hovered)
        canvas.mpl_connect("figure_leave_event", lambda _e: self.hover.setText(HOVER_HINT))
        self.chart_area.setWidgetResizable(False)
        old = self.chart_area.takeWidget()
        if old is not None and old is not self.placeholder:
            old.deleteLater()
        self.chart_area.setWidget(canvas)
        self.canvas = canvas

    @staticmethod
    def _describe(data: ChartData) -> str:
        titles = [ax.get_title() for ax in data.figure.axes if ax.get_title()]
        return "; ".join(titles) + f"; {len(data.values)} values, listed in the table below"

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
            self.reload(reuse_history=True)
        elif kind_changed:
            self._stale = True

    # --- reading values --------------------------------------------------------------------

    def value_at(self, x_px: float, y_px: float) -> PlottedValue | None:
        """The plotted value nearest to a point on the canvas (matplotlib's pixels), if close."""
        if self.data is None or not self.data.figure.axes:
            return None
        ax = self.data.figure.axes[0] if self.data.kind != "outcomes" else None
        best: tuple[float, PlottedValue] | None = None
        for value in self.data.values:
            axes = ax or self._outcome_axes(value)
            if axes is None:
                continue
            if value.bar:
                inv = axes.transData.inverted()
                _, y_data = inv.transform((x_px, y_px))
                inside = axes.bbox.x0 <= x_px <= axes.bbox.x1
                if inside and abs(y_data - value.y) <= 0.5:
                    return value
                continue
            px, py = axes.transData.transform((value.x, value.y))
            distance = ((px - x_px) ** 2 + (py - y_px) ** 2) ** 0.5
            if distance <= HOVER_RADIUS_PX and (best is None or distance < best[0]):
                best = (distance, value)
        return best[1] if best else None

    def _outcome_axes(self, value: PlottedValue) -> Any:
        assert self.data is not None
        for axes in self.data.figure.axes:
            if axes.get_title(loc="left") == value.cells[1]:
                return axes
        return None

    def _hovered(self, event: Any) -> None:
        value = self.value_at(event.x, event.y) if event.x is not None else None
        self.hover.setText(value.text if value else HOVER_HINT)
        if value is not None and self.data is not None:
            row = self.data.values.index(value)
            self.table.selectRow(row)

    def _read_row(self, row: int) -> None:
        if self.data is not None and 0 <= row < len(self.data.values):
            self.hover.setText(self.data.values[row].text)

    # --- export ----------------------------------------------------------------------------

    def export(self) -> Path | None:
        """Asks where to save the chart, writes it whole (PNG/SVG/PDF) and audits the export."""
        from mobileathlete_desktop.charts.style import ChartWriteError, chart_format, save_figure

        if self.data is None:
            return None
        data = self.data
        chart = data.history.client.chart_number
        what = data.what or data.kind
        suggested = f"{chart}_{what}.png".replace("/", "-")
        name, chosen_filter = QFileDialog.getSaveFileName(
            self, "Export chart", suggested, FILE_FILTERS
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
            save_figure(data.figure, path)
        except (ValueError, ChartWriteError) as exc:
            self.status.setText(f"Not exported: {exc}")
            return None
        self._audit(path, what)
        self.status.setText(f"Exported to {path}")
        return path

    def _audit(self, path: Path, what: str) -> None:
        from mobileathlete_desktop.services.audit import record_event

        assert self.data is not None
        client_id = self.data.client_id
        with self.ctx.db.session() as session:
            record_event(
                session,
                self.ctx.actor,
                "chart.export",
                entity="client",
                entity_id=client_id,
                client_id=client_id,
                detail={"file": path.name, "chart": what, "mode": self.data.mode or ""},
            )
