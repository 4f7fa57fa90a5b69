"""The Reports view's report choice: the summary by default, the full record, a referral letter,
in English or Spanish, chosen with the keyboard."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services.context import ServiceContext
from tests.reports.helpers import pdf_pages
from tests.ui.test_reports_view import (  # noqa: F401 (fixtures)
    clinic,
    open_view,
    save_as,
    store,
    wait_idle,
)


def _save(qtbot: QtBot, view: object, monkeypatch: pytest.MonkeyPatch, out: Path) -> str:
    save_as(monkeypatch, out)
    qtbot.keyClick(view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, view)  # type: ignore[arg-type]
    return " ".join("\n".join(pdf_pages(out)).split())


def _alt(qtbot: QtBot, view: object, key: Qt.Key) -> None:
    qtbot.keyClick(view, key, Qt.KeyboardModifier.AltModifier)


def test_the_summary_by_default_then_the_full_record_then_a_letter(
    ctx: ServiceContext,
    clinic: dict[str, int],  # noqa: F811
    qtbot: QtBot,
    store: QSettings,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    view = open_view(ctx, qtbot, store, client_ids=[clinic["RV-2"]])
    assert view.report_kind() == "summary" and not view.full_record.isChecked()
    text = _save(qtbot, view, monkeypatch, tmp_path / "summary.pdf")
    assert "Progress summary" in text and "Findings that matter" in text
    # Alt+R ticks "Full record".
    _alt(qtbot, view, Qt.Key.Key_R)  # a check box's Alt letter clicks it (animated)
    qtbot.waitUntil(view.full_record.isChecked)
    assert view.report_kind() == "full"
    text = _save(qtbot, view, monkeypatch, tmp_path / "full.pdf")
    assert "Range of motion" in text and "Findings that matter" not in text
    # Alt+T, then Down: the referral letter; it has no full record to tick.
    _alt(qtbot, view, Qt.Key.Key_T)
    assert view.kind.hasFocus()
    qtbot.keyClick(view.kind, Qt.Key.Key_Down)
    assert view.report_kind() == "letter" and not view.full_record.isEnabled()
    text = _save(qtbot, view, monkeypatch, tmp_path / "letter.pdf")
    assert "Dear colleague," in text and len(pdf_pages(tmp_path / "letter.pdf")) == 1


def test_the_report_in_spanish_and_the_suggested_file_name(
    ctx: ServiceContext,
    clinic: dict[str, int],  # noqa: F811
    qtbot: QtBot,
    store: QSettings,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    view = open_view(ctx, qtbot, store, client_ids=[clinic["RV-2"]])
    assert view.report_language() == "en"  # the window's language
    _alt(qtbot, view, Qt.Key.Key_G)
    assert view.language.hasFocus()
    qtbot.keyClick(view.language, Qt.Key.Key_Down)
    assert view.report_language() == "es"
    text = _save(qtbot, view, monkeypatch, tmp_path / "es.pdf")
    assert "Resumen de evolución" in text and "Hallazgos importantes" in text
    assert view.suggested_name() == "RV-2_report_2026-03-10.pdf"
    view.kind.setCurrentIndex(1)
    assert view.suggested_name() == "RV-2_letter_2026-03-10.pdf"
