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
