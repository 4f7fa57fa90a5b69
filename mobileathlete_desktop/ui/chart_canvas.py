"""The Progress tab's chart on screen: a Qt canvas that shows the worker's rendering instead
of drawing again, and redraws (after a resize) only when no other thread holds FIGURE_LOCK.

matplotlib is imported only when the first chart is drawn, so the window starts without it.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer

from mobileathlete_desktop.charts.figure_lock import FIGURE_LOCK

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def import_matplotlib() -> None:
    """Imports matplotlib and the chart modules once, before any worker draws (the Progress
    tab runs it on its first chart's worker, under the figure lock, so two threads never
    import at once: imports racing on two threads crashed). Not the Qt backend: its widget
    classes are made on the UI thread (`canvas_class`), never on a worker, where making Qt
    types while the UI thread runs its event loop crashed the process (a worker segfault in
    the suite's first Progress test)."""
    import matplotlib.backends.backend_agg
    import matplotlib.dates
    import matplotlib.figure  # noqa: F401

    import mobileathlete_desktop.charts.asymmetry
    import mobileathlete_desktop.charts.outcomes
    import mobileathlete_desktop.charts.profile
    import mobileathlete_desktop.charts.progress  # noqa: F401


@functools.cache
def canvas_class() -> type:
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
            if not FIGURE_LOCK.acquire(blocking=False):
                QTimer.singleShot(50, self.draw_idle)  # a chart is being built: draw after
                return
            try:
                super().draw()  # type: ignore[no-untyped-call]
            finally:
                FIGURE_LOCK.release()

    return PrerenderedCanvas
