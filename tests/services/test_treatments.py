"""The clinic's treatment in a visit: recorded by the therapist, never on a signed visit,
audited before/after, refused when stale, sealed by the signature and carried by addenda."""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from mobileathlete_desktop.domain.permissions import PermissionDenied
from mobileathlete_desktop.domain.treatments import TreatmentEntry
from mobileathlete_desktop.services import assessments, clients
from mobileathlete_desktop.services import treatments as service
from mobileathlete_desktop.services.audit import AuditFilter, find_events
from mobileathlete_desktop.services.checks import check_database
from mobileathlete_desktop.services.context import ConflictError, InputError, ServiceContext

MOB = TreatmentEntry("mobilisation", "talocrural", "pa", 3, "left", 8)
CALF = TreatmentEntry("soft_tissue", "calf", "massage", side="both", minutes=5)
CUE = TreatmentEntry("cue", method="cadence", note="+7.5 %, 172 steps/min")


@pytest.fixture
def visit(ctx: ServiceContext) -> int:
    client = clients.create_client(ctx, clients.ClientInput("TR-1", "Testa", "Treated"))
    return assessments.create_assessment(ctx, client.id, date(2026, 3, 1)).id


def events(admin_ctx: ServiceContext) -> list:
    return find_events(admin_ctx, AuditFilter(chart_number="TR-1", action="treatment."))


def test_a_therapist_records_treatments_in_order_as_frozen_records(
    ctx: ServiceContext, visit: int
) -> None:
    first = service.add_treatment(ctx, visit, MOB)
    service.add_treatment(ctx, visit, CALF)
    service.add_treatment(ctx, visit, CUE)
    listed = service.list_treatments(ctx, visit)
    assert [t.entry for t in listed] == [MOB, CALF, CUE]
    assert [t.position for t in listed] == [1, 2, 3]
    assert listed[0] == first
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.minutes = 99  # type: ignore[misc]


def test_an_admin_may_read_treatments_but_not_record_them(
    ctx: ServiceContext, admin_ctx: ServiceContext, visit: int
) -> None:
    made = service.add_treatment(ctx, visit, MOB)
    assert service.list_treatments(admin_ctx, visit) == (made,)
    with pytest.raises(PermissionDenied):
        service.add_treatment(admin_ctx, visit, CALF)
    with pytest.raises(PermissionDenied):
        service.update_treatment(admin_ctx, visit, made.id, CALF)
    with pytest.raises(PermissionDenied):
        service.remove_treatment(admin_ctx, visit, made.id)
    assert service.list_treatments(ctx, visit) == (made,)


def test_a_signed_visit_refuses_every_treatment_change(
    ctx: ServiceContext, admin_ctx: ServiceContext, visit: int
) -> None:
    made = service.add_treatment(ctx, visit, MOB)
    assessments.sign_assessment(ctx, visit)
    before = len(events(admin_ctx))
    for change in (
        lambda: service.add_treatment(ctx, visit, CALF),
        lambda: service.update_treatment(ctx, visit, made.id, CALF, expected=MOB),
        lambda: service.remove_treatment(ctx, visit, made.id, expected=MOB),
    ):
        with pytest.raises(InputError, match="signed and read-only; add an addendum instead"):
            change()
    assert service.list_treatments(ctx, visit) == (made,)
    assert len(events(admin_ctx)) == before


def test_each_change_is_audited_with_before_and_after_in_words(
    ctx: ServiceContext, admin_ctx: ServiceContext, visit: int
) -> None:
    made = service.add_treatment(ctx, visit, MOB)
    changed = dataclasses.replace(MOB, grade=4, minutes=10)
    service.update_treatment(ctx, visit, made.id, changed, expected=MOB)
    service.remove_treatment(ctx, visit, made.id, expected=changed)
    add, update, remove = events(admin_ctx)
    assert add.action == "treatment.add"
    assert add.detail["after"]["site"] == "talocrural"
    assert add.detail["after"]["grade"] == 3
    assert update.detail["before"] == {"grade": 3, "minutes": 8}
    assert update.detail["after"] == {"grade": 4, "minutes": 10}
    assert remove.detail["before"]["grade"] == 4
    assert add.description.startswith("therapist recorded a treatment in the assessment of")
    assert "2026-03-01" in remove.description
    assert remove.description.startswith("therapist removed a treatment")


def test_an_unchanged_save_writes_no_event(
    ctx: ServiceContext, admin_ctx: ServiceContext, visit: int
) -> None:
    made = service.add_treatment(ctx, visit, MOB)
    service.update_treatment(ctx, visit, made.id, MOB, expected=MOB)
    assert [e.action for e in events(admin_ctx)] == ["treatment.add"]


def test_a_stale_edit_is_refused_as_changed_elsewhere(ctx: ServiceContext, visit: int) -> None:
    made = service.add_treatment(ctx, visit, MOB)
    elsewhere = dataclasses.replace(MOB, grade=2)
    service.update_treatment(ctx, visit, made.id, elsewhere, expected=MOB)
    with pytest.raises(ConflictError, match="changed elsewhere"):
        service.update_treatment(
            ctx, visit, made.id, dataclasses.replace(MOB, grade=5), expected=MOB
        )
    with pytest.raises(ConflictError, match="changed elsewhere"):
        service.remove_treatment(ctx, visit, made.id, expected=MOB)
    assert service.list_treatments(ctx, visit)[0].entry == elsewhere
    service.remove_treatment(ctx, visit, made.id, expected=elsewhere)
    with pytest.raises(ConflictError, match="removed elsewhere"):
        service.update_treatment(ctx, visit, made.id, MOB, expected=elsewhere)


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (dataclasses.replace(MOB, grade=7), "Grade must be I, II, III, IV or V"),
        (dataclasses.replace(MOB, grade=0), "Grade must be I, II, III, IV or V"),
        (dataclasses.replace(CALF, grade=3), "only for a joint mobilisation"),
        (dataclasses.replace(MOB, minutes=-5), "from 0 to 120, not -5"),
        (dataclasses.replace(MOB, minutes=500), "from 0 to 120, not 500"),
        (dataclasses.replace(MOB, minutes="ten"), "whole number"),  # type: ignore[arg-type]
        (dataclasses.replace(CUE, note="x" * 5000), "The note is too long"),
        (dataclasses.replace(MOB, site="k" * 81), "too long"),
        (TreatmentEntry("mobilisation", method="pa"), "say which joint"),
        (TreatmentEntry("soft_tissue", method="massage"), "say which region"),
        (TreatmentEntry("cue"), "say the cue"),
        (TreatmentEntry("other"), "describe it in the note"),
        (TreatmentEntry("massage"), "Kind of treatment must be one of"),  # type: ignore[arg-type]
        (dataclasses.replace(MOB, side="up"), "Side must be"),  # type: ignore[arg-type]
    ],
)
def test_bad_entries_are_refused_and_nothing_is_stored(
    ctx: ServiceContext, visit: int, entry: TreatmentEntry, message: str
) -> None:
    with pytest.raises(InputError, match=message):
        service.add_treatment(ctx, visit, entry)
    assert service.list_treatments(ctx, visit) == ()


def test_control_characters_are_taken_out_of_what_is_stored(
    ctx: ServiceContext, visit: int
) -> None:
    entry = TreatmentEntry("other", site="Toe\x1b[31m", note="line one\nline\u202etwo\x07")
    made = service.add_treatment(ctx, visit, entry)
    assert made.site == "Toe[31m"
    assert made.note == "line one linetwo"


def test_treatments_by_assessment_gives_each_visit_its_own(
    ctx: ServiceContext, admin_ctx: ServiceContext, visit: int
) -> None:
    client_id = assessments.get_assessment(ctx, visit).client_id
    later = assessments.create_assessment(ctx, client_id, date(2026, 3, 15)).id
    empty = assessments.create_assessment(ctx, client_id, date(2026, 3, 29)).id
    service.add_treatment(ctx, visit, MOB)
    service.add_treatment(ctx, later, CUE)
    service.add_treatment(ctx, visit, CALF)
    found = service.treatments_by_assessment(admin_ctx, client_id)
    assert [t.entry for t in found[visit]] == [MOB, CALF]
    assert [t.entry for t in found[later]] == [CUE]
    assert empty not in found


def test_an_addendum_carries_the_treatments_and_the_original_keeps_them(
    ctx: ServiceContext, visit: int
) -> None:
    service.add_treatment(ctx, visit, MOB)
    service.add_treatment(ctx, visit, CUE)
    assessments.sign_assessment(ctx, visit)
    addendum = assessments.create_addendum(ctx, visit, "grade was IV")
    copied = service.list_treatments(ctx, addendum.id)
    assert [t.entry for t in copied] == [MOB, CUE]
    service.update_treatment(
        ctx, addendum.id, copied[0].id, dataclasses.replace(MOB, grade=4), expected=MOB
    )
    assert [t.entry for t in service.list_treatments(ctx, visit)] == [MOB, CUE]


def _tamper(path: Path, statement: str) -> None:
    conn = sqlite3.connect(path)
    try:
        with conn:
            conn.execute(statement)
    finally:
        conn.close()


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE treatment SET grade = 5",
        "DELETE FROM treatment",
        "INSERT INTO treatment (assessment_id, position, kind, site, method, side, note, "
        "updated_at) VALUES (1, 9, 'other', '', '', 'none', 'added later', '2026-03-02')",
    ],
    ids=["changed", "removed", "added"],
)
def test_a_signed_visits_treatments_changed_behind_the_programs_back_are_found(
    ctx: ServiceContext, db_path: Path, statement: str
) -> None:
    client = clients.create_client(ctx, clients.ClientInput("TR-2", "Testa", "Sealed"))
    signed = assessments.create_assessment(ctx, client.id, date(2026, 3, 1)).id
    assert signed == 1
    service.add_treatment(ctx, signed, MOB)
    assessments.sign_assessment(ctx, signed)
    ctx.db.dispose()
    assert check_database(str(db_path)).problems == ()
    _tamper(db_path, statement)
    found = check_database(str(db_path)).problems
    assert any("assessment 1: changed since it was signed" in p for p in found), found


def test_a_treatment_added_behind_the_back_of_a_visit_signed_without_any_is_found(
    ctx: ServiceContext, db_path: Path
) -> None:
    client = clients.create_client(ctx, clients.ClientInput("TR-3", "Testa", "Bare"))
    signed = assessments.create_assessment(ctx, client.id, date(2026, 3, 1)).id
    assessments.set_value(ctx, signed, "hip.flexion", "left", "active", 110)
    assessments.sign_assessment(ctx, signed)
    ctx.db.dispose()
    assert check_database(str(db_path)).problems == ()
    _tamper(
        db_path,
        "INSERT INTO treatment (assessment_id, position, kind, site, method, side, note, "
        f"updated_at) VALUES ({signed}, 1, 'cue', '', 'cadence', 'none', '', '2026-03-02')",
    )
    found = check_database(str(db_path)).problems
    assert any(f"assessment {signed}: changed since it was signed" in p for p in found), found


def test_the_database_itself_refuses_a_grade_outside_one_to_five(
    ctx: ServiceContext, db_path: Path, visit: int
) -> None:
    ctx.db.dispose()
    with pytest.raises(sqlite3.IntegrityError, match="CHECK constraint failed"):
        _tamper(
            db_path,
            "INSERT INTO treatment (assessment_id, position, kind, site, method, grade, side, "
            f"note, updated_at) VALUES ({visit}, 1, 'mobilisation', 'hip', '', 7, 'none', '', "
            "'2026-03-02')",
        )


def test_the_demo_clinic_records_plausible_treatments(tmp_path: Path) -> None:
    from mobileathlete_desktop.domain.treatments import checked
    from mobileathlete_desktop.services.demo import create_demo_clinic
    from mobileathlete_desktop.storage.database import open_database

    db = open_database(tmp_path / "demo.sqlite3")
    try:
        ctx = ServiceContext.system(db)
        create_demo_clinic(ctx, clients=12, seed=5)
        visits = [
            visit
            for client in clients.search_clients(ctx, include_archived=True)
            for visit in service.treatments_by_assessment(ctx, client.id).values()
        ]
        given = [t for visit in visits for t in visit]
    finally:
        db.dispose()
    assert len(given) > 10
    for visit in visits:  # never the same drill twice in one visit (it read as a copy)
        what = [(t.kind, t.site, t.method, t.side) for t in visit]
        assert len(what) == len(set(what)), what
    assert {t.kind for t in given} >= {"mobilisation", "soft_tissue", "cue"}
    for t in given:
        assert checked(t.entry) == t.entry  # every one is a valid entry
