"""The sign-in dialog: right and wrong passwords, and the demo accounts named only in the demo."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services.accounts import create_first_admin
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.demo import create_demo_clinic
from mobileathlete_desktop.ui.sign_in_dialog import SignInDialog


@pytest.fixture
def clinic(ctx: ServiceContext) -> ServiceContext:
    create_first_admin(ctx.db, "North PT", "boss", "Boss Admin", "boss-secret")
    return ctx


def open_dialog(ctx: ServiceContext, qtbot: QtBot) -> SignInDialog:
    dialog = SignInDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_right_password_signs_in(clinic: ServiceContext, qtbot: QtBot) -> None:
    dialog = open_dialog(clinic, qtbot)
    qtbot.keyClicks(dialog.username, "boss")
    qtbot.keyClicks(dialog.password, "boss-secret")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.actor is not None and (dialog.actor.username, dialog.actor.role) == (
        "boss",
        "admin",
    )


def test_wrong_password_says_so_and_clears_the_box(clinic: ServiceContext, qtbot: QtBot) -> None:
    dialog = open_dialog(clinic, qtbot)
    qtbot.keyClicks(dialog.username, "boss")
    qtbot.keyClicks(dialog.password, "nope")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.message.isVisible(), timeout=10_000)
    assert "Wrong user name or password" in dialog.message.text()
    assert dialog.password.text() == "" and dialog.actor is None and dialog.isVisible()


def test_demo_accounts_are_named_only_in_the_demo_clinic(
    clinic: ServiceContext, ctx: ServiceContext, qtbot: QtBot, tmp_path: object
) -> None:
    real = open_dialog(clinic, qtbot)
    assert not real.demo_hint.isVisible()


def test_demo_clinic_shows_its_accounts(ctx: ServiceContext, qtbot: QtBot) -> None:
    create_demo_clinic(ctx, clients=1)
    dialog = open_dialog(ctx, qtbot)
    assert dialog.demo_hint.isVisible()
    assert "admin" in dialog.demo_hint.text() and "demo" in dialog.demo_hint.text()
    dialog.grab().save("/tmp/trust-sign-in.png")


def test_a_busy_database_is_one_sentence_not_sql(
    clinic: ServiceContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another workstation holds the write lock past the busy timeout: the dialog says so in
    one sentence (it showed a 494-character SQL error) and signing in works once it is free."""
    from mobileathlete_desktop.storage import database

    assert clinic.db.path is not None
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 200)
    db = database.open_database(clinic.db.path, migrate=False)
    other = sqlite3.connect(clinic.db.path, isolation_level=None)
    try:
        dialog = open_dialog(ServiceContext(db=db, actor=clinic.actor), qtbot)
        other.execute("BEGIN IMMEDIATE")  # another workstation writing, for too long
        qtbot.keyClicks(dialog.username, "boss")
        qtbot.keyClicks(dialog.password, "boss-secret")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dialog.message.isVisible(), timeout=10_000)
        assert dialog.message.text() == "The clinic database is busy; try again in a moment."
        assert dialog.actor is None and dialog.isVisible()
        other.execute("COMMIT")
        qtbot.keyClicks(dialog.password, "boss-secret")
        with qtbot.waitSignal(dialog.accepted, timeout=10_000):
            qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        assert dialog.actor is not None
    finally:
        other.close()
        db.dispose()
