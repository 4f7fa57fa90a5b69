"""`mobileathlete handout CHART_NUMBER`: the client's home-program handout as a PDF."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from mobileathlete_desktop.commands.common import EXIT_OK, CommandError, service_context
from mobileathlete_desktop.support.languages import SUPPORTED_LANGUAGES


def register(subparsers: Any) -> None:
    """Adds the `handout` subcommand."""
    p = subparsers.add_parser(
        "handout",
        help="home-program handout PDF (latest saved program, else the recommended one)",
    )
    p.add_argument("chart_number", metavar="CHART_NUMBER")
    p.add_argument("--program", type=int, metavar="ID", help="a saved program's id")
    p.add_argument("--lang", choices=SUPPORTED_LANGUAGES, default="en", help="handout language")
    p.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    p.add_argument(
        "--phone",
        action="store_true",
        help="pages sized for a phone's screen (90 × 160 mm, one column, large type), "
        "to send by email; the same content as the printed handout",
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Writes the handout; anything missing is named on stderr, and the handout still comes out."""
    from mobileathlete_desktop.services.clients import find_by_chart
    from mobileathlete_desktop.services.reports import write_client_handout

    if args.out.suffix.lower() != ".pdf":
        raise CommandError(f"--out {args.out}: give a .pdf file name")
    with service_context(args) as ctx:
        client = find_by_chart(ctx, args.chart_number)
        result = write_client_handout(
            ctx, client.id, args.out, program_id=args.program, lang=args.lang, phone=args.phone
        )
    for warning in result.warnings:
        print(f"mobileathlete: warning: {warning}", file=sys.stderr)
    print(result.path)
    return EXIT_OK
