"""Latest findings at a glance: one line a flag, shown with a symbol and words, not colour alone.

The panel takes plain rows (`FindingRow`); the client page feeds it from
`domain.interpretation.glance`, the same reasons the summary and the reports print.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QListWidget, QListWidgetItem, QVBoxLayout

FLAG_SYMBOLS = {
    "worse": "▼ Worse",
    "pain": "✱ Pain",
    "below_norm": "↓ Below norm",
    "above_norm": "↑ Above norm",
    "asymmetry": "⇄ Asymmetry",
    "control_deficit": "◐ Control deficit",
    "improved": "▲ Improved",
}


@dataclass(frozen=True)
class FindingRow:
    """One flag: its kind (a key of FLAG_SYMBOLS or free text) and a sentence."""

    kind: str
    text: str
    detail: str = ""


class FindingsPanel(QGroupBox):
    """A list of flags from the latest assessment (the hook for interpretation)."""

    def __init__(self) -> None:
        super().__init__("Latest findings at a glance")
        self.setAccessibleName("Latest findings")
        self.list = QListWidget()
        self.list.setAccessibleName("Latest findings")
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        self.set_rows([])

    def set_rows(self, rows: Sequence[FindingRow]) -> None:
        """Shows these flags (or a line saying there are none)."""
        self.list.clear()
        if not rows:
            self.list.addItem(QListWidgetItem("No flags in the latest assessment"))
            return
        for row in rows:
            label = FLAG_SYMBOLS.get(row.kind, row.kind)
            item = QListWidgetItem(f"{label}: {row.text}")
            item.setToolTip(row.detail or row.text)
            self.list.addItem(item)

    def texts(self) -> list[str]:
        """The lines as shown (for tests and screen readers)."""
        return [self.list.item(i).text() for i in range(self.list.count())]
