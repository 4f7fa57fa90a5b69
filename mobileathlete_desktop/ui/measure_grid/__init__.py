"""The measure grid: one row a measure, one column a side/mode cell, keyboard-first entry.

Built in code from the catalogue: the model (`model`), the view with its cell editor
(`view`) and the marks a cell shows (`markers`).
"""

from mobileathlete_desktop.ui.measure_grid.markers import (
    ABOVE_NORM_MARK,
    ASYMMETRY_MARK,
    BELOW_NORM_MARK,
    CELL_FLAGS,
    CONTROL_MARK,
    ERROR_MARK,
    IMPROVED_MARK,
    PAIN_MARK,
    WORSE_MARK,
    cell_words,
    flag_reason,
    hint_text,
    mode_words,
    side_words,
    window_lang,
)
from mobileathlete_desktop.ui.measure_grid.model import CellKey, GridColumn, MeasureGridModel
from mobileathlete_desktop.ui.measure_grid.view import PAIN_KEY, MeasureGridView

__all__ = [
    "ABOVE_NORM_MARK",
    "ASYMMETRY_MARK",
    "BELOW_NORM_MARK",
    "CELL_FLAGS",
    "CONTROL_MARK",
    "ERROR_MARK",
    "IMPROVED_MARK",
    "PAIN_KEY",
    "PAIN_MARK",
    "WORSE_MARK",
    "CellKey",
    "GridColumn",
    "MeasureGridModel",
    "MeasureGridView",
    "cell_words",
    "flag_reason",
    "hint_text",
    "mode_words",
    "side_words",
    "window_lang",
]
