"""Migration 0008_program_doses: a program's drills keep their frequency text and get the days
a week it says; saved programs get their code, templates none."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import text
from sqlalchemy.orm import sessionmaker

from mobileathlete_desktop.domain.programs import program_code
from mobileathlete_desktop.storage.database import Database, make_engine, open_database, resolve_url
from mobileathlete_desktop.storage.migrations_runner import alembic_config, current_revision

BEFORE = "0007_visit_treatment"
FREQUENCIES = {
    1: "3 times a week",
    2: "daily",
    3: "2 veces por semana",
    4: "before every run",
    5: "after the school run",
    6: "before runs, 2–3 times a week",
}
DAYS = {1: 3, 2: 7, 3: 2, 4: None, 5: None, 6: 3}


def _raw(path: Path) -> Database:
    url = resolve_url(path)
    engine = make_engine(url)
    return Database(url=url, engine=engine, sessions=sessionmaker(engine))


def test_frequency_text_is_kept_and_read_as_days_a_week(tmp_path: Path) -> None:
    path = tmp_path / "clinic.sqlite3"
    open_database(path).dispose()
    raw = _raw(path)
    command.downgrade(alembic_config(raw), BEFORE)
    with raw.engine.begin() as conn:
        for program_id, template in ((1, 0), (2, 1)):
            conn.execute(
                text(
                    "INSERT INTO home_program (id, client_id, title, notes, summary, "
                    "therapist_name, is_template, created_at, version) VALUES "
                    "(:id, NULL, 'P', '', '', '', :template, '2026-01-01', 1)"
                ),
                {"id": program_id, "template": template},
            )
        for item_id, frequency in FREQUENCIES.items():
            conn.execute(
                text(
                    "INSERT INTO program_item (id, program_id, position, exercise_code, sets, "
                    "per_side, frequency, notes, reason) VALUES "
                    "(:id, 1, :id, 'control.clamshell', 2, 0, :frequency, '', '')"
                ),
                {"id": item_id, "frequency": frequency},
            )
    raw.dispose()

    db = open_database(path)
    try:
        assert current_revision(db) != BEFORE
        with db.engine.connect() as conn:
            items = conn.execute(
                text("SELECT id, frequency, sessions_per_week, load, tempo FROM program_item")
            ).all()
            programs = dict(conn.execute(text("SELECT id, code FROM home_program")).all())
    finally:
        db.dispose()
    assert {i.id: i.frequency for i in items} == FREQUENCIES
    assert {i.id: i.sessions_per_week for i in items} == DAYS
    assert {(i.load, i.tempo) for i in items} == {("", "")}
    assert programs == {1: program_code(1), 2: None}
