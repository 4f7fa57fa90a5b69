"""The `mobileathlete` subcommands, one module each, registered by cli.py in this order."""

from mobileathlete_desktop.commands import (
    audit_cmd,
    backup_cmd,
    catalogue_cmd,
    check_cmd,
    clients_cmd,
    demo_cmd,
    encrypt_cmd,
    exercises_cmd,
    export_cmd,
    handout_cmd,
    import_cmd,
    migrate_cmd,
    report_cmd,
    restore_cmd,
    summary_cmd,
    users_cmd,
)

COMMAND_MODULES = (
    demo_cmd,
    clients_cmd,
    import_cmd,
    export_cmd,
    migrate_cmd,
    summary_cmd,
    catalogue_cmd,
    check_cmd,
    report_cmd,
    handout_cmd,
    exercises_cmd,
    users_cmd,
    audit_cmd,
    backup_cmd,
    restore_cmd,
    encrypt_cmd,
)
