"""The screen's layout engine: matplotlib's constrained layout, solved once where it would
solve twice.

Constrained layout measures every axes' decorations (tick labels, titles, the key) at the
axes' current place, fits the axes around them, then does it all again, because decorations
change as the axes move from matplotlib's default place (new ticks, longer labels); drawing
measures them a third time. On the Progress tab that was ~55 % of a chart's draw. Charts of
one shape (the same axes grid) at one size and dpi end up nearly where the last such chart
did, so `SeededLayout` starts each axes there (the seed) and solves once: the decorations
are measured where the axes will be, which is what the second solve is for. A shape and size
not seen yet in this process is solved twice, as matplotlib does, and seeds the next.

It uses matplotlib's own solver (its private `_constrained_layout` steps, matplotlib pinned
in packaging/requirements-lock.txt); if those steps are not there, it solves as matplotlib
does. Only the screen's pictures use it (charts/picture.py); reports keep matplotlib's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from matplotlib.layout_engine import ConstrainedLayoutEngine

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from matplotlib.transforms import Bbox

SEEDS: dict[tuple[Any, ...], tuple[Bbox, ...]] = {}
"""Where the last chart of each shape and size put its axes (figure fractions)."""
MOST_SEEDS = 64


def shape_key(fig: Figure, chart: tuple[Any, ...] = ()) -> tuple[Any, ...]:
    """What a seed is kept for: the chart (which one, in which language: its notes and key
    take the same room from one client to the next), the figure's size in pixels, dpi and
    axes grid."""
    grid = []
    for ax in fig.axes:
        spec = ax.get_subplotspec()
        grid.append(None if spec is None else (spec.get_geometry(), spec.rowspan, spec.colspan))
    width, height = fig.get_size_inches()
    return (*chart, round(width * fig.dpi), round(height * fig.dpi), fig.dpi, tuple(grid))


class SeededLayout(ConstrainedLayoutEngine):
    """Constrained layout solved once from the seed of the same chart at the same size."""

    def __init__(self, *, chart: tuple[Any, ...] = (), **params: Any) -> None:
        super().__init__(**params)
        self.chart = chart

    def execute(self, fig: Figure) -> Any:
        key = shape_key(fig, self.chart)
        seed = SEEDS.get(key)
        grids = None
        if (
            seed is not None
            and len(seed) == len(fig.axes)
            and not getattr(self, "_compress", False)
        ):
            for ax, box in zip(fig.axes, seed, strict=True):
                ax._set_position(box)  # type: ignore[attr-defined]
            grids = self._solve_once(fig)
        if grids is None:
            grids = super().execute(fig)
        if len(SEEDS) >= MOST_SEEDS:
            SEEDS.pop(next(iter(SEEDS)))
        SEEDS[key] = tuple(ax.get_position(original=True).frozen() for ax in fig.axes)
        return grids

    def _solve_once(self, fig: Figure) -> Any:
        """One round of matplotlib's do_constrained_layout (the same steps, in order);
        None when there is nothing to lay out or matplotlib's steps are not there."""
        import importlib

        try:
            solver: Any = importlib.import_module("matplotlib._constrained_layout")
        except ImportError:
            return None
        steps = (
            "make_layoutgrids",
            "make_layout_margins",
            "make_margin_suptitles",
            "match_submerged_margins",
            "check_no_collapsed_axes",
            "reposition_axes",
            "reset_margins",
        )
        if not all(hasattr(solver, step) for step in steps):
            return None
        width, height = fig.get_size_inches()
        params = self.get()
        w_pad, h_pad = params["w_pad"] / width, params["h_pad"] / height
        spaces = {"hspace": params["hspace"], "wspace": params["wspace"]}
        renderer = fig._get_renderer()  # type: ignore[attr-defined]
        grids = solver.make_layoutgrids(fig, None, rect=params["rect"])
        if not grids["hasgrids"]:
            return None
        solver.make_layout_margins(grids, fig, renderer, h_pad=h_pad, w_pad=w_pad, **spaces)
        solver.make_margin_suptitles(grids, fig, renderer, h_pad=h_pad, w_pad=w_pad)
        solver.match_submerged_margins(grids, fig)
        grids[fig].update_variables()
        if not solver.check_no_collapsed_axes(grids, fig):
            return None  # matplotlib's own way says why
        solver.reposition_axes(grids, fig, renderer, h_pad=h_pad, w_pad=w_pad, **spaces)
        suptitle = fig._suptitle  # type: ignore[attr-defined]
        if suptitle is not None and suptitle.get_in_layout() and suptitle._autopos:
            x, _ = suptitle.get_position()
            suptitle.set_position((x, grids[fig].get_inner_bbox().y1 + h_pad))
            suptitle.set_verticalalignment("bottom")
        solver.reset_margins(grids, fig)
        return grids


def use_seeded_layout(fig: Figure, chart: tuple[Any, ...] = ()) -> None:
    """Gives a constrained-layout figure the seeded engine (the same pads and spaces);
    `chart` says which chart it is (seeds are kept per chart, size and shape)."""
    engine = fig.get_layout_engine()
    if isinstance(engine, ConstrainedLayoutEngine) and not isinstance(engine, SeededLayout):
        params = engine.get()
        fig.set_layout_engine(
            SeededLayout(
                h_pad=params["h_pad"],
                w_pad=params["w_pad"],
                hspace=params["hspace"],
                wspace=params["wspace"],
                rect=params["rect"],
                compress=engine._compress,  # type: ignore[attr-defined]
                chart=chart,
            )
        )
