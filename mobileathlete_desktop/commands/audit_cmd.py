"""`mobileathlete audit`: read the audit trail (admins), filtered, as a table or JSON."""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import Any

from mobileathlete_desktop.commands.common import (
    EXIT_OK,
    EXIT_USAGE,
    CommandError,
    print_json,
    print_table,
    service_context,
)
from mobileathlete_desktop.support.i18n import texts
from mobileathlete_desktop.support.languages import DEFAULT_LANGUAGE


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from exc


def register(subparsers: Any) -> None:
    """Adds the `audit` subcommand."""
    p = subparsers.add_parser("audit", help="show the audit trail: who saw or changed what, when")
    p.add_argument("--client", default="", metavar="CHART", help="only this client's record")
    p.add_argument("--user", dest="audit_user", default="", metavar="U", help="only this user")
    p.add_argument("--since", type=_day, metavar="DATE", help="from this day (YYYY-MM-DD, UTC)")
    p.add_argument("--action", default="", metavar="PREFIX", help="e.g. signin, client.open")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Prints matching events; reading the trail is itself audited."""
    from mobileathlete_desktop.services.audit import AuditFilter, find_events, record_export

    flt = AuditFilter(
        chart_number=args.client, username=args.audit_user, since=args.since, action=args.action
    )
    with service_context(args) as ctx:
        if args.client:
            from mobileathlete_desktop.services.clients import find_by_chart

            find_by_chart(ctx, args.client)
        events = find_events(ctx, flt)
        record_export(ctx, "audit.read", "command line", flt, len(events))
    if args.json:
        print_json([e.values() for e in events])
        return EXIT_OK
    if not events and args.client == "" and args.audit_user == "" and args.since is None:
        raise CommandError("the audit trail is empty", EXIT_USAGE)
    print_table(
        ["when (UTC)", "user", "action", "chart", "what"],
        [
            [
                e.at.strftime("%Y-%m-%d %H:%M:%S"),
                e.username,
                e.action,
                e.chart_number,
                (f"{e.entity} {e.entity_id} ".strip() + " " + json.dumps(e.detail, default=str))[
                    :100
                ].strip(),
            ]
            for e in events
        ],
    )
    print(texts(DEFAULT_LANGUAGE).ngettext("{count} event", "{count} events", len(events)))
    return EXIT_OK
