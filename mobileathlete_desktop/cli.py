"""The `mobileathlete` command: the window by default, subcommands for headless jobs."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from mobileathlete_desktop import __version__
from mobileathlete_desktop.commands.exits import (
    EXIT_ERROR,
    EXIT_OK,
    EXIT_USAGE,
    CommandError,
    terminal_safe_output,
)
from mobileathlete_desktop.support.files import owner_only_files
from mobileathlete_desktop.support.logs import configure_logging, shutdown_logging

log = logging.getLogger(__name__)


class _Parser(argparse.ArgumentParser):
    """argparse that exits with 2 and a one-line message on bad usage (its own default too)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


COMMAND_NAMES = (
    "demo",
    "clients",
    "import",
    "export",
    "migrate-to",
    "server-roles",
    "summary",
    "chart",
    "catalogue",
    "check",
    "report",
    "handout",
    "program",
    "exercises",
    "users",
    "clinic",
    "audit",
    "backup",
    "restore",
    "encrypt",
)
"""The subcommands' names, in registration order (a test keeps it in step with the modules):
known without importing them, so the window starts without the services loaded."""

_GLOBAL_FLAGS = frozenset({"--demo", "-v", "--verbose"})
_GLOBAL_WITH_VALUE = frozenset({"--db", "--user"})


def wants_window(argv: Sequence[str]) -> bool:
    """True when the arguments are global options only (the window opens): then the
    subcommands need not be imported to parse them. Anything else (a subcommand, --help,
    --version, an unknown or abbreviated option) goes to the full parser."""
    args = iter(argv)
    for arg in args:
        if arg in _GLOBAL_FLAGS:
            continue
        if arg in _GLOBAL_WITH_VALUE:
            if next(args, None) is None:
                return False  # the full parser says the value is missing
            continue
        if arg.split("=", 1)[0] in _GLOBAL_WITH_VALUE and "=" in arg:
            continue
        return False
    return True


def build_parser(*, subcommands: bool = True) -> argparse.ArgumentParser:
    """The full command-line parser, with every subcommand (or only the global options,
    for the window: `subcommands=False` imports no command module)."""
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
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="log at DEBUG level, and to stderr as well as the log file "
        "(the log folder is in Help > Open log folder)",
    )
    if not subcommands:
        parser.set_defaults(command=None)
        return parser
    from mobileathlete_desktop.commands import command_modules

    subparsers = parser.add_subparsers(dest="command", metavar="SUBCOMMAND", parser_class=_Parser)
    for module in command_modules():
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Runs the command line; returns the exit code (0 ok, 2 bad usage or input, 1 other).

    Everything printed shows control characters as escapes (commands.common.terminal_safe_output);
    every file and folder made is the owner's alone (support.files.owner_only_files).
    """
    with owner_only_files(), terminal_safe_output():
        return _main(argv)


def _main(argv: Sequence[str] | None) -> int:
    given = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(subcommands=not wants_window(given))
    args = parser.parse_args(given)
    handler = getattr(args, "handler", None)
    configure_logging(verbose=args.verbose)
    log.info("Mobile Athlete %s: %s", __version__, args.command or "window")
    log.debug("Python %s on %s", sys.version.split()[0], sys.platform)
    if handler is None:
        from mobileathlete_desktop.commands.gui import run_gui

        handler = run_gui
    try:
        return int(handler(args))
    except CommandError as exc:
        log.debug("%s refused (exit %d)", args.command, exc.exit_code)
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
    except Exception:
        log.exception("%s failed", args.command or "window")
        raise
    finally:
        if args.command is not None:
            # A subcommand is done; the window keeps its log (and the crash trace) open to
            # the end of the process, since Qt's own teardown can crash too.
            shutdown_logging()


def gui_main(argv: Sequence[str] | None = None) -> int:
    """Entry point for the windowed launcher (no console): the window, with `--verbose`
    honoured (other arguments are for `mobileathlete`)."""
    given = sys.argv[1:] if argv is None else argv
    return main([arg for arg in given if arg in ("-v", "--verbose")])


if __name__ == "__main__":
    sys.exit(main())
