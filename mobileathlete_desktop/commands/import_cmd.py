"""`mobileathlete import assessments FILE.csv`: long-format measurements, all or nothing."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from mobileathlete_desktop.commands.common import (
    EXIT_OK,
    EXIT_USAGE,
    CommandError,
    service_context,
)


def register(subparsers: Any) -> None:
    """Adds the `import` subcommand and its kinds."""
    p = subparsers.add_parser("import", help="import data from CSV (all or nothing)")
    kinds = p.add_subparsers(dest="kind", metavar="KIND", required=True)
    a = kinds.add_parser(
        "assessments",
        help="measurements: chart_number,date,measure,side,mode,value[,pain][,note]",
    )
    a.add_argument("file", type=Path, metavar="FILE.csv")
    a.add_argument(
        "--create-clients",
        action="store_true",
        help="create clients for chart numbers the clinic does not know",
    )
    a.add_argument("--dry-run", action="store_true", help="list what would change, store nothing")
    a.set_defaults(handler=run_assessments)


def run_assessments(args: argparse.Namespace) -> int:
    """Imports the file, or reports every bad line and stores nothing."""
    from mobileathlete_desktop.services.imports import ImportFailed, import_assessments

    if not args.file.is_file():
        raise CommandError(f"{args.file}: no such file", EXIT_USAGE)
    with service_context(args) as ctx:
        try:
            report = import_assessments(
                ctx, args.file, create_clients=args.create_clients, dry_run=args.dry_run
            )
        except ImportFailed as exc:
            for error in exc.errors[1:]:
                print(f"mobileathlete: {args.file.name}: {error}", file=sys.stderr)
            raise
    for change in report.changes:
        print(change)
    print(report.describe())
    return EXIT_OK
