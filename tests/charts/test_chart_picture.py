"""A chart for the screen as a picture (charts/picture.py), drawn in the chart process
(charts/process.py): the same pixels as drawn here, and axes maps that put each value where
matplotlib drew it (the Progress tab's hover reads them)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from mobileathlete_desktop.charts import process as chart_process
from mobileathlete_desktop.charts.figure_lock import FIGURE_LOCK
from mobileathlete_desktop.charts.picture import (
    ChartRequest,
    build_figure,
    draw_picture,
    fit_to_room,
)
from mobileathlete_desktop.charts.style import ChartWriteError
from mobileathlete_desktop.domain.catalogue import Catalogue
from mobileathlete_desktop.domain.records import ClientHistory


@pytest.fixture
def charts() -> Iterator[chart_process.ChartProcess]:
    process = chart_process.ChartProcess()
    yield process
    process.stop()
    assert process.pid is None


def request(history: ClientHistory, catalogue: Catalogue, kind: str, **kw: object) -> ChartRequest:
    what = "ankle.df" if kind == "measure" else ""
    return ChartRequest(kind, what, None, history, catalogue, "en", **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize("kind", ["measure", "profile", "asymmetry", "outcomes"])
def test_the_axes_map_puts_each_value_where_matplotlib_drew_it(
    history: ClientHistory, catalogue: Catalogue, kind: str
) -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    ask = request(history, catalogue, kind, room=(900.0, 500.0, 16.0), ratio=1.5)
    picture = draw_picture(ask)
    with FIGURE_LOCK:
        figure = build_figure(ask)
        fit_to_room(figure, ask)
        agg = FigureCanvasAgg(figure)
        agg.draw()  # type: ignore[no-untyped-call]
    assert len(picture.axes) == len(figure.axes)
    assert (picture.width, picture.height) == agg.get_width_height(physical=True)
    assert picture.ratio == 1.5 and figure.dpi == 150
    for mapped, ax in zip(picture.axes, figure.axes, strict=True):
        for point in [(ax.get_xlim()[0], ax.get_ylim()[1]), (sum(ax.get_xlim()) / 2, 1.0)]:
            ours = mapped.to_pixels(*point)
            theirs = ax.transData.transform(point)
            assert ours == pytest.approx(tuple(theirs), abs=1e-6)
            assert mapped.to_data(*ours) == pytest.approx(point)


def test_the_chart_process_draws_the_same_pixels_as_this_thread(
    history: ClientHistory, catalogue: Catalogue, charts: chart_process.ChartProcess
) -> None:
    ask = request(history, catalogue, "profile", room=(800.0, 450.0, 16.0))
    there = charts.call("draw", ask)
    here = draw_picture(ask)
    assert there.drawn_by == charts.pid != os.getpid() == here.drawn_by
    assert (there.width, there.height, there.axes) == (here.width, here.height, here.axes)
    assert there.rgba == here.rgba


def test_a_chart_error_in_the_process_is_raised_here_and_the_process_lives_on(
    history: ClientHistory, catalogue: Catalogue, charts: chart_process.ChartProcess, tmp_path: Path
) -> None:
    ask = request(history, catalogue, "asymmetry")
    with pytest.raises(ChartWriteError, match="does not exist"):
        charts.call("save", ask, str(tmp_path / "gone" / "chart.png"))
    alive = charts.pid
    saved = charts.call("save", ask, str(tmp_path / "chart.svg"))
    assert saved == str(tmp_path / "chart.svg") and (tmp_path / "chart.svg").stat().st_size
    assert charts.pid == alive and charts.deaths == 0


def test_a_process_that_cannot_start_gives_way_to_drawing_here(
    history: ClientHistory, catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    import multiprocessing

    class Broken:
        def Pipe(self) -> object:
            return multiprocessing.Pipe()

        def Process(self, **_kw: object) -> object:
            raise OSError("no processes left")

    monkeypatch.setattr(multiprocessing, "get_context", lambda _name: Broken())
    monkeypatch.setattr(chart_process, "CHARTS", chart_process.ChartProcess())
    picture = chart_process.draw(request(history, catalogue, "outcomes"))
    assert picture.drawn_by == os.getpid() and picture.axes
    assert chart_process.CHARTS.deaths == 1


def test_the_catalogue_and_history_cross_to_the_process_once_and_a_new_one_is_used(
    history: ClientHistory, catalogue: Catalogue, charts: chart_process.ChartProcess
) -> None:
    import pickle
    from dataclasses import replace

    from mobileathlete_desktop.domain.catalogue import parse_catalogue
    from tests.charts.conftest import catalogue_data

    ask = request(history, catalogue, "measure")
    first = charts.call("draw", ask)
    again, _ = charts._message("draw", (ask,))
    # The second request of the same client, whatever chart: neither catalogue nor history.
    assert len(pickle.dumps(again)) < len(pickle.dumps(catalogue)) / 4
    assert again[2] == {} and "catalogue" not in again[1][0]
    assert charts.call("draw", ask).suptitle == first.suptitle
    # Another catalogue object (the measure renamed) reaches the process and is drawn.
    data = catalogue_data()
    data["measures"][0]["label"] = {"en": "Renamed dorsiflexion"}
    renamed = charts.call("draw", replace(ask, catalogue=parse_catalogue(data)))
    assert "Renamed dorsiflexion" in renamed.suptitle
    assert "Renamed" not in first.suptitle
    # A new process (the old one ended) is sent everything again.
    charts.stop()
    assert charts.call("draw", ask).suptitle == first.suptitle


def test_a_chart_with_no_room_keeps_its_own_size_at_150_percent(
    history: ClientHistory, catalogue: Catalogue
) -> None:
    """A window sized to its chart (the check-in's adherence) shows it as large at 150 % as
    at 100 %, drawn with 1.5 times the pixels (it was shrunk to two thirds, its title cut)."""
    plain = draw_picture(request(history, catalogue, "outcomes"))
    sharp = draw_picture(request(history, catalogue, "outcomes", ratio=1.5))
    assert plain.width == 700  # charts.style.DEFAULT_SIZE's width at 100 dpi
    assert (sharp.width / 1.5, sharp.height / 1.5) == pytest.approx(
        (plain.width, plain.height), abs=1
    )
