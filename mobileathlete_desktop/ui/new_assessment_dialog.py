"""Starting an assessment for a client: date, kind and template."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QLineEdit, QWidget

from mobileathlete_desktop.domain.records import AssessmentRecord
from mobileathlete_desktop.domain.validation import InvalidValue, parse_iso_date
from mobileathlete_desktop.services import assessments as assessment_service
from mobileathlete_desktop.services import templates as template_service
from mobileathlete_desktop.services.context import InputError, ServiceContext
from mobileathlete_desktop.ui.date_field import CalendarPopup
from mobileathlete_desktop.ui.forms import child, load_form
from mobileathlete_desktop.ui.refusals import refusal_text

FORM_KINDS = ("initial", "reassessment", "discharge", "screen")


class NewAssessmentDialog(QDialog):
    """Creates the draft when accepted (its id is in `created`)."""

    def __init__(
        self, ctx: ServiceContext, client_id: int, first_visit: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.client_id = client_id
        self.created: AssessmentRecord | None = None
        self.setWindowTitle(self.tr("New assessment"))
        form = load_form("new_assessment", self)
        self.setMinimumWidth(400)  # the title in full, also in Spanish
        self.date = child(form, QLineEdit, "date")
        self.date.setText(date.today().isoformat())
        self.calendar = CalendarPopup(self.date, self.tr("Assessment date"))
        self.kind = child(form, QComboBox, "kind")
        # The form lists the kinds in this order; their shown words may be translated.
        for index, code in enumerate(FORM_KINDS[: self.kind.count()]):
            self.kind.setItemData(index, code)
        self.kind.setCurrentIndex(self.kind.findData("initial" if first_visit else "reassessment"))
        self.template = child(form, QComboBox, "template")
        for t in template_service.list_templates(ctx):
            self.template.addItem(t.name, t.code)
        self.problems = child(form, QLabel, "problems")
        self.problems.setStyleSheet("color: #b00020;")
        buttons = child(form, QDialogButtonBox, "buttons")
        buttons.accepted.connect(self.create_draft)
        buttons.rejected.connect(self.reject)
        self.date.setFocus()
        self.date.selectAll()

    def create_draft(self) -> None:
        """Creates the draft, or says what is wrong beside the date."""
        try:
            on = parse_iso_date(self.date.text(), "Assessment date")
            self.created = assessment_service.create_assessment(
                self.ctx,
                self.client_id,
                on,
                kind=str(self.kind.currentData() or self.kind.currentText()),
                template=str(self.template.currentData()),
            )
        except (InvalidValue, InputError, PermissionError) as exc:
            self.date.setStyleSheet("border: 2px solid #b00020;")
            said = refusal_text(exc)
            self.date.setToolTip(said)
            self.problems.setText(f"⚠ {said}")
            return
        self.accept()
