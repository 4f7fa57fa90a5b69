"""`mobileathlete demo`: fill an empty database with a synthetic clinic."""

from __future__ import annotations

import argparse
from typing import Any

from mobileathlete_desktop.commands.common import EXIT_OK, service_context


def register(subparsers: Any) -> None:
    """Adds the `demo` subcommand."""
    p = subparsers.add_parser("demo", help="fill an empty database with a synthetic demo clinic")
    p.add_argument("--clients", type=int, default=40, metavar="N", help="how many clients (40)")
    p.add_argument("--seed", type=int, default=7, metavar="S", help="random seed (7)")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Creates the demo clinic and says what it made."""
    from mobileathlete_desktop.services.demo import create_demo_clinic

    with service_context(args) as ctx:
        made = create_demo_clinic(ctx, clients=args.clients, seed=args.seed)
        print(
            f"Demo clinic created in {ctx.db.location}: {made.clients} clients, "
            f"{made.assessments} assessments, {made.measurements} values. "
            "Sign in as admin or therapist, password 'demo'."
        )
    return EXIT_OK
