"""What the Progress tab draws: the chart's picture, drawn in the chart process (charts/
process.py), and the plotted values as rows (the keyboard's and screen reader's way to the
same numbers).

Building and drawing a chart (≈0.1–0.7 s for 30 visits, measured) happen in another process,
asked from the thread pool, so neither the UI thread nor the GIL waits for matplotlib; the
UI thread only shows the pixels. matplotlib is not imported in the window's process (unless
the chart process fails and a chart is drawn on a thread instead).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, QLocale

from mobileathlete_desktop.charts import process as chart_process
from mobileathlete_desktop.charts.kinds import MeasureChoice, measures_with_data
from mobileathlete_desktop.charts.picture import ChartPicture, ChartRequest, fitted_size
from mobileathlete_desktop.domain.catalogue import Catalogue, Mode
from mobileathlete_desktop.domain.checkins import CheckinRecord
from mobileathlete_desktop.domain.interpretation.value_words import (
    from_norm_words,
    norm_words,
    value_in,
)
from mobileathlete_desktop.domain.records import ClientHistory
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.support.i18n import texts
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
    panel: int | None = None  # the axes it is drawn on, top first, where a chart has several

    @property
    def text(self) -> str:
        """The read-out line ("2025-03-01 · left · 31° · signed")."""
        return " · ".join(c for c in self.cells if c)


@dataclass(frozen=True)
class ChartData:
    """Everything the worker hands back: the chart's picture, what it plots, and the request
    that drew it (an export draws the same chart again into a file)."""

    client_id: int
    kind: str
    what: str
    mode: Mode | None
    picture: ChartPicture
    headers: tuple[str, ...]
    values: tuple[PlottedValue, ...]
    choices: tuple[MeasureChoice, ...]
    history: ClientHistory
    request: ChartRequest


EPOCH = date(1970, 1, 1)


def day_numbers(dates: list[date]) -> list[float]:
    """Dates as the charts' x values: matplotlib's day numbers (days since its default epoch,
    1970-01-01: what charts.style.date_numbers gives), without importing matplotlib here."""
    return [float(d.toordinal() - EPOCH.toordinal()) for d in dates]


def plotted_values(
    history: ClientHistory, kind: str, what: str, mode: Mode | None, cat: Catalogue
) -> tuple[tuple[str, ...], tuple[PlottedValue, ...]]:
    """The table of what a chart shows, computed from the same domain functions."""
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
                            day_numbers([p.date])[0],
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
        # As the chart: the percent of the norm, then signed angles (Thomas, Ober, dorsiflexion
        # past neutral) as their difference from it, read on the chart's lower panel.
        tr = texts(lang)
        judged = [r for r in result.rows if r.norm.norm is not None]
        rows = [r for r in judged if r.norm.percent_of_norm is not None]
        signed = [r for r in judged if r.norm.percent_of_norm is None]
        for panel, some in (("", rows), ("difference", signed)):
            for i, r in enumerate(some):
                measure = cat.get(r.code)
                norm = r.norm.norm
                assert norm is not None
                said = norm_words(tr, measure, norm) if measure else r.norm.text
                if panel:
                    x = r.value - norm.mean
                    against = QCoreApplication.translate(
                        "ChartData", "{difference} from the norm {norm}"
                    ).format(difference=from_norm_words(tr, measure, r.value, norm), norm=said)
                else:
                    x = r.norm.percent_of_norm or 0.0
                    against = QCoreApplication.translate(
                        "ChartData", "{percent}% of {norm}"
                    ).format(percent=f"{x:.0f}", norm=said)
                cells: tuple[str, ...] = (
                    measure.label_in(lang) if measure else r.label,
                    _side(r.side),
                    _mode(r.mode),
                    value_in(tr, r.value_text),
                    against,
                )
                values.append(PlottedValue(x, float(i), cells, bar=True, series=panel))
        return (
            QCoreApplication.translate("ChartData", "Measure"),
            QCoreApplication.translate("ChartData", "Side"),
            QCoreApplication.translate("ChartData", "Mode"),
            QCoreApplication.translate("ChartData", "Value"),
            QCoreApplication.translate("ChartData", "Against the norm"),
        ), tuple(values)
    # As the chart: a panel of limb symmetry indices, then one of differences a unit; each
    # pair said by the domain's words ("LSI 80%", "3° difference, left less").
    from mobileathlete_desktop.charts.asymmetry import asymmetry_panels
    from mobileathlete_desktop.domain.interpretation import (
        side_difference_words,
        side_verdict_words,
    )

    tr = texts(lang)
    for index, (kind, pairs) in enumerate(asymmetry_panels(result.rows, cat)):
        for i, (r, measure) in enumerate(pairs):
            sides = r.sides
            assert sides is not None
            ruled = sides.threshold is not None and sides.threshold_kind != "none"
            if not ruled:
                verdict = ""
            elif not sides.asymmetric:
                verdict = QCoreApplication.translate("ChartData", "within threshold")
            elif sides.weaker_side:
                verdict = QCoreApplication.translate(
                    "ChartData", "asymmetric, {side} weaker"
                ).format(side=_side(sides.weaker_side))
            else:
                verdict = QCoreApplication.translate("ChartData", "asymmetric")
            if measure is not None:
                # The rule in the domain's words: "within the 4° measurement error", "under
                # the 90% threshold", or why it was not judged.
                rule = side_verdict_words(tr, measure, sides)
                verdict = f"{verdict} ({rule})" if verdict else rule
                said = side_difference_words(tr, measure, sides)
            else:
                said = f"LSI {sides.lsi or 0:.0f}%"
            left = measure.format_value(sides.left) if measure else f"{sides.left:g}"
            right = measure.format_value(sides.right) if measure else f"{sides.right:g}"
            cells = (
                measure.label_in(lang) if measure else r.label,
                _mode(r.mode),
                QCoreApplication.translate("ChartData", "L {left} / R {right}").format(
                    left=value_in(tr, left), right=value_in(tr, right)
                ),
                said,
                verdict,
            )
            x = sides.lsi if kind == "percent" and sides.lsi is not None else sides.difference
            values.append(PlottedValue(x, float(i), cells, bar=True, panel=index))
    return (
        QCoreApplication.translate("ChartData", "Measure"),
        QCoreApplication.translate("ChartData", "Mode"),
        QCoreApplication.translate("ChartData", "Left / right"),
        QCoreApplication.translate("ChartData", "Symmetry"),
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
    ratio: float = 1.0,
) -> ChartData:
    """Runs on the thread pool: loads the history (unless given), and has the chart drawn
    (charts.process.draw: in the chart process, waiting for it with the GIL free).

    When no measure is chosen yet, the first one with the most visits is shown. `room` is the
    space on screen (device pixels) and `ratio` its device pixel ratio: the chart is laid out
    to fill it (see `fitted_size`) and drawn sharp at that ratio.
    """
    from mobileathlete_desktop.services import assessments as assessment_service

    if history is None:
        history = assessment_service.load_history(ctx, client_id)
    lang = language_code(QLocale().name())  # the window's (install_translations sets it)
    cat = ctx.catalogue
    values: tuple[PlottedValue, ...]
    if kind == "adherence":
        from mobileathlete_desktop.services.checkins import list_checkins

        checkins = tuple(list_checkins(ctx, client_id))
        request = ChartRequest(
            "adherence", "", None, history, cat, lang, room, ratio, checkins=checkins
        )
        headers, values = _adherence_values(checkins)
        choices: tuple[MeasureChoice, ...] = ()
    else:
        choices = tuple(measures_with_data(history, cat, lang))
        if kind == "measure" and not what and choices:
            best = max(choices, key=lambda c: c.points)
            what, mode = best.code, best.mode
        message = None
        if kind == "measure" and not what:
            message = (
                QCoreApplication.translate("ChartData", "Progress — {name}").format(
                    name=history.client.full_name
                ),
                QCoreApplication.translate("ChartData", "No assessments recorded yet."),
            )
            headers = (
                QCoreApplication.translate("ChartData", "Date"),
                QCoreApplication.translate("ChartData", "Side"),
                QCoreApplication.translate("ChartData", "Value"),
                QCoreApplication.translate("ChartData", "Visit"),
            )
            values = ()
        else:
            headers, values = plotted_values(history, kind, what, mode, cat)
        request = ChartRequest(kind, what, mode, history, cat, lang, room, ratio, message=message)
    picture = chart_process.draw(request)
    return ChartData(
        client_id, kind, what, mode, picture, headers, values, choices, history, request
    )


def _adherence_values(
    checkins: tuple[CheckinRecord, ...],
) -> tuple[tuple[str, ...], tuple[PlottedValue, ...]]:
    """The adherence chart's table (charts.adherence draws it): date, sessions done of
    prescribed, share, EARS (all self-report)."""
    headers = (
        QCoreApplication.translate("ChartData", "Check-in"),
        QCoreApplication.translate("ChartData", "Sessions done"),
        QCoreApplication.translate("ChartData", "Adherence"),
        QCoreApplication.translate("ChartData", "EARS (0-24)"),
    )
    recorded = [c for c in checkins if c.adherence is not None]
    xs = day_numbers([c.date for c in recorded]) if recorded else []
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
    return headers, values


__all__ = [
    "ChartData",
    "PlottedValue",
    "build_chart_data",
    "day_numbers",
    "fitted_size",
    "plotted_values",
]
