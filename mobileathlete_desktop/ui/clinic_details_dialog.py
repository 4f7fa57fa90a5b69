"""Clinic ▸ Clinic details (admins): the letterhead printed on every report and handout (name,
address, phone, email, logo) and the paper they print on."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mobileathlete_desktop.services import clinic_details as service
from mobileathlete_desktop.services.clinic_details import ClinicChanges, ClinicDetails
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.jobs import Job, JobControl
from mobileathlete_desktop.ui.refusals import refusal_text
from mobileathlete_desktop.ui.screen_fit import fit_to_screen

ERROR_STYLE = "color: #b00020"
PREVIEW = QSize(200, 110)
"""The logo's preview box (pixels): the letterhead's 34 × 20 mm at about 150 dpi."""


class ClinicDetailsDialog(QDialog):
    """Name, address, phone, email, logo (chosen or removed, with a preview) and paper size;
    read and saved off the UI thread. Save needs an admin; others see the details only."""

    saved = Signal(str)
    """The details were saved (the clinic's name as saved)."""

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.loaded: ClinicDetails | None = None
        self.logo: bytes | None = None
        self.logo_name = ""
        self.logo_changed = False
        self._job: Job[Any] | None = None
        self.preview_dialog: LetterheadPreview | None = None
        self.setWindowTitle(self.tr("Clinic details — Mobile Athlete"))
        self.editable = ctx.actor.can("settings.write")
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Printed at the top of every report and handout. The paper size sets the "
                "page of every document the clinic prints."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(self._fields())
        layout.addWidget(self._logo_box())
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.preview_button = self.buttons.addButton(
            self.tr("Pre&view letterhead…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.preview_button.clicked.connect(self.preview_letterhead)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        self.save_button.setDefault(True)
        self.save_button.setVisible(self.editable)
        self._set_enabled(False)
        fit_to_screen(self, QSize(620, 480))
        self._say(self.tr("Reading the clinic's details…"))
        self._job = Job(self, lambda _c: service.get_clinic_details(ctx), self._loaded).failure(
            self._failed
        )
        self._job.run()

    # -- layout ---------------------------------------------------------------------------------

    def _fields(self) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Required"))
        self.address = QPlainTextEdit()
        self.address.setTabChangesFocus(True)  # Tab moves on, as in every other field
        lines = self.address.fontMetrics().lineSpacing()
        self.address.setFixedHeight(lines * 4 + 14)
        self.address.setPlaceholderText(self.tr("Street, town, postcode (up to 5 lines)"))
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.paper = QComboBox()
        self.paper.addItem(self.tr("A4 (210 × 297 mm)"), "A4")
        self.paper.addItem(self.tr("US Letter (8.5 × 11 in)"), "Letter")
        for text, widget in (
            (self.tr("Clinic &name:"), self.name),
            (self.tr("&Address:"), self.address),
            (self.tr("&Phone:"), self.phone),
            (self.tr("&Email:"), self.email),
            (self.tr("Paper si&ze:"), self.paper),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        return form

    def _logo_box(self) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 4, 0, 4)
        self.preview = QLabel()
        self.preview.setFixedSize(PREVIEW)
        self.preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setAccessibleName(self.tr("Logo preview"))
        row.addWidget(self.preview)
        side = QVBoxLayout()
        title = QLabel(self.tr("Logo (PNG or JPEG, at most 1 MB)"))
        self.logo_info = QLabel()
        self.logo_info.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("&Choose logo…"))
        self.choose_button.clicked.connect(self.choose_logo)
        self.remove_button = QPushButton(self.tr("&Remove logo"))
        self.remove_button.clicked.connect(self.remove_logo)
        side.addWidget(title)
        side.addWidget(self.logo_info)
        side.addWidget(self.choose_button)
        side.addWidget(self.remove_button)
        side.addStretch(1)
        row.addLayout(side, 1)
        return box

    # -- state ----------------------------------------------------------------------------------

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(("⚠ " if error else "") + text)

    def _set_enabled(self, enabled: bool) -> None:
        editable = enabled and self.editable
        for line in (self.name, self.phone, self.email):
            line.setReadOnly(not editable)
        self.address.setReadOnly(not editable)
        for widget in (self.paper, self.choose_button, self.save_button):
            widget.setEnabled(editable)
        self.remove_button.setEnabled(editable and self.logo is not None)
        self.preview_button.setEnabled(enabled)

    @property
    def busy(self) -> bool:
        """Whether a read, a logo or a save is under way."""
        return self._job is not None

    def _show_logo(self) -> None:
        pixmap = QPixmap()
        if self.logo and pixmap.loadFromData(self.logo):
            shown = pixmap.scaled(
                PREVIEW - QSize(8, 8),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            self.preview.setPixmap(shown)
            info = self.tr("{width} × {height} pixels").format(
                width=pixmap.width(), height=pixmap.height()
            )
            if self.logo_name:
                info = f"{self.logo_name} — {info}"
            self.logo_info.setText(info)
        else:
            self.preview.clear()
            self.preview.setText(self.tr("No logo"))
            self.logo_info.setText(self.tr("Reports show the clinic's name alone."))
        self.remove_button.setEnabled(self.editable and self.logo is not None)

    def _loaded(self, details: ClinicDetails) -> None:
        self._job = None
        self.loaded = details
        self.name.setText(details.name)
        self.address.setPlainText(details.address)
        self.phone.setText(details.phone)
        self.email.setText(details.email)
        self.paper.setCurrentIndex(max(0, self.paper.findData(details.paper_size)))
        self.logo, self.logo_name, self.logo_changed = details.logo, "", False
        self._show_logo()
        self._set_enabled(True)
        if self.editable:
            self._say("")
            self.name.setFocus()
        else:
            self._say(self.tr("Only an administrator can change the clinic's details."))

    def _failed(self, exc: Exception) -> None:
        self._job = None
        self._set_enabled(self.loaded is not None)
        self._say(refusal_text(exc), error=True)

    # -- logo -----------------------------------------------------------------------------------

    @staticmethod
    def choose_file(parent: QWidget) -> str:
        """Asks for a picture file ('' if cancelled); tests replace this."""
        title = QCoreApplication.translate("ClinicDetailsDialog", "Choose the clinic's logo")
        pattern = QCoreApplication.translate("ClinicDetailsDialog", "Pictures (*.png *.jpg *.jpeg)")
        return QFileDialog.getOpenFileName(parent, title, "", pattern)[0]

    def choose_logo(self) -> None:
        """Reads and checks a picture off the UI thread, then shows it (saved with Save)."""
        chosen = self.choose_file(self)
        if not chosen:
            return
        path = Path(chosen)
        self._set_enabled(False)
        self._say(self.tr("Reading {file}…").format(file=path.name))

        def done(logo: bytes) -> None:
            self._job = None
            self.logo, self.logo_name, self.logo_changed = logo, path.name, True
            self._show_logo()
            self._set_enabled(True)
            self._say(self.tr("The new logo is kept when you save."))
            self.choose_button.setFocus()

        def work(_control: JobControl) -> bytes:
            return service.load_logo_file(path)

        self._job = Job(self, work, done).failure(self._failed).run()

    def remove_logo(self) -> None:
        """Takes the logo off (saved with Save)."""
        self.logo, self.logo_name, self.logo_changed = None, "", True
        self._show_logo()
        self._say(self.tr("The logo is removed when you save."))
        self.choose_button.setFocus()

    # -- preview --------------------------------------------------------------------------------

    def preview_letterhead(self) -> None:
        """Shows the top of a page as the form would print it (nothing saved), on its paper."""
        if self.busy or self.loaded is None:
            return
        changes, ctx = self.changes(), self.ctx
        self._set_enabled(False)
        self._say(self.tr("Drawing the letterhead…"))

        def work(_control: JobControl) -> QImage:
            return top_of_page(service.letterhead_preview(ctx, changes))

        def done(image: QImage) -> None:
            self._job = None
            self._set_enabled(True)
            self._say("")
            self.preview_dialog = LetterheadPreview(image, self)
            self.preview_dialog.open()

        self._job = Job(self, work, done).failure(self._failed).run()

    # -- save -----------------------------------------------------------------------------------

    def changes(self) -> ClinicChanges:
        """What the form holds, as the service takes it."""
        return ClinicChanges(
            name=self.name.text(),
            address=self.address.toPlainText(),
            phone=self.phone.text(),
            email=self.email.text(),
            paper_size=str(self.paper.currentData()),
            logo=self.logo if self.logo_changed and self.logo is not None else None,
            logo_name=self.logo_name,
            remove_logo=self.logo_changed and self.logo is None,
        )

    def save(self) -> None:
        """Saves off the UI thread; closes when saved, else says why and stays open."""
        if self.busy or not self.editable or self.loaded is None:
            return
        if not self.name.text().strip():
            self._say(self.tr("Type the clinic's name."), error=True)
            self.name.setFocus()
            return
        changes, ctx = self.changes(), self.ctx
        revision = self.loaded.revision
        self._set_enabled(False)
        self._say(self.tr("Saving…"))

        def work(_control: JobControl) -> ClinicDetails:
            return service.update_clinic_details(ctx, changes, expected_revision=revision)

        def done(saved: ClinicDetails) -> None:
            self._job = None
            self.loaded = saved
            self.saved.emit(saved.name)
            self.accept()

        self._job = Job(self, work, done).failure(self._failed).run()


PREVIEW_DPI = 110
TOP_SHARE = 0.25
"""How much of the page's height the preview shows: the letterhead and some room under it."""


def top_of_page(pdf: bytes) -> QImage:
    """The first page's top (TOP_SHARE of it) drawn at PREVIEW_DPI (off the UI thread)."""
    import tempfile

    from mobileathlete_desktop.ui.print_support import render_pages

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "letterhead.pdf"
        path.write_bytes(pdf)
        image = next(render_pages(path, PREVIEW_DPI, [0]))
    return image.copy(0, 0, image.width(), int(image.height() * TOP_SHARE))


class LetterheadPreview(QDialog):
    """The top of a page with the letterhead, as it will print (scaled to fit the screen)."""

    def __init__(self, image: QImage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Letterhead preview — Mobile Athlete"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        self.picture = QLabel()
        self.picture.setAccessibleName(self.tr("The letterhead as it will print"))
        self.picture.setFrameShape(QFrame.Shape.StyledPanel)
        self.picture.setStyleSheet("background: white")
        size = fit_to_screen(self, QSize(image.width() + 40, image.height() + 90))
        shown = QPixmap.fromImage(image).scaled(
            size - QSize(40, 90),
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        self.picture.setPixmap(shown)
        layout.addWidget(self.picture, 1, Qt.AlignmentFlag.AlignCenter)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        layout.addWidget(close)
