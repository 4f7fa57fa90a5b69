"""Clinic ▸ Clinic details: an admin sets the letterhead and paper (read and saved off the UI
thread), bad input is said in the dialog which stays open, a therapist only reads."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from mobileathlete_desktop.services.clinic_details import get_clinic_details
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.storage.models import AuditEvent, Clinic
from mobileathlete_desktop.ui import screen_fit
from mobileathlete_desktop.ui.clinic_details_dialog import ClinicDetailsDialog
from mobileathlete_desktop.ui.main_window import MainWindow
from tests.conftest import ADMIN, THERAPIST
from tests.ui.mnemonics import mnemonic

SHOTS_ENV = "MOBILEATHLETE_SHOTS"
"""A folder to save the dialog's screenshots in for a person to look at (unset: none saved)."""


@pytest.fixture
def clinic(ctx: ServiceContext) -> ServiceContext:
    with ctx.db.session() as session:
        session.add(Clinic(name="Harbour Physio", phone="+1 555 0100"))
    return ctx


def _png(path: Path, size: tuple[int, int] = (600, 300)) -> Path:
    from PIL import Image, ImageDraw

    picture = Image.new("RGB", size, (29, 111, 138))
    ImageDraw.Draw(picture).ellipse((40, 40, size[0] - 40, size[1] - 40), fill="white")
    picture.save(path)
    return path


def _open(ctx: ServiceContext, qtbot: QtBot) -> ClinicDetailsDialog:
    dialog = ClinicDetailsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.loaded is not None)
    return dialog


def _shot(widget: QWidget, name: str) -> None:
    folder = os.environ.get(SHOTS_ENV)
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(folder) / f"{name}.png"))


def test_admin_changes_the_letterhead_with_a_logo_and_letter_paper(
    clinic: ServiceContext, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    admin = clinic.as_actor(ADMIN)
    dialog = _open(admin, qtbot)
    assert dialog.name.text() == "Harbour Physio" and dialog.phone.text() == "+1 555 0100"
    assert dialog.focusWidget() is dialog.name and dialog.save_button.isEnabled()
    assert dialog.preview.text() == "No logo" and not dialog.remove_button.isEnabled()
    logo = _png(tmp_path / "harbour.png")
    monkeypatch.setattr(ClinicDetailsDialog, "choose_file", staticmethod(lambda _p: str(logo)))
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy)
    assert not dialog.preview.pixmap().isNull()
    assert dialog.logo_info.text() == "harbour.png — 600 × 300 pixels"
    dialog.name.setText("Harbour Sports Physio")
    dialog.address.setPlainText("4 Quay Street\nPortside PS1 2AB")
    dialog.paper.setCurrentIndex(dialog.paper.findData("Letter"))
    _shot(dialog, "admin_filled")
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)  # Enter saves
    saved = get_clinic_details(clinic)
    assert (saved.name, saved.address, saved.paper_size) == (
        "Harbour Sports Physio",
        "4 Quay Street\nPortside PS1 2AB",
        "Letter",
    )
    assert saved.logo and saved.logo.startswith(b"\x89PNG")
    with clinic.db.reading() as session:
        actions = session.execute(select(AuditEvent.action)).scalars().all()
    assert "settings.clinic" in actions


def test_bad_input_is_said_in_the_dialog_which_stays_open(
    clinic: ServiceContext, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _open(clinic.as_actor(ADMIN), qtbot)
    broken = tmp_path / "broken.png"
    broken.write_bytes(_png(tmp_path / "good.png").read_bytes()[:300])
    monkeypatch.setattr(ClinicDetailsDialog, "choose_file", staticmethod(lambda _p: str(broken)))
    dialog.choose_logo()
    qtbot.waitUntil(lambda: not dialog.busy)
    assert dialog.message.text().startswith("⚠ broken.png is")
    assert dialog.logo is None and dialog.save_button.isEnabled()
    dialog.phone.setText("ask at the desk")
    dialog.name.setText("x" * 5000)
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.busy)
    assert "Clinic name is too long: 5000 characters, at most 200" in dialog.message.text()
    dialog.name.setText("Harbour Physio")
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.busy)
    assert "is not a phone number" in dialog.message.text()
    _shot(dialog, "admin_error")
    assert dialog.isVisible() and get_clinic_details(clinic).phone == "+1 555 0100"


def test_a_save_meanwhile_elsewhere_is_not_overwritten(
    clinic: ServiceContext, qtbot: QtBot
) -> None:
    from mobileathlete_desktop.services.clinic_details import ClinicChanges, update_clinic_details

    admin = clinic.as_actor(ADMIN)
    dialog = _open(admin, qtbot)
    update_clinic_details(admin, ClinicChanges(phone="+1 555 0199"))
    dialog.name.setText("Mine")
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.busy)
    assert "Someone else changed" in dialog.message.text() and dialog.isVisible()
    assert get_clinic_details(clinic).name == "Harbour Physio"


def test_a_therapist_sees_the_details_but_cannot_change_them(
    clinic: ServiceContext, qtbot: QtBot
) -> None:
    dialog = _open(clinic.as_actor(THERAPIST), qtbot)
    assert dialog.name.text() == "Harbour Physio" and dialog.name.isReadOnly()
    assert not dialog.save_button.isVisible() and not dialog.choose_button.isEnabled()
    assert "Only an administrator" in dialog.message.text()


def test_the_menu_offers_it_to_admins_only(admin_window: MainWindow, qtbot: QtBot) -> None:
    action = admin_window.clinic_details_action
    assert action.isVisible() and mnemonic(action.text()) == "d"
    action.trigger()
    dialog = admin_window.clinic_details_dialog
    qtbot.waitUntil(lambda: dialog.loaded is not None)
    dialog.name.setText("Renamed Physio")
    with qtbot.waitSignal(dialog.finished):
        dialog.save()
    assert admin_window.windowTitle() == "Mobile Athlete — Renamed Physio"


def test_hidden_from_a_therapist(window: MainWindow) -> None:
    assert not window.clinic_details_action.isVisible()


def test_alt_letters_are_unique_and_every_label_has_its_field(
    clinic: ServiceContext, qtbot: QtBot
) -> None:
    _assert_unique_alt_letters(_open(clinic.as_actor(ADMIN), qtbot))


def _assert_unique_alt_letters(dialog: ClinicDetailsDialog) -> None:
    from PySide6.QtWidgets import QAbstractButton, QLabel

    texts = [w.text() for w in dialog.findChildren(QLabel) if w.buddy() is not None]
    texts += [w.text() for w in dialog.findChildren(QAbstractButton) if w.isVisible()]
    letters = [mnemonic(t) for t in texts if mnemonic(t)]
    assert len(letters) == len(set(letters)) >= 8, texts


@pytest.fixture
def scaled_screen(monkeypatch: pytest.MonkeyPatch) -> Iterator[QRect]:
    """1366×768 at 150 %: 910×512 logical pixels less a 30-pixel panel."""
    area = QRect(0, 0, 910, 482)
    monkeypatch.setattr(screen_fit, "available_area", lambda _widget: area)
    yield area


def test_fits_a_1366x768_screen_at_150_percent(
    clinic: ServiceContext, qtbot: QtBot, scaled_screen: QRect
) -> None:
    dialog = _open(clinic.as_actor(ADMIN), qtbot)
    least = dialog.minimumSizeHint()
    assert least.width() <= scaled_screen.width() and least.height() <= scaled_screen.height()
    assert dialog.width() <= scaled_screen.width()
    assert dialog.height() <= scaled_screen.height()
    dialog.resize(QSize(least.width(), least.height()))
    _shot(dialog, "smallest")
    assert dialog.buttons.geometry().bottom() <= dialog.height()


def test_spanish(clinic: ServiceContext, qtbot: QtBot, qapp: QApplication) -> None:
    from mobileathlete_desktop.ui.i18n import install_translations, remove_translations

    install_translations(qapp, "es")
    try:
        dialog = _open(clinic.as_actor(ADMIN), qtbot)
        assert dialog.windowTitle() == "Datos de la clínica — Mobile Athlete"
        assert dialog.choose_button.text() == "&Elegir logotipo…"
        _assert_unique_alt_letters(dialog)
        _shot(dialog, "spanish")
        dialog.close()
    finally:
        remove_translations(qapp)


def test_preview_shows_the_unsaved_letterhead_and_saves_nothing(
    clinic: ServiceContext, qtbot: QtBot
) -> None:
    from mobileathlete_desktop.services.clinic_details import demo_logo

    dialog = _open(clinic.as_actor(ADMIN), qtbot)
    dialog.name.setText("Preview Physio")
    dialog.address.setPlainText("Unit 14B, Harbourside Business Park, 1200 Long Road\nPortside")
    dialog.logo, dialog.logo_changed = demo_logo(), True
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.preview_dialog is not None)
    preview = dialog.preview_dialog
    assert preview is not None
    shown = preview.picture.pixmap()
    assert not shown.isNull() and shown.width() > 2 * shown.height()  # the top of a page
    _shot(preview, "preview")
    preview.close()
    assert get_clinic_details(clinic).name == "Harbour Physio"
