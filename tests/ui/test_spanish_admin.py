"""The admins' windows in Spanish (mobileathlete_admin_es.qm): users, backups, import and the
reports view read Spanish, counts split one/other, and the translated combo items still store
their codes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services import accounts, backups
from mobileathlete_desktop.services.accounts import create_first_admin, sign_in
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.backups_dialog import BackupsDialog, size_text
from mobileathlete_desktop.ui.i18n import install_translations, remove_translations
from mobileathlete_desktop.ui.import_dialog import ImportDialog
from mobileathlete_desktop.ui.reports_view import ReportsView
from mobileathlete_desktop.ui.users_dialog import NewUserDialog, PasswordDialog, UsersDialog
from tests.conftest import ADMIN
from tests.reports.helpers import add_clinic, add_runner

DAY = date(2026, 3, 10)
ANKLE = ("ankle.dorsiflexion.knee_extended", "left", "active")


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[str]:
    """The Spanish translations installed for one test, English again afterwards."""
    language = install_translations(qapp, "es")
    yield language
    remove_translations(qapp)


@pytest.fixture
def boss(ctx: ServiceContext) -> ServiceContext:
    """Signed in as 'boss', the first admin, beside a therapist 'tess'."""
    admin = create_first_admin(ctx.db, "Clínica Norte", "boss", "Boss Admin", "boss-secret")
    accounts.create_user(ctx.as_actor(admin.actor()), "tess", "Tess PT", "therapist", "secret")
    return ctx.as_actor(sign_in(ctx, "boss", "boss-secret"))


def _header(model: object, column: int) -> str:
    return model.headerData(column, Qt.Orientation.Horizontal)  # type: ignore[attr-defined,no-any-return]


def test_the_users_dialog_speaks_spanish(spanish: str, boss: ServiceContext, qtbot: QtBot) -> None:
    dialog = UsersDialog(boss)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Usuarios — Mobile Athlete"
    assert [_header(dialog.model, c) for c in range(3)] == ["Nombre de usuario", "Nombre", "Rol"]
    cells = [dialog.model.index(0, c).data() for c in range(4)]
    assert cells == ["boss", "Boss Admin", "Administrador/a", "Sí"]
    assert dialog.password_button.text() == "Cambiar &mi contraseña…"  # one's own account
    dialog.select("tess")
    assert dialog.password_button.text() == "&Restablecer contraseña…"
    assert dialog.active_button.text() == "&Desactivar"
    assert dialog.unlock_button.text() == "Des&bloquear"


def test_a_spanish_new_user_form_stores_the_role_code(
    spanish: str, boss: ServiceContext, qtbot: QtBot
) -> None:
    form = NewUserDialog(boss)
    qtbot.addWidget(form)
    assert form.hint.text().startswith("Al menos 4 caracteres para un fisioterapeuta.")
    form.role.setCurrentIndex(form.role.findText("Administrador/a", Qt.MatchFlag.MatchStartsWith))
    assert form.hint.text().startswith("Al menos 10 caracteres para un administrador/a.")
    okay = form.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert okay.text() == "Añadir usuario"
    form.username.setText("ana")
    form.password.setText("largo-secreto")
    form.repeat.setText("otro-secreto")
    form.submit()
    assert form.message.text() == "Las dos contraseñas no coinciden"
    form.repeat.setText("largo-secreto")
    form.submit()
    qtbot.waitUntil(lambda: form.created is not None, timeout=10_000)
    assert form.created is not None and form.created.role == "admin"


@pytest.mark.parametrize("own", [True, False], ids=["own", "reset"])
def test_the_password_form_asks_the_current_one_only_for_ones_own(
    spanish: str, boss: ServiceContext, qtbot: QtBot, own: bool
) -> None:
    user = next(u for u in accounts.list_users(boss) if u.username == ("boss" if own else "tess"))
    form = PasswordDialog(boss, user)
    qtbot.addWidget(form)
    form.show()
    assert form.current.isVisible() is own
    if own:
        assert form.windowTitle() == "Cambiar mi contraseña — Mobile Athlete"
    else:
        assert form.windowTitle() == "Restablecer la contraseña de tess — Mobile Athlete"


def test_the_backups_dialog_speaks_spanish(spanish: str, ctx: ServiceContext, qtbot: QtBot) -> None:
    admin = ctx.as_actor(ADMIN)
    folder = backups.backup_folder(admin)
    backups.make_backup(admin, folder / "clinic-manual-20250101-090000.sqlite3")
    dialog = BackupsDialog(admin)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Copias de seguridad — Mobile Athlete"
    assert dialog.list_label.text() == "Copias de &seguridad, la más reciente primero (1)"
    assert dialog.backup_button.text() == "Copia de seguridad a&hora"
    row = [dialog.model.index(0, c).data() for c in range(2)]
    assert row[1] == "Manual"
    assert "ene" in row[0] and "2025" in row[0] and "Jan" not in row[0]
    assert size_text(5 << 20) == "5,0 MB"  # the Spanish decimal comma


def test_the_import_dialog_speaks_spanish_and_switches_its_checkbox_by_code(
    spanish: str, ctx: ServiceContext, qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = ImportDialog(ctx.as_actor(ADMIN))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Importar desde CSV"
    assert dialog.preview_button.text() == "&Vista previa"
    assert dialog.update_existing.isVisible() and not dialog.create_clients.isVisible()
    dialog.kind.setCurrentIndex(dialog.kind.findText("Mediciones (formato largo)"))
    assert dialog.kind.currentData() == "assessments"
    assert dialog.create_clients.isVisible() and not dialog.update_existing.isVisible()
    assert dialog.create_clients.text() == "&Crear clientes para los n.º de historia desconocidos"
    dialog.kind.setCurrentIndex(0)
    bad = tmp_path / "clientes.csv"
    bad.write_text(
        "chart_number,given_name,family_name,date_of_birth\n"
        "T-001,Testa,Runnerton,03/04/1990\nT-001,Probe,Striderson,\n",
        encoding="utf-8",
    )
    qtbot.keyClicks(dialog.path, str(bad))
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "no se ha importado nada" in dialog.status.text())
    assert dialog.status.text().startswith("2 problemas en ")
    assert [_header(dialog.model, c) for c in range(2)] == ["Línea", "Problema"]


def test_the_reports_view_speaks_spanish_with_one_and_many(
    spanish: str, ctx: ServiceContext, qtbot: QtBot, tmp_path: Path
) -> None:
    add_clinic(ctx)
    first = add_runner(ctx, "RV-1", "Alpha", "Testerby", {DAY: {ANKLE: 30}})
    add_runner(ctx, "RV-2", "Beta", "Quickfoot", {DAY: {ANKLE: 24}})
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    view = ReportsView(ctx.as_actor(ADMIN), store=store, client_ids=[first.id])
    qtbot.addWidget(view)
    assert view.windowTitle() == "Informes de clientes"
    assert view.count.text() == "1 cliente marcado"
    assert view.list_seen.text() == "&Listar clientes atendidos"
    assert view.save_button.text() == "&Guardar PDF…"
    view.first.setText(DAY.isoformat())
    view.last.setText(DAY.isoformat())
    view.list_clients_seen()
    qtbot.waitUntil(lambda: view.listing is None)  # read on the thread pool
    assert view.status.text() == "2 clientes atendidos el 2026-03-10."
    assert view.count.text() == "2 clientes marcados"
    view.last.setText("2026-03-09")
    view.list_clients_seen()
    assert view.status.text() == "⚠ La segunda fecha es anterior a la primera."
