"""Charts printed in grey: what colour tells apart (left/right, below/above/within the norm,
asymmetric or not) is told apart by pattern, marker, line style or words too.

The figures are drawn by Agg and turned grey as a printer would; bars are compared by their
pixels, lines by their styles (two series of the same grey differ by marker and dashes)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from mobileathlete_desktop.charts import style
from mobileathlete_desktop.charts.active_passive import active_passive_figure
from mobileathlete_desktop.charts.asymmetry import asymmetry_figure
from mobileathlete_desktop.charts.profile import profile_figure
from mobileathlete_desktop.charts.progress import measure_progress_figure
from mobileathlete_desktop.domain.catalogue import Catalogue, parse_catalogue
from mobileathlete_desktop.domain.records import ClientHistory, MeasurementRecord
from tests.charts.conftest import catalogue_data, m, runner, visit


def _grey(fig: Any) -> Any:
    """The figure's pixels in grey (as `pdftoppm -gray` or a mono printer sees them)."""
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    rgba = np.asarray(canvas.buffer_rgba(), dtype=float)
    return rgba[..., 0] * 0.299 + rgba[..., 1] * 0.587 + rgba[..., 2] * 0.114


def _inside(grey: Any, patch: Any) -> Any:
    """The pixels well inside a bar (its edges left out)."""
    box = patch.get_window_extent()
    height = grey.shape[0]
    top, bottom = int(height - box.y1) + 3, int(height - box.y0) - 3
    return grey[top:bottom, int(box.x0) + 3 : int(box.x1) - 3]


def _look(grey: Any, patch: Any) -> tuple[float, float]:
    """A bar's mean grey and texture (standard deviation: a pattern is high, a fill ~0)."""
    pixels = _inside(grey, patch)
    assert pixels.size > 100
    return float(pixels.mean()), float(pixels.std())


def _apart(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Two bars a reader can tell apart in grey: shade or texture clearly differ."""
    return abs(a[0] - b[0]) > 20 or abs(a[1] - b[1]) > 15


def _slant(grey: Any, patch: Any) -> float:
    """How much a bar's pattern runs one diagonal way ("///": near 1; dots or a fill: ~0):
    the correlation of each pixel with its up-right neighbour less that with its down-right
    one."""
    pixels = _inside(grey, patch)
    a = pixels - pixels.mean()
    variance = float((a * a).mean()) or 1.0
    up = float((a[1:, :-1] * a[:-1, 1:]).mean()) / variance
    down = float((a[:-1, :-1] * a[1:, 1:]).mean()) / variance
    return up - down


@pytest.fixture
def three_flags() -> tuple[ClientHistory, Catalogue]:
    """Ankle dorsiflexion left 60° (150% of 40: above), right 24° (below); knee 40° within."""
    data = catalogue_data()
    data["measures"].append(
        {
            "code": "knee.x",
            "label": {"en": "Knee test"},
            "kind": "rom",
            "unit": "deg",
            "bounds": [0, 90],
            "bilateral": False,
            "norms": [{"age_min": 20, "age_max": 44, "mean": 40, "source": "cdc-rom-2011"}],
            "errors": [{"mdc95": 4, "source": "gonio"}],
        }
    )
    record = visit(
        1,
        date(2024, 1, 8),
        "signed",
        m("ankle.df", "left", 60),
        m("ankle.df", "right", 24),
        m("knee.x", "none", 40),
    )
    return ClientHistory(runner(), (record,)), parse_catalogue(data)


def test_profile_bars_below_above_and_within_differ_in_grey(
    three_flags: tuple[ClientHistory, Catalogue],
) -> None:
    history, cat = three_flags
    fig = profile_figure(history, cat)
    ax = fig.axes[0]
    grey = _grey(fig)
    bars = {p.get_gid(): p for p in ax.patches if str(p.get_gid()).startswith("bar-")}
    assert set(bars) == {"bar-above", "bar-below", "bar-within"}
    looks = {gid: _look(grey, patch) for gid, patch in bars.items()}
    assert looks["bar-within"][1] < 5  # a plain fill
    assert looks["bar-below"][1] > 15 and looks["bar-above"][1] > 15  # patterned
    # Both patterned: told apart by the pattern's shape, diagonal lines against dots.
    assert _slant(grey, bars["bar-below"]) > 0.5 > abs(_slant(grey, bars["bar-above"])) + 0.3
    assert _apart(looks["bar-below"], looks["bar-within"])
    # And in words beside the bar, which no printer loses.
    words = [t.get_text() for t in ax.texts]
    assert any(w.endswith(", below norm") for w in words)
    assert any(w.endswith(", above norm") for w in words)
    assert sum("norm" in w for w in words) == 2  # the within-norm bar says only its value


def test_profile_key_shows_the_same_patterns(
    three_flags: tuple[ClientHistory, Catalogue],
) -> None:
    history, cat = three_flags
    fig = profile_figure(history, cat)
    handles = fig.legends[0].get_patches()
    assert [h.get_hatch() for h in handles[:3]] == [None, style.ABOVE_HATCH, style.BELOW_HATCH]


def test_asymmetric_bars_are_patterned_and_unjudged_ones_say_so(
    history: ClientHistory, catalogue: Catalogue
) -> None:
    both = tuple(
        a.__class__(
            **{
                **a.__dict__,
                "measurements": (
                    *a.measurements,
                    MeasurementRecord("hallux.extension", "right", "none", 30),  # type: ignore[arg-type]
                ),
            }
        )
        for a in history.assessments
    )
    fig = asymmetry_figure(ClientHistory(runner(), both), catalogue, assessment_id=1)
    ax = fig.axes[0]
    grey = _grey(fig)
    bars = {p.get_gid(): p for p in ax.patches if str(p.get_gid()).startswith("bar")}
    assert _look(grey, bars["bar-asymmetric"])[1] > 15
    assert _look(grey, bars["bar-not-judged"])[1] < 5
    assert any(t.get_text().endswith("not judged") for t in ax.texts)
    assert any("right less" in t.get_text() for t in ax.texts)


def test_left_and_right_differ_by_marker_and_dashes_not_colour_only(
    history: ClientHistory, catalogue: Catalogue
) -> None:
    left, right = style.SIDE_STYLE["left"], style.SIDE_STYLE["right"]
    assert left["marker"] != right["marker"] and left["linestyle"] != right["linestyle"]
    fig = measure_progress_figure(history, "ankle.df", catalogue)
    ax = fig.axes[0]
    markers = {
        str(line.get_gid()): line.get_marker()
        for line in ax.lines
        if str(line.get_gid()).startswith("markers-")
    }
    assert markers["markers-left-signed"] != markers["markers-right-signed"]
    # The norm band is a shade named in the key, its mean a dotted line (not a colour only).
    assert next(p for p in ax.patches if p.get_gid() == "norm-band")
    mean = next(line for line in ax.lines if line.get_gid() == "norm-mean")
    assert mean.get_linestyle() == ":"
    key = [t.get_text() for t in ax.get_legend().get_texts()]
    assert key[:2] == [t for t in key if t.startswith("Within norm")] + ["Norm 40°"]


def test_active_passive_sides_and_deficits_read_in_grey(catalogue: Catalogue) -> None:
    from tests.charts.test_active_passive import m as mode_m
    from tests.charts.test_active_passive import visit as gap_visit

    history = ClientHistory(
        runner(),
        (
            gap_visit(
                1,
                date(2024, 1, 8),
                mode_m("ankle.df", "left", "active", 20),
                mode_m("ankle.df", "left", "passive", 35),
                mode_m("ankle.df", "right", "active", 30),
                mode_m("ankle.df", "right", "passive", 32),
            ),
        ),
    )
    cat = parse_catalogue(
        {
            **catalogue_data(),
            "measures": [
                {
                    **catalogue_data()["measures"][0],
                    "modes": ["active", "passive"],
                }
            ],
        }
    )
    fig = active_passive_figure(history, cat)
    lines = {str(line.get_gid()): line for ax in fig.axes for line in ax.lines}
    left, right = lines["gap-left"], lines["gap-right"]
    assert (left.get_marker(), left.get_linestyle()) != (right.get_marker(), right.get_linestyle())
    ring = lines["deficit-left"]  # a ring around the point, drawn whatever the colour
    assert ring.get_markerfacecolor() == "none" and ring.get_markersize() > left.get_markersize()
    assert "deficit-right" not in lines


def test_profile_above_and_within_bars_are_different_greys(
    three_flags: tuple[ClientHistory, Catalogue],
) -> None:
    """Printed in grey, an above-norm bar was the within-norm bar's grey with dots a printer
    may lose: it is a clearly lighter grey now, on the chart and in its key."""
    history, cat = three_flags
    fig = profile_figure(history, cat)
    grey = _grey(fig)
    bars = {p.get_gid(): p for p in fig.axes[0].patches if str(p.get_gid()).startswith("bar-")}
    above, within = _look(grey, bars["bar-above"]), _look(grey, bars["bar-within"])
    assert above[0] - within[0] > 30
    handles = fig.legends[0].get_patches()

    def shade(patch: Any) -> float:
        r, g, b, _ = patch.get_facecolor()
        return 255 * (0.299 * r + 0.587 * g + 0.114 * b)

    assert shade(handles[1]) - shade(handles[0]) > 30  # key: above lighter than within
    assert abs(shade(handles[2]) - shade(handles[0])) > 30  # below darker than within
