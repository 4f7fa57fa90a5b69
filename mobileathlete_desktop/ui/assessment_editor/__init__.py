"""The assessment editor: a visit's measures laid out by template, saved as they are typed.

`window` holds the window (header form, signing, addenda), `parts` the grids and panels on
its tabs, `entries` the saving of what is typed in them (`grid_entries` the grids' values
and painful marks, saved off the UI thread through `saving`).
"""

from typing import TYPE_CHECKING

from mobileathlete_desktop.ui.lazy_names import names_of

if TYPE_CHECKING:
    from mobileathlete_desktop.ui.assessment_editor.window import DEFAULT_TEMPLATE, AssessmentEditor

_WHERE = {"AssessmentEditor": "window", "DEFAULT_TEMPLATE": "window"}

__all__ = ["DEFAULT_TEMPLATE", "AssessmentEditor"]


__getattr__ = names_of(__name__, _WHERE)
