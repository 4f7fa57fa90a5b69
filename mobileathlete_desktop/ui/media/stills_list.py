"""The stills already kept with this visit's values: open one again (its picture with the
points as they were placed) or remove it from a draft visit."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mobileathlete_desktop.services import media as media_service
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.measure_grid.markers import window_lang


class StillsList(QGroupBox):
    """A visit's stills, newest last; Enter or 'Open' shows one, Delete or 'Remove' removes."""

    open_requested = Signal(object)  # the ImageRecord to show again
    removed = Signal()

    def __init__(self, ctx: ServiceContext, assessment_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Stills in this visit"))
        self.ctx, self.assessment_id = ctx, assessment_id
        self.read_only = False
        self.items = QListWidget()
        self.items.setAccessibleName(self.tr("Stills in this visit"))
        self.items.itemActivated.connect(lambda _item: self.open_chosen())
        self.open_button = QPushButton(self.tr("Open again"))
        self.open_button.clicked.connect(self.open_chosen)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove_chosen)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.remove_button)
        column = QVBoxLayout(self)
        column.addWidget(self.items)
        column.addLayout(buttons)
        self.items.setMaximumHeight(110)

    @classmethod
    def confirm(cls, parent: QWidget, text: str) -> bool:
        """Asks before removing (a test may replace it)."""
        answer = QMessageBox.question(parent, "Mobile Athlete", text)
        return answer == QMessageBox.StandardButton.Yes

    def refresh(self, *, read_only: bool) -> None:
        """Reads the visit's stills again."""
        self.read_only = read_only
        self.items.clear()
        lang = window_lang()
        for still in media_service.list_stills(self.ctx, self.assessment_id):
            measure = self.ctx.catalogue.measures.get(still.code)
            label = measure.label_in(lang) if measure is not None else still.code
            value = "" if still.value is None else f" {still.value:g}"
            unit = "" if measure is None else measure.unit_label
            where = " ".join(w for w in (still.side, still.mode) if w != "none")
            item = QListWidgetItem(f"{label} {where}:{value}{unit} ({still.kind})")
            item.setData(Qt.ItemDataRole.UserRole, still)
            self.items.addItem(item)
        self.setVisible(self.items.count() > 0)
        self.remove_button.setEnabled(not read_only)

    def _chosen(self) -> media_service.ImageRecord | None:
        item = self.items.currentItem()
        still = None if item is None else item.data(Qt.ItemDataRole.UserRole)
        return still if isinstance(still, media_service.ImageRecord) else None

    def open_chosen(self) -> None:
        """Asks the window to show the chosen still with its points."""
        still = self._chosen()
        if still is not None:
            self.open_requested.emit(still)

    def remove_chosen(self) -> None:
        """Removes the chosen still after a question (its value stays in the grid)."""
        still = self._chosen()
        if still is None or self.read_only:
            return
        if not self.confirm(
            self,
            self.tr(
                "Remove this still from the visit? The value it gave stays in the grid; "
                "clear it there if it should go too."
            ),
        ):
            return
        media_service.remove_still(self.ctx, self.assessment_id, still.id)
        self.refresh(read_only=self.read_only)
        self.removed.emit()
