"""Every window's Alt-letters are unique among what it shows at once (a duplicate makes
Alt+letter go to the wrong field: Alt+W put a distance into Footwear)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMainWindow, QWidget
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services import assessments, clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.main_window import MainWindow
from tests.conftest import ADMIN, THERAPIST
from tests.ui.mnemonics import duplicates_on_every_tab, menu_duplicates, mnemonic


@pytest.mark.parametrize(
    ("text", "letter"),
    [("&File", "f"), ("Lunge && &balance", "b"), ("Tom && Jerry", None), ("Foot&wear:", "w")],
)
def test_the_mnemonic_of_a_text(text: str, letter: str | None) -> None:
    assert mnemonic(text) == letter


def _client(ctx: ServiceContext) -> int:
    found = clients.find_by_chart(ctx, "C-1")
    return found.id


def _draft(ctx: ServiceContext) -> int:
    return assessments.create_assessment(
        ctx.as_actor(THERAPIST), _client(ctx), date(2026, 3, 2), template="runner_screen"
    ).id


def _editor(ctx: ServiceContext, _tmp: Path) -> QWidget:
    from mobileathlete_desktop.ui.assessment_editor import AssessmentEditor

    return AssessmentEditor(ctx.as_actor(THERAPIST), _draft(ctx))


def _client_dialog(ctx: ServiceContext, _tmp: Path) -> QWidget:
    from mobileathlete_desktop.ui.client_dialog import ClientDialog

    return ClientDialog(ctx.as_actor(THERAPIST))


def _new_assessment(ctx: ServiceContext, _tmp: Path) -> QWidget:
    from mobileathlete_desktop.ui.new_assessment_dialog import NewAssessmentDialog

    return NewAssessmentDialog(ctx.as_actor(THERAPIST), _client(ctx), True)


def _builder(ctx: ServiceContext, tmp: Path) -> QWidget:
    from mobileathlete_desktop.ui.program_builder import ProgramBuilder

    store = QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)
    return ProgramBuilder(ctx.as_actor(THERAPIST), _client(ctx), store=store)


def _reports(ctx: ServiceContext, tmp: Path) -> QWidget:
    from mobileathlete_desktop.ui.reports_view import ReportsView

    store = QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)
    return ReportsView(ctx.as_actor(ADMIN), store=store, client_ids=[_client(ctx)])


def _import(ctx: ServiceContext, _tmp: Path) -> QWidget:
    from mobileathlete_desktop.ui.import_dialog import ImportDialog

    return ImportDialog(ctx.as_actor(ADMIN))


def _audit(ctx: ServiceContext, _tmp: Path) -> QWidget:
    from mobileathlete_desktop.ui.audit_view import AuditView

    return AuditView(ctx.as_actor(ADMIN))


def _help(ctx: ServiceContext, _tmp: Path) -> QWidget:
    from mobileathlete_desktop.ui.help_dialog import HelpDialog

    return HelpDialog(ctx.db.location)


def _about(ctx: ServiceContext, _tmp: Path) -> QWidget:
    from mobileathlete_desktop.ui.about_dialog import AboutDialog

    return AboutDialog(ctx.db.location)


def _sign_in(ctx: ServiceContext, _tmp: Path) -> QWidget:
    from mobileathlete_desktop.ui.sign_in_dialog import SignInDialog

    return SignInDialog(ctx)


def _first_run(ctx: ServiceContext, _tmp: Path) -> QWidget:
    from mobileathlete_desktop.ui.first_run_dialog import FirstRunDialog

    return FirstRunDialog(ctx)


def _users(ctx: ServiceContext, _tmp: Path) -> QWidget:
    from mobileathlete_desktop.ui.users_dialog import UsersDialog

    return UsersDialog(ctx.as_actor(ADMIN))


def _new_user(ctx: ServiceContext, _tmp: Path) -> QWidget:
    from mobileathlete_desktop.ui.users_dialog import NewUserDialog

    return NewUserDialog(ctx.as_actor(ADMIN))


def _password(own: bool) -> Callable[[ServiceContext, Path], QWidget]:
    def make(ctx: ServiceContext, _tmp: Path) -> QWidget:
        from mobileathlete_desktop.services.accounts import UserRecord
        from mobileathlete_desktop.ui.users_dialog import PasswordDialog

        user = UserRecord(7, "admin" if own else "tess", "", "admin" if own else "therapist", True)
        return PasswordDialog(ctx.as_actor(ADMIN), user)

    return make


def _backups(ctx: ServiceContext, _tmp: Path) -> QWidget:
    from mobileathlete_desktop.ui.backups_dialog import BackupsDialog

    return BackupsDialog(ctx.as_actor(ADMIN))


WINDOWS: dict[str, Callable[[ServiceContext, Path], QWidget]] = {
    "assessment editor": _editor,
    "client dialog": _client_dialog,
    "new-assessment dialog": _new_assessment,
    "program builder": _builder,
    "reports view": _reports,
    "import dialog": _import,
    "audit view": _audit,
    "help": _help,
    "about": _about,
    "sign-in": _sign_in,
    "first-run": _first_run,
    "users": _users,
    "new user": _new_user,
    "reset password": _password(own=False),
    "change my password": _password(own=True),
    "backups": _backups,
}


@pytest.mark.parametrize("name", list(WINDOWS))
def test_no_window_offers_the_same_alt_letter_twice(
    name: str, window: MainWindow, ctx: ServiceContext, tmp_path: Path, qtbot: QtBot
) -> None:
    shown = WINDOWS[name](ctx, tmp_path)
    qtbot.addWidget(shown, before_close_func=lambda w: setattr(w, "dirty", False))
    shown.show()
    qtbot.waitExposed(shown)
    assert duplicates_on_every_tab(shown) == {}


@pytest.mark.parametrize("role", [ADMIN, THERAPIST])
def test_the_main_window_offers_each_alt_letter_once(
    role: object, ctx: ServiceContext, qtbot: QtBot
) -> None:
    clients.create_client(ctx, clients.ClientInput("C-1", "Ada", "Stridewell", date(1990, 1, 1)))
    main = MainWindow(ctx.as_actor(role))  # type: ignore[arg-type]
    qtbot.addWidget(main)
    main.show()
    assert duplicates_on_every_tab(main) == {}
    main.select_client(_client(ctx))
    qtbot.waitUntil(lambda: "Ada Stridewell" in main.page.title.text())
    assert duplicates_on_every_tab(main) == {}
    assert isinstance(main, QMainWindow) and menu_duplicates(main) == {}


def test_alt_w_in_the_client_dialog_reaches_the_weekly_distance_alone(
    ctx: ServiceContext, qtbot: QtBot
) -> None:
    from PySide6.QtCore import Qt

    from mobileathlete_desktop.ui.client_dialog import ClientDialog

    dialog = ClientDialog(ctx.as_actor(THERAPIST))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(dialog.line("weekly_distance_km").hasFocus)
    qtbot.keyClicks(dialog.line("weekly_distance_km"), "40")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(dialog.line("footwear").hasFocus)
    assert dialog.line("weekly_distance_km").text() == "40"
    assert dialog.line("footwear").text() == ""


def test_the_next_steps_of_a_new_clinic_add_no_alt_letter_twice(
    ctx: ServiceContext, qtbot: QtBot
) -> None:
    from mobileathlete_desktop.services.accounts import create_first_admin

    admin = create_first_admin(ctx.db, "North PT", "boss", "Boss Admin", "boss-secret")
    main = MainWindow(ctx.as_actor(admin.actor()))
    qtbot.addWidget(main)
    main.show()
    assert main.next_steps.isVisibleTo(main)
    assert duplicates_on_every_tab(main) == {}
    assert menu_duplicates(main) == {}
