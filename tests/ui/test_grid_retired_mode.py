"""The Thomas test's retired "active" mode in the measure grid: an old active value still
shows, read-only, and Tab never stops on the cell; passive cells take values as before."""

from __future__ import annotations

from PySide6.QtCore import Qt

from mobileathlete_desktop.domain.catalogue import default_catalogue
from mobileathlete_desktop.ui.measure_grid.model import CellKey, GridColumn, MeasureGridModel

COLUMNS = [
    GridColumn("Measure", info=lambda m: m.label),
    GridColumn("Left active", "left", "active"),
    GridColumn("Left passive", "left", "passive"),
]


def test_an_old_active_thomas_angle_shows_read_only(qapp: object) -> None:
    cat = default_catalogue()
    grid = MeasureGridModel([cat["thomas.hip_extension"], cat["hip.flexion"]], COLUMNS)
    old = CellKey("thomas.hip_extension", "left", "active")
    grid.load({old: -8.0, CellKey("thomas.hip_extension", "left", "passive"): 2.0}, {}, {})
    active = grid.index(0, 1)
    assert grid.key(active) == old
    assert grid.shown_text(0, 1)[0].startswith("-8")
    assert not grid.flags(active) & Qt.ItemFlag.ItemIsEditable
    assert grid.flags(grid.index(0, 2)) & Qt.ItemFlag.ItemIsEditable
    # Hip flexion keeps both modes editable; Tab skips only the retired cell.
    assert grid.flags(grid.index(1, 1)) & Qt.ItemFlag.ItemIsEditable
    assert grid.positions == [(0, 2), (1, 1), (1, 2)]
