"""Findings at a glance: one line a flag with a symbol and words (not colour alone), grouped by
priority under headers, and a heading naming the visit they describe.

The panel takes plain rows (`FindingRow`) or a whole interpretation (`show_interpretation`),
fed from `domain.interpretation.glance`: the same reasons the summary and the reports print.
The grid's cell markers use the same symbols (`FLAG_MARKS`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from mobileathlete_desktop.domain.interpretation import (
    FLAG_ABOVE_NORM,
    FLAG_ASYMMETRY,
    FLAG_BELOW_NORM,
    FLAG_CLINICALLY_IMPORTANT,
    FLAG_CONTROL_DEFICIT,
    FLAG_FAULTS,
    FLAG_IMPROVED,
    FLAG_PAIN,
    FLAG_WORSE,
    AssessmentInterpretation,
    glance,
)
from mobileathlete_desktop.domain.interpretation.results import FLAG_CUTOFF
from mobileathlete_desktop.domain.records import AssessmentRecord

# One symbol a flag, shared by this list, the grid's cells and the help.
FLAG_MARKS = {
    FLAG_WORSE: "↓",
    FLAG_PAIN: "✱",
    FLAG_CONTROL_DEFICIT: "◆",
    FLAG_FAULTS: "⚑",
    FLAG_BELOW_NORM: "▼",
    FLAG_ASYMMETRY: "↔",
    FLAG_CUTOFF: "▽",
    FLAG_ABOVE_NORM: "▲",
    FLAG_IMPROVED: "↑",
    FLAG_CLINICALLY_IMPORTANT: "★",
}
FLAG_NAMES = {
    FLAG_WORSE: "Worse",
    FLAG_PAIN: "Pain",
    FLAG_CONTROL_DEFICIT: "Control deficit",
    FLAG_FAULTS: "Movement faults",
    FLAG_BELOW_NORM: "Below norm",
    FLAG_ASYMMETRY: "Asymmetry",
    FLAG_CUTOFF: "Past a reference point",
    FLAG_ABOVE_NORM: "Above norm",
    FLAG_IMPROVED: "Improved",
    FLAG_CLINICALLY_IMPORTANT: "Clinically important change",
}
FLAG_SYMBOLS = {flag: f"{FLAG_MARKS[flag]} {FLAG_NAMES[flag]}" for flag in FLAG_MARKS}
# The glance order (GLANCE_ORDER) cut into what a therapist acts on first.
PRIORITY_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Worse or painful", (FLAG_WORSE, FLAG_PAIN)),
    ("Control and movement faults", (FLAG_CONTROL_DEFICIT, FLAG_FAULTS)),
    ("Norms and asymmetry", (FLAG_BELOW_NORM, FLAG_ASYMMETRY, FLAG_CUTOFF, FLAG_ABOVE_NORM)),
    ("Progress", (FLAG_IMPROVED, FLAG_CLINICALLY_IMPORTANT)),
)
OTHER_GROUP = "Other"
CHANGE_FLAGS = (FLAG_WORSE, FLAG_IMPROVED)
VISIT_WORDS = {
    "initial": "initial assessment",
    "reassessment": "re-assessment",
    "discharge": "discharge assessment",
    "screen": "screen",
    "addendum": "addendum",
}


@dataclass(frozen=True)
class FindingRow:
    """One flag: its kind (a key of FLAG_SYMBOLS or free text), a sentence and its reasons;
    `where` (code, side, mode) ties a clinically important change to its worse/improved line."""

    kind: str
    text: str
    detail: str = ""
    where: tuple[str, str, str] = ("", "", "")


def visit_words(record: AssessmentRecord) -> str:
    """'the re-assessment of 2026-04-13' (with ', draft' while it is not signed)."""
    kind = VISIT_WORDS.get(record.kind, record.kind)
    draft = ", draft" if record.status == "draft" else ""
    return f"the {kind} of {record.date.isoformat()}{draft}"


def rows_from(result: AssessmentInterpretation, *, short: bool = False) -> list[FindingRow]:
    """The glance lines of an interpretation as rows (`short`: without norms' sources)."""
    return [
        FindingRow(
            line.flag,
            (line.short or line.text) if short else line.text,
            line.detail,
            (line.code, line.side, line.mode),
        )
        for line in glance(result)
    ]


def group_rows(rows: Sequence[FindingRow]) -> list[tuple[str, list[FindingRow]]]:
    """Rows under their priority headers, in the glance order, empty groups left out.

    A clinically important change joins its worse or improved line (the reason already says
    it reaches the MCID) instead of repeating it in Progress.
    """
    changes = {row.where: row for row in rows if row.kind in CHANGE_FLAGS}
    group_of = {flag: title for title, flags in PRIORITY_GROUPS for flag in flags}
    grouped: dict[str, list[FindingRow]] = {}
    for row in rows:
        if row.kind == FLAG_CLINICALLY_IMPORTANT and row.where in changes:
            continue
        grouped.setdefault(group_of.get(row.kind, OTHER_GROUP), []).append(row)
    order = [title for title, _flags in PRIORITY_GROUPS] + [OTHER_GROUP]
    return [(title, grouped[title]) for title in order if title in grouped]


def line_text(row: FindingRow, important: bool = False) -> str:
    """'▼ Below norm: Hip flexion, left: …' (a clinically important change says so)."""
    label = FLAG_SYMBOLS.get(row.kind, row.kind)
    if important:
        label += f" {FLAG_MARKS[FLAG_CLINICALLY_IMPORTANT]}"
    return f"{label}: {row.text}"


class FindingsPanel(QFrame):
    """Flags of one assessment, grouped by priority, under a heading naming the visit."""

    def __init__(
        self,
        heading: str = "Latest findings",
        empty: str = "No flags in the latest assessment",
        accessible_name: str = "Latest findings",
    ) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(accessible_name)
        self.default_heading = heading
        self.empty = empty
        self.heading = QLabel(heading)
        self.heading.setAccessibleName(f"{accessible_name}: visit")
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.list = QListWidget()
        self.list.setAccessibleName(accessible_name)
        self.list.setWordWrap(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setUniformItemSizes(False)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.list.setSpacing(1)
        self.notes = QLabel()
        self.notes.setAccessibleName(f"{accessible_name}: notes")
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet("color: palette(placeholder-text);")
        self.notes.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.notes)
        self.set_rows([])

    def show_interpretation(
        self, result: AssessmentInterpretation, lead: str = "Findings from", *, short: bool = False
    ) -> None:
        """Shows an interpreted assessment's glance lines under '<lead> the … of <date>'."""
        visit = f"{lead} {visit_words(result.assessment)}" if result.assessment else ""
        self.set_rows(rows_from(result, short=short), visit, result.notes)

    def set_rows(
        self, rows: Sequence[FindingRow], visit: str = "", notes: Sequence[str] = ()
    ) -> None:
        """Shows these flags grouped by priority (or a line saying there are none)."""
        self.heading.setText(visit or self.default_heading)
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))
        self.list.clear()
        if not rows:
            self.list.addItem(QListWidgetItem(self.empty))
            return
        important = {row.where for row in rows if row.kind == FLAG_CLINICALLY_IMPORTANT}
        for title, members in group_rows(rows):
            self.list.addItem(self._header(title, len(members)))
            for row in members:
                text = line_text(row, row.kind in CHANGE_FLAGS and row.where in important)
                item = QListWidgetItem(text)
                item.setToolTip(row.detail or row.text)
                self.list.addItem(item)

    @staticmethod
    def _header(title: str, count: int) -> QListWidgetItem:
        item = QListWidgetItem(title)
        font = QFont(item.font())
        font.setBold(True)
        item.setFont(font)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        item.setBackground(QBrush(QColor(0, 0, 0, 18)))
        item.setData(
            Qt.ItemDataRole.AccessibleTextRole,
            f"{title}: {count} finding{'s' if count != 1 else ''}",
        )
        return item

    def texts(self) -> list[str]:
        """The lines as shown, headers included (for tests and screen readers)."""
        return [self.list.item(i).text() for i in range(self.list.count())]

    def tooltips(self) -> list[str]:
        """Each line's reasons, as shown on hover."""
        return [self.list.item(i).toolTip() for i in range(self.list.count())]
