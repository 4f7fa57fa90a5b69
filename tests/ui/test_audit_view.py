"""The audit trail window: a correct Qt model, filters, and an audited CSV export."""

from __future__ import annotations

import csv
import time
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.domain.permissions import PermissionDenied
from mobileathlete_desktop.services import accounts, assessments, clients
from mobileathlete_desktop.services.audit import AuditFilter, find_events
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.audit_view import ACTION, COLUMNS, WHAT, WHEN, WHO, AuditView


@pytest.fixture
def view(admin_ctx: ServiceContext, therapist_ctx: ServiceContext, qtbot: QtBot) -> AuditView:
    a = clients.create_client(therapist_ctx, clients.ClientInput("AU-1", "Testa", "Runnerton"))
    b = clients.create_client(therapist_ctx, clients.ClientInput("AU-2", "Bexa", "Striderton"))
    clients.get_client(admin_ctx, a.id)
    clients.get_client(therapist_ctx, b.id)
    v = AuditView(admin_ctx)
    qtbot.addWidget(v)
    v.show()
    qtbot.waitUntil(lambda: v.model.rowCount() == 4, timeout=10_000)
    return v


def test_model_contract(view: AuditView, qtmodeltester: object) -> None:
    qtmodeltester.check(view.model)  # type: ignore[attr-defined]


def test_filter_by_client_and_user(view: AuditView, qtbot: QtBot) -> None:
    view.grab().save("/tmp/trust-audit-view.png")
    qtbot.keyClicks(view.chart, "AU-2")
    qtbot.keyClick(view.chart, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=10_000)
    assert {view.model.index(r, 3).data() for r in range(2)} == {"AU-2"}
    view.chart.clear()
    qtbot.keyClicks(view.user, "admin")
    qtbot.mouseClick(view.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=10_000)
    assert view.model.index(0, ACTION).data() == "client.open"


def test_export_csv_writes_the_filtered_rows_and_is_audited(
    view: AuditView, admin_ctx: ServiceContext, tmp_path: Path
) -> None:
    out = tmp_path / "audit.csv"
    view.export_to(out)
    with out.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["action"] for r in rows] == [
        "client.create",
        "client.create",
        "client.open",
        "client.open",
    ]
    assert "Exported 4 events" in view.status.text()
    [event] = find_events(admin_ctx, AuditFilter(action="audit.export"))
    assert event.username == "admin" and event.detail["file"] == str(out)


def test_therapists_cannot_open_it(therapist_ctx: ServiceContext) -> None:
    with pytest.raises(PermissionDenied):
        AuditView(therapist_ctx)


def test_the_trail_reads_in_words_in_local_time_newest_first(
    admin_ctx: ServiceContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "America/Argentina/Buenos_Aires")  # UTC-3 all year
    time.tzset()
    try:
        accounts.create_user(admin_ctx, "pat", "Pat Therapist", "therapist", "runner")
        pat = admin_ctx.as_actor(accounts.sign_in(admin_ctx, "pat", "runner"))
        client = clients.create_client(pat, clients.ClientInput("AW-1", "Nicolás", "Peñalver"))
        visit = assessments.create_assessment(pat, client.id, date(2026, 3, 2))
        assessments.set_value(pat, visit.id, "hip.flexion", "left", "active", 110)
        assessments.set_value(pat, visit.id, "hip.flexion", "left", "active", 115)
        assessments.set_value(pat, visit.id, "hip.flexion", "left", "active", None)
        assessments.sign_assessment(pat, visit.id)
        addendum = assessments.create_addendum(pat, visit.id, reason="left and right swapped")

        view = AuditView(admin_ctx)
        qtbot.addWidget(view)
        view.show()
        newest = find_events(admin_ctx, AuditFilter(), newest_first=True)
        qtbot.waitUntil(lambda: view.model.rowCount() == len(newest), timeout=10_000)
        sentences = [view.model.index(r, WHAT).data() for r in range(view.model.rowCount())]
        assert sentences[0] == (
            "Pat Therapist started an addendum to the assessment of 2026-03-02, "
            "because: “left and right swapped” [AW-1]"
        )
        assert sentences[1] == "Pat Therapist signed the assessment of 2026-03-02 [AW-1]"
        assert sentences[2:5] == [
            "Pat Therapist cleared hip flexion left active (was 115°)"
            " in the assessment of 2026-03-02 [AW-1]",
            "Pat Therapist changed hip flexion left active from 110° to 115°"
            " in the assessment of 2026-03-02 [AW-1]",
            "Pat Therapist entered hip flexion left active: 110°"
            " in the assessment of 2026-03-02 [AW-1]",
        ]
        assert "Pat Therapist signed in" in sentences
        assert "Pat Therapist added the client [AW-1]" in sentences
        assert view.model.index(0, WHO).data() == "Pat Therapist"
        assert addendum.id != visit.id
        # Local time: the stored UTC time shown three hours earlier, newest on top.
        first, last = newest[0], newest[-1]
        shown = view.model.index(0, WHEN).data()
        assert shown == (first.at - timedelta(hours=3)).strftime("%Y-%m-%d %H:%M:%S")
        assert first.at >= last.at and first.id > last.id
        assert COLUMNS[WHEN] == "When (local time)"
        assert "newest first" in view.status.text()
        # The tooltip keeps the stored record the sentence was made from.
        tip = view.model.index(2, WHAT).data(Qt.ItemDataRole.ToolTipRole)
        assert "measurement.clear" in tip and '"before": 115' in tip
    finally:
        monkeypatch.undo()
        time.tzset()
