"""Findings at a glance: one line a flag with a symbol and words (not colour alone), grouped by
priority under headers, and a heading naming the visit they describe.

The panel takes plain rows (`FindingRow`) or a whole interpretation (`show_interpretation`),
fed from `domain.interpretation.glance`: the same reasons the summary and the reports print.
The grid's cell markers use the same symbols (`FLAG_MARKS`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QLocale, Qt
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
from mobileathlete_desktop.support.languages import language_code
from mobileathlete_desktop.ui.i18n import QT_TRANSLATE_NOOP

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
# English names (the tables stay English for other modules); `flag_name` says them in the
# window's language.
FLAG_NAMES = {
    FLAG_WORSE: QT_TRANSLATE_NOOP("Findings", "Worse"),
    FLAG_PAIN: QT_TRANSLATE_NOOP("Findings", "Pain"),
    FLAG_CONTROL_DEFICIT: QT_TRANSLATE_NOOP("Findings", "Control deficit"),
    FLAG_FAULTS: QT_TRANSLATE_NOOP("Findings", "Movement faults"),
    FLAG_BELOW_NORM: QT_TRANSLATE_NOOP("Findings", "Below norm"),
    FLAG_ASYMMETRY: QT_TRANSLATE_NOOP("Findings", "Asymmetry"),
    FLAG_CUTOFF: QT_TRANSLATE_NOOP("Findings", "Past a reference point"),
    FLAG_ABOVE_NORM: QT_TRANSLATE_NOOP("Findings", "Above norm"),
    FLAG_IMPROVED: QT_TRANSLATE_NOOP("Findings", "Improved"),
    FLAG_CLINICALLY_IMPORTANT: QT_TRANSLATE_NOOP("Findings", "Clinically important change"),
}
FLAG_SYMBOLS = {flag: f"{FLAG_MARKS[flag]} {FLAG_NAMES[flag]}" for flag in FLAG_MARKS}
# The glance order (GLANCE_ORDER) cut into what a therapist acts on first.
PRIORITY_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (QT_TRANSLATE_NOOP("Findings", "Worse or painful"), (FLAG_WORSE, FLAG_PAIN)),
    (
        QT_TRANSLATE_NOOP("Findings", "Control and movement faults"),
        (FLAG_CONTROL_DEFICIT, FLAG_FAULTS),
    ),
    (
        QT_TRANSLATE_NOOP("Findings", "Norms and asymmetry"),
        (FLAG_BELOW_NORM, FLAG_ASYMMETRY, FLAG_CUTOFF, FLAG_ABOVE_NORM),
    ),
    (QT_TRANSLATE_NOOP("Findings", "Progress"), (FLAG_IMPROVED, FLAG_CLINICALLY_IMPORTANT)),
)
OTHER_GROUP = QT_TRANSLATE_NOOP("Findings", "Other")
CHANGE_FLAGS = (FLAG_WORSE, FLAG_IMPROVED)
VISIT_WORDS = {
    "initial": QT_TRANSLATE_NOOP("Findings", "the initial assessment of {date}"),
    "reassessment": QT_TRANSLATE_NOOP("Findings", "the re-assessment of {date}"),
    "discharge": QT_TRANSLATE_NOOP("Findings", "the discharge assessment of {date}"),
    "screen": QT_TRANSLATE_NOOP("Findings", "the screen of {date}"),
    "addendum": QT_TRANSLATE_NOOP("Findings", "the addendum of {date}"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Findings", text)


def flag_name(flag: str) -> str:
    """A flag's name in the window's language ("Below norm")."""
    return _tr(FLAG_NAMES[flag]) if flag in FLAG_NAMES else flag


def flag_symbol(flag: str) -> str:
    """A flag's symbol and name in the window's language ("▼ Below norm")."""
    return f"{FLAG_MARKS[flag]} {flag_name(flag)}" if flag in FLAG_MARKS else flag


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
    day = record.date.isoformat()
    known = VISIT_WORDS.get(record.kind)
    words = _tr(known).format(date=day) if known else f"{record.kind} {day}"
    if record.status == "draft":
        words = QCoreApplication.translate("Findings", "{visit}, draft").format(visit=words)
    return words


def rows_from(result: AssessmentInterpretation, *, short: bool = False) -> list[FindingRow]:
    """The glance lines of an interpretation as rows (`short`: without norms' sources), in
    the window's language (the default QLocale, as `measure_grid.window_lang` reads it)."""
    lang = language_code(QLocale().name())
    return [
        FindingRow(
            line.flag,
            (line.short or line.text) if short else line.text,
            line.detail,
            (line.code, line.side, line.mode),
        )
        for line in glance(result, lang)
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
    label = flag_symbol(row.kind)
    if important:
        label += f" {FLAG_MARKS[FLAG_CLINICALLY_IMPORTANT]}"
    return f"{label}: {row.text}"


class FindingsPanel(QFrame):
    """Flags of one assessment, grouped by priority, under a heading naming the visit."""

    def __init__(
        self,
        heading: str = "",
        empty: str = "",
        accessible_name: str = "",
    ) -> None:
        super().__init__()
        heading = heading or self.tr("Latest findings")
        empty = empty or self.tr("No flags in the latest assessment")
        accessible_name = accessible_name or self.tr("Latest findings")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(accessible_name)
        self.default_heading = heading
        self.empty = empty
        self.heading = QLabel(heading)
        self.heading.setAccessibleName(self.tr("{name}: visit").format(name=accessible_name))
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
        self.notes.setAccessibleName(self.tr("{name}: notes").format(name=accessible_name))
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
        self, result: AssessmentInterpretation, lead: str = "", *, short: bool = False
    ) -> None:
        """Shows an interpreted assessment's glance lines under '<lead> the … of <date>'
        (`lead` holds {visit}; by default 'Findings from {visit}')."""
        lead = lead or self.tr("Findings from {visit}")
        visit = lead.format(visit=visit_words(result.assessment)) if result.assessment else ""
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
            self.list.addItem(self._header(_tr(title), len(members)))
            for row in members:
                text = line_text(row, row.kind in CHANGE_FLAGS and row.where in important)
                item = QListWidgetItem(text)
                item.setToolTip(row.detail or row.text)
                self.list.addItem(item)

    def _header(self, title: str, count: int) -> QListWidgetItem:
        item = QListWidgetItem(title)
        font = QFont(item.font())
        font.setBold(True)
        item.setFont(font)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        item.setBackground(QBrush(QColor(0, 0, 0, 18)))
        item.setData(
            Qt.ItemDataRole.AccessibleTextRole,
            (
                self.tr("{title}: 1 finding")
                if count == 1
                else self.tr("{title}: {count} findings")
            ).format(title=title, count=count),
        )
        return item

    def texts(self) -> list[str]:
        """The lines as shown, headers included (for tests and screen readers)."""
        return [self.list.item(i).text() for i in range(self.list.count())]

    def tooltips(self) -> list[str]:
        """Each line's reasons, as shown on hover."""
        return [self.list.item(i).toolTip() for i in range(self.list.count())]
