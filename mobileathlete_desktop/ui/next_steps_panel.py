"""After the first start: a short panel with the admin's next steps, until they are done."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.setup_steps import SetupSteps, setup_steps
from mobileathlete_desktop.ui import read_ahead

SETUP_STEPS = "an admin's first steps"


def read_steps_ahead(ctx: ServiceContext) -> None:
    """Starts reading an admin's first steps on a thread (ui.read_ahead): the signed-in
    window's panel takes them instead of waiting for a clinic server on the UI thread."""
    if ctx.actor.can("users.manage"):
        read_ahead.start(SETUP_STEPS, ctx, lambda: setup_steps(ctx))


class NextStepsPanel(QFrame):
    """Add therapists, import clients, set the backup folder: each with a button and whether
    it is done; hidden once all are done, or when the admin hides it for this session."""

    add_therapists = Signal()
    import_clients = Signal()
    set_backup_folder = Signal()

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dismissed = False
        self.steps: SetupSteps | None = None
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Next steps"))
        title = QLabel("<b>{}</b>".format(self.tr("Next steps for a new clinic")))
        self.therapists_button = QPushButton(self.tr("Add &therapists…"))
        # Every letter of "Import clients" is taken on the client page (Archive, Clinic, Edit,
        # Measure, Overview, Progress, Report…): this one is reached by Tab or File ▸ Import.
        self.import_button = QPushButton(self.tr("Import clients…"))
        self.import_button.setToolTip(self.tr("The same as File ▸ Import from CSV… (Alt+F, I)"))
        self.backup_button = QPushButton(self.tr("Set the back&up folder…"))
        self.hide_button = QPushButton(self.tr("Hi&de these steps"))
        self.hide_button.setFlat(True)
        self.therapists_state = QLabel()
        self.import_state = QLabel()
        self.backup_state = QLabel()
        self.therapists_button.clicked.connect(self.add_therapists.emit)
        self.import_button.clicked.connect(self.import_clients.emit)
        self.backup_button.clicked.connect(self.set_backup_folder.emit)
        self.hide_button.clicked.connect(self.dismiss)
        head = QHBoxLayout()
        head.addWidget(title, 1)
        head.addWidget(self.hide_button)
        grid = QGridLayout(self)
        grid.addLayout(head, 0, 0, 1, 2)
        for row, (button, state) in enumerate(
            (
                (self.therapists_button, self.therapists_state),
                (self.import_button, self.import_state),
                (self.backup_button, self.backup_state),
            ),
            start=1,
        ):
            state.setWordWrap(True)
            grid.addWidget(button, row, 0)
            grid.addWidget(state, row, 1)
        grid.setColumnStretch(1, 1)
        taken, steps = read_ahead.take(SETUP_STEPS, ctx)  # read as the sign-in succeeded
        self._show(steps if taken else setup_steps(ctx))

    def refresh(self) -> None:
        """Re-reads how far the clinic is; hides the panel once every step is done."""
        self._show(setup_steps(self.ctx))

    def _show(self, steps: SetupSteps | None) -> None:
        self.steps = steps
        if steps is None or steps.done or self.dismissed:
            self.hide()
            return
        n = steps.therapists
        if n == 0:
            therapists = self.tr(
                "No therapist accounts yet: each therapist signs in with their own."
            )
        elif n == 1:
            therapists = self.tr("✓ 1 therapist can sign in")
        else:
            therapists = self.tr("✓ {n} therapists can sign in").format(n=n)
        self.therapists_state.setText(therapists)
        c = steps.clients
        if c == 0:
            clients = self.tr(
                "No clients yet: import them from a CSV file, or add them one by one."
            )
        elif c == 1:
            clients = self.tr("✓ 1 client")
        else:
            clients = self.tr("✓ {n} clients").format(n=QLocale().toString(c))
        self.import_state.setText(clients)
        self.backup_state.setText(
            self.tr("✓ Backups go to {folder}").format(folder=steps.backup_folder)
            if steps.backup_folder_chosen
            else self.tr("Backups go beside the database for now: choose another disk if you can.")
        )
        self.show()

    def dismiss(self) -> None:
        """Hides the panel for this session."""
        self.dismissed = True
        self.hide()
