"""Bad input typed into the window's forms is refused in the window's language: the client
dialog, the new-assessment dialog, the users dialog and the clinic's details in a Spanish
window (the domain and services decide and say it in English for the command line; the
refusal names its rule, ui/refusals says it in Spanish), nothing is saved, and the command
line's English is unchanged."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services import accounts, assessments, clients
from mobileathlete_desktop.services.accounts import create_first_admin, sign_in
from mobileathlete_desktop.services.clinic_details import get_clinic_details
from mobileathlete_desktop.services.context import InputError, ServiceContext
from mobileathlete_desktop.storage.models import Clinic
from mobileathlete_desktop.ui.client_dialog import ClientDialog
from mobileathlete_desktop.ui.clinic_details_dialog import ClinicDetailsDialog
from mobileathlete_desktop.ui.i18n import install_translations, remove_translations
from mobileathlete_desktop.ui.new_assessment_dialog import NewAssessmentDialog
from mobileathlete_desktop.ui.users_dialog import NewUserDialog, PasswordDialog
from tests.conftest import ADMIN
from tests.ui.keys import press, type_text

ENGLISH = (
    "is required",
    "too long",
    "not a date",
    "not a real date",
    "in the future",
    "before 1900",
    "must be",
    "not valid",
    "not a number",
    "letters, digits",
    "already used",
    "is taken",
    "at least",
    "phone number",
    "lines: at most",
    "password is wrong",
)


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[str]:
    language = install_translations(qapp, "es")
    yield language
    remove_translations(qapp)


def _no_english(text: str) -> None:
    said = [words for words in ENGLISH if words in text]
    assert not said, f"English in a Spanish window: {said} in {text!r}"


def _type_into(qtbot: QtBot, field: QLineEdit, text: str) -> None:
    """Gives the field focus, selects what it holds and types `text` over it, key by key."""
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, Qt.Key.Key_Delete)
    type_text(qtbot, text)


def _client_dialog(ctx: ServiceContext, qtbot: QtBot) -> ClientDialog:
    dialog = ClientDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _save(qtbot: QtBot, dialog: ClientDialog) -> str:
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    return dialog.problems.text()


def test_the_client_dialog_refuses_in_spanish_and_saves_nothing(
    spanish: str, ctx: ServiceContext, qtbot: QtBot
) -> None:
    dialog = _client_dialog(ctx, qtbot)
    typed = {
        "chart_number": "MA 42",
        "family_name": "x" * 130,
        "date_of_birth": "2099-01-01",
        "weekly_distance_km": "500",
        "years_running": "seis",
        "email": "rosa-en-casa",
    }
    for name, text in typed.items():
        _type_into(qtbot, dialog.line(name), text)
    shown = _save(qtbot, dialog)
    expected = {
        "chart_number": "N.º de historia: solo letras, cifras y - . / _ (40 como máximo)",
        "given_name": "Nombre: este dato es obligatorio",
        "family_name": "Apellidos: 130 caracteres, y se admiten como máximo 120",
        "date_of_birth": "Fecha de nacimiento: 2099-01-01 es una fecha futura",
        "weekly_distance_km": "Distancia semanal: debe estar entre 0 y 400 km",
        "years_running": "Años corriendo: «seis» no es un número",
        "email": "Correo electrónico: «rosa-en-casa» no es una dirección válida",
    }
    for name, sentence in expected.items():
        assert f"⚠ {sentence}" in shown, (name, shown)
        assert dialog.fields[name].toolTip() == sentence
    _no_english(shown)
    assert dialog.isVisible() and dialog.saved is None
    assert clients.count_clients(ctx, "") == 0


@pytest.mark.parametrize(
    ("typed", "sentence"),
    [
        ("1990-13-01", "Fecha de nacimiento: «1990-13-01» no es una fecha que exista"),
        ("01/06/1990", "Fecha de nacimiento: «01/06/1990» no es una fecha con la forma AAAA-MM-DD"),
        ("1899-12-31", "Fecha de nacimiento: 1899-12-31 es anterior a 1900"),
    ],
)
def test_a_bad_date_of_birth_is_refused_in_spanish(
    spanish: str, ctx: ServiceContext, qtbot: QtBot, typed: str, sentence: str
) -> None:
    dialog = _client_dialog(ctx, qtbot)
    for name, text in (("chart_number", "MA-1"), ("given_name", "Rosa"), ("family_name", "Rios")):
        _type_into(qtbot, dialog.line(name), text)
    _type_into(qtbot, dialog.line("date_of_birth"), typed)
    shown = _save(qtbot, dialog)
    assert shown == f"⚠ {sentence}"
    assert clients.count_clients(ctx, "") == 0


def test_a_chart_number_in_use_is_refused_in_spanish(
    spanish: str, ctx: ServiceContext, qtbot: QtBot
) -> None:
    clients.create_client(ctx, clients.ClientInput("MA-7", "Ana", "Sol"))
    dialog = _client_dialog(ctx, qtbot)
    for name, text in (("chart_number", "ma-7"), ("given_name", "Rosa"), ("family_name", "Rios")):
        _type_into(qtbot, dialog.line(name), text)
    shown = _save(qtbot, dialog)
    assert shown == (
        "⚠ N.º de historia: ma-7 ya lo tiene otro cliente como MA-7 "
        "(no se distinguen mayúsculas de minúsculas)"
    )
    assert dialog.line("chart_number").toolTip() == shown.removeprefix("⚠ ")
    assert clients.count_clients(ctx, "") == 1


def test_the_command_line_keeps_the_english(ctx: ServiceContext) -> None:
    clients.create_client(ctx, clients.ClientInput("MA-7", "Ana", "Sol"))
    with pytest.raises(InputError, match="Chart number MA-7 is already used by another client"):
        clients.create_client(ctx, clients.ClientInput("MA-7", "Rosa", "Rios"))
    data = clients.ClientInput("MA-8", "", "Rios", date(2099, 1, 1), weekly_distance_km=500)
    assert data.problems(date(2026, 3, 1)) == {
        "given_name": "Given name is required",
        "date_of_birth": "Date of birth is in the future",
        "weekly_distance_km": "Weekly distance must be 0–400 km",
    }


def test_an_english_window_says_it_in_english(ctx: ServiceContext, qtbot: QtBot) -> None:
    dialog = _client_dialog(ctx, qtbot)
    _type_into(qtbot, dialog.line("chart_number"), "MA-1")
    _type_into(qtbot, dialog.line("family_name"), "Rios")
    _type_into(qtbot, dialog.line("weekly_distance_km"), "500")
    shown = _save(qtbot, dialog)
    assert shown == "⚠ Given name is required\n⚠ Weekly distance must be 0–400 km"


@pytest.mark.parametrize(
    ("typed", "sentence"),
    [
        ("2099-01-01", "Fecha de la evaluación: 2099-01-01 es una fecha futura"),
        ("2026-02-30", "Fecha de la evaluación: «2026-02-30» no es una fecha que exista"),
        ("ayer", "Fecha de la evaluación: «ayer» no es una fecha con la forma AAAA-MM-DD"),
    ],
)
def test_the_new_assessment_dialog_refuses_a_bad_date_in_spanish(
    spanish: str, ctx: ServiceContext, qtbot: QtBot, typed: str, sentence: str
) -> None:
    client = clients.create_client(ctx, clients.ClientInput("MA-1", "Rosa", "Rios"))
    dialog = NewAssessmentDialog(ctx, client.id, first_visit=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    _type_into(qtbot, dialog.date, typed)
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.problems.text() == f"⚠ {sentence}"
    assert dialog.date.toolTip() == sentence
    assert dialog.created is None and dialog.isVisible()
    assert assessments.list_assessments(ctx, client.id) == []


@pytest.fixture
def boss(ctx: ServiceContext) -> ServiceContext:
    """Signed in as 'boss', the first admin, beside a therapist 'tess'."""
    admin = create_first_admin(ctx.db, "Clínica Norte", "boss", "Boss Admin", "boss-secret")
    accounts.create_user(ctx.as_actor(admin.actor()), "tess", "Tess PT", "therapist", "secret")
    return ctx.as_actor(sign_in(ctx, "boss", "boss-secret"))


def _new_user(boss: ServiceContext, qtbot: QtBot) -> NewUserDialog:
    form = NewUserDialog(boss)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    return form


def _usernames(ctx: ServiceContext) -> list[str]:
    return sorted(u.username for u in accounts.list_users(ctx))


def test_the_new_user_form_refuses_in_spanish_and_adds_nobody(
    spanish: str, boss: ServiceContext, qtbot: QtBot
) -> None:
    form = _new_user(boss, qtbot)
    _type_into(qtbot, form.username, "ana")
    _type_into(qtbot, form.password, "abc")
    _type_into(qtbot, form.repeat, "abc")
    qtbot.mouseClick(
        form.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    assert form.message.text() == "La contraseña debe tener al menos 4 caracteres (esta tiene 3)"

    form.set_role("admin")
    _type_into(qtbot, form.password, "corto-7")
    _type_into(qtbot, form.repeat, "corto-7")
    qtbot.mouseClick(
        form.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    assert form.message.text() == (
        "La contraseña de un administrador/a debe tener al menos 10 caracteres (esta tiene 7)"
    )

    form.set_role("therapist")
    for typed, sentence in (
        ("tess", "El nombre de usuario tess ya está en uso"),
        ("ana!", "Nombre de usuario: solo letras, cifras y . _ -"),
    ):
        _type_into(qtbot, form.username, typed)
        _type_into(qtbot, form.password, "secreto")
        _type_into(qtbot, form.repeat, "secreto")
        qtbot.mouseClick(
            form.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
        qtbot.waitUntil(lambda s=sentence: form.message.text() == s)  # type: ignore[misc]
        assert form.isVisible() and form.created is None
    assert _usernames(boss) == ["boss", "tess"]


def test_a_wrong_current_password_is_refused_in_spanish(
    spanish: str, boss: ServiceContext, qtbot: QtBot
) -> None:
    me = next(u for u in accounts.list_users(boss) if u.username == "boss")
    form = PasswordDialog(boss, me)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    _type_into(qtbot, form.current, "no-es-esta")
    _type_into(qtbot, form.password, "una-frase-nueva")
    _type_into(qtbot, form.repeat, "una-frase-nueva")
    press(qtbot, Qt.Key.Key_Return)
    sentence = "La contraseña actual no es correcta; no se ha cambiado nada"
    qtbot.waitUntil(lambda: form.message.text() == sentence)
    assert form.isVisible()
    assert sign_in(boss, "boss", "boss-secret").username == "boss"  # the old one still works


@pytest.fixture
def clinic(ctx: ServiceContext) -> ServiceContext:
    with ctx.db.session() as session:
        session.add(Clinic(name="Clínica Norte", phone="+34 900 000 100"))
    return ctx.as_actor(ADMIN)


def test_the_clinic_details_refuse_in_spanish_and_keep_what_is_stored(
    spanish: str, clinic: ServiceContext, qtbot: QtBot
) -> None:
    dialog = ClinicDetailsDialog(clinic)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.loaded is not None)
    for field, typed, sentence in (
        (
            dialog.phone,
            "pregunte en la entrada",
            "Teléfono: «pregunte en la entrada» no es un número de teléfono: solo cifras, "
            "espacios y + ( ) - . / (una extensión, como «ext 12»)",
        ),
        (
            dialog.email,
            "recepcion@norte",
            "Correo electrónico: «recepcion@norte» no es una dirección válida",
        ),
    ):
        _type_into(qtbot, field, typed)
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not dialog.busy)
        assert dialog.message.text() == f"⚠ {sentence}"
        _type_into(qtbot, field, "")
    dialog.address.setFocus()
    qtbot.waitUntil(dialog.address.hasFocus)
    for line in ("Calle Mayor 1", "Portal 2", "Piso 3", "Puerta 4", "28001 Madrid", "España"):
        type_text(qtbot, line)
        press(qtbot, Qt.Key.Key_Return)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy)
    assert dialog.message.text() == "⚠ Dirección: 6 líneas; como máximo 5, por favor"
    _no_english(dialog.message.text())
    stored = get_clinic_details(clinic)
    assert (stored.phone, stored.email, stored.address) == ("+34 900 000 100", "", "")
    assert dialog.isVisible()


def test_a_bad_logo_file_is_refused_in_spanish(
    spanish: str,
    clinic: ServiceContext,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PIL import Image

    good = tmp_path / "logo.png"
    Image.new("RGB", (600, 300), (29, 111, 138)).save(good)
    cut = tmp_path / "cortado.png"
    cut.write_bytes(good.read_bytes()[:300])
    notes = tmp_path / "notas.png"
    notes.write_text("no es una imagen", encoding="utf-8")
    dialog = ClinicDetailsDialog(clinic)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.loaded is not None)
    for path, sentence in (
        (cut, "cortado.png: la imagen está dañada (sus datos están incompletos o corruptos)"),
        (notes, "notas.png: no es una imagen PNG / JPEG que Mobile Athlete pueda leer"),
    ):
        monkeypatch.setattr(
            ClinicDetailsDialog, "choose_file", staticmethod(lambda _p, f=path: str(f))
        )
        qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.busy)
        assert dialog.message.text() == f"⚠ {sentence}"
        assert dialog.logo is None
    assert get_clinic_details(clinic).logo is None


def test_a_backup_folder_that_cannot_be_used_is_refused_in_spanish(
    spanish: str, clinic: ServiceContext, qtbot: QtBot, tmp_path: Path
) -> None:
    from mobileathlete_desktop.services import backups
    from mobileathlete_desktop.ui.backups_dialog import BackupsDialog

    dialog = BackupsDialog(clinic)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    before = backups.backup_folder(clinic)
    _type_into(qtbot, dialog.folder, "copias")
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.message.text() == (
        "⚠ Indique la ruta completa de la carpeta de copias de seguridad (no copias)"
    )
    blocker = tmp_path / "un-archivo"
    blocker.write_text("no es una carpeta")
    _type_into(qtbot, dialog.folder, str(blocker / "copias"))
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.message.text().startswith(
        f"⚠ No se puede usar {blocker / 'copias'} para las copias de seguridad: "
    )
    assert backups.backup_folder(clinic) == before


def test_the_first_run_form_refuses_in_spanish(
    spanish: str, ctx: ServiceContext, qtbot: QtBot
) -> None:
    from mobileathlete_desktop.services.accounts import has_users
    from mobileathlete_desktop.ui.first_run_dialog import FirstRunDialog

    dialog = FirstRunDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    _type_into(qtbot, dialog.clinic, "Clinica " + "x" * 200)
    _type_into(qtbot, dialog.username, "jefa")
    _type_into(qtbot, dialog.password, "corta")
    _type_into(qtbot, dialog.repeat, "corta")
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.message.text() == (
        "La contraseña de un administrador/a debe tener al menos 10 caracteres (esta tiene "
        "5). Una frase corta es fácil de recordar."
    )
    _type_into(qtbot, dialog.password, "una frase larga")
    _type_into(qtbot, dialog.repeat, "una frase larga")
    press(qtbot, Qt.Key.Key_Return)
    said = "Nombre de la clínica: 208 caracteres, y se admiten como máximo 200"
    qtbot.waitUntil(lambda: dialog.message.text() == said, timeout=10_000)
    assert not has_users(ctx.db) and dialog.actor is None


def test_a_client_changed_elsewhere_meanwhile_is_said_in_spanish(
    spanish: str, ctx: ServiceContext, qtbot: QtBot
) -> None:
    client = clients.create_client(ctx, clients.ClientInput("MA-7", "Ana", "Sol"))
    dialog = ClientDialog(ctx, client)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    elsewhere = clients.input_from_record(client)
    clients.update_client(
        ctx, client.id, replace(elsewhere, phone="600 000 000"), expected_version=client.version
    )
    _type_into(qtbot, dialog.line("family_name"), "Sol Rios")
    shown = _save(qtbot, dialog)
    assert shown == (
        "⚠ Otra persona ha cambiado el cliente MA-7; vuelva a abrirlo para ver los cambios"
    )
    stored = clients.get_client(ctx, client.id)
    assert (stored.family_name, stored.phone) == ("Sol", "600 000 000")
