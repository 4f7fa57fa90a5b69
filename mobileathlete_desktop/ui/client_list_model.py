"""A table model of clients for the searchable list (rows come from the clients service)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from mobileathlete_desktop.domain.records import ClientRecord
from mobileathlete_desktop.services import clients as client_service
from mobileathlete_desktop.services.context import ServiceContext

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Name", "Chart", "Born")


def _sort_key(column: int) -> Any:
    if column == 1:
        return lambda c: c.chart_number.lower()
    if column == 2:
        return lambda c: c.date_of_birth.isoformat() if c.date_of_birth else ""
    return lambda c: (c.family_name.lower(), c.given_name.lower())


class ClientListModel(QAbstractTableModel):
    """Clients as rows: name, chart number, date of birth; `refresh` asks the service."""

    def __init__(self, ctx: ServiceContext | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._clients: list[ClientRecord] = []
        self._sort: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.AscendingOrder)

    def refresh(self, text: str = "", *, include_archived: bool = False) -> None:
        """Runs the search through the clients service and shows the result, sorted."""
        if self.ctx is None:
            return
        found = client_service.search_clients(self.ctx, text, include_archived=include_archived)
        self.set_clients(found)

    def set_clients(self, clients: list[ClientRecord]) -> None:
        """Replaces the rows (kept in the current sort order)."""
        self.beginResetModel()
        column, order = self._sort
        self._clients = sorted(
            clients, key=_sort_key(column), reverse=order == Qt.SortOrder.DescendingOrder
        )
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        self._clients.sort(key=_sort_key(column), reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()

    def client_at(self, row: int) -> ClientRecord | None:
        """The client shown in that row, or None."""
        return self._clients[row] if 0 <= row < len(self._clients) else None

    def row_of(self, client_id: int) -> int:
        """The row showing that client, or -1."""
        return next((r for r, c in enumerate(self._clients) if c.id == client_id), -1)

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
