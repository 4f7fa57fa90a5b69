"""Entry script of the frozen bundle: the same `mobileathlete` command as the installed one.

With MOBILEATHLETE_RENDER_CHECK=<file.pdf> it instead draws every page of that PDF with the
bundled PDF renderer and prints what it drew; with MOBILEATHLETE_CHART_CHECK=1 it has a
progress chart drawn by the chart process (a spawned copy of this executable, as the window's
Progress tab does) and prints who drew it and what (tests/packaging checks the bundle with both).
"""

import multiprocessing
import os
import sys
from pathlib import Path

from mobileathlete_desktop.cli import main


def render_check(pdf: Path) -> int:
    """Draws each page at 72 dpi; prints the page count, sizes and inked bytes per page."""
    from mobileathlete_desktop.ui import print_support

    total = print_support.page_count(pdf)
    for number, image in enumerate(print_support.render_pages(pdf, 72, list(range(total))), 1):
        pixels = bytes(image.constBits())
        inked = len(pixels) - pixels.count(255)
        print(f"page {number}/{total}: {image.width()}x{image.height()}, {inked} inked bytes")
    print(f"rendered {total} pages")
    return 0 if total else 1


def chart_check() -> int:
    """Draws a two-visit progress chart in the chart process, never here (no fallback): the
    bundled program can start its chart process, import matplotlib there and draw."""
    from datetime import date

    from mobileathlete_desktop.charts.picture import ChartRequest
    from mobileathlete_desktop.charts.process import CHARTS
    from mobileathlete_desktop.domain.catalogue import default_catalogue
    from mobileathlete_desktop.domain.records import (
        AssessmentRecord,
        ClientHistory,
        ClientRecord,
        MeasurementRecord,
    )

    client = ClientRecord(1, "CHECK-1", "Check", "Chart", date(1990, 1, 1), "female")
    visits = tuple(
        AssessmentRecord(
            n,
            1,
            date(2025, n, 1),
            "initial" if n == 1 else "reassessment",
            "signed",
            measurements=(
                MeasurementRecord("hip.flexion", "left", "active", 100.0 + 10 * n),
                MeasurementRecord("hip.flexion", "right", "active", 110.0 + 5 * n),
            ),
        )
        for n in (1, 2)
    )
    history = ClientHistory(client, visits)
    request = ChartRequest(
        "measure", "hip.flexion", "active", history, default_catalogue(), "es", (800, 450, 16)
    )
    try:
        picture = CHARTS.call("draw", request)
    finally:
        CHARTS.stop()
    inked = len(picture.rgba) - picture.rgba.count(255)
    print(
        f"chart drawn by process {picture.drawn_by} (this one {os.getpid()}): "
        f"{picture.width}x{picture.height}, {inked} inked bytes, {len(picture.axes)} axes, "
        f"title {picture.suptitle!r}"
    )
    return 0 if picture.drawn_by != os.getpid() and inked > 1000 else 1


if __name__ == "__main__":
    # A spawned helper (the chart process, the report batch's workers) starts this same
    # executable: run the helper's code and exit here, never the program a second time.
    multiprocessing.freeze_support()
    if os.environ.get("MOBILEATHLETE_CHART_CHECK"):
        sys.exit(chart_check())
    check = os.environ.get("MOBILEATHLETE_RENDER_CHECK")
    sys.exit(render_check(Path(check)) if check else main())
