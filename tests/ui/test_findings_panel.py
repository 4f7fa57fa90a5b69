"""The findings panel: each flag with a symbol and words, grouped by priority under headers,
headed by the visit it describes (the client page's latest findings)."""

from __future__ import annotations

from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.domain.interpretation import GLANCE_ORDER
from mobileathlete_desktop.services import assessments, clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.client_page import ClientPage
from mobileathlete_desktop.ui.findings_panel import (
    PRIORITY_GROUPS,
    FindingRow,
    FindingsPanel,
)


@pytest.mark.parametrize(
    ("row", "shown"),
    [
        (FindingRow("below_norm", "Hip flexion left: 100° below norm 137"), "▼ Below norm: Hip"),
        (FindingRow("above_norm", "Hip flexion left: 150°"), "▲ Above norm: Hip"),
        (FindingRow("asymmetry", "WBLT: left 12 vs right 9"), "↔ Asymmetry: WBLT"),
        (FindingRow("control_deficit", "Hip flexion left"), "◆ Control deficit: Hip"),
        (FindingRow("faults", "Single-leg squat left"), "⚑ Movement faults: Single"),
        (FindingRow("worse", "WBLT left: 12 → 8"), "↓ Worse: WBLT"),
        (FindingRow("improved", "WBLT left: 8 → 12"), "↑ Improved: WBLT"),
        (FindingRow("pain", "Knee flexion right"), "✱ Pain: Knee"),
        (FindingRow("cutoff", "Y-Balance composite 80%"), "▽ Past a reference point: Y"),
        (FindingRow("Custom flag", "from interpretation"), "Custom flag: from"),
    ],
)
def test_each_flag_has_a_symbol_and_words(qtbot: QtBot, row: FindingRow, shown: str) -> None:
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    panel.set_rows([row])
    assert panel.texts()[1].startswith(shown)  # under its group's header


def test_the_priority_groups_follow_the_glance_order() -> None:
    assert tuple(f for _title, flags in PRIORITY_GROUPS for f in flags) == GLANCE_ORDER


def test_rows_are_grouped_by_priority_worse_and_pain_first(qtbot: QtBot) -> None:
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    where = ("knee.flexion", "left", "passive")
    panel.set_rows(
        [
            FindingRow("improved", "Lunge left: 8 → 12"),
            FindingRow("below_norm", "Hip flexion left", "reason with source"),
            FindingRow("control_deficit", "Hip extension left"),
            FindingRow("worse", "Knee bend left: 130 → 110", where=where),
            FindingRow("clinically_important", "Knee bend left: 130 → 110", where=where),
            FindingRow("pain", "Knee bend right"),
        ]
    )
    assert panel.texts() == [
        "Worse or painful",
        "↓ Worse ★: Knee bend left: 130 → 110",  # its MCID joins the line, not Progress
        "✱ Pain: Knee bend right",
        "Control and movement faults",
        "◆ Control deficit: Hip extension left",
        "Norms and asymmetry",
        "▼ Below norm: Hip flexion left",
        "Progress",
        "↑ Improved: Lunge left: 8 → 12",
    ]
    assert panel.tooltips()[6] == "reason with source"


def test_no_rows_says_so(qtbot: QtBot) -> None:
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    panel.set_rows([])
    assert panel.texts() == ["No flags in the latest assessment"]


def test_the_client_page_says_which_visit_its_findings_describe(
    ctx: ServiceContext, therapist_ctx: ServiceContext, qtbot: QtBot
) -> None:
    client = clients.create_client(
        ctx, clients.ClientInput("F-1", "Fia", "Longstride", date(1994, 5, 1), "female")
    )
    first = assessments.create_assessment(therapist_ctx, client.id, date(2026, 3, 2))
    assessments.set_value(therapist_ctx, first.id, "hip.flexion", "left", "passive", 100)
    assessments.sign_assessment(therapist_ctx, first.id)
    again = assessments.create_assessment(
        therapist_ctx, client.id, date(2026, 4, 13), kind="reassessment"
    )
    for mode, value in (("active", 8), ("passive", 20)):
        assessments.set_value(therapist_ctx, again.id, "hip.extension", "left", mode, value)
    assessments.set_value(therapist_ctx, again.id, "hip.flexion", "left", "passive", 125)
    page = ClientPage(therapist_ctx)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.client_shown):
        page.show_client(client.id)
    page.show()
    panel = page.findings
    assert panel.heading.text() == "Findings from the re-assessment of 2026-04-13, draft"
    lines = panel.texts()
    headers = [t for t in lines if t in {title for title, _flags in PRIORITY_GROUPS}]
    assert headers == ["Control and movement faults", "Progress"]
    assert lines.index("Control and movement faults") < lines.index("Progress")
    assert lines[1].startswith("◆ Control deficit: Left hip extension: active 8°, passive 20°")
    assert lines[3].startswith("↑ Improved: Left hip flexion (passive) 125°, up 25°")
