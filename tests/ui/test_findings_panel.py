"""The findings-at-a-glance panel shows each flag with a symbol and words, from plain rows."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.ui.findings_panel import FindingRow, FindingsPanel


@pytest.mark.parametrize(
    ("row", "shown"),
    [
        (FindingRow("below_norm", "Hip flexion left: 100° below norm 137"), "↓ Below norm: Hip"),
        (FindingRow("asymmetry", "WBLT: left 12 vs right 9"), "⇄ Asymmetry: WBLT"),
        (FindingRow("control_deficit", "Hip flexion left"), "◐ Control deficit: Hip"),
        (FindingRow("worse", "WBLT left: 12 → 8"), "▼ Worse: WBLT"),
        (FindingRow("improved", "WBLT left: 8 → 12"), "▲ Improved: WBLT"),
        (FindingRow("pain", "Knee flexion right"), "✱ Pain: Knee"),
        (FindingRow("Custom flag", "from interpretation"), "Custom flag: from"),
    ],
)
def test_each_flag_has_a_symbol_and_words(qtbot: QtBot, row: FindingRow, shown: str) -> None:
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    panel.set_rows([row])
    assert panel.texts()[0].startswith(shown)


def test_no_rows_says_so(qtbot: QtBot) -> None:
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    panel.set_rows([])
    assert panel.texts() == ["No flags in the latest assessment"]
