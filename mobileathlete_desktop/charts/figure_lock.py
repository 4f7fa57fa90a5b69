"""The one lock around matplotlib: every figure built, drawn or saved by charts/ holds it.

matplotlib is not thread-safe (its font cache and text layout are shared), and figures are
built on worker threads: the Progress tab's, a report batch's, the non-modal Reports view's
at the same time. Builders are wrapped with `with_figure_lock`; figures come from
`new_figure` as `LockedFigure`, whose `draw` takes the lock too, so whoever renders one later
(a Qt canvas, a PDF's pixels, `savefig`) is covered without knowing about it.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

if TYPE_CHECKING:
    from matplotlib.figure import Figure

FIGURE_LOCK = threading.RLock()
"""Reentrant: a builder that draws, or a draw inside a save, takes it again on its thread."""

P = ParamSpec("P")
R = TypeVar("R")


PLAIN_TEXT_SETTINGS: dict[Any, Any] = {"text.parse_math": False, "text.usetex": False}
"""Every text a builder puts in a figure is drawn as it is written: a client's name such as
`Jo $\\frac{` is never read as mathtext (it made matplotlib raise) nor handed to TeX. No chart
text needs mathematics; units are plain Unicode (°, ±, ÷)."""


def with_figure_lock(build: Callable[P, R]) -> Callable[P, R]:
    """Runs the decorated figure builder while holding FIGURE_LOCK, with mathtext off
    (PLAIN_TEXT_SETTINGS: a Text takes the setting when it is made, so the whole figure the
    builder makes keeps it, whoever draws it later)."""

    @functools.wraps(build)
    def locked(*args: P.args, **kwargs: P.kwargs) -> R:
        import matplotlib

        with FIGURE_LOCK, matplotlib.rc_context(PLAIN_TEXT_SETTINGS):
            return build(*args, **kwargs)

    return locked


@functools.cache
def figure_class() -> type[Figure]:
    """matplotlib's Figure whose every draw holds FIGURE_LOCK (matplotlib imported on first
    use, so the window starts without it)."""
    from matplotlib.figure import Figure

    class LockedFigure(Figure):
        """A Figure drawn only under FIGURE_LOCK, whichever canvas draws it."""

        def draw(self, renderer: Any) -> None:
            with FIGURE_LOCK:
                super().draw(renderer)

    return LockedFigure
