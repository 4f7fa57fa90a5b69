"""Shared fixtures: an isolated data folder and a fresh database per test, offscreen Qt."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from mobileathlete_desktop.domain.permissions import Actor
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.storage.database import Database, open_database

# The PostgreSQL test server and the fixtures that run a test on each backend.
pytest_plugins = ["tests.postgres.server"]

THERAPIST = Actor(
    username="therapist", display_name="Test Therapist", role="therapist", user_id=None
)
ADMIN = Actor(username="admin", display_name="Test Admin", role="admin", user_id=None)


@pytest.fixture(autouse=True)
def isolated_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Every test gets its own user data folder and no inherited database setting."""
    data = tmp_path_factory.mktemp("userdata")
    monkeypatch.setenv("MOBILEATHLETE_DATA_DIR", str(data))
    monkeypatch.delenv("MOBILEATHLETE_DB", raising=False)
    return data


@pytest.fixture(autouse=True)
def demo_sign_in(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line signs in as the demo admin (password "demo") unless a test says otherwise.

    CLI tests run against demo databases; a test of sign-in itself unsets or overrides
    MOBILEATHLETE_USER / MOBILEATHLETE_PASSWORD with monkeypatch.
    """
    monkeypatch.setenv("MOBILEATHLETE_USER", "admin")
    monkeypatch.setenv("MOBILEATHLETE_PASSWORD", "demo")
    monkeypatch.delenv("MOBILEATHLETE_NEW_PASSWORD", raising=False)


@pytest.fixture(autouse=True)
def cheap_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Hashes made during tests use argon2id's lowest cost (like switching delays off).

    The program itself always uses the RFC 9106 profile (~0.1–0.4 s a hash); a hash
    carries its own parameters, so checking a cheap one is just as cheap.
    """
    from argon2 import PasswordHasher

    from mobileathlete_desktop.services import accounts

    monkeypatch.setattr(
        accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    )


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where the test's SQLite database lives."""
    return tmp_path / "clinic.sqlite3"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    """A fresh, migrated SQLite database."""
    database = open_database(db_path)
    yield database
    database.dispose()


@pytest.fixture
def ctx(db: Database) -> ServiceContext:
    """A service context acting as the system (no role limits)."""
    return ServiceContext(db=db)


@pytest.fixture
def therapist_ctx(ctx: ServiceContext) -> ServiceContext:
    """A service context acting as a therapist."""
    return ctx.as_actor(THERAPIST)


@pytest.fixture
def admin_ctx(ctx: ServiceContext) -> ServiceContext:
    """A service context acting as an admin."""
    return ctx.as_actor(ADMIN)
