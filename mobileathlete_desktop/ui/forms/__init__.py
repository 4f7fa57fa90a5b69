"""The Qt Designer forms (static layouts): `<name>.ui` here, compiled by pyside6-uic into
`ui_<name>.py` beside it (`make forms`; a test fails while they disagree).

Compiled forms need no QtUiTools and no XML parsing at run time (QUiLoader's first load cost
tens of milliseconds more than building the same widgets from code), and a form that does not
compile fails the build, not a user.
"""

from __future__ import annotations

import importlib
from typing import Any, TypeVar

from PySide6.QtWidgets import QVBoxLayout, QWidget

W = TypeVar("W", bound=QWidget)


def form_class(name: str) -> Any:
    """The generated `Ui_…` class of form `name` (from ui_<name>.py)."""
    module = importlib.import_module(f"{__name__}.ui_{name}")
    classes = [value for key, value in vars(module).items() if key.startswith("Ui_")]
    if len(classes) != 1:
        raise LookupError(f"ui_{name}.py should define one Ui_ class, not {len(classes)}")
    return classes[0]


def load_form(name: str, host: QWidget) -> QWidget:
    """Builds form `name` and places it as the only content of `host`; returns the form."""
    form = QWidget(host)
    form_class(name)().setupUi(form)
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
