"""`mobileathlete export csv|fhir|treatments`: measurements and the treatment given, for
spreadsheets, research and other records."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from mobileathlete_desktop.commands.common import EXIT_OK, service_context


def register(subparsers: Any) -> None:
    """Adds the `export` subcommand and its formats."""
    p = subparsers.add_parser(
        "export", help="export measurements and treatments (CSV or FHIR R4 JSON)"
    )
    formats = p.add_subparsers(dest="format", metavar="FORMAT", required=True)
    c = formats.add_parser(
        "csv", help="long format, one row a measurement (columns listed in the README)"
    )
    c.add_argument("--client", metavar="CHART", help="only this client (default: every client)")
    c.add_argument("--out", type=Path, required=True, metavar="FILE.csv")
    c.set_defaults(handler=run_csv)
    f = formats.add_parser("fhir", help="a FHIR R4 Bundle (Patient + Observations) per client")
    f.add_argument("--client", metavar="CHART", help="only this client (then --out is a file)")
    f.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="FILE.json|DIR",
        help="a file for one client, or an existing folder (one CHART.json per client)",
    )
    f.set_defaults(handler=run_fhir)
    t = formats.add_parser(
        "treatments", help="CSV, one row a treatment given in a visit (columns in the README)"
    )
    t.add_argument("--client", metavar="CHART", help="only this client (default: every client)")
    t.add_argument("--out", type=Path, required=True, metavar="FILE.csv")
    t.set_defaults(handler=run_treatments)


def run_csv(args: argparse.Namespace) -> int:
    """Writes the CSV file and says how much it holds."""
    from mobileathlete_desktop.services.exports import export_csv

    with service_context(args) as ctx:
        summary = export_csv(ctx, args.out, chart=args.client)
    print(summary.describe())
    return EXIT_OK


def run_fhir(args: argparse.Namespace) -> int:
    """Writes the FHIR Bundle(s) and says how much they hold."""
    from mobileathlete_desktop.services.exports import export_fhir

    with service_context(args) as ctx:
        summary = export_fhir(ctx, args.out, chart=args.client)
    print(summary.describe())
    return EXIT_OK


def run_treatments(args: argparse.Namespace) -> int:
    """Writes the treatments CSV file and says how much it holds."""
    from mobileathlete_desktop.services.exports import export_treatments_csv

    with service_context(args) as ctx:
        summary = export_treatments_csv(ctx, args.out, chart=args.client)
    print(summary.describe())
    return EXIT_OK
