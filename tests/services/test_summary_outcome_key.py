"""The summary's outcome chart: its key stands beside the panels and prints large enough to
read in both languages, even at the small chart height the longer Spanish summary falls back
to (its 8 pt key printed at about 5 pt before)."""

from __future__ import annotations

from datetime import date

import pytest

from mobileathlete_desktop.charts import style
from mobileathlete_desktop.reports.summary import SMALL_CHART_HEIGHT, content_width
from mobileathlete_desktop.services.assessments import create_assessment, set_value
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.reports.summary import build_summary_report
from tests.reports.helpers import add_runner


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_outcome_key_is_beside_the_panels_and_prints_at_6_5_pt_or_more(
    ctx: ServiceContext, lang: str
) -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    client = add_runner(ctx, "OUT-1")
    for on, pain, lefs in ((date(2026, 9, 27), 7, 48), (date(2026, 10, 31), 2, 68)):
        a = create_assessment(ctx, client.id, on, therapist="Pat Physio, PT")
        set_value(ctx, a.id, "nprs", "none", "none", pain)
        set_value(ctx, a.id, "lefs.total", "none", "none", lefs)
    report = build_summary_report(ctx, client.id, lang=lang)
    outcome = next(c.figure for c in report.charts if c.figure.axes[0].get_legend() is not None)
    assert len(outcome.axes) == 2  # pain and the LEFS, stacked
    width, height = outcome.get_size_inches()
    printed = min(SMALL_CHART_HEIGHT / (height * 72), content_width() / (width * 72))
    assert style.NOTE_SIZE * printed >= 6.5
    FigureCanvasAgg(outcome).draw()
    for ax in outcome.axes:
        key = ax.get_legend().get_window_extent()
        assert key.x0 >= ax.get_window_extent().x1  # beside the scores, never over them
