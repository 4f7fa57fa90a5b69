"""The screen's layout (charts/screen_layout.py): a chart drawn after the same chart of
another client is laid out in one solve, where matplotlib's two solves put it, and nothing
of it (titles, tick labels, the key, notes) falls outside the picture."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest

from mobileathlete_desktop.charts import screen_layout
from mobileathlete_desktop.charts.figure_lock import FIGURE_LOCK
from mobileathlete_desktop.charts.picture import (
    ChartRequest,
    build_figure,
    draw_picture,
    fit_to_room,
)
from mobileathlete_desktop.domain.catalogue import Catalogue
from mobileathlete_desktop.domain.records import ClientHistory, MeasurementRecord


@pytest.fixture(autouse=True)
def no_seeds() -> Iterator[None]:
    screen_layout.SEEDS.clear()
    yield
    screen_layout.SEEDS.clear()


@pytest.fixture
def solves(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many times constrained layout measured the axes' decorations."""
    from matplotlib import _constrained_layout

    counted: list[int] = []
    measure = _constrained_layout.make_layout_margins

    def counting(*args: Any, **kw: Any) -> Any:
        counted.append(1)
        return measure(*args, **kw)

    monkeypatch.setattr(_constrained_layout, "make_layout_margins", counting)
    return counted


def other_client(history: ClientHistory) -> ClientHistory:
    """Another client's history: the same visits, other values (other tick labels)."""
    visits = tuple(
        replace(
            a,
            measurements=tuple(
                MeasurementRecord(m.code, m.side, m.mode, m.value * 1.7 + 3) for m in a.measurements
            ),
        )
        for a in history.assessments
    )
    return replace(history, assessments=visits)


def asked(history: ClientHistory, catalogue: Catalogue, kind: str, lang: str) -> ChartRequest:
    what = "ankle.df" if kind == "measure" else ""
    return ChartRequest(kind, what, None, history, catalogue, lang, (1500.0, 900.0, 24.0), 1.5)


def matplotlib_layout(request: ChartRequest) -> list[tuple[float, ...]]:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    with FIGURE_LOCK:
        figure = build_figure(request)
        fit_to_room(figure, request)
        FigureCanvasAgg(figure).draw()  # type: ignore[no-untyped-call]
        return [tuple(ax.bbox.extents) for ax in figure.axes]


@pytest.mark.parametrize("kind", ["measure", "outcomes", "profile", "asymmetry"])
def test_the_same_chart_of_another_client_is_solved_once_where_matplotlib_puts_it(
    history: ClientHistory, catalogue: Catalogue, solves: list[int], kind: str
) -> None:
    lang = "en" if kind == "asymmetry" else "es"  # see SPANISH_ASYMMETRY
    draw_picture(asked(other_client(history), catalogue, kind, lang))
    assert len(solves) == 2  # nothing seen yet at this size: matplotlib's two solves
    solves.clear()
    request = asked(history, catalogue, kind, lang)
    picture = draw_picture(request)
    assert len(solves) == 1
    solves.clear()
    theirs = matplotlib_layout(request)
    assert len(solves) == 2
    for ours, matplotlibs in zip(picture.axes, theirs, strict=True):
        # Within 1.5 logical pixels (at 150 %) of matplotlib's own two solves.
        assert ours.extents == pytest.approx(matplotlibs, abs=2.25)


SPANISH_ASYMMETRY = pytest.param(
    "asymmetry",
    "es",
    marks=pytest.mark.skip(
        reason="matplotlib's own layout collapses this small test chart's axes in Spanish "
        "(not the seeded layout: the first, unseeded draw warns); the real catalogue's is drawn"
    ),
)


KINDS_AND_LANGUAGES = [
    (kind, lang) for kind in ("measure", "outcomes", "profile") for lang in ("en", "es")
]


@pytest.mark.parametrize(
    ("kind", "lang"), [*KINDS_AND_LANGUAGES, ("asymmetry", "en"), SPANISH_ASYMMETRY]
)
def test_a_seeded_chart_keeps_every_word_inside_the_picture(
    history: ClientHistory, catalogue: Catalogue, kind: str, lang: str
) -> None:
    """No ink on the picture's outermost pixels: a title, tick label, key or note cut by
    its edge would leave some there."""
    draw_picture(asked(other_client(history), catalogue, kind, lang))
    picture = draw_picture(asked(history, catalogue, kind, lang))
    width, height, rgba = picture.width, picture.height, picture.rgba
    rows = [rgba[y * width * 4 : (y + 1) * width * 4] for y in (0, 1, height - 2, height - 1)]
    columns = [
        bytes(rgba[(y * width + x) * 4 + c] for y in range(height) for c in range(4))
        for x in (0, 1, width - 2, width - 1)
    ]
    for edge in rows + columns:
        assert set(edge) == {255}, f"ink at the edge of the {kind} chart ({lang})"
