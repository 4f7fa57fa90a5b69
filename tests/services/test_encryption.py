"""The encrypted copy as a use case: who may make one, and when the key is asked for."""

from __future__ import annotations

from pathlib import Path

import pytest

from mobileathlete_desktop.domain.permissions import Actor, PermissionDenied
from mobileathlete_desktop.services.context import InputError, ServiceContext
from mobileathlete_desktop.services.encryption import encrypt_database
from mobileathlete_desktop.storage.database import open_database


def never_asked() -> str:
    raise AssertionError("the key was asked for")


def test_a_therapist_is_refused_before_a_key_is_asked_for(db_path: Path, tmp_path: Path) -> None:
    db = open_database(db_path)
    therapist = Actor(username="pt", display_name="Pat", role="therapist")
    try:
        with pytest.raises(PermissionDenied):
            encrypt_database(ServiceContext(db, actor=therapist), tmp_path / "x.db", never_asked)
    finally:
        db.dispose()
    assert not (tmp_path / "x.db").exists()


def test_only_a_plain_sqlite_file_is_copied(tmp_path: Path) -> None:
    db = open_database("sqlite+pysqlite://")  # in memory: no file to copy
    admin = Actor(username="office", display_name="Office", role="admin")
    try:
        with pytest.raises(InputError, match="plain SQLite clinic file"):
            encrypt_database(ServiceContext(db, actor=admin), tmp_path / "x.db", never_asked)
    finally:
        db.dispose()
