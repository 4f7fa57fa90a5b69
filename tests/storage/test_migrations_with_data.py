"""Every released schema migrates to the newest with the clinic's data intact.

A demo clinic is built at the newest schema, taken back to each earlier revision, then opened
the way the program opens it: the automatic backup runs first, the upgrade follows, and every
row of every table is still there, value for value.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.orm import sessionmaker

from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.demo import create_demo_clinic
from mobileathlete_desktop.storage.database import (
    Database,
    make_engine,
    open_database,
    resolve_url,
    table_names,
)
from mobileathlete_desktop.storage.migrations_runner import (
    HEAD_REVISION,
    alembic_config,
    current_revision,
)


def _raw(path: Path) -> Database:
    url = resolve_url(path)
    engine = make_engine(url)
    return Database(url=url, engine=engine, sessions=sessionmaker(engine))


def _contents(db: Database) -> dict[str, list[tuple[object, ...]]]:
    tables = sorted(t for t in table_names(db) if t != "alembic_version")
    with db.engine.connect() as conn:
        return {
            t: [tuple(r) for r in conn.execute(text(f"SELECT * FROM {t} ORDER BY 1"))]
            for t in tables
        }


# Columns a downgrade below 0008_program_doses drops, with what the upgrade puts back: the days
# a week come back from the frequency text, program codes from the ids; the other doses and
# the weeks are lost with the columns.
LOST_BELOW_0008 = {
    "home_program": {"weeks": None},
    "program_item": {
        "distance_m": None,
        "duration_s": None,
        "rest_s": None,
        "load": "",
        "tempo": "",
    },
}


def _lost_below_0008(db: Database, table: str, rows: list[tuple[object, ...]]) -> list[tuple]:
    with db.engine.connect() as conn:
        names = [r[1] for r in conn.execute(text(f"PRAGMA table_info({table})"))]
    lost = LOST_BELOW_0008[table]
    return [
        tuple(lost.get(name, value) for name, value in zip(names, row, strict=True)) for row in rows
    ]


def _earlier_revisions() -> list[str]:
    script = ScriptDirectory.from_config(alembic_config(_raw(Path("unused.sqlite3"))))
    return [r.revision for r in script.walk_revisions() if r.revision != HEAD_REVISION]


@pytest.fixture(scope="module")
def demo_at_head(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, list]]:
    path = tmp_path_factory.mktemp("head") / "clinic.sqlite3"
    db = open_database(path)
    create_demo_clinic(ServiceContext.system(db), clients=6, seed=5)
    contents = _contents(db)
    db.dispose()
    return path, contents


@pytest.mark.parametrize("revision", _earlier_revisions())
def test_an_older_clinic_file_is_backed_up_then_migrated_with_every_row(
    demo_at_head: tuple[Path, dict[str, list]], tmp_path: Path, revision: str
) -> None:
    source, expected = demo_at_head
    old = tmp_path / "clinic.sqlite3"
    shutil.copy(source, old)
    raw = _raw(old)
    command.downgrade(alembic_config(raw), revision)
    assert current_revision(raw) == revision
    raw.dispose()

    backed_up: list[str | None] = []
    db = open_database(old, before_migration=lambda d: backed_up.append(current_revision(d)))
    try:
        assert backed_up == [revision]  # the backup ran first, on the old schema
        assert current_revision(db) == HEAD_REVISION
        got = _contents(db)
        assert got.keys() == expected.keys()
        for table, rows in expected.items():
            if table == "audit_event" and revision < "0005":  # no seals before 0005: empty
                rows = [(*row[:-1], "") for row in rows]
            if table == "treatment" and revision < "0007":  # the table came with 0007
                rows = []
            if table.startswith("program_checkin") and revision < "0010":  # came with 0010
                rows = []
            if table in LOST_BELOW_0008 and revision < "0008":
                rows = _lost_below_0008(db, table, rows)
            assert got[table] == rows, table
        assert sum(len(rows) for rows in got.values()) > 500
    finally:
        db.dispose()
