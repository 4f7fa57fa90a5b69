"""Encryption at rest as a use case: an encrypted (SQLCipher) copy of the clinic file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from mobileathlete_desktop.services.audit import record_event
from mobileathlete_desktop.services.audit_seal import seal_backups
from mobileathlete_desktop.services.context import InputError, ServiceContext
from mobileathlete_desktop.storage.backup import BackupError
from mobileathlete_desktop.storage.encryption import encrypted_copy


def encrypt_database(ctx: ServiceContext, out: Path, new_key: Callable[[], str]) -> Path:
    """Writes an encrypted copy of a plain SQLite clinic file, verified, and audits it (admins).

    `new_key` is asked for the key only once the copy may be made. InputError says why not.
    """
    ctx.actor.require("backups.manage")
    if ctx.db.path is None or ctx.db.url.get_driver_name() != "pysqlite":
        raise InputError("encrypt copies a plain SQLite clinic file")
    key = new_key()
    try:
        made = encrypted_copy(ctx.db.path, out, key)
    except BackupError as exc:
        raise InputError(str(exc)) from exc
    seal_backups(ctx.db.engine, made)  # the copy's audit head beside it, as for a backup
    with ctx.db.session() as session:
        record_event(session, ctx.actor, "database.encrypt", detail={"file": str(made)})
    return made
