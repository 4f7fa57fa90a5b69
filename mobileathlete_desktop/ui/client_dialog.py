"""Creating or editing a client: identity, contact, running profile and injury history."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from mobileathlete_desktop.domain.records import COMPLAINT_CODES, ClientRecord
from mobileathlete_desktop.domain.validation import InvalidValue, parse_iso_date, parse_number
from mobileathlete_desktop.services import clients as client_service
from mobileathlete_desktop.services.context import ConflictError, InputError, ServiceContext
from mobileathlete_desktop.ui.date_field import CalendarPopup
from mobileathlete_desktop.ui.forms import child, load_form
from mobileathlete_desktop.ui.refusals import refusal_text, refused_value
from mobileathlete_desktop.ui.screen_fit import fit_to_screen

TEXT_FIELDS = (
    "chart_number",
    "given_name",
    "family_name",
    "phone",
    "email",
    "address",
    "goal_event",
    "footwear",
)
AREA_FIELDS = ("complaint", "injury_history")
COMBO_FIELDS = ("sex", "dominant_leg", "complaint_code")
# The codes of the form's combo items, in the form's order (their shown words are translated);
# the presenting complaint's first item, "not coded", is "" (the program from findings alone).
COMBO_CODES = {
    "sex": ("unknown", "female", "male", "other"),
    "dominant_leg": ("unknown", "left", "right"),
    "complaint_code": ("", *COMPLAINT_CODES),
}
INVALID_STYLE = "border: 2px solid #b00020;"


class ClientDialog(QDialog):
    """A form for one client; Save stores it, or says beside each field what is wrong."""

    def __init__(
        self, ctx: ServiceContext, client: ClientRecord | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.client = client
        self.saved: ClientRecord | None = None
        self.setWindowTitle(
            self.tr("Edit {name}").format(name=client.full_name)
            if client
            else self.tr("New client")
        )
        form = load_form("client_dialog", self)
        self.fields: dict[str, QWidget] = {}
        for name in (*TEXT_FIELDS, "date_of_birth", "weekly_distance_km", "years_running"):
            self.fields[name] = child(form, QLineEdit, name)
        for name in AREA_FIELDS:
            self.fields[name] = child(form, QPlainTextEdit, name)
        for name in COMBO_FIELDS:
            combo = child(form, QComboBox, name)
            for index, code in enumerate(COMBO_CODES[name][: combo.count()]):
                combo.setItemData(index, code)
            self.fields[name] = combo
        self.birth_calendar = CalendarPopup(self.line("date_of_birth"), self.tr("Date of birth"))
        self.labels = {name: child(form, QLabel, f"{name}_label") for name in self.fields}
        self._label_text = {name: label.text() for name, label in self.labels.items()}
        self.problems = child(form, QLabel, "problems")
        self.problems.setStyleSheet("color: #b00020;")
        buttons = child(form, QDialogButtonBox, "buttons")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        if client is not None:
            self._fill(client)
        # No taller than the screen (at 150 % scaling the form was 650 of 512 pixels high).
        fit_to_screen(self, self.sizeHint().expandedTo(self.minimumSizeHint()))
        self.line("chart_number").setFocus()

    def line(self, name: str) -> QLineEdit:
        """A one-line field of the form, by field name."""
        widget = self.fields[name]
        assert isinstance(widget, QLineEdit)
        return widget

    def _fill(self, c: ClientRecord) -> None:
        for name in TEXT_FIELDS:
            self.line(name).setText(str(getattr(c, name)))
        self.line("date_of_birth").setText(c.date_of_birth.isoformat() if c.date_of_birth else "")
        for name in ("weekly_distance_km", "years_running"):
            value = getattr(c, name)
            self.line(name).setText("" if value is None else f"{value:g}")
        for name in AREA_FIELDS:
            area = self.fields[name]
            assert isinstance(area, QPlainTextEdit)
            area.setPlainText(getattr(c, name))
        for name in COMBO_FIELDS:
            combo = self.fields[name]
            assert isinstance(combo, QComboBox)
            found = combo.findData(getattr(c, name))
            if found >= 0:
                combo.setCurrentIndex(found)

    def _input(self) -> tuple[client_service.ClientInput | None, dict[str, str]]:
        problems: dict[str, str] = {}
        values: dict[str, object] = {name: self.line(name).text() for name in TEXT_FIELDS}
        for name in AREA_FIELDS:
            area = self.fields[name]
            assert isinstance(area, QPlainTextEdit)
            values[name] = area.toPlainText()
        for name in COMBO_FIELDS:
            combo = self.fields[name]
            assert isinstance(combo, QComboBox)
            code = combo.currentData()
            values[name] = code if isinstance(code, str) else combo.currentText()
        born = self.line("date_of_birth").text().strip()
        values["date_of_birth"] = None
        if born:
            try:
                values["date_of_birth"] = parse_iso_date(born, "Date of birth")
            except InvalidValue as exc:
                problems["date_of_birth"] = refusal_text(exc)
        for name, what in (
            ("weekly_distance_km", "Weekly distance"),
            ("years_running", "Years running"),
        ):
            text = self.line(name).text().strip()
            values[name] = None
            if text:
                try:
                    values[name] = parse_number(text, what)
                except InvalidValue as exc:
                    problems[name] = refusal_text(exc)
        data = client_service.ClientInput(**values)  # type: ignore[arg-type]
        for name, refused in data.refusals(date.today()).items():
            problems.setdefault(name, refusal_text(refused))
        return data, problems

    def show_problems(self, problems: dict[str, str]) -> None:
        """Marks each wrong field (border, ⚠ on its label, tooltip) and lists the problems
        (each said in the window's language: ui/refusals)."""
        for name, widget in self.fields.items():
            message = problems.get(name, "")
            widget.setToolTip(message)
            widget.setStyleSheet(INVALID_STYLE if message else "")
            widget.setAccessibleDescription(message)
            self.labels[name].setText(("⚠ " if message else "") + self._label_text[name])
        self.problems.setText("\n".join(f"⚠ {m}" for m in problems.values()))
        if problems:
            self.fields[next(iter(problems))].setFocus()

    def save(self) -> None:
        """Stores the client, or shows what is wrong and keeps the dialog open."""
        data, problems = self._input()
        if problems or data is None:
            self.show_problems(problems)
            return
        try:
            if self.client is None:
                self.saved = client_service.create_client(self.ctx, data)
            else:
                self.saved = client_service.update_client(
                    self.ctx, self.client.id, data, expected_version=self.client.version
                )
        except InputError as exc:
            refused = refused_value(exc)
            chart = refused is not None and refused.kind.startswith("chart_number")
            self.show_problems({"chart_number" if chart else "given_name": refusal_text(exc)})
            return
        except (ConflictError, PermissionError) as exc:
            self.problems.setText(f"⚠ {refusal_text(exc)}")
            return
        self.show_problems({})
        self.accept()
