"""The window writes the audit head just after its saves, not inside them: the newest head
is on disk a moment later, on close, or at exit, and it is the same head as written at once."""

from __future__ import annotations

from datetime import date

import pytest

from mobileathlete_desktop.services import assessments, audit_seal, clients
from mobileathlete_desktop.services.audit_head_file import head_path, read_head
from mobileathlete_desktop.services.audit_key import audit_key
from mobileathlete_desktop.services.audit_seal import defer_head_writes, flush_heads
from mobileathlete_desktop.services.checks import check_database
from mobileathlete_desktop.services.context import ServiceContext


def _head_last_id(ctx: ServiceContext) -> int:
    path = head_path(ctx.db.engine.url)
    assert path is not None
    found = read_head(path, audit_key())
    assert found.status == "ok" and found.head is not None
    return found.head.last_id


def test_deferred_heads_are_written_once_a_moment_later(
    ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = clients.create_client(ctx, clients.ClientInput("H-1", "Testa", "Runnerton"))
    visit = assessments.create_assessment(ctx, made.id, date(2026, 3, 1))
    before = _head_last_id(ctx)
    writes: list[int] = []
    real_write = audit_seal.write_head
    monkeypatch.setattr(
        audit_seal, "write_head", lambda p, h, k: writes.append(h.last_id) or real_write(p, h, k)
    )
    monkeypatch.setattr(audit_seal._LaterHeads, "DELAY_S", 60.0)  # only the flush writes
    defer_head_writes(True)
    for value in (100, 105, 110, 115, 120):
        assessments.set_value(ctx, visit.id, "hip.flexion", "left", "active", value)
    assert writes == [] and _head_last_id(ctx) == before  # nothing on the save path
    flush_heads()
    assert len(writes) == 1 and _head_last_id(ctx) == writes[0] > before  # the newest, once
    ctx.db.dispose()
    path = ctx.db.path
    assert path is not None
    assert check_database(str(path)).problems == ()


def test_turning_deferral_off_writes_what_is_pending(
    ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = clients.create_client(ctx, clients.ClientInput("H-2", "Testa", "Runnerton"))
    monkeypatch.setattr(audit_seal._LaterHeads, "DELAY_S", 60.0)
    defer_head_writes(True)
    before = _head_last_id(ctx)
    clients.update_client(ctx, made.id, clients.ClientInput("H-2", "Testa", "Runnerton", phone="1"))
    assert _head_last_id(ctx) == before
    defer_head_writes(False)
    assert _head_last_id(ctx) > before


def test_the_timer_writes_without_a_flush(ctx: ServiceContext, qtbot: object) -> None:
    made = clients.create_client(ctx, clients.ClientInput("H-3", "Testa", "Runnerton"))
    defer_head_writes(True)
    before = _head_last_id(ctx)
    clients.update_client(ctx, made.id, clients.ClientInput("H-3", "Testa", "Runnerton", phone="2"))
    qtbot.waitUntil(lambda: _head_last_id(ctx) > before, timeout=5_000)  # type: ignore[attr-defined]
