"""Migration 0012_checkin_reason_codes: a demo clinic's check-in reasons saved as words (as
every program was saved before) become codes, said in the reader's language; typed reasons
stay as they are."""

from __future__ import annotations

import json
from pathlib import Path

from alembic import command
from sqlalchemy import text
from sqlalchemy.orm import sessionmaker

from mobileathlete_desktop.domain.checkin_reasons import read_reason, reason_text, summary_text
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.demo import create_demo_clinic
from mobileathlete_desktop.storage.database import Database, make_engine, open_database, resolve_url
from mobileathlete_desktop.storage.migrations_runner import (
    HEAD_REVISION,
    alembic_config,
    current_revision,
)

BEFORE = "0011_client_search_index"
TYPED = "Hip abduction strength below the runner norm"  # the demo's first program's own reason
# A program saved from a Spanish builder before reasons were codes, and a therapist's note.
SPANISH = "hizo 5 de 12 sesiones (42 %): se mantiene, para completarlo antes de avanzar"
OWN = "hizo 5 de 12 sesiones: lo dejamos igual"


def _raw(path: Path) -> Database:
    url = resolve_url(path)
    engine = make_engine(url)
    return Database(url=url, engine=engine, sessions=sessionmaker(engine))


def _reasons(db: Database) -> tuple[dict[int, str], dict[int, str]]:
    with db.engine.connect() as conn:
        items = dict(conn.execute(text("SELECT id, reason FROM program_item")).all())
        summaries = dict(conn.execute(text("SELECT id, summary FROM home_program")).all())
    return items, summaries


def test_the_demos_reasons_saved_as_words_become_codes(tmp_path: Path) -> None:
    path = tmp_path / "clinic.sqlite3"
    db = open_database(path)
    create_demo_clinic(ServiceContext.system(db), clients=6, seed=5)
    coded, coded_summaries = _reasons(db)
    db.dispose()
    checkin_reasons = {k: v for k, v in coded.items() if v.startswith("{")}
    # The proposed programs' drills, as codes (fewer since a drill scored above 5/10 at a
    # check-in is paused and the demo therapist fills its place from the recommender).
    assert len(checkin_reasons) >= 20
    # The rest: reasons typed in the demo's first programs, and the recommender's own reasons
    # for the drills it added (the demo fills a held-back drill's place with them, f29d2b0):
    # none of them a check-in's words.
    others = set(coded.values()) - set(checkin_reasons.values())
    assert {TYPED, "Calf endurance below the other side", ""} <= others
    assert all(read_reason(v) is None for v in others)

    # The clinic as it was before: every check-in reason in English words.
    raw = _raw(path)
    command.downgrade(alembic_config(raw), BEFORE)
    worded, worded_summaries = _reasons(raw)
    assert worded == {k: reason_text(v, "en") for k, v in coded.items()}
    assert worded_summaries == {k: summary_text(v, "en") for k, v in coded_summaries.items()}
    assert not any(v.startswith("{") for v in worded.values())
    assert any(v.startswith("moved on from ") and ", which was done " in v for v in worded.values())
    with raw.engine.begin() as conn:
        first = min(checkin_reasons)
        conn.execute(
            text("UPDATE program_item SET reason = :r WHERE id = :id"), {"r": SPANISH, "id": first}
        )
        conn.execute(
            text("UPDATE program_item SET reason = :r WHERE id = :id"), {"r": OWN, "id": first + 1}
        )
    raw.dispose()

    db = open_database(path)  # migrates, as the program opens an older clinic
    try:
        assert current_revision(db) == HEAD_REVISION
        items, summaries = _reasons(db)
    finally:
        db.dispose()
    assert summaries == coded_summaries
    assert items[first + 1] == OWN  # a therapist's words stay as typed
    spanish = json.loads(items[first])
    assert spanish == {"code": "checkin.skipped", "params": {"done": 5, "prescribed": 12}}
    assert reason_text(items[first], "en") == (
        "done 5 of 12 sessions (42 %): kept, to be done before moving on"
    )
    rest = {k: v for k, v in items.items() if k not in (first, first + 1)}
    assert rest == {k: v for k, v in coded.items() if k not in (first, first + 1)}
    # Read in Spanish: no English word of a check-in's reason is left.
    for stored in checkin_reasons.values():
        said = reason_text(stored, "es")
        assert "hizo " in said and "done" not in said and "kept" not in said
