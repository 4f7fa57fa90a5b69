"""A table model of clients for the searchable list (rows come from the clients service)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from mobileathlete_desktop.domain.records import ClientRecord
from mobileathlete_desktop.services import clients as client_service
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui import read_ahead
from mobileathlete_desktop.ui.i18n import QT_TRANSLATE_NOOP

Index = QModelIndex | QPersistentModelIndex
COLUMNS = (
    QT_TRANSLATE_NOOP("ClientListModel", "Name"),
    QT_TRANSLATE_NOOP("ClientListModel", "Chart"),
    QT_TRANSLATE_NOOP("ClientListModel", "Born"),
)


ORDERS: tuple[client_service.SearchOrder, ...] = ("name", "chart", "born")
# Rows fetched at a time: the first page answers a keystroke; scrolling fetches the next.
PAGE = 100
FIRST_PAGE = "the list's first page"


def read_first_page_ahead(ctx: ServiceContext) -> None:
    """Starts reading the list's first page (no words, everyday clients, by name: what a
    signed-in window shows first) on a thread (ui.read_ahead): the window's first `refresh`
    takes it instead of waiting for a clinic server on the UI thread."""
    read_ahead.start(
        FIRST_PAGE,
        ctx,
        lambda: client_service.search_clients(ctx, "", limit=PAGE + 1, order=ORDERS[0]),
    )


_FIRST_SORT = (0, Qt.SortOrder.AscendingOrder)


class ClientListModel(QAbstractTableModel):
    """Clients as rows: name, chart number, date of birth; `refresh` asks the service.

    A search that matches thousands of clients loads them a page at a time as the list is
    scrolled (canFetchMore / fetchMore), sorted by the database, so typing stays instant.
    """

    def __init__(self, ctx: ServiceContext | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._clients: list[ClientRecord] = []
        self._sort: tuple[int, Qt.SortOrder] = _FIRST_SORT
        self._text = ""
        self._include_archived = False
        self._more = False
        self._loaded = False

    def refresh(self, text: str = "", *, include_archived: bool = False) -> None:
        """Runs the search through the clients service and shows its first page."""
        if self.ctx is None:
            return
        self._text, self._include_archived = text, include_archived
        self._loaded = True
        ahead: list[ClientRecord] | None = None
        if not text and not include_archived and self._sort == _FIRST_SORT:
            _taken, ahead = read_ahead.take(FIRST_PAGE, self.ctx)  # read as the sign-in ended
        self.beginResetModel()
        if ahead is not None:
            self._more = len(ahead) > PAGE
            self._clients = ahead[:PAGE]
        else:
            self._clients = self._page(0)
        self.endResetModel()

    def _page(self, offset: int) -> list[ClientRecord]:
        assert self.ctx is not None
        column, order = self._sort
        rows = client_service.search_clients(
            self.ctx,
            self._text,
            include_archived=self._include_archived,
            limit=PAGE + 1,
            offset=offset,
            order=ORDERS[column] if 0 <= column < len(ORDERS) else "name",
            descending=order == Qt.SortOrder.DescendingOrder,
        )
        self._more = len(rows) > PAGE
        return rows[:PAGE]

    def total(self) -> int:
        """How many clients the current search finds (loaded or not)."""
        if self.ctx is None:
            return len(self._clients)
        if not self._more:
            return len(self._clients)
        return client_service.count_clients(
            self.ctx, self._text, include_archived=self._include_archived
        )

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._more:
            return
        more = self._page(len(self._clients))
        if more:
            first = len(self._clients)
            self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
            self._clients.extend(more)
            self.endInsertRows()

    def set_clients(self, clients: list[ClientRecord]) -> None:
        """Replaces the rows with these (no database; for previews and tests)."""
        self.beginResetModel()
        self._clients = list(clients)
        self._more = False
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # The view sorts while it is set up (sorting turned on, the first column chosen):
        # before the first search, or to the order already shown, there is nothing to read.
        same = (column, order) == self._sort
        self._sort = (column, order)
        if self.ctx is None or not self._loaded or same:
            return
        self.refresh(self._text, include_archived=self._include_archived)

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
                if client.archived:
                    return self.tr("{name} (archived)").format(name=client.sorted_name)
                return client.sorted_name
            if col == 1:
                return client.chart_number
            if col == 2:
                return client.date_of_birth.isoformat() if client.date_of_birth else ""
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section])
        return None
