"""`mobileathlete chart CHART_NUMBER MEASURE --out FILE`: one chart of a client as an image."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from mobileathlete_desktop.commands.common import EXIT_OK, CommandError, service_context
from mobileathlete_desktop.support.languages import DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES

EPILOG = """\
MEASURE is a measure code from `mobileathlete catalogue` (e.g. ankle.dorsiflexion.knee_flexed,
ybalance.composite, fms.total, lefs.total): that measure at every visit, left and right, with
the norm band for the client's age and sex and MDC95 error bars. Or one of:
  profile    percent of norm per measure at the latest visit
  asymmetry  limb symmetry index per measure at the latest visit
  outcomes   LEFS and pain (NPRS) over time
  active-passive  passive − active gap over time per measure and side, with the
             measurement error shaded (beyond it: a control deficit)
The file type follows --out's suffix: .png, .svg or .pdf. The file appears whole or not at
all, and the export is recorded in the audit trail. Missing data (one visit, no norm for the
client's age, no date of birth, one side only) is said on the chart itself. --lang es draws
the titles, axes, key, notes, measure names and month names in Latin-American Spanish."""


def register(subparsers: Any) -> None:
    """Adds the `chart` subcommand."""
    p = subparsers.add_parser(
        "chart",
        help="one chart of a client (a measure over time, profile, asymmetry, outcomes) "
        "as PNG, SVG or PDF",
        description="Writes one chart of a client's progress to an image file.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("chart_number", metavar="CHART_NUMBER")
    p.add_argument(
        "measure",
        metavar="MEASURE",
        help="a measure code, or profile|asymmetry|outcomes|active-passive",
    )
    p.add_argument("--out", required=True, type=Path, metavar="FILE.png|svg|pdf")
    p.add_argument(
        "--mode",
        choices=("active", "passive", "none"),
        help="for a measure taken actively and passively: which one (default: the first recorded)",
    )
    p.add_argument(
        "--lang",
        choices=SUPPORTED_LANGUAGES,
        default=DEFAULT_LANGUAGE,
        help="the chart's language: titles, axes, key, notes and month names (default: en)",
    )
    p.set_defaults(handler=run)


def _unknown_measure(code: str, catalogue: Any) -> str:
    import difflib

    from mobileathlete_desktop.charts.kinds import COMPUTED_CODES, SUMMARY_CHARTS

    known = [m.code for m in catalogue] + list(COMPUTED_CODES) + list(SUMMARY_CHARTS)
    near = difflib.get_close_matches(code, known, n=1)
    hint = f" (did you mean {near[0]}?)" if near else " (see `mobileathlete catalogue`)"
    return f"unknown measure {code!r}{hint}"


def run(args: argparse.Namespace) -> int:
    """Builds the chart, writes it atomically, audits the export, prints the file's path."""
    from mobileathlete_desktop.charts.kinds import SUMMARY_CHARTS, build_chart
    from mobileathlete_desktop.charts.style import ChartWriteError, chart_format, save_figure
    from mobileathlete_desktop.domain.interpretation import measure_for
    from mobileathlete_desktop.services.assessments import load_history
    from mobileathlete_desktop.services.audit import record_chart_export
    from mobileathlete_desktop.services.clients import find_by_chart

    out: Path = args.out
    try:
        chart_format(out)
    except ValueError as exc:
        raise CommandError(f"--out {out}: {exc}") from exc
    if not out.parent.is_dir():
        raise CommandError(f"--out {out}: the folder {out.parent} does not exist")
    with service_context(args) as ctx:
        what = args.measure.strip()
        if what not in SUMMARY_CHARTS and measure_for(what, ctx.catalogue) is None:
            raise CommandError(_unknown_measure(what, ctx.catalogue))
        client = find_by_chart(ctx, args.chart_number)
        history = load_history(ctx, client.id)
        figure = build_chart(history, what, ctx.catalogue, args.mode, args.lang)
        try:
            save_figure(figure, out)
        except ChartWriteError as exc:
            raise CommandError(f"--out {out}: {exc}") from exc
        record_chart_export(ctx, client.id, out.name, what, args.mode)
    print(out)
    return EXIT_OK
