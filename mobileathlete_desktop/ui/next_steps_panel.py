"""After the first start: a short panel with the admin's next steps, until they are done."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.setup_steps import SetupSteps, setup_steps


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
        self.setAccessibleName("Next steps")
        title = QLabel("<b>Next steps for a new clinic</b>")
        self.therapists_button = QPushButton("Add &therapists…")
        # Every letter of "Import clients" is taken on the client page (Archive, Clinic, Edit,
        # Measure, Overview, Progress, Report…): this one is reached by Tab or File ▸ Import.
        self.import_button = QPushButton("Import clients…")
        self.import_button.setToolTip("The same as File ▸ Import from CSV… (Alt+F, I)")
        self.backup_button = QPushButton("Set the back&up folder…")
        self.hide_button = QPushButton("Hi&de these steps")
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
        self.refresh()

    def refresh(self) -> None:
        """Re-reads how far the clinic is; hides the panel once every step is done."""
        self.steps = setup_steps(self.ctx)
        steps = self.steps
        if steps is None or steps.done or self.dismissed:
            self.hide()
            return
        n = steps.therapists
        self.therapists_state.setText(
            f"✓ {n} therapist{'s' if n != 1 else ''} can sign in"
            if n
            else "No therapist accounts yet: each therapist signs in with their own."
        )
        c = steps.clients
        self.import_state.setText(
            f"✓ {c:,} client{'s' if c != 1 else ''}"
            if c
            else "No clients yet: import them from a CSV file, or add them one by one."
        )
        self.backup_state.setText(
            f"✓ Backups go to {steps.backup_folder}"
            if steps.backup_folder_chosen
            else "Backups go beside the database for now: choose another disk if you can."
        )
        self.show()

    def dismiss(self) -> None:
        """Hides the panel for this session."""
        self.dismissed = True
        self.hide()
