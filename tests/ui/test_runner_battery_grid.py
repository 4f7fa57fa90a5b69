"""The runner test battery (issue 18) is typed in by keyboard alone in the lunge and balance grid,
and the grid shows the same findings the domain gives (LSI under 90% on the weaker leg)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.domain.catalogue import default_catalogue
from mobileathlete_desktop.domain.interpretation import interpret_assessment
from mobileathlete_desktop.domain.records import ClientHistory
from mobileathlete_desktop.services import assessments, clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.assessment_editor import AssessmentEditor
from mobileathlete_desktop.ui.measure_grid import CellKey
from tests.ui.keys import enter_cells, press, tab_to

ALT = Qt.KeyboardModifier.AltModifier

# Row by row, Tab order: left, right, then the one-value column.
TYPED = [
    ("hop.single", "left", "150"),
    ("hop.single", "right", "160"),
    ("hop.triple", "left", "420"),
    ("hop.triple", "right", "510"),
    ("hop.crossover", "left", "400"),
    ("hop.crossover", "right", "420"),
    ("hop.timed_6m", "left", "2.4"),
    ("hop.timed_6m", "right", "2.1"),
    ("calf.heel_rise", "left", "18"),
    ("calf.heel_rise", "right", "27"),
    ("body.mass", "none", "60"),
    ("hip.abduction.force", "left", "120"),
    ("hip.abduction.force", "right", "140"),
    ("hip.abduction.lever_arm", "left", "0.55"),
    ("hip.abduction.lever_arm", "right", "0.55"),
    ("hip.extension.force", "left", "200"),
    ("hip.extension.force", "right", "210"),
    ("hip.extension.lever_arm", "left", "0.45"),
    ("hip.extension.lever_arm", "right", "0.45"),
    ("beighton.score", "none", "6"),
    ("gait.cadence", "none", "164"),
]


def test_the_battery_is_entered_by_keyboard_and_read_by_the_domain(
    ctx: ServiceContext, therapist_ctx: ServiceContext, qtbot: QtBot
) -> None:
    client = clients.create_client(
        ctx, clients.ClientInput("B-1", "Testa", "Runnerton", date(1996, 4, 1), "female")
    )
    draft = assessments.create_assessment(
        therapist_ctx, client.id, date(2026, 3, 2), template="runner_battery"
    )
    editor = AssessmentEditor(therapist_ctx, draft.id)
    qtbot.addWidget(editor)
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    grid = editor.grids[1]
    keys = [
        key
        for r in range(grid.rowCount())
        for c in range(grid.columnCount())
        if (key := grid.key(grid.index(r, c))) is not None
    ]
    assert [(k.code, k.side) for k in keys] == [(code, side) for code, side, _ in TYPED]
    assert grid.key(grid.index(0, 3)) is None  # a per-leg test has no one-value cell
    # The label's tip is the short protocol (in the window's language).
    tip = grid.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == default_catalogue()["hop.single"].protocol_in("en")
    assert "Best of 3 valid trials" in tip

    # Thomas and the passive-only modified Ober test are in the range-of-motion grid; Ober's
    # active cells are "not measured" (columns: measure, norm, L active, L passive, ...).
    rom = editor.grids[0]
    assert [m.code for m in rom.measures] == ["thomas.hip_extension", "ober.hip_adduction"]
    assert rom.key(rom.index(1, 2)) is None
    assert rom.key(rom.index(1, 3)) == CellKey("ober.hip_adduction", "left", "passive")

    press(qtbot, Qt.Key.Key_B, ALT)
    tab_to(qtbot, editor.views[1])
    enter_cells(qtbot, [text for _, _, text in TYPED])
    qtbot.waitUntil(
        lambda: assessments.get_assessment(therapist_ctx, draft.id).value("gait.cadence") == 164
    )
    record = assessments.get_assessment(therapist_ctx, draft.id)
    for code, side, text in TYPED:
        assert record.value(code, side, "none") == float(text), code  # type: ignore[arg-type]

    # The grid's markers are the domain's: the shorter triple hop and the slower timed hop are
    # flagged asymmetric (LSI under 90%), the longer ones are not.
    qtbot.waitUntil(lambda: "asymmetry" in grid.cell_flags(CellKey("hop.triple", "left", "none")))
    assert "asymmetry" in grid.cell_flags(CellKey("hop.timed_6m", "left", "none"))
    assert "asymmetry" not in grid.cell_flags(CellKey("hop.triple", "right", "none"))
    assert "asymmetry" not in grid.cell_flags(CellKey("hop.single", "left", "none"))  # 93.8%

    stored_client = clients.get_client(therapist_ctx, client.id)
    result = interpret_assessment(
        ClientHistory(stored_client, (record,)), catalogue=default_catalogue()
    )
    lsi = result.row("hop.timed_6m.lsi")
    assert lsi is not None and lsi.value == 87.5
    strength = result.row("hip.abduction.strength", "left")
    assert strength is not None and strength.value == 1.1  # 120 N x 0.55 m / 60 kg
