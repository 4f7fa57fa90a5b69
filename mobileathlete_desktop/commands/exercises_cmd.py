"""`mobileathlete exercises`: the drill library, as a table or JSON."""

from __future__ import annotations

import argparse
from typing import Any

from mobileathlete_desktop.commands.common import (
    EXIT_OK,
    CommandError,
    print_json,
    print_table,
)


def register(subparsers: Any) -> None:
    """Adds the `exercises` subcommand."""
    p = subparsers.add_parser("exercises", help="list the drill library")
    p.add_argument("--lang", choices=("en", "es"), default="en", help="names in this language")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Prints one line a drill: code, name, category, targets and default dosage."""
    from mobileathlete_desktop.services.programs import (
        dosage_from_library,
        dosage_text,
        exercise_library,
    )

    library = exercise_library()
    if library is None:
        raise CommandError("installation problem: the exercise library is missing", 1)
    rows: list[dict[str, Any]] = []
    for exercise in library:
        dosage = dosage_from_library(exercise.code, exercise.dosage, args.lang)
        rows.append(
            {
                "code": exercise.code,
                "name": exercise.name(args.lang),
                "category": exercise.category,
                "targets": sorted(exercise.targets),
                "active": exercise.active,
                "dosage": dosage_text(dosage, args.lang),
            }
        )
    if args.json:
        print_json(rows)
        return EXIT_OK
    print_table(
        ["code", "name", "category", "dosage"],
        [[r["code"], r["name"], r["category"], r["dosage"]] for r in rows],
    )
    print(f"{len(rows)} drills")
    return EXIT_OK
