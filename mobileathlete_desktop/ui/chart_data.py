"""What the Progress tab draws: the figure built and rendered off the UI thread, and the
plotted values as rows (the keyboard's and screen reader's way to the same numbers).

Building and rendering a chart (≈0.1–0.7 s for 30 visits, measured) happen on the thread
pool under charts' FIGURE_LOCK, so the UI thread only shows the pixels.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

from mobileathlete_desktop.charts.figure_lock import FIGURE_LOCK
from mobileathlete_desktop.charts.kinds import MeasureChoice, measures_with_data
from mobileathlete_desktop.domain.catalogue import Catalogue, Mode
from mobileathlete_desktop.domain.checkins import CheckinRecord
from mobileathlete_desktop.domain.records import ClientHistory
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.support.languages import language_code


def _side(side: str) -> str:
    words = {
        "left": QCoreApplication.translate("ChartData", "left"),
        "right": QCoreApplication.translate("ChartData", "right"),
    }
    return words.get(side, "" if side == "none" else side)


def _mode(mode: str) -> str:
    words = {
        "active": QCoreApplication.translate("ChartData", "active"),
        "passive": QCoreApplication.translate("ChartData", "passive"),
    }
    return words.get(mode, "" if mode == "none" else mode)


@dataclass(frozen=True)
class PlottedValue:
    """One value drawn on the chart: where it is (data coordinates) and how to say it."""

    x: float
    y: float
    cells: tuple[str, ...]
    bar: bool = False  # a horizontal bar: hovering anywhere on its row reads it
    series: str = ""  # the outcome chart's axes title (the measure's label, window language)

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
    lang = language_code(QLocale().name())
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
                                measure.label_in(lang) if kind == "outcomes" else "",
                                _side(side),
                                measure.format_value(p.value),
                                _visit_state(p.signed, p.pain),
                            ),
                            series=measure.label_in(lang),
                        )
                    )
        values.sort(key=lambda v: (v.x, v.cells[2]))
        headers: tuple[str, ...] = (
            QCoreApplication.translate("ChartData", "Date"),
            QCoreApplication.translate("ChartData", "Measure"),
            QCoreApplication.translate("ChartData", "Side"),
            QCoreApplication.translate("ChartData", "Value"),
            QCoreApplication.translate("ChartData", "Visit"),
        )
        if kind == "measure":
            values = [PlottedValue(v.x, v.y, v.cells[:1] + v.cells[2:]) for v in values]
            headers = headers[:1] + headers[2:]
        return headers, tuple(values)
    result = interpret_assessment(history, catalogue=cat)
    if kind == "profile":
        rows = [r for r in result.rows if r.norm.percent_of_norm is not None]
        for i, r in enumerate(rows):
            pct = r.norm.percent_of_norm or 0.0
            measure = cat.get(r.code)
            cells: tuple[str, ...] = (
                measure.label_in(lang) if measure else r.label,
                _side(r.side),
                _mode(r.mode),
                r.value_text,
                QCoreApplication.translate("ChartData", "{percent}% of {norm}").format(
                    percent=f"{pct:.0f}", norm=r.norm.text
                ),
            )
            values.append(PlottedValue(pct, float(i), cells, bar=True))
        return (
            QCoreApplication.translate("ChartData", "Measure"),
            QCoreApplication.translate("ChartData", "Side"),
            QCoreApplication.translate("ChartData", "Mode"),
            QCoreApplication.translate("ChartData", "Value"),
            QCoreApplication.translate("ChartData", "Percent of norm"),
        ), tuple(values)
    rows = [r for r in result.rows if r.side == "left" and r.sides and r.sides.lsi is not None]
    for i, r in enumerate(rows):
        assert r.sides is not None and r.sides.lsi is not None
        if not r.sides.asymmetric:
            verdict = QCoreApplication.translate("ChartData", "within threshold")
        elif r.sides.weaker_side:
            verdict = QCoreApplication.translate("ChartData", "asymmetric, {side} weaker").format(
                side=_side(r.sides.weaker_side)
            )
        else:
            verdict = QCoreApplication.translate("ChartData", "asymmetric")
        measure = cat.get(r.code)
        cells = (
            measure.label_in(lang) if measure else r.label,
            _mode(r.mode),
            QCoreApplication.translate("ChartData", "L {left} / R {right}").format(
                left=f"{r.sides.left:g}", right=f"{r.sides.right:g}"
            ),
            f"LSI {r.sides.lsi:.0f}%",
            verdict,
        )
        values.append(PlottedValue(r.sides.lsi, float(i), cells, bar=True))
    return (
        QCoreApplication.translate("ChartData", "Measure"),
        QCoreApplication.translate("ChartData", "Mode"),
        QCoreApplication.translate("ChartData", "Left / right"),
        "LSI",
        QCoreApplication.translate("ChartData", "Verdict"),
    ), tuple(values)


def _visit_state(signed: bool, pain: bool) -> str:
    """'signed' or 'draft', with ', pain' when the value was painful."""
    if signed:
        if pain:
            return QCoreApplication.translate("ChartData", "signed, pain")
        return QCoreApplication.translate("ChartData", "signed")
    if pain:
        return QCoreApplication.translate("ChartData", "draft, pain")
    return QCoreApplication.translate("ChartData", "draft")


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
    if kind == "adherence":
        from mobileathlete_desktop.services.checkins import list_checkins

        checkins = tuple(list_checkins(ctx, client_id))
        with FIGURE_LOCK:
            return _build_adherence(client_id, history, checkins, ctx.catalogue, room)
    with FIGURE_LOCK:
        return _build_and_render(client_id, kind, what, mode, history, ctx.catalogue, room)


def _build_adherence(
    client_id: int,
    history: ClientHistory,
    checkins: tuple[CheckinRecord, ...],
    cat: Catalogue,
    room: tuple[float, float, float] | None,
) -> ChartData:
    """The home program's adherence at each check-in beside the LEFS (charts.adherence), and
    its table: date, sessions done of prescribed, share, EARS (all self-report)."""
    from mobileathlete_desktop.charts.adherence import adherence_figure
    from mobileathlete_desktop.charts.style import date_numbers

    figure = adherence_figure(history, checkins, cat, lang=language_code(QLocale().name()))
    headers = (
        QCoreApplication.translate("ChartData", "Check-in"),
        QCoreApplication.translate("ChartData", "Sessions done"),
        QCoreApplication.translate("ChartData", "Adherence"),
        QCoreApplication.translate("ChartData", "EARS (0-24)"),
    )
    recorded = [c for c in checkins if c.adherence is not None]
    xs = date_numbers([c.date for c in recorded]) if recorded else []
    values = tuple(
        PlottedValue(
            x=float(x),
            y=round((c.adherence or 0.0) * 100),
            cells=(
                c.date.isoformat(),
                QCoreApplication.translate("ChartData", "{done} of {prescribed}").format(
                    done=sum(i.done for i in c.items if i.done is not None),
                    prescribed=sum(i.prescribed for i in c.items if i.done is not None),
                ),
                f"{round((c.adherence or 0.0) * 100)} %",
                "" if c.ears_total is None else str(c.ears_total),
            ),
            bar=True,
        )
        for x, c in zip(xs, recorded, strict=True)
    )
    return _rendered(client_id, "adherence", "", None, figure, headers, values, (), history, room)


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


def _build_and_render(
    client_id: int,
    kind: str,
    what: str,
    mode: Mode | None,
    history: ClientHistory,
    cat: Catalogue,
    room: tuple[float, float, float] | None = None,
) -> ChartData:
    from mobileathlete_desktop.charts.kinds import build_chart

    choices = tuple(measures_with_data(history, cat, language_code(QLocale().name())))
    if kind == "measure" and not what and choices:
        best = max(choices, key=lambda c: c.points)
        what, mode = best.code, best.mode
    if kind == "measure" and not what:
        from mobileathlete_desktop.charts.style import message_figure

        figure = message_figure(
            QCoreApplication.translate("ChartData", "Progress — {name}").format(
                name=history.client.full_name
            ),
            QCoreApplication.translate("ChartData", "No assessments recorded yet."),
        )
        headers: tuple[str, ...] = (
            QCoreApplication.translate("ChartData", "Date"),
            QCoreApplication.translate("ChartData", "Side"),
            QCoreApplication.translate("ChartData", "Value"),
            QCoreApplication.translate("ChartData", "Visit"),
        )
        values: tuple[PlottedValue, ...] = ()
    else:
        lang = language_code(QLocale().name())  # the window's (install_translations sets it)
        figure = build_chart(history, kind if kind != "measure" else what, cat, mode, lang)
        headers, values = plotted_values(history, kind, what, mode, cat)
    return _rendered(client_id, kind, what, mode, figure, headers, values, choices, history, room)


def _rendered(
    client_id: int,
    kind: str,
    what: str,
    mode: Mode | None,
    figure: Any,
    headers: tuple[str, ...],
    values: tuple[PlottedValue, ...],
    choices: tuple[MeasureChoice, ...],
    history: ClientHistory,
    room: tuple[float, float, float] | None,
) -> ChartData:
    """Lays the figure out for the room on screen and draws it (off the UI thread)."""
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
