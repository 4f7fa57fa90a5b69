"""The sign-in dialog shown before the main window (names the demo accounts only in the demo).

It can show before the clinic is open: `open_in_background` opens it on a worker thread while
the person types (this module imports no service, so the window shows before SQLAlchemy is
loaded). Enter pressed before the clinic is open waits for it, then signs in.

What the first frame needs is kept to the dialog's own widgets: the mailbox (whose import
makes PySide's `Qt` namespace, 13 ms) comes once the frame is painted, the buttons are added
to an empty box (the flags constructor's overload resolution makes that namespace too), and
`opening` lets the caller put in what can wait for the frame (the crash handler, the
collector) before the worker starts.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from mobileathlete_desktop.ui.i18n import QT_TRANSLATE_NOOP
from mobileathlete_desktop.ui.refusals import refusal_text

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent

    from mobileathlete_desktop.domain.permissions import Actor
    from mobileathlete_desktop.services.context import ServiceContext
    from mobileathlete_desktop.ui.jobs import Job

log = logging.getLogger(__name__)

DEMO_HINT = QT_TRANSLATE_NOOP(
    "SignInDialog",
    "This is the demo clinic (synthetic clients). Sign in as <b>admin</b> or "
    "<b>therapist</b>, password <b>demo</b>.",
)

NEEDS_FIRST_RUN = 2
"""exec() result: the clinic opened with no users yet (the first-run dialog comes instead)."""
OPEN_FAILED = 3
"""exec() result: the clinic could not be opened (`open_error` says why; recovery comes next)."""


@dataclass(frozen=True)
class OpenedClinic:
    """What the worker thread found: the clinic, whether anyone can sign in, whether it is
    the demo."""

    ctx: ServiceContext
    has_users: bool
    is_demo: bool
    window_modules: tuple[str, ...] = ()
    """The main window's ui modules, for the UI thread to import (commands/gui.py)."""


class _Found:
    """What the background open found (written by the worker, read on the UI thread)."""

    outcome: OpenedClinic | Exception | None = None


class SignInDialog(QDialog):
    """User name and password; the password check runs off the UI thread."""

    shown = Signal()
    """The dialog's first frame is painted (the benchmark times it)."""
    clinic_ready = Signal()
    """The clinic is open (and `before_ready` done): signing in goes straight on."""
    opening = Signal()
    """Emitted on the UI thread after the first frame, right before the worker starts."""

    def __init__(
        self,
        ctx: ServiceContext | None = None,
        parent: QWidget | None = None,
        *,
        demo_expected: bool = False,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor: Actor | None = None
        self.opened: OpenedClinic | None = None
        self.open_error: Exception | None = None
        self._job: Job[Actor] | None = None
        self._opener: Callable[[], OpenedClinic] | None = None
        self._thread: threading.Thread | None = None
        self._found = _Found()
        self._waiting = False  # Enter pressed before the clinic was ready
        self._painted = False
        self.before_ready: Callable[[Callable[[], None]], None] | None = None
        """Run on the UI thread once the clinic is open, before signing in with it; calls its
        argument when done (commands/gui.py imports the window's modules there)."""
        self.setWindowTitle(self.tr("Sign in — Mobile Athlete"))
        self.username = QLineEdit()
        self.username.setAccessibleName(self.tr("User name"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.message = QLabel()
        self.message.setAccessibleName(self.tr("Sign-in message"))
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")
        self.message.hide()
        self.demo_hint = QLabel(self.tr(DEMO_HINT))
        self.demo_hint.setWordWrap(True)
        # With --demo the hint is expected: its room is kept while the clinic opens, so
        # nothing moves when it appears.
        policy = self.demo_hint.sizePolicy()
        policy.setRetainSizeWhenHidden(ctx is None and demo_expected)
        self.demo_hint.setSizePolicy(policy)
        self.demo_hint.hide()
        form = QFormLayout()
        form.addRow(self.tr("&User name"), self.username)
        form.addRow(self.tr("&Password"), self.password)
        self.buttons = QDialogButtonBox()
        self.sign_in_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Ok)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.sign_in_button.setText(self.tr("Sign in"))
        self.buttons.accepted.connect(self.try_sign_in)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        title = QLabel("<h3>Mobile Athlete</h3>")
        layout.addWidget(title)
        self.location = QLabel(self.tr("Opening the clinic…"))
        self.location.setAccessibleName(self.tr("Clinic database"))
        self.location.setWordWrap(True)
        layout.addWidget(self.location)
        layout.addWidget(self.demo_hint)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(380)
        if ctx is not None:
            from mobileathlete_desktop.services import accounts

            self._show_clinic(ctx, accounts.clinic_is_demo(ctx.db))

    # -- the clinic, opened while the person types ------------------------------------------

    def open_in_background(self, opener: Callable[[], OpenedClinic]) -> None:
        """Opens the clinic with `opener` on a worker thread once the dialog is painted (it
        must not touch widgets). No users: the dialog ends with NEEDS_FIRST_RUN; an error:
        with OPEN_FAILED (`open_error`)."""
        self._opener = opener
        if self._painted:
            self._start_opening()

    def wait_for_open(self) -> OpenedClinic | Exception | None:
        """Waits for the worker (if one runs) and says what it found: for the caller to close
        a clinic opened after all when the dialog was cancelled."""
        if self._thread is not None:
            self._thread.join()
        return self._found.outcome

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.shown.emit()
            if self._opener is not None:
                # Once this frame is on screen: the imports then share the CPU with typing.
                QTimer.singleShot(0, self._start_opening)

    def _start_opening(self) -> None:
        if self._thread is not None or self._opener is None:
            return
        from mobileathlete_desktop.ui.mailbox import call_on_ui_thread, mailbox

        self.opening.emit()
        mailbox()  # made here, on the UI thread, before the worker posts to it
        opener, found = self._opener, self._found
        # The worker holds no widget, only a weak reference to the dialog, taken up on the UI
        # thread (a closed dialog hears nothing; the caller closes a clinic opened after all).
        dialog = weakref.ref(self)

        def answer() -> None:
            alive = dialog()
            if alive is not None and shiboken6.isValid(alive) and found.outcome is not None:
                alive._opened(found.outcome)

        def work() -> None:
            try:
                opened = opener()
                # The signed-in window reads on two connections at once (its list, its
                # panels): on a clinic server both are made here, while the person types,
                # not on the UI thread after Enter.
                opened.ctx.db.warm()
                # The sign-in is the first audited action: on a workstation with no head file
                # for the server it would ask whether the trail holds sealed events, after
                # Enter. Asked here instead (quiet on failure).
                from mobileathlete_desktop.services.audit_seal import learn_sealed

                learn_sealed(opened.ctx.db.engine)
                found.outcome = opened
            except Exception as exc:  # said on the UI thread (recovery, or a box)
                found.outcome = exc
            with contextlib.suppress(RuntimeError):  # at exit
                call_on_ui_thread(answer)

        self._thread = threading.Thread(target=work, name="open-clinic", daemon=True)
        self._thread.start()

    def _opened(self, outcome: Any) -> None:
        if isinstance(outcome, Exception):
            self.open_error = outcome
            self.done(OPEN_FAILED)
            return
        self.opened = outcome
        if not outcome.has_users:
            self.done(NEEDS_FIRST_RUN)
            return
        self._show_clinic(outcome.ctx, outcome.is_demo)
        if self.before_ready is None:
            self._ready(outcome)
        else:
            self.before_ready(lambda: self._ready(outcome))

    def _ready(self, outcome: OpenedClinic) -> None:
        if not shiboken6.isValid(self) or self.ctx is not None:
            return
        self.ctx = outcome.ctx
        self.clinic_ready.emit()
        if self._waiting:
            self._waiting = False
            self.sign_in_button.setText(self.tr("Sign in"))
            self.try_sign_in()

    def _show_clinic(self, ctx: ServiceContext, is_demo: bool) -> None:
        self.location.setText(ctx.db.location)
        self.demo_hint.setVisible(is_demo)

    # -- signing in --------------------------------------------------------------------------

    def try_sign_in(self) -> None:
        """Checks the password in the background; accepts on success, says why otherwise.
        Before the clinic is open it waits (the button says so), then goes on by itself."""
        username, password = self.username.text(), self.password.text()
        if not username.strip():
            self._show(self.tr("Type your user name"))
            self.username.setFocus()
            return
        if self.ctx is None:
            self._waiting = True
            self.sign_in_button.setText(self.tr("Opening the clinic…"))
            self.buttons.setEnabled(False)
            return
        from mobileathlete_desktop.services import accounts
        from mobileathlete_desktop.ui.jobs import Job

        self.buttons.setEnabled(False)
        ctx = self.ctx
        self._job = (
            Job(self, lambda _c: accounts.sign_in(ctx, username, password), self._signed_in)
            .failure(self._refused)
            .run()
        )

    def _signed_in(self, actor: Actor) -> None:
        self.actor = actor
        if self.ctx is not None:
            # The window comes next: on a clinic server its list's first page and an admin's
            # first steps are read while it is built, not on the UI thread (ui.read_ahead).
            from mobileathlete_desktop.ui.client_list_model import read_first_page_ahead
            from mobileathlete_desktop.ui.next_steps_panel import read_steps_ahead

            signed_in = self.ctx.as_actor(actor)
            read_first_page_ahead(signed_in)
            read_steps_ahead(signed_in)
        self.buttons.setEnabled(True)
        self.accept()

    def _refused(self, error: Exception) -> None:
        self.buttons.setEnabled(True)
        self.password.clear()
        self.password.setFocus()
        self._show(self._why(error))

    def _why(self, error: Exception) -> str:
        """One sentence for the person: never a SQL statement or a traceback."""
        from mobileathlete_desktop.services.context import InputError
        from mobileathlete_desktop.services.errors import StorageBusy, StorageError

        if isinstance(error, StorageBusy):
            return self.tr("The clinic database is busy; try again in a moment.")
        if isinstance(error, (StorageError, InputError, PermissionError)):
            # The service's own sentence (wrong password, disk full...), in the window's
            # language where its rule is known (ui/refusals).
            return refusal_text(error)
        log.error("Sign-in failed", exc_info=error)
        return self.tr("Signing in failed unexpectedly; the details are in the program's log.")

    def _show(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    @classmethod
    def ask(cls, ctx: ServiceContext, parent: QWidget | None = None) -> Actor | None:
        """Shows the dialog until someone signs in (the actor) or cancels (None)."""
        dialog = cls(ctx, parent)
        dialog.exec()
        return dialog.actor
