"""A table model of clients for the searchable list (rows come from the clients service)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from mobileathlete_desktop.domain.records import ClientRecord

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Name", "Chart", "Born")


class ClientListModel(QAbstractTableModel):
    """Clients as rows: name, chart number, date of birth."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._clients: list[ClientRecord] = []

    def set_clients(self, clients: list[ClientRecord]) -> None:
        """Replaces the rows."""
        self.beginResetModel()
        self._clients = list(clients)
        self.endResetModel()

    def client_at(self, row: int) -> ClientRecord | None:
        """The client shown in that row, or None."""
        return self._clients[row] if 0 <= row < len(self._clients) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._clients)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        client = self._clients[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            col = index.column()
            if col == 0:
                return client.sorted_name + (" (archived)" if client.archived else "")
            if col == 1:
                return client.chart_number
            if col == 2:
                return client.date_of_birth.isoformat() if client.date_of_birth else ""
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None
