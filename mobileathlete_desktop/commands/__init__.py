"""The `mobileathlete` subcommands, one module each, registered by cli.py in this order.

Imported on demand (`command_modules()`, or the `COMMAND_MODULES` attribute): the window path
imports `commands.gui` without the subcommands and the services they pull in.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

MODULE_NAMES = (
    "demo_cmd",
    "clients_cmd",
    "import_cmd",
    "export_cmd",
    "migrate_cmd",
    "server_cmd",
    "summary_cmd",
    "chart_cmd",
    "catalogue_cmd",
    "check_cmd",
    "report_cmd",
    "handout_cmd",
    "program_cmd",
    "exercises_cmd",
    "users_cmd",
    "clinic_cmd",
    "audit_cmd",
    "backup_cmd",
    "restore_cmd",
    "encrypt_cmd",
)


def command_modules() -> tuple[ModuleType, ...]:
    """Every subcommand module, in registration order (imported now)."""
    return tuple(importlib.import_module(f"{__name__}.{name}") for name in MODULE_NAMES)


def __getattr__(name: str) -> Any:
    if name == "COMMAND_MODULES":
        return command_modules()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
