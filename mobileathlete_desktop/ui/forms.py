"""Loads the Qt Designer forms in `forms/` (static layouts) with QUiLoader."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QFile, QIODevice
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QVBoxLayout, QWidget

W = TypeVar("W", bound=QWidget)


@cache
def forms_dir() -> Path:
    """The `forms/` folder: beside the package in a checkout, inside a bundle when frozen."""
    package = Path(__file__).resolve().parent.parent
    bundle = getattr(sys, "_MEIPASS", None)
    candidates = [package.parent / "forms", package / "forms"]
    if bundle:
        candidates.insert(0, Path(bundle) / "forms")
    for candidate in candidates:
        if (candidate / "client_dialog.ui").is_file():
            return candidate
    raise FileNotFoundError("The forms folder was not found beside the program")


def load_form(name: str, host: QWidget) -> QWidget:
    """Builds forms/<name>.ui and places it as the only content of `host`; returns the form."""
    file = QFile(str(forms_dir() / f"{name}.ui"))
    if not file.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FileNotFoundError(f"Cannot read form {name}.ui")
    try:
        form = QUiLoader().load(file, host)
    finally:
        file.close()
    if form is None:
        raise RuntimeError(f"Form {name}.ui could not be built")
    layout = QVBoxLayout(host)
    layout.setContentsMargins(8, 8, 8, 8)
    layout.addWidget(form)
    return form


def child(form: QWidget, kind: type[W], name: str) -> W:
    """The widget called `name` in a loaded form (a missing one is a packaging error)."""
    found = form.findChild(kind, name)
    if found is None:
        raise LookupError(f"form has no {kind.__name__} named {name!r}")
    return found
