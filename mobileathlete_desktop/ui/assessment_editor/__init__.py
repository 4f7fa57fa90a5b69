"""The assessment editor: a visit's measures laid out by template, saved as they are typed.

`window` holds the window (header form, signing, addenda), `parts` the grids and panels on
its tabs, `entries` the saving of what is typed in them (`grid_entries` the grids' values
and painful marks, saved off the UI thread through `saving`).
"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mobileathlete_desktop.ui.assessment_editor.window import DEFAULT_TEMPLATE, AssessmentEditor

_WHERE = {"AssessmentEditor": "window", "DEFAULT_TEMPLATE": "window"}

__all__ = ["DEFAULT_TEMPLATE", "AssessmentEditor"]


def __getattr__(name: str) -> Any:
    """The package's names, each imported from its module when first asked for (PEP 562): a
    module of the package imports the package first, and an __init__ importing them all made
    every one of them a single slice of ui.prewarm's imports (up to 45 ms of the UI thread)
    instead of one module a turn."""
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
