"""`mobileathlete clients`: list or search clients."""

from __future__ import annotations

import argparse
from typing import Any

from mobileathlete_desktop.commands.common import EXIT_OK, print_json, print_table, service_context
from mobileathlete_desktop.support.i18n import texts
from mobileathlete_desktop.support.languages import DEFAULT_LANGUAGE


def register(subparsers: Any) -> None:
    """Adds the `clients` subcommand."""
    p = subparsers.add_parser("clients", help="list clients (name, chart number, date of birth)")
    p.add_argument("--search", default="", metavar="TEXT", help="words to look for")
    p.add_argument("--archived", action="store_true", help="include archived clients")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Prints the matching clients."""
    from mobileathlete_desktop.services.clients import client_values, search_clients

    with service_context(args) as ctx:
        found = search_clients(ctx, args.search, include_archived=args.archived)
    if args.json:
        print_json([client_values(c) for c in found])
        return EXIT_OK
    rows = [
        [
            c.chart_number,
            c.sorted_name,
            c.date_of_birth.isoformat() if c.date_of_birth else "",
            c.sex,
            "archived" if c.archived else "",
        ]
        for c in found
    ]
    print_table(["chart", "name", "born", "sex", ""], rows)
    print(texts(DEFAULT_LANGUAGE).ngettext("{count} client", "{count} clients", len(found)))
    return EXIT_OK
