"""The audit trail window: a correct Qt model, filters, and an audited CSV export."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.domain.permissions import PermissionDenied
from mobileathlete_desktop.services import clients
from mobileathlete_desktop.services.audit import AuditFilter, find_events
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.audit_view import AuditView


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
    assert view.model.index(0, 2).data() == "client.open"


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
