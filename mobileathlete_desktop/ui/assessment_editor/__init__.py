"""The assessment editor: a visit's measures laid out by template, saved as they are typed.

`window` holds the window (header form, signing, addenda), `parts` the grids and panels on
its tabs, `entries` the saving of what is typed in them (`grid_entries` the grids' values
and painful marks, saved off the UI thread through `saving`).
"""

from mobileathlete_desktop.ui.assessment_editor.window import DEFAULT_TEMPLATE, AssessmentEditor

__all__ = ["DEFAULT_TEMPLATE", "AssessmentEditor"]
