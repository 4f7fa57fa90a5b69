"""`mobileathlete summary CHART_NUMBER`: the latest assessment, value by value."""

from __future__ import annotations

import argparse
from typing import Any

from mobileathlete_desktop.commands.common import (
    EXIT_OK,
    CommandError,
    print_json,
    print_table,
    service_context,
)


def register(subparsers: Any) -> None:
    """Adds the `summary` subcommand."""
    p = subparsers.add_parser("summary", help="the latest assessment of a client, interpreted")
    p.add_argument("chart_number", metavar="CHART_NUMBER")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Prints one row a measure and side of the client's latest assessment."""
    from mobileathlete_desktop.services.assessments import load_history
    from mobileathlete_desktop.services.clients import find_by_chart

    with service_context(args) as ctx:
        client = find_by_chart(ctx, args.chart_number)
        history = load_history(ctx, client.id)
        cat = ctx.catalogue
    latest = history.latest
    if latest is None:
        raise CommandError(f"{client.chart_number} has no assessments yet")
    rows: list[dict[str, Any]] = []
    for m in latest.measurements:
        measure = cat.get(m.code)
        rows.append(
            {
                "measure": m.code,
                "label": measure.label if measure else m.code,
                "side": m.side,
                "mode": m.mode,
                "value": m.value,
                "unit": measure.unit_label if measure else m.unit,
                "pain": m.pain,
            }
        )
    if args.json:
        print_json(
            {
                "chart_number": client.chart_number,
                "name": client.full_name,
                "assessment": {
                    "id": latest.id,
                    "date": latest.date.isoformat(),
                    "status": latest.status,
                },
                "rows": rows,
            }
        )
        return EXIT_OK
    print(
        f"{client.full_name} ({client.chart_number}) — {latest.date.isoformat()} [{latest.status}]"
    )
    print_table(
        ["measure", "side", "mode", "value", "pain"],
        [
            [
                r["label"],
                r["side"],
                r["mode"],
                cat[r["measure"]].format_value(r["value"])
                if r["measure"] in cat
                else f"{r['value']:g}",
                "pain" if r["pain"] else "",
            ]
            for r in rows
        ],
    )
    return EXIT_OK
