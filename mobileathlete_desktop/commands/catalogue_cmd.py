"""`mobileathlete catalogue`: every measure with its unit, bounds, norms, error and sources."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import Any

from mobileathlete_desktop.commands.common import EXIT_OK, print_json, print_table


def register(subparsers: Any) -> None:
    """Adds the `catalogue` subcommand."""
    p = subparsers.add_parser("catalogue", help="list every measure with norms, error and sources")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Prints the catalogue (needs no database)."""
    from mobileathlete_desktop.domain.catalogue import default_catalogue

    cat = default_catalogue()
    if args.json:
        print_json(
            {
                "version": cat.version,
                "measures": [asdict(m) for m in cat.measures.values()],
                "sources": [asdict(s) for s in cat.sources.values()],
            }
        )
        return EXIT_OK
    rows = []
    for m in cat.measures.values():
        error = m.error_for()
        mdc = error.smallest_real_change if error else None
        rows.append(
            [
                m.code,
                m.label,
                m.unit_label or m.unit,
                f"{m.bounds[0]:g}–{m.bounds[1]:g}",
                str(len(m.norms)),
                "" if mdc is None else f"{mdc:g}",
                ", ".join(sorted({n.source for n in m.norms} | {e.source for e in m.errors})),
            ]
        )
    print_table(["code", "label", "unit", "bounds", "norms", "MDC95", "sources"], rows)
    print(f"catalogue {cat.version}: {len(rows)} measures, {len(cat.sources)} sources")
    return EXIT_OK
