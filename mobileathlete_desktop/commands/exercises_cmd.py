"""`mobileathlete exercises`: the drill library, as a table or JSON."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from mobileathlete_desktop.commands.common import (
    EXIT_OK,
    CommandError,
    print_json,
    print_table,
)
from mobileathlete_desktop.support.i18n import texts
from mobileathlete_desktop.support.languages import SUPPORTED_LANGUAGES


def register(subparsers: Any) -> None:
    """Adds the `exercises` subcommand."""
    p = subparsers.add_parser("exercises", help="list the drill library")
    p.add_argument(
        "--lang", choices=SUPPORTED_LANGUAGES, default="en", help="names in this language"
    )
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    pictures = p.add_mutually_exclusive_group()
    pictures.add_argument(
        "--set-image",
        nargs=2,
        metavar=("CODE", "FILE"),
        help="use the clinic's own PNG or JPEG picture for a drill (signs in)",
    )
    pictures.add_argument(
        "--clear-image", metavar="CODE", help="go back to the drawn figure for a drill (signs in)"
    )
    p.set_defaults(handler=run)


def set_image(args: argparse.Namespace) -> int:
    """--set-image / --clear-image: the clinic's own picture for a drill."""
    from mobileathlete_desktop.commands.common import service_context
    from mobileathlete_desktop.services.drill_images import set_drill_image

    if args.set_image:
        code, file = args.set_image
        path = Path(file)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"{path}: {exc.strerror or exc}") from exc
        with service_context(args) as ctx:
            set_drill_image(ctx, code, data, path.name)
        print(f"{code}: the clinic's picture {path.name} replaces the drawn figure")
    else:
        with service_context(args) as ctx:
            set_drill_image(ctx, args.clear_image, None)
        print(f"{args.clear_image}: the drawn figure is used again")
    return EXIT_OK


def run(args: argparse.Namespace) -> int:
    """Prints one line a drill: code, name, category, targets and default dosage."""
    if args.set_image or args.clear_image:
        return set_image(args)
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
    print(texts(args.lang).ngettext("{count} drill", "{count} drills", len(rows)))
    return EXIT_OK
