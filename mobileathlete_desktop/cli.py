"""The `mobileathlete` command: the window by default, subcommands for headless jobs."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from mobileathlete_desktop import __version__
from mobileathlete_desktop.commands import COMMAND_MODULES
from mobileathlete_desktop.commands.common import EXIT_ERROR, EXIT_OK, EXIT_USAGE, CommandError


class _Parser(argparse.ArgumentParser):
    """argparse that exits with 2 and a one-line message on bad usage (its own default too)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    """The full command-line parser, with every subcommand."""
    parser = _Parser(
        prog="mobileathlete",
        description="Mobile Athlete Desktop. With no subcommand, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"Mobile Athlete {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help="database file or SQLAlchemy URL (default: $MOBILEATHLETE_DB, "
        "else clinic.sqlite3 in the user data folder)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="use the demo clinic database in the user data folder, creating it once",
    )
    parser.add_argument(
        "--user",
        metavar="USERNAME",
        help="sign in as this user (default: $MOBILEATHLETE_USER); the password is asked for "
        "or read from $MOBILEATHLETE_PASSWORD",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="SUBCOMMAND", parser_class=_Parser)
    for module in COMMAND_MODULES:
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Runs the command line; returns the exit code (0 ok, 2 bad usage or input, 1 other)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        from mobileathlete_desktop.commands.gui import run_gui

        handler = run_gui
    try:
        return int(handler(args))
    except CommandError as exc:
        print(f"mobileathlete: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("mobileathlete: interrupted", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        # The reader went away (`mobileathlete audit | head`): stop quietly, as Unix tools do.
        # Point stdout at devnull so the interpreter's final flush does not complain again.
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK


def gui_main() -> int:
    """Entry point for the windowed launcher (no console)."""
    return main([])


if __name__ == "__main__":
    sys.exit(main())
