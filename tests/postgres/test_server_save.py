"""A value saved over a stored one on a clinic server in one statement with its audit event
(services/assessments/server_save.py): the trail it writes verifies, and a save it cannot make
stores nothing and logs nothing."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from sqlalchemy import func, select

from mobileathlete_desktop.domain.permissions import Actor
from mobileathlete_desktop.services import assessments, clients
from mobileathlete_desktop.services.assessments import server_save
from mobileathlete_desktop.services.audit_head_file import head_path, read_head
from mobileathlete_desktop.services.audit_key import audit_key
from mobileathlete_desktop.services.checks import check_database
from mobileathlete_desktop.services.context import ConflictError, InputError, ServiceContext
from mobileathlete_desktop.storage.database import open_database
from mobileathlete_desktop.storage.models import AuditEvent

pytestmark = pytest.mark.postgres

THERAPIST = Actor(username="pt", display_name="Pat Physio", role="therapist")
FRONT_DESK = Actor(username="fd", display_name="Fran Desk", role="therapist")


@pytest.fixture
def ctx(pg_url: str) -> Iterator[ServiceContext]:
    context = ServiceContext(db=open_database(pg_url), actor=THERAPIST)
    try:
        yield context
    finally:
        context.db.dispose()


@pytest.fixture
def draft(ctx: ServiceContext) -> int:
    client = clients.create_client(ctx, clients.ClientInput("SV-1", "Sal", "Vage"))
    visit = assessments.create_assessment(ctx, client.id, date(2026, 5, 4))
    assessments.set_value(ctx, visit.id, "hip.flexion", "left", "active", 100.0)
    assessments.set_value(ctx, visit.id, "hip.flexion", "right", "active", 105.0)
    return visit.id


def events(ctx: ServiceContext) -> list[AuditEvent]:
    with ctx.db.reading() as session:
        return list(session.execute(select(AuditEvent).order_by(AuditEvent.id)).scalars())


def problems(ctx: ServiceContext) -> list[str]:
    url = ctx.db.url.render_as_string(False)
    return [p for p in check_database(url).problems if not p.startswith("server login")]


def counted(ctx: ServiceContext) -> int:
    with ctx.db.reading() as session:
        return int(session.execute(select(func.count(AuditEvent.id))).scalar_one())


def test_the_one_statement_writes_the_value_and_the_event_record_event_would(
    ctx: ServiceContext, draft: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    used: list[object] = []
    real = server_save.swap_value
    monkeypatch.setattr(
        server_save, "swap_value", lambda *a, **k: used.append(r := real(*a, **k)) or r
    )
    assessments.set_pain(ctx, draft, "hip.flexion", "right", "active", True)
    saved = assessments.set_value(
        ctx, draft, "hip.flexion", "left", "active", 110.0, expected=100.0
    )
    painful = assessments.set_value(
        ctx, draft, "hip.flexion", "right", "active", 111.0, expected=105.0
    )
    assert used == [saved, painful] and None not in used  # both took the one statement
    assert saved is not None and saved.value == 110 and not saved.pain
    assert painful is not None and painful.value == 111 and painful.pain
    assert painful.rater == "Pat Physio" and painful.unit == "deg"
    *_, left, right = events(ctx)
    assert (left.action, left.entity, left.entity_id) == (
        "measurement.set",
        "assessment",
        str(draft),
    )
    assert left.detail == {
        "code": "hip.flexion",
        "side": "left",
        "mode": "active",
        "before": 100.0,
        "after": 110.0,
        "pain": False,
    }
    assert right.detail["pain"] is True and right.detail["after"] == 111.0
    assert right.prev_hash == left.hash and left.seal and right.seal
    assert left.client_id == assessments.get_assessment(ctx, draft).client_id
    assert problems(ctx) == []  # the chain, every seal and the head file
    record = assessments.get_assessment(ctx, draft)
    assert record.value("hip.flexion", "left", "active") == 110
    assert record.value("hip.flexion", "right", "active") == 111


def test_a_save_after_another_workstation_wrote_chains_from_its_event(
    ctx: ServiceContext, draft: int, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The trail's end this workstation knows is stale: the one-request save stores nothing
    (its guard) and answers with the end, from which the save is sent again."""
    assessments.set_value(ctx, draft, "hip.flexion", "left", "active", 101.0, expected=100.0)
    desk = ServiceContext(db=open_database(pg_url), actor=FRONT_DESK)
    try:
        assessments.get_assessment(desk, draft)
        assessments.set_value(desk, draft, "hip.flexion", "right", "active", 106.0, expected=105.0)
    finally:
        desk.db.dispose()
    before = counted(ctx)
    tried: list[Any] = []
    real = server_save._Save.in_one_wait
    monkeypatch.setattr(
        server_save._Save,
        "in_one_wait",
        lambda self, guess: tried.append(r := real(self, guess)) or r,
    )
    saved = assessments.set_value(
        ctx, draft, "hip.flexion", "left", "active", 102.0, expected=101.0
    )
    assert len(tried) == 2 and tried[0][0] is None  # the stale end: nothing stored by that
    assert tried[1][0] == saved  # request; sent again from the end it answered with: stored
    assert saved is not None and saved.value == 102
    assert counted(ctx) == before + 1  # one event, chained from the front desk's
    *_, desk_event, ours = events(ctx)
    assert desk_event.username == "fd" and ours.prev_hash == desk_event.hash
    assert problems(ctx) == []


def test_a_first_value_in_an_empty_cell_is_one_statement_too(
    ctx: ServiceContext, draft: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    used: list[Any] = []
    real = server_save.swap_value
    monkeypatch.setattr(
        server_save, "swap_value", lambda *a, **k: used.append(r := real(*a, **k)) or r
    )
    saved = assessments.set_value(
        ctx, draft, "knee.flexion", "left", "active", 130.0, expected=None
    )
    assert used == [saved] and saved is not None
    # The defaults set_value gives a new cell, as the usual path stores them.
    usual = assessments.get_assessment(ctx, draft).measurement("hip.flexion", "left", "active")
    assert usual is not None
    assert (saved.value, saved.pain, saved.note, saved.position) == (130, False, "", "")
    assert (saved.unit, saved.instrument, saved.rater) == (
        usual.unit,
        usual.instrument,
        usual.rater,
    )
    assert saved == assessments.get_assessment(ctx, draft).measurement(
        "knee.flexion", "left", "active"
    )
    *_, event = events(ctx)
    assert event.detail == {
        "code": "knee.flexion",
        "side": "left",
        "mode": "active",
        "before": None,
        "after": 130.0,
        "pain": False,
    }
    assert problems(ctx) == []
    # Filled meanwhile by another workstation: nothing stored, nothing logged, and said.
    other = ServiceContext(db=ctx.db, actor=FRONT_DESK)
    assessments.set_value(other, draft, "knee.flexion", "right", "active", 125.0)
    before = counted(ctx)
    with pytest.raises(ConflictError, match="changed elsewhere to 125"):
        assessments.set_value(ctx, draft, "knee.flexion", "right", "active", 128.0, expected=None)
    assert counted(ctx) == before
    assert assessments.get_assessment(ctx, draft).value("knee.flexion", "right", "active") == 125


def test_a_refused_compare_and_set_stores_nothing_and_logs_nothing(
    ctx: ServiceContext, draft: int
) -> None:
    other = ServiceContext(db=ctx.db, actor=FRONT_DESK)
    assessments.set_value(other, draft, "hip.flexion", "left", "active", 95.0, expected=100.0)
    before = counted(ctx)
    with pytest.raises(ConflictError, match="changed elsewhere to 95"):
        assessments.set_value(ctx, draft, "hip.flexion", "left", "active", 110.0, expected=100.0)
    assert counted(ctx) == before
    assert assessments.get_assessment(ctx, draft).value("hip.flexion", "left", "active") == 95
    assert problems(ctx) == []


def test_a_signed_visit_takes_no_value_and_logs_nothing(ctx: ServiceContext, draft: int) -> None:
    assessments.sign_assessment(ctx, draft)
    before = counted(ctx)
    with pytest.raises(InputError, match="signed"):
        assessments.set_value(ctx, draft, "hip.flexion", "left", "active", 110.0, expected=100.0)
    assert counted(ctx) == before
    assert assessments.get_assessment(ctx, draft).value("hip.flexion", "left", "active") == 100


def test_two_workstations_saving_at_once_keep_one_verifiable_trail(
    ctx: ServiceContext, draft: int, pg_url: str
) -> None:
    desk = ServiceContext(db=open_database(pg_url), actor=FRONT_DESK)
    try:
        assessments.get_assessment(desk, draft)  # each workstation has the visit open
        failures: list[BaseException] = []

        def type_values(who: ServiceContext, side: str, start: float) -> None:
            try:
                for n in range(15):
                    assessments.set_value(
                        who, draft, "hip.flexion", side, "active", start + n + 1, expected=start + n
                    )
            except BaseException as exc:  # reported by the test below
                failures.append(exc)

        threads = [
            threading.Thread(target=type_values, args=(ctx, "left", 100.0)),
            threading.Thread(target=type_values, args=(desk, "right", 105.0)),
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        assert failures == []
        record = assessments.get_assessment(ctx, draft)
        assert record.value("hip.flexion", "left", "active") == 115
        assert record.value("hip.flexion", "right", "active") == 120
        assert problems(ctx) == []
        path = head_path(ctx.db.url)
        assert path is not None
        head = read_head(path, audit_key())
        assert head.status == "ok" and head.head is not None
        assert head.head.events == counted(ctx)
    finally:
        desk.db.dispose()


def test_a_new_visit_typed_in_the_editor_costs_one_request_a_value(
    postgres_server: Any, pg_url: str, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Empty cells filled one after another with Tab, as a new visit is typed: each value is
    one request on the wire (keystroke to saved, and what the editor does after it)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from bench.lan_proxy import LanProxy
    from mobileathlete_desktop.storage import server_connections
    from mobileathlete_desktop.ui.assessment_editor import AssessmentEditor

    monkeypatch.setattr(server_connections, "PING_AFTER_IDLE_S", 3600.0)
    with LanProxy("127.0.0.1", postgres_server.port, delay_ms=0) as proxy:
        ctx = ServiceContext(
            db=open_database(pg_url.replace(f":{postgres_server.port}/", f":{proxy.port}/")),
            actor=THERAPIST,
        )
        try:
            client = clients.create_client(ctx, clients.ClientInput("SV-2", "Nia", "Newvisit"))
            visit = assessments.create_assessment(ctx, client.id, date(2026, 5, 5)).id
            editor = AssessmentEditor(ctx, visit)
            qtbot.addWidget(editor)
            editor.show()
            editor.activateWindow()
            qtbot.waitUntil(editor.isActiveWindow)
            qtbot.waitUntil(lambda: not editor.live_findings.busy)  # the opening's reads
            view, grid = editor.views[0], editor.grids[0]
            view.setFocus()
            view.setCurrentIndex(grid.index(*grid.positions[0]))
            costs = []
            for n in range(10):
                before = proxy.round_trips
                with qtbot.waitSignal(editor.changed, timeout=10_000):
                    for char in str(20 + n):
                        qtbot.keyClick(QApplication.focusWidget() or view, char)
                    qtbot.keyClick(QApplication.focusWidget() or view, Qt.Key.Key_Tab)
                qtbot.waitUntil(
                    lambda: not editor.live_findings.busy and not editor.entries.saves.busy
                )
                costs.append(proxy.round_trips - before)
            # The driver prepares its statements at their fifth run (a request more, once;
            # the proxy may count it in the next entry's window).
            assert sorted(costs)[len(costs) // 2] == 1 and sum(costs) <= len(costs) + 2, costs
            editor.close()
            record = assessments.get_assessment(ctx, visit)
            stored = [
                record.value(*grid.key(grid.index(*p)).__dict__.values())
                for p in grid.positions[:10]
            ]
            assert stored == [float(20 + n) for n in range(10)]
            assert problems(ctx) == []
        finally:
            ctx.db.dispose()
