"""The client's page follows the open editors' saves cheaply (issue 22).

A value or painful mark typed in an editor shows in its visit's row from the editor's own
record at once (no read); the page is read again (findings, Progress) when the main window is
activated, the editor closes or typing pauses (PAGE_IDLE_REFRESH_MS), once for a burst of
saves. What changes the list itself (signed, an addendum) is read at once
(PAGE_REFRESH_DELAY_MS). Another client's visit costs the page nothing: it is read when that
client is chosen.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMainWindow

if TYPE_CHECKING:
    from mobileathlete_desktop.ui.client_page import ClientPage

PAGE_REFRESH_DELAY_MS = 300
PAGE_IDLE_REFRESH_MS = 2000
"""An open editor's saves are read into the client's page once typing has paused this long
(or at once when the main window is looked at, or when the editor closes): not after every
value, while the next one is typed (issue 22)."""


class PageFollower(QObject):
    """Keeps the main window's client page in step with the editors it opened (`editors`:
    its open editors by assessment id). The window is not held here (its child)."""

    def __init__(self, window: QMainWindow, page: ClientPage) -> None:
        super().__init__(window)
        self._window = weakref.ref(window)
        self.page = page
        self.timer = QTimer(self, singleShot=True, interval=PAGE_REFRESH_DELAY_MS)
        self.timer.timeout.connect(self.refresh)
        self.idle_timer = QTimer(self, singleShot=True, interval=PAGE_IDLE_REFRESH_MS)
        self.idle_timer.timeout.connect(self._refresh_if_seen)
        self.stale_client: int | None = None
        """The client whose page an open editor saved into since it was read (the visit's row
        shows the editor's count of values already); None when the page is up to date."""

    def _editors(self) -> dict[int, Any]:
        window = self._window()
        return getattr(window, "editors", {}) if window is not None else {}

    def editor_closed(self, editor: Any) -> None:
        """An editor closed: the page is read again if it shows that editor's client."""
        record = getattr(editor, "record", None)  # None until the editor has read its visit
        if record is None or record.client_id == self.page.client_id:
            self.stale_client = self.page.client_id
            self.timer.start()  # or at once, if the window is activated first

    def assessment_changed(self, assessment_id: int) -> None:
        """An open editor saved: its visit's row follows at once, the page later."""
        editor = self._editors().get(assessment_id)
        record = getattr(editor, "record", None)
        if record is None:  # not an open editor's (or not read yet): read the page again
            self.stale_client = self.page.client_id
            self.timer.start()
            return
        if record.client_id != self.page.client_id:
            return
        self.stale_client = record.client_id
        if self.page.follow_visit(record):
            self.idle_timer.start()  # restarted by every save: once typing pauses
        else:
            self.timer.start()  # many quick saves, one refresh of the page

    def activated(self) -> None:
        """The window was activated: the therapist looks at the page (back from the editor),
        so it shows what the editor saved since it was read."""
        if self.stale():
            self.refresh()

    def _refresh_if_seen(self) -> None:
        window = self._window()
        seen = window is not None and window.isVisible() and not window.isMinimized()
        if self.stale() and seen:
            self.refresh()

    def stale(self) -> bool:
        """Whether an editor saved into the shown client's page since it was read."""
        return self.stale_client is not None and self.stale_client == self.page.client_id

    def refresh(self) -> None:
        """Reads the shown client's page again (not audited as an opening)."""
        self.stale_client = None
        self.timer.stop()
        self.idle_timer.stop()
        if self.page.client_id is not None:
            self.page.show_client(self.page.client_id, audit=False)
