"""One lock around matplotlib: charts built and drawn on several threads at once all come out
whole, and the lock is held while a chart is built and whenever one of its figures is drawn."""

from __future__ import annotations

import io
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from mobileathlete_desktop.charts import style
from mobileathlete_desktop.charts.figure_lock import FIGURE_LOCK
from mobileathlete_desktop.charts.kinds import build_chart
from mobileathlete_desktop.domain.catalogue import Catalogue
from mobileathlete_desktop.domain.records import ClientHistory


def held_elsewhere() -> bool:
    """Whether some thread holds FIGURE_LOCK, asked from a fresh thread (the lock is
    reentrant, so the holder itself could always take it again)."""
    free: list[bool] = []

    def probe() -> None:
        took = FIGURE_LOCK.acquire(blocking=False)
        if took:
            FIGURE_LOCK.release()
        free.append(took)

    thread = threading.Thread(target=probe)
    thread.start()
    thread.join()
    return not free[0]


def png_of(history: ClientHistory, what: str, catalogue: Catalogue) -> bytes:
    figure = build_chart(history, what, catalogue)
    out = io.BytesIO()
    figure.savefig(out, format="png", dpi=60)
    return out.getvalue()


def test_charts_built_and_saved_on_several_threads_at_once_all_come_out(
    history: ClientHistory, catalogue: Catalogue
) -> None:
    kinds = ["profile", "asymmetry", "outcomes", "ankle.df"] * 3
    with ThreadPoolExecutor(max_workers=4) as pool:
        pngs = list(pool.map(lambda what: png_of(history, what, catalogue), kinds))
    assert all(png.startswith(b"\x89PNG") and len(png) > 2000 for png in pngs)
    # The same chart drawn on different threads comes out identical.
    assert pngs[0] == pngs[4] == pngs[8]


def test_the_lock_is_held_while_a_chart_is_built(
    history: ClientHistory, catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []
    real = style.style_axes

    def watching(ax: Any) -> None:
        seen.append(held_elsewhere())
        real(ax)

    monkeypatch.setattr(style, "style_axes", watching)
    build_chart(history, "ankle.df", catalogue)
    assert seen and all(seen)
    assert not held_elsewhere()  # and let go afterwards


def test_any_canvas_drawing_a_chart_holds_the_lock(
    history: ClientHistory, catalogue: Catalogue
) -> None:
    # A report's PDF draws the figure with its own Agg canvas, outside charts/: the figure
    # itself takes the lock.
    from matplotlib.artist import Artist
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    seen: list[bool] = []

    class Watcher(Artist):
        def draw(self, renderer: Any) -> None:
            seen.append(held_elsewhere())

    figure = build_chart(history, "profile", catalogue)
    figure.add_artist(Watcher())
    FigureCanvasAgg(figure).draw()  # type: ignore[no-untyped-call]
    assert seen == [True]
    figure.savefig(io.BytesIO(), format="svg")
    assert len(seen) > 1 and all(seen)
