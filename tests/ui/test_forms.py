"""The compiled forms (ui_<name>.py) are what pyside6-uic makes of today's .ui files, and a
form built from them has the named widgets the dialogs look up."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.ui import forms

ROOT = Path(__file__).resolve().parents[2]
FORMS = ROOT / "mobileathlete_desktop" / "ui" / "forms"
UI_FILES = sorted(FORMS.glob("*.ui"))


def code_lines(module: Path) -> list[str]:
    """The generated module less uic's header comment (it names the uic version)."""
    lines = module.read_text(encoding="utf-8").splitlines()
    first = next(i for i, line in enumerate(lines) if line and not line.startswith("#"))
    return lines[first:]


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("forms")
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_forms.py"), "--out", str(out)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return out


def test_every_form_has_a_compiled_module() -> None:
    assert UI_FILES, "no .ui forms found"
    for ui in UI_FILES:
        assert (FORMS / f"ui_{ui.stem}.py").is_file(), f"run `make forms` for {ui.name}"


@pytest.mark.parametrize("ui", UI_FILES, ids=[u.stem for u in UI_FILES])
def test_compiled_form_is_up_to_date_with_its_ui_file(regenerated: Path, ui: Path) -> None:
    name = f"ui_{ui.stem}.py"
    assert code_lines(FORMS / name) == code_lines(regenerated / name), (
        f"{name} is out of date with {ui.name}: run `make forms` and commit the result"
    )


def test_a_loaded_form_fills_its_host_with_the_named_widgets(qtbot: QtBot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    form = forms.load_form("new_assessment", host)
    assert form.parent() is host
    assert host.layout().indexOf(form) == 0
    assert forms.child(form, QLineEdit, "date").placeholderText() == "YYYY-MM-DD"
    kinds = forms.child(form, QComboBox, "kind")
    assert [kinds.itemText(i) for i in range(kinds.count())][:2] == ["initial", "reassessment"]
    with pytest.raises(LookupError):
        forms.child(form, QLineEdit, "no_such_field")
