"""The window's translations (Qt Linguist): the committed .qm files are what lrelease makes of
the .ts files, every text of the code is in a .ts and translated, and the window speaks Spanish
with MOBILEATHLETE_LANG=es or LANG=es_ES.UTF-8, English for a language the program lacks."""

from __future__ import annotations

import gc
import importlib.util
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMainWindow, QWidget
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services import clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.i18n import install_translations, remove_translations
from mobileathlete_desktop.ui.main_window import MainWindow
from tests.conftest import ADMIN, THERAPIST
from tests.ui.mnemonics import duplicates_on_every_tab, menu_duplicates
from tests.ui.test_mnemonics import WINDOWS

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "mobileathlete_desktop" / "ui" / "translations"
TS_FILES = sorted(TRANSLATIONS.glob("*.ts"))


def _build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_translations", ROOT / "scripts" / "build_translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BUILD = _build_script()
Message = tuple[str, str, str]  # context, source, disambiguation


def messages(ts: Path) -> dict[Message, ET.Element]:
    """Every message of a .ts by (context, source, comment)."""
    found: dict[Message, ET.Element] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            found[key] = message
    return found


def test_every_group_with_files_has_a_translation_and_the_core_is_there() -> None:
    assert TRANSLATIONS / "mobileathlete_core_es.ts" in TS_FILES
    for group, files in BUILD.GROUPS.items():
        if files:
            assert BUILD.ts_path(group, "es").exists(), f"{group} has no .ts (make translations)"


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_the_committed_qm_is_what_lrelease_makes_of_the_ts(ts: Path, tmp_path: Path) -> None:
    qm = ts.with_suffix(".qm")
    assert qm.exists(), f"{qm.name} is missing: run make translations"
    fresh = tmp_path / qm.name
    BUILD.lrelease(ts, fresh)
    assert fresh.read_bytes() == qm.read_bytes(), f"{qm.name} is stale: make translations"


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_every_message_is_translated(ts: Path) -> None:
    untranslated = []
    for (context, source, _comment), message in messages(ts).items():
        translation = message.find("translation")
        assert translation is not None
        forms = [f.text for f in translation.iter("numerusform")] or [translation.text]
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(
            form and form.strip() for form in forms
        ):
            untranslated.append(f"{context}: {source!r}")
    assert untranslated == []


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_every_placeholder_and_mnemonic_survives_translation(ts: Path) -> None:
    import re

    wrong = []
    for (context, source, _), message in messages(ts).items():
        # A plural's forms (numerusform) together hold what the source holds.
        forms = [f.text or "" for f in message.iter("numerusform")]
        translation = " ".join(forms) or message.findtext("translation") or ""
        if set(re.findall(r"\{\w+\}", source)) != set(re.findall(r"\{\w+\}", translation)):
            wrong.append(f"{context}: {source!r} -> {translation!r} (placeholders)")
        has_mnemonic = "&" in source.replace("&&", "") and "<" not in source
        if has_mnemonic and "&" not in translation.replace("&&", ""):
            wrong.append(f"{context}: {source!r} -> {translation!r} (no Alt letter)")
    assert wrong == []


@pytest.mark.parametrize("group", [g for g, files in BUILD.GROUPS.items() if files])
def test_every_text_of_the_code_is_in_the_translation_and_no_other(
    group: str, tmp_path: Path
) -> None:
    """lupdate over today's code into an empty file gives exactly the committed messages: a
    new or changed text of the window fails here until it is translated (make translations)."""
    fresh = tmp_path / f"{group}.ts"
    BUILD.lupdate(BUILD.sources(group), fresh)
    in_code = set(messages(fresh))
    committed = set(messages(BUILD.ts_path(group, "es")))
    assert sorted(in_code - committed) == [], "new texts: run make translations and translate"
    assert sorted(committed - in_code) == [], "texts gone from the code: run make translations"


# -- the window in Spanish ------------------------------------------------------------------


@pytest.fixture
def spanish(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("MOBILEATHLETE_LANG", "es")
    language = install_translations(qapp)
    yield language
    remove_translations(qapp)
    # Windows of the test left in reference cycles go now, on this thread, not whenever a
    # pool thread happens to trigger the collector (Qt objects must die on their own thread).
    gc.collect()


def _main_window(ctx: ServiceContext, qtbot: QtBot, role: object = THERAPIST) -> MainWindow:
    clients.create_client(ctx, clients.ClientInput("C-1", "Ada", "Stridewell", date(1990, 1, 1)))
    window = MainWindow(ctx.as_actor(role))  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _menu_titles(window: QMainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def test_with_mobileathlete_lang_es_the_window_speaks_spanish(
    spanish: str, ctx: ServiceContext, qtbot: QtBot
) -> None:
    assert spanish == "es"
    window = _main_window(ctx, qtbot)
    assert _menu_titles(window) == ["&Archivo", "&Clínica", "A&yuda"]
    assert window.search.placeholderText() == "Buscar nombre, n.º de historia o fecha de nacimiento"
    assert window.count_label.text() == "1 cliente"
    assert window.show_archived.text() == "Mos&trar archivados"
    assert window.model.headerData(0, window.table.horizontalHeader().orientation()) == "Nombre"
    assert window.page.title.text() == "Ningún cliente seleccionado"
    window.select_client(clients.find_by_chart(ctx, "C-1").id)
    qtbot.waitUntil(lambda: "Ada Stridewell" in window.page.title.text())
    assert window.page.new_button.text() == "&Nueva evaluación (Ctrl+N)"
    assert window.page.assessments_label.text() == "E&valuaciones (0) — Intro abre"
    assert "Sesión iniciada como" in window.statusBar().currentMessage()
    assert "fisioterapeuta" in window.statusBar().currentMessage()
    assert QLocale().language() == QLocale.Language.Spanish


def test_qt_s_own_buttons_speak_spanish_too(spanish: str, qtbot: QtBot) -> None:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    qtbot.addWidget(buttons)
    texts = {b.text() for b in buttons.buttons()}
    assert texts == {"Guardar", "Cancelar"}


def test_a_spanish_client_dialog_saves_the_codes_not_the_words(
    spanish: str, ctx: ServiceContext, qtbot: QtBot
) -> None:
    from mobileathlete_desktop.ui.client_dialog import ClientDialog

    dialog = ClientDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Nuevo cliente"
    assert dialog.labels["chart_number"].text() == "N.º de &historia:"
    dialog.line("chart_number").setText("E-1")
    dialog.line("given_name").setText("Lucía")
    dialog.line("family_name").setText("Zancada")
    sex = dialog.fields["sex"]
    sex.setCurrentIndex(sex.findText("mujer"))  # type: ignore[attr-defined]
    leg = dialog.fields["dominant_leg"]
    leg.setCurrentIndex(leg.findText("izquierda"))  # type: ignore[attr-defined]
    dialog.save()
    assert dialog.saved is not None
    assert (dialog.saved.sex, dialog.saved.dominant_leg) == ("female", "left")
    again = ClientDialog(ctx, dialog.saved)
    qtbot.addWidget(again)
    assert again.fields["sex"].currentText() == "mujer"  # type: ignore[attr-defined]


def test_a_spanish_new_assessment_dialog_creates_the_kind_chosen(
    spanish: str, ctx: ServiceContext, qtbot: QtBot
) -> None:
    from mobileathlete_desktop.ui.new_assessment_dialog import NewAssessmentDialog

    made = clients.create_client(ctx, clients.ClientInput("E-2", "Ana", "Trote"))
    dialog = NewAssessmentDialog(ctx, made.id, True)
    qtbot.addWidget(dialog)
    assert dialog.kind.currentText() == "inicial"
    dialog.kind.setCurrentIndex(dialog.kind.findText("alta"))
    dialog.create_draft()
    assert dialog.created is not None and dialog.created.kind == "discharge"


def test_an_unsupported_language_gives_the_english_window(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, ctx: ServiceContext, qtbot: QtBot
) -> None:
    monkeypatch.setenv("MOBILEATHLETE_LANG", "fr_FR.UTF-8")
    try:
        assert install_translations(qapp) == "en"
        window = _main_window(ctx, qtbot)
        assert _menu_titles(window) == ["&File", "&Clinic", "&Help"]
        assert window.count_label.text() == "1 client"
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        qtbot.addWidget(buttons)
        assert buttons.buttons()[0].text() == "Cancel"
    finally:
        remove_translations(qapp)


_PROBE = """
import json, os
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QDialogButtonBox
from mobileathlete_desktop.ui.app import create_application
app = create_application(["mobileathlete"])
box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
print(json.dumps({
    "file": QCoreApplication.translate("MainWindow", "&File"),
    "cancel": box.buttons()[0].text(),
    "locale": QLocale().name(),
}))
"""


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"LANG": "es_ES.UTF-8"}, {"file": "&Archivo", "cancel": "Cancelar", "locale": "es_ES"}),
        ({"LANG": "es_MX.UTF-8"}, {"file": "&Archivo", "cancel": "Cancelar", "locale": "es_MX"}),
        ({"LANG": "fr_FR.UTF-8"}, {"file": "&File", "cancel": "Cancel", "locale": "en_US"}),
        (
            {"LANG": "es_ES.UTF-8", "MOBILEATHLETE_LANG": "en"},
            {"file": "&File", "cancel": "Cancel", "locale": "en_US"},
        ),
    ],
)
def test_the_program_follows_lang_when_it_starts(
    env: dict[str, str], expected: dict[str, str]
) -> None:
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("LC_") and k not in ("LANG", "LANGUAGE", "MOBILEATHLETE_LANG")
    }
    clean["QT_QPA_PLATFORM"] = "offscreen"
    done = subprocess.run(
        [sys.executable, "-c", _PROBE],
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        check=True,
    )
    assert json.loads(done.stdout.strip().splitlines()[-1]) == expected


# -- Alt letters in Spanish -----------------------------------------------------------------


@pytest.mark.parametrize("role", [ADMIN, THERAPIST], ids=["admin", "therapist"])
def test_the_spanish_main_window_offers_each_alt_letter_once(
    spanish: str, role: object, ctx: ServiceContext, qtbot: QtBot
) -> None:
    window = _main_window(ctx, qtbot, role)
    assert duplicates_on_every_tab(window) == {}
    assert menu_duplicates(window) == {}
    window.select_client(clients.find_by_chart(ctx, "C-1").id)
    qtbot.waitUntil(lambda: "Ada Stridewell" in window.page.title.text())
    assert duplicates_on_every_tab(window) == {}


def test_the_spanish_next_steps_of_a_new_clinic_add_no_alt_letter_twice(
    spanish: str, ctx: ServiceContext, qtbot: QtBot
) -> None:
    from mobileathlete_desktop.services.accounts import create_first_admin

    admin = create_first_admin(ctx.db, "Clínica Norte", "jefa", "Jefa Admin", "jefa-secreta")
    window = MainWindow(ctx.as_actor(admin.actor()))
    qtbot.addWidget(window)
    window.show()
    assert window.next_steps.isVisibleTo(window)
    assert duplicates_on_every_tab(window) == {}
    assert menu_duplicates(window) == {}


@pytest.mark.parametrize("name", list(WINDOWS))
def test_no_spanish_window_offers_the_same_alt_letter_twice(
    spanish: str, name: str, window: MainWindow, ctx: ServiceContext, tmp_path: Path, qtbot: QtBot
) -> None:
    shown: QWidget = WINDOWS[name](ctx, tmp_path)
    qtbot.addWidget(shown, before_close_func=lambda w: setattr(w, "dirty", False))
    shown.show()
    qtbot.waitExposed(shown)
    assert duplicates_on_every_tab(shown) == {}
