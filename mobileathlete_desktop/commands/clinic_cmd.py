"""`mobileathlete clinic`: the letterhead printed on every report and handout (name, address,
phone, email, logo) and the paper they print on; `show` for anyone, `set` for admins."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from mobileathlete_desktop.commands.common import EXIT_OK, print_json, service_context


def register(subparsers: Any) -> None:
    """Adds the `clinic` subcommand and its actions."""
    p = subparsers.add_parser(
        "clinic", help="the clinic's letterhead and paper size: show, set (admins)"
    )
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    show = actions.add_parser("show", help="show the letterhead and paper size")
    show.add_argument("--json", action="store_true", help="print JSON instead of text")
    show.add_argument(
        "--logo-out", metavar="FILE", type=Path, help="also write the logo to FILE (as stored)"
    )
    show.set_defaults(handler=run_show)
    change = actions.add_parser(
        "set",
        help="change the letterhead or paper size (admins); options not given stay as they are",
        epilog="An address of several lines: separate them with \\n "
        "(--address '1 Track Lane\\nPortside').",
    )
    change.add_argument("--name", metavar="TEXT", help="clinic name (required, one line)")
    change.add_argument("--address", metavar="TEXT", help="address (up to 5 lines)")
    change.add_argument("--phone", metavar="TEXT", help="phone number ('' to clear)")
    change.add_argument("--email", metavar="TEXT", help="email address ('' to clear)")
    logo = change.add_mutually_exclusive_group()
    logo.add_argument(
        "--logo", metavar="FILE", type=Path, help="logo picture (PNG or JPEG, at most 1 MB)"
    )
    logo.add_argument("--no-logo", action="store_true", help="take the logo off")
    change.add_argument(
        "--paper",
        type=str.lower,
        choices=("a4", "letter"),
        help="paper every report and handout is laid out on",
    )
    change.set_defaults(handler=run_set)


def _facts(details: Any) -> dict[str, Any]:
    from mobileathlete_desktop.services.clinic_details import logo_fingerprint

    return {
        "name": details.name,
        "address": details.address,
        "phone": details.phone,
        "email": details.email,
        "paper_size": details.paper_size,
        "logo": logo_fingerprint(details.logo) if details.logo else None,
    }


def _print(details: Any) -> None:
    facts = _facts(details)
    width = max(len(k) for k in facts) + 1
    for key, value in facts.items():
        shown = "—" if value in (None, "") else str(value).replace("\n", "\n" + " " * (width + 1))
        print(f"{key + ':':<{width}} {shown}")


def run_show(args: argparse.Namespace) -> int:
    """Prints the letterhead (the logo as its size and hash), optionally writing the logo."""
    from mobileathlete_desktop.services.clinic_details import get_clinic_details

    with service_context(args) as ctx:
        details = get_clinic_details(ctx)
    if args.logo_out is not None and details.logo:
        args.logo_out.write_bytes(details.logo)
    if args.json:
        print_json(_facts(details))
    else:
        _print(details)
    return EXIT_OK


def run_set(args: argparse.Namespace) -> int:
    """Saves the options given (admins; audited) and prints the letterhead as saved."""
    from mobileathlete_desktop.services.clinic_details import (
        ClinicChanges,
        load_logo_file,
        update_clinic_details,
    )

    with service_context(args) as ctx:
        if not ctx.actor.can("settings.write"):
            update_clinic_details(ctx, ClinicChanges())  # refused and audited, before any file
        logo = load_logo_file(args.logo) if args.logo is not None else None
        saved = update_clinic_details(
            ctx,
            ClinicChanges(
                name=args.name,
                address=args.address.replace("\\n", "\n") if args.address is not None else None,
                phone=args.phone,
                email=args.email,
                paper_size=args.paper,
                logo=logo,
                logo_name=args.logo.name if args.logo is not None else "",
                remove_logo=args.no_logo,
            ),
        )
    _print(saved)
    return EXIT_OK
