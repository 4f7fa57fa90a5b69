"""The measure grid: one row a measure, one column a side/mode cell, keyboard-first entry.

Built in code from the catalogue: the model (`model`), the view with its cell editor
(`view`) and the marks a cell shows (`markers`).
"""

from typing import TYPE_CHECKING

from mobileathlete_desktop.ui.lazy_names import names_of

if TYPE_CHECKING:
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

_WHERE = {
    "ABOVE_NORM_MARK": "markers",
    "ASYMMETRY_MARK": "markers",
    "BELOW_NORM_MARK": "markers",
    "CELL_FLAGS": "markers",
    "CONTROL_MARK": "markers",
    "ERROR_MARK": "markers",
    "IMPROVED_MARK": "markers",
    "PAIN_MARK": "markers",
    "WORSE_MARK": "markers",
    "cell_words": "markers",
    "flag_reason": "markers",
    "hint_text": "markers",
    "mode_words": "markers",
    "side_words": "markers",
    "window_lang": "markers",
    "CellKey": "model",
    "GridColumn": "model",
    "MeasureGridModel": "model",
    "PAIN_KEY": "view",
    "MeasureGridView": "view",
}

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


__getattr__ = names_of(__name__, _WHERE)
