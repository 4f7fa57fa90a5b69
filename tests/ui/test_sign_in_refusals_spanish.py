"""Signing in with a wrong password in a Spanish window: the refusal and the lock-out read
Spanish (the sign-in verdict names its rule; ui/refusals says it), nobody is signed in, and
the service's English (command line, logs) is unchanged."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services.accounts import SignInFailed, create_first_admin, sign_in
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.sign_in_verdict import MAX_FAILED_SIGN_INS
from mobileathlete_desktop.ui.i18n import install_translations, remove_translations
from mobileathlete_desktop.ui.sign_in_dialog import SignInDialog


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[str]:
    language = install_translations(qapp, "es")
    yield language
    remove_translations(qapp)


@pytest.fixture
def clinic(ctx: ServiceContext) -> ServiceContext:
    create_first_admin(ctx.db, "Clínica Norte", "boss", "Boss Admin", "boss-secret")
    return ctx


def _attempt(dialog: SignInDialog, qtbot: QtBot, password: str) -> str:
    dialog.message.clear()
    qtbot.keyClicks(dialog.password, password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(dialog.message.text()), timeout=10_000)
    return dialog.message.text()


def test_wrong_passwords_and_the_lock_out_read_spanish(
    spanish: str, clinic: ServiceContext, qtbot: QtBot
) -> None:
    dialog = SignInDialog(clinic)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.username, "boss")
    for _ in range(MAX_FAILED_SIGN_INS - 1):
        said = _attempt(dialog, qtbot, "nope")
        assert "Nombre de usuario o contraseña incorrectos" in said, said
    said = _attempt(dialog, qtbot, "nope")
    assert "Contraseña incorrecta; la cuenta boss queda bloqueada durante 5 min" in said, said
    said = _attempt(dialog, qtbot, "boss-secret")  # the right one, while locked
    assert "La cuenta boss está bloqueada tras 5 contraseñas incorrectas" in said, said
    assert "Wrong" not in said and "locked" not in said
    assert dialog.actor is None and dialog.isVisible()


def test_the_service_keeps_its_english(clinic: ServiceContext) -> None:
    with pytest.raises(SignInFailed, match=r"^Wrong user name or password$"):
        sign_in(clinic, "boss", "nope")
