"""`mobileathlete import clients|assessments FILE.csv`: CSV imports, all or nothing."""

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


def _common(p: Any) -> None:
    p.add_argument("file", type=Path, metavar="FILE.csv")
    p.add_argument("--dry-run", action="store_true", help="list what would change, store nothing")
    p.add_argument(
        "--encoding",
        choices=("utf-8", "latin-1"),
        help="the file's text encoding (default utf-8; latin-1 reads Windows-1252 too)",
    )


def register(subparsers: Any) -> None:
    """Adds the `import` subcommand and its kinds."""
    p = subparsers.add_parser("import", help="import data from CSV (all or nothing)")
    kinds = p.add_subparsers(dest="kind", metavar="KIND", required=True)
    c = kinds.add_parser(
        "clients",
        help="clients: chart_number,given_name,family_name[,date_of_birth,...] (see README)",
    )
    _common(c)
    c.add_argument(
        "--update",
        action="store_true",
        help="change the details of clients whose chart number the clinic already has",
    )
    c.set_defaults(handler=run_clients)
    a = kinds.add_parser(
        "assessments",
        help="measurements: chart_number,date,measure,side,mode,value[,pain][,note][,faults]",
    )
    _common(a)
    a.add_argument(
        "--create-clients",
        action="store_true",
        help="create clients for chart numbers the clinic does not know",
    )
    a.set_defaults(handler=run_assessments)


def _run(args: argparse.Namespace, do_import: Any) -> int:
    from mobileathlete_desktop.services.imports import ImportFailed

    if not args.file.is_file():
        raise CommandError(f"{args.file}: no such file", EXIT_USAGE)
    with service_context(args) as ctx:
        try:
            report = do_import(ctx)
        except ImportFailed as exc:
            for error in exc.errors[1:]:
                print(f"mobileathlete: {args.file.name}: {error}", file=sys.stderr)
            raise
    for change in report.changes:
        print(change)
    print(report.describe())
    return EXIT_OK


def run_clients(args: argparse.Namespace) -> int:
    """Imports the clients, or reports every bad line and stores nothing."""
    from mobileathlete_desktop.services.imports import import_clients

    return _run(
        args,
        lambda ctx: import_clients(
            ctx, args.file, update=args.update, dry_run=args.dry_run, encoding=args.encoding
        ),
    )


def run_assessments(args: argparse.Namespace) -> int:
    """Imports the measurements, or reports every bad line and stores nothing."""
    from mobileathlete_desktop.services.imports import import_assessments

    return _run(
        args,
        lambda ctx: import_assessments(
            ctx,
            args.file,
            create_clients=args.create_clients,
            dry_run=args.dry_run,
            encoding=args.encoding,
        ),
    )
