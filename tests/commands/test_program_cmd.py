"""`mobileathlete program`: the program the handout would use, as a table or JSON."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from mobileathlete_desktop.cli import main
from mobileathlete_desktop.domain.programs import ProgramItemRecord, ProgramRecord, dosage_text
from mobileathlete_desktop.services.clients import find_by_chart
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.programs import save_program
from mobileathlete_desktop.services.reports import build_handout
from mobileathlete_desktop.storage.database import open_database
from mobileathlete_desktop.storage.models import AuditEvent
from tests.conftest import THERAPIST
from tests.reports.helpers import add_clinic, add_runner

SEEN = date(2025, 6, 10)
TOP_KEYS = {
    "chart_number",
    "name",
    "kind",
    "program",
    "lang",
    "drills",
    "warnings",
    "review",
    "findings",
}
PROGRAM_KEYS = {
    "id",
    "title",
    "date",
    "therapist",
    "assessment_id",
    "is_template",
    "notes",
    "summary",
    "code",
    "weeks",
    "minutes_per_session",
    "minutes_per_week",
}
DRILL_KEYS = {
    "position",
    "code",
    "name",
    "category",
    "regions",
    "targets",
    "dosage",
    "sets",
    "reps",
    "hold_s",
    "distance_m",
    "duration_s",
    "rest_s",
    "per_side",
    "load",
    "tempo",
    "sessions_per_week",
    "frequency",
    "reason",
    "notes",
    "in_library",
    "finding",
}
LIMITED = {
    ("ankle.dorsiflexion.knee_flexed", "left", "active"): 8.0,
    ("ankle.dorsiflexion.knee_flexed", "right", "active"): 19.0,
    ("hip.extension", "left", "active"): 6.0,
    ("hip.extension", "left", "passive"): 20.0,
}


@pytest.fixture
def clinic_db(tmp_path: Path) -> str:
    """A-1 with a limited assessment and no saved program; S-2 with a saved program; N-3 with
    no assessment at all."""
    path = tmp_path / "clinic.sqlite3"
    db = open_database(path)
    ctx = ServiceContext.system(db)  # the seeded clinic: settings and visits
    add_clinic(ctx)
    add_runner(ctx, "A-1", "Ada", "Quickstep", {SEEN: LIMITED})
    saved = add_runner(ctx, "S-2", "Sal", "Saved", {SEEN: LIMITED})
    add_runner(ctx, "N-3", "Nell", "New")
    save_program(
        ctx.as_actor(THERAPIST),
        ProgramRecord(
            id=None,
            client_id=saved.id,
            date=date(2025, 6, 11),
            title="Calf week",
            items=(
                ProgramItemRecord(
                    "mobility.knee_to_wall_rock",
                    sets=2,
                    reps=10,
                    per_side=True,
                    frequency="daily",
                    reason="Left ankle stiff",
                    notes="Keep it pain-free",
                ),
                ProgramItemRecord("control.single_leg_reach", sets=3, reps=8),
            ),
        ),
    )
    db.dispose()
    return str(path)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse's own usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def handout_program_of(db_path: str, chart: str, lang: str = "en") -> ProgramRecord:
    db = open_database(db_path)
    try:
        ctx = ServiceContext(db=db, actor=THERAPIST)
        _, program, _ = build_handout(ctx, find_by_chart(ctx, chart).id, lang=lang)
        return program
    finally:
        db.dispose()


def test_json_lists_the_recommended_program_the_handout_would_print(
    clinic_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--db", clinic_db, "program", "A-1", "--json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == TOP_KEYS
    assert set(data["program"]) == PROGRAM_KEYS
    assert data["chart_number"] == "A-1" and data["name"] == "Ada Quickstep"
    assert data["kind"] == "recommended" and data["program"]["id"] is None
    assert data["drills"] and all(set(d) == DRILL_KEYS for d in data["drills"])
    expected = handout_program_of(clinic_db, "A-1")
    assert [d["code"] for d in data["drills"]] == [i.exercise_code for i in expected.items]
    assert [d["dosage"] for d in data["drills"]] == [dosage_text(i) for i in expected.items]
    assert [d["reason"] for d in data["drills"]] == [i.reason for i in expected.items]
    assert [d["position"] for d in data["drills"]] == list(range(1, len(expected.items) + 1))
    first = data["drills"][0]
    assert first["category"] in ("mobility", "control", "strength", "running", "stretch")
    assert first["targets"] and first["in_library"] is True and first["reason"]


def test_json_shows_the_latest_saved_program_with_its_dosage_and_notes(
    clinic_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--db", clinic_db, "program", "S-2", "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["kind"] == "saved" and data["warnings"] == []
    assert data["program"]["title"] == "Calf week" and data["program"]["date"] == "2025-06-11"
    assert data["program"]["id"] == handout_program_of(clinic_db, "S-2").id
    rock, reach = data["drills"]
    assert rock["code"] == "mobility.knee_to_wall_rock"
    assert (rock["sets"], rock["reps"], rock["hold_s"], rock["per_side"]) == (2, 10, None, True)
    assert rock["dosage"] == "2 sets × 10 reps, each side — daily"
    assert rock["reason"] == "Left ankle stiff" and rock["notes"] == "Keep it pain-free"
    assert reach["dosage"] == "3 sets × 8 reps" and reach["reason"] == ""


def test_table_names_each_drill_with_targets_and_reason_beneath(
    clinic_db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    code, out, _ = run(capsys, "--db", clinic_db, "program", "S-2")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Sal Saved (S-2)"
    assert lines[1].startswith("Saved program 'Calf week'") and "2025-06-11" in lines[1]
    header = next(line for line in lines if line.startswith("#"))
    assert header.split() == ["#", "code", "name", "category", "dosage"]
    at = next(i for i, line in enumerate(lines) if line.startswith("1  mobility.knee_to_wall_rock"))
    assert "2 sets × 10 reps, each side — daily" in lines[at]
    beneath = "\n".join(lines[at + 1 : at + 6])
    assert "· targets: " in beneath and "· why: Left ankle stiff" in beneath
    assert "· note: Keep it pain-free" in beneath


def test_spanish_names_and_dosage_words(clinic_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", clinic_db, "program", "S-2", "--lang", "es", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["lang"] == "es"
    rock = data["drills"][0]
    assert rock["dosage"].startswith("2 series × 10 repeticiones")
    code, out_en, _ = run(capsys, "--db", clinic_db, "program", "S-2", "--json")
    assert rock["name"] != json.loads(out_en)["drills"][0]["name"]


def test_spanish_recommended_program_keeps_the_therapists_reasons_in_english(
    clinic_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--lang es` is the handout's language: names and dosage words in Spanish; the reason
    (the interpretation's English finding and what the drill works on) is for the therapist
    and stays wholly English, never half English, half Spanish."""
    code, out_es, _ = run(capsys, "--db", clinic_db, "program", "A-1", "--lang", "es", "--json")
    assert code == 0
    code, out_en, _ = run(capsys, "--db", clinic_db, "program", "A-1", "--json")
    spanish, english = json.loads(out_es)["drills"], json.loads(out_en)["drills"]
    assert spanish and [d["code"] for d in spanish] == [d["code"] for d in english]
    assert [d["reason"] for d in spanish] == [d["reason"] for d in english]
    for drill in spanish:
        assert drill["reason"]
        for word in ("movilidad", "trabajo activo", "tobillo", "cadera", "sin provocar"):
            assert word not in drill["reason"], drill["reason"]
    assert any(d["name"] != e["name"] for d, e in zip(spanish, english, strict=True))
    code, table, _ = run(capsys, "--db", clinic_db, "program", "A-1", "--lang", "es")
    assert "· why: Hip extension, left:" in table and "control deficit" in table


def test_no_assessment_warns_on_stderr_and_still_lists_a_program(
    clinic_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--db", clinic_db, "program", "N-3")
    assert code == 0
    assert "warning:" in err and "no assessment yet" in err
    assert "Recommended program (not saved)" in out
    code, out, err = run(capsys, "--db", clinic_db, "program", "N-3", "--json")
    assert json.loads(out)["warnings"] and "warning:" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["program", "NOPE-9"], "No client with chart number 'NOPE-9'"),
        (["program", "A-1", "--program", "999"], "No home program with id 999"),
        (["program", "A-1", "--lang", "fr"], "invalid choice"),
        (["program"], "CHART_NUMBER"),
    ],
)
def test_bad_input_exits_2_with_a_message(
    clinic_db: str, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, "--db", clinic_db, *argv)
    assert code == 2 and out == ""
    assert message in err


def test_a_program_of_another_client_is_refused(
    clinic_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    saved_id = handout_program_of(clinic_db, "S-2").id
    code, out, err = run(capsys, "--db", clinic_db, "program", "A-1", "--program", str(saved_id))
    assert (code, out) == (2, "")
    assert "belongs to another client" in err


def test_showing_a_program_is_audited(clinic_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--db", clinic_db, "program", "A-1", "--lang", "es")[0] == 0
    assert run(capsys, "--db", clinic_db, "program", "S-2", "--json")[0] == 0
    db = open_database(clinic_db)
    try:
        ctx = ServiceContext(db=db, actor=THERAPIST)
        with db.session() as session:
            events = (
                session.execute(select(AuditEvent).where(AuditEvent.action == "program.view"))
                .scalars()
                .all()
            )
            seen = [(e.username, e.client_id, e.entity_id, e.detail["lang"]) for e in events]
        saved = handout_program_of(clinic_db, "S-2")
        assert seen == [
            ("admin", find_by_chart(ctx, "A-1").id, "recommended", "es"),
            ("admin", find_by_chart(ctx, "S-2").id, str(saved.id), "en"),
        ]
    finally:
        db.dispose()
