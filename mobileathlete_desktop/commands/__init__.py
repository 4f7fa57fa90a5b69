"""The `mobileathlete` subcommands, one module each, registered by cli.py in this order."""

from mobileathlete_desktop.commands import (
    catalogue_cmd,
    check_cmd,
    clients_cmd,
    demo_cmd,
    exercises_cmd,
    handout_cmd,
    import_cmd,
    report_cmd,
    summary_cmd,
)

COMMAND_MODULES = (
    demo_cmd,
    clients_cmd,
    import_cmd,
    summary_cmd,
    catalogue_cmd,
    check_cmd,
    report_cmd,
    handout_cmd,
    exercises_cmd,
)
