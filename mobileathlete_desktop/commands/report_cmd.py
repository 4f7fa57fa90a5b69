"""`mobileathlete report`: client reports for one client, or everyone seen on a day or range.

The two-page summary by default; `--full` the full record (every value of every visit, every
chart), `--letter` a one-page letter to the referring clinician."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from mobileathlete_desktop.commands.common import EXIT_OK, CommandError, service_context
from mobileathlete_desktop.support.i18n import texts
from mobileathlete_desktop.support.languages import DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from exc


def register(subparsers: Any) -> None:
    """Adds the `report` subcommand."""
    p = subparsers.add_parser(
        "report",
        help="client report PDF (two-page summary, --full record or --letter): one client, "
        "or every client seen on a date",
        description="The two-page progress summary by default. FILE.pdf gets one combined PDF "
        "(after a cover page listing the clients when there are several); an existing folder "
        "gets one file per client named <chart>_<date>.pdf (<chart>_full_<date>.pdf, "
        "<chart>_letter_<date>.pdf).",
    )
    p.add_argument("chart_numbers", nargs="*", metavar="CHART_NUMBER")
    p.add_argument("--date", type=_day, metavar="YYYY-MM-DD", help="every client assessed then")
    p.add_argument("--to", type=_day, metavar="YYYY-MM-DD", help="end of a date range")
    p.add_argument("--out", required=True, type=Path, metavar="FILE.pdf|DIR")
    kind = p.add_mutually_exclusive_group()
    kind.add_argument(
        "--full",
        action="store_true",
        help="the full record: every value of every visit in tables, and every chart",
    )
    kind.add_argument(
        "--letter",
        action="store_true",
        help="a one-page letter to the referring clinician on the clinic's letterhead",
    )
    p.add_argument(
        "--lang",
        choices=SUPPORTED_LANGUAGES,
        default=DEFAULT_LANGUAGE,
        help="the report's language, its charts' words too",
    )
    p.set_defaults(handler=run)


def _progress(done: int, total: int) -> None:
    print(f"report {done}/{total}", file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> int:
    """Writes the reports and says where they went."""
    from mobileathlete_desktop.services.reports import (
        client_ids_for_charts,
        clients_assessed_between,
        write_batch,
    )

    if args.chart_numbers and args.date:
        raise CommandError("give chart numbers or --date, not both")
    if not args.chart_numbers and not args.date:
        raise CommandError("give a CHART_NUMBER or --date YYYY-MM-DD")
    if args.to and not args.date:
        raise CommandError("--to needs --date")
    out: Path = args.out
    if not out.is_dir() and out.suffix.lower() != ".pdf":
        raise CommandError(f"--out {out}: give a .pdf file name or an existing folder")
    with service_context(args) as ctx:
        if args.date:
            last = args.to or args.date
            if last < args.date:
                raise CommandError("--to is before --date")
            ids = clients_assessed_between(ctx, args.date, last)
            span = args.date.isoformat() + (f" to {last.isoformat()}" if last != args.date else "")
            if not ids:
                raise CommandError(f"no assessments on {span}")
            label = args.date.isoformat() if last == args.date else f"{args.date}_{last}"
        else:
            ids = client_ids_for_charts(ctx, args.chart_numbers)
            label = date.today().isoformat()
        kind = "full" if args.full else "letter" if args.letter else "summary"
        result = write_batch(
            ctx,
            ids,
            out,
            label=label,
            progress=_progress if len(ids) > 1 else None,
            kind=kind,
            lang=args.lang,
        )
    for path in result.files:
        print(path)
    count = len(result.chart_numbers)
    tr = texts(DEFAULT_LANGUAGE)
    clients = tr.ngettext("{count} client", "{count} clients", count)
    print(
        tr.ngettext(
            "{clients} in {count} file",
            "{clients} in {count} files",
            len(result.files),
            clients=clients,
        ),
        file=sys.stderr,
    )
    return EXIT_OK
