"""The admins' Reports view: a day's batch, chosen clients, save, print, cancel, bad folders."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services.audit import AuditFilter, find_events
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui import service_adapter
from mobileathlete_desktop.ui.reports_view import ReportsView
from tests.conftest import ADMIN
from tests.reports.helpers import add_clinic, add_runner, pdf_pages
from tests.ui.keys import focused, press, type_text

DAY = date(2026, 3, 10)
ANKLE = ("ankle.dorsiflexion.knee_extended", "left", "active")


@pytest.fixture
def clinic(ctx: ServiceContext) -> dict[str, int]:
    add_clinic(ctx)
    seen = {
        "RV-1": add_runner(ctx, "RV-1", "Alpha", "Testerby", {DAY: {ANKLE: 30}}),
        "RV-2": add_runner(ctx, "RV-2", "Beta", "Quickfoot", {DAY: {ANKLE: 24}}),
        "RV-3": add_runner(ctx, "RV-3", "Gamma", "Elsewhen", {date(2026, 3, 11): {ANKLE: 28}}),
        "RV-4": add_runner(ctx, "RV-4", "Delta", "Noshow"),
    }
    return {chart: client.id for chart, client in seen.items()}


@pytest.fixture
def store(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def open_view(
    ctx: ServiceContext, qtbot: QtBot, store: QSettings, client_ids: list[int] | None = None
) -> ReportsView:
    view = ReportsView(ctx.as_actor(ADMIN), store=store, client_ids=client_ids or [])
    qtbot.addWidget(view, before_close_func=lambda v: v.cancel())
    view.show()
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    return view


def listed(view: ReportsView) -> dict[str, bool]:
    items = (view.clients.item(row) for row in range(view.clients.count()))
    return {item.text(): item.checkState() == Qt.CheckState.Checked for item in items}


def pick_day(qtbot: QtBot, view: ReportsView, first: date, last: date | None = None) -> None:
    view.first.setText(first.isoformat())
    last = last or first
    view.last.setText(last.isoformat())
    view.list_seen.click()
    wait_listed(qtbot, view)


def wait_listed(qtbot: QtBot, view: ReportsView) -> None:
    """Waits for the clients being read on the thread pool (the day's or a search's)."""
    qtbot.waitUntil(lambda: view.listing is None, timeout=30_000)


def wait_idle(qtbot: QtBot, view: ReportsView) -> None:
    qtbot.waitUntil(lambda: view.job is None, timeout=30_000)


def save_as(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), "PDF"))


def test_a_days_batch_lists_exactly_the_clients_seen_and_saves_one_pdf(
    ctx: ServiceContext,
    clinic: dict[str, int],
    qtbot: QtBot,
    store: QSettings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    view = open_view(ctx, qtbot, store)
    pick_day(qtbot, view, DAY)
    assert listed(view) == {
        "Quickfoot, Beta — RV-2 (1990-04-02)": True,
        "Testerby, Alpha — RV-1 (1990-04-02)": True,
    }
    assert "2 clients seen 2026-03-10" in view.status.text()
    out = tmp_path / "day.pdf"
    save_as(monkeypatch, out)
    qtbot.keyClick(view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert view.job is not None and not view.save_button.isEnabled()  # busy: no second batch
    assert not view.all_button.isEnabled() and not view.first.isEnabled()
    wait_idle(qtbot, view)
    assert "Saved 2 reports" in view.status.text()
    text = "\n".join(pdf_pages(out))
    assert "Alpha Testerby" in text and "Beta Quickfoot" in text
    assert "Gamma" not in text and "Delta" not in text
    # The folder is remembered for next time.
    assert store.value("reports/folder") == str(tmp_path)


def test_a_date_range_and_unticking_change_who_is_in_the_batch(
    ctx: ServiceContext,
    clinic: dict[str, int],
    qtbot: QtBot,
    store: QSettings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    view = open_view(ctx, qtbot, store)
    pick_day(qtbot, view, DAY, date(2026, 3, 11))
    assert len(listed(view)) == 3
    view.clients.setFocus()
    view.clients.setCurrentRow(0)  # Elsewhen, Gamma (sorted by family name)
    press(qtbot, Qt.Key.Key_Space)
    assert view.count.text() == "2 clients ticked"
    view.per_client.setChecked(True)
    folder = tmp_path / "out"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    view.save_button.click()
    wait_idle(qtbot, view)
    names = sorted(p.name for p in folder.glob("*.pdf"))
    assert names == ["RV-1_2026-03-10.pdf", "RV-2_2026-03-10.pdf"]  # the visit's date
    assert "2 files in" in view.status.text()


def test_a_day_with_no_visits_says_so_and_nothing_can_be_printed(
    ctx: ServiceContext, clinic: dict[str, int], qtbot: QtBot, store: QSettings
) -> None:
    view = open_view(ctx, qtbot, store)
    pick_day(qtbot, view, date(2026, 1, 1))
    assert listed(view) == {}
    assert "No client was assessed 2026-01-01" in view.status.text()
    assert not view.print_button.isEnabled() and not view.save_button.isEnabled()
    pick_day(qtbot, view, DAY, date(2026, 3, 1))
    assert "before the first" in view.status.text()


def test_searching_adds_a_client_by_keyboard_and_keeps_the_ticked_ones(
    ctx: ServiceContext, clinic: dict[str, int], qtbot: QtBot, store: QSettings
) -> None:
    view = open_view(ctx, qtbot, store, client_ids=[clinic["RV-1"]])
    qtbot.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert focused() is view.search
    type_text(qtbot, "noshow")
    press(qtbot, Qt.Key.Key_Return)
    wait_listed(qtbot, view)
    assert listed(view) == {
        "Testerby, Alpha — RV-1 (1990-04-02)": True,
        "Noshow, Delta — RV-4 (1990-04-02)": False,
    }
    view.clients.item(1).setCheckState(Qt.CheckState.Checked)
    assert view.chosen_ids() == [clinic["RV-1"], clinic["RV-4"]]


def test_unwritable_folder_is_refused_with_a_message(
    ctx: ServiceContext,
    clinic: dict[str, int],
    qtbot: QtBot,
    store: QSettings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    view = open_view(ctx, qtbot, store, client_ids=[clinic["RV-1"]])
    save_as(monkeypatch, tmp_path / "missing" / "r.pdf")
    view.save_button.click()
    assert view.job is None
    assert "does not exist" in view.status.text()
    assert not (tmp_path / "missing").exists()


def test_cancel_stops_the_batch_and_leaves_no_file_under_the_final_name(
    ctx: ServiceContext,
    clinic: dict[str, int],
    qtbot: QtBot,
    store: QSettings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    view = open_view(ctx, qtbot, store, client_ids=list(clinic.values()))
    real = service_adapter.write_batch

    escaped = threading.Event()

    def slow_batch(*args: Any, **kwargs: Any) -> Any:
        # Stand in for a long batch: held until the user has pressed Escape, then the real
        # service runs and stops at its first check of `cancelled`.
        escaped.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(service_adapter, "write_batch", slow_batch)
    out = tmp_path / "all.pdf"
    save_as(monkeypatch, out)
    view.save_button.click()
    assert view.cancel_button.isVisible()
    press(qtbot, Qt.Key.Key_Escape)  # Escape cancels the batch, it does not close the view
    assert view.job is not None and view.job.control.cancelled
    escaped.set()
    wait_idle(qtbot, view)
    assert view.isVisible()
    assert view.status.text().startswith("Cancelled")
    assert not out.exists()
    assert list(tmp_path.glob("*.pdf")) == []


def test_print_goes_to_the_chosen_printer_and_is_audited(
    ctx: ServiceContext,
    admin_ctx: ServiceContext,
    clinic: dict[str, int],
    qtbot: QtBot,
    store: QSettings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    printed = tmp_path / "printed.pdf"

    def exec_(dialog: QPrintDialog) -> int:
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return QPrintDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", exec_)
    view = open_view(ctx, qtbot, store, client_ids=[clinic["RV-2"]])
    qtbot.keyClick(view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, view)
    qtbot.waitUntil(lambda: view.status.text().startswith("Printed"))
    assert "Beta Quickfoot" in "\n".join(pdf_pages(printed))
    events = find_events(admin_ctx, AuditFilter(action="report.printed"))
    assert [e.chart_number for e in events] == ["RV-2"]
    assert events[0].detail["pages"] >= 1


def test_a_failing_printer_gives_a_message_not_a_crash(
    ctx: ServiceContext,
    admin_ctx: ServiceContext,
    clinic: dict[str, int],
    qtbot: QtBot,
    store: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from mobileathlete_desktop.ui import print_support

    monkeypatch.setattr(QPrintDialog, "exec", lambda d: QPrintDialog.DialogCode.Accepted)

    def broken(_pdf: Path, _printer: QPrinter) -> int:
        raise print_support.PrintError("The printer is out of paper")

    monkeypatch.setattr(print_support, "print_pdf", broken)
    view = open_view(ctx, qtbot, store, client_ids=[clinic["RV-2"]])
    view.print_button.click()
    qtbot.waitUntil(lambda: "Not printed" in view.status.text(), timeout=30_000)
    assert "out of paper" in view.status.text()
    assert find_events(admin_ctx, AuditFilter(action="report.printed")) == []


@pytest.mark.parametrize(
    ("first", "status"),
    [
        ("2026-03-10", "2 clients seen 2026-03-10"),
        ("2026-03-32", "not a real date"),
    ],
)
def test_the_seen_dates_are_typed_or_picked_and_enter_lists(
    ctx: ServiceContext,
    clinic: dict[str, int],
    qtbot: QtBot,
    store: QSettings,
    first: str,
    status: str,
) -> None:
    view = open_view(ctx, qtbot, store)
    view.last.setText("2026-03-10")
    view.first.setFocus()
    qtbot.waitUntil(view.first.hasFocus)
    view.first.selectAll()
    type_text(qtbot, first)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: status in view.status.text())
    # The calendar drops down on the typed date (or today when it is not a date).
    press(qtbot, Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: view.calendars[0].calendar is not None)
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.calendars[0].calendar is None)


def test_one_clients_report_is_suggested_under_the_visit_date(
    ctx: ServiceContext,
    clinic: dict[str, int],
    qtbot: QtBot,
    store: QSettings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    view = open_view(ctx, qtbot, store, client_ids=[clinic["RV-3"]])
    suggested: list[str] = []

    def ask(_parent: Any, _title: str, start: str, _filter: str) -> tuple[str, str]:
        suggested.append(Path(start).name)
        return str(tmp_path / Path(start).name), "PDF"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    view.save_button.click()
    wait_idle(qtbot, view)
    assert suggested == ["RV-3_report_2026-03-11.pdf"]
    assert (tmp_path / "RV-3_report_2026-03-11.pdf").exists()
