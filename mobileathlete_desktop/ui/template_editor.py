"""The template editor: the clinic's own assessment templates made, reordered, renamed, deleted."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mobileathlete_desktop.domain.catalogue import Measure
from mobileathlete_desktop.services import templates as template_service
from mobileathlete_desktop.services.context import InputError, NotFound, ServiceContext
from mobileathlete_desktop.services.templates import TemplateRecord
from mobileathlete_desktop.support.languages import language_code
from mobileathlete_desktop.ui.i18n import QT_TRANSLATE_NOOP, role_name
from mobileathlete_desktop.ui.refusals import refusal_text
from mobileathlete_desktop.ui.screen_fit import fit_to_screen

CODE = Qt.ItemDataRole.UserRole
# The built-in templates' names (templates.toml) as the window says them; a clinic's own
# templates keep the name they were given.
BUILTIN_NAMES = {
    "runner_screen": QT_TRANSLATE_NOOP("TemplateEditor", "Runner screen"),
    "hip": QT_TRANSLATE_NOOP("TemplateEditor", "Hip"),
    "knee": QT_TRANSLATE_NOOP("TemplateEditor", "Knee"),
    "ankle_foot": QT_TRANSLATE_NOOP("TemplateEditor", "Ankle–foot"),
    "full_lower_limb": QT_TRANSLATE_NOOP("TemplateEditor", "Full lower limb"),
    "runner_battery": QT_TRANSLATE_NOOP("TemplateEditor", "Runner test battery"),
}


def template_name(template: TemplateRecord) -> str:
    """A template's name in the window's language (built-in ones are translated)."""
    english = BUILTIN_NAMES.get(template.code) if template.builtin else None
    return QCoreApplication.translate("TemplateEditor", english) if english else template.name


def _lang() -> str:
    return language_code(QLocale().name())


def _measure_item(measure: Measure) -> QListWidgetItem:
    # The label alone fits a narrow list at 150 %; the code (what exports use) is the tip.
    item = QListWidgetItem(measure.label_in(_lang()))
    item.setToolTip(measure.code)
    item.setData(CODE, measure.code)
    return item


def _matches(measure: Measure, words: list[str]) -> bool:
    # Found by its English label, its label in the window's language, code or region.
    text = f"{measure.label} {measure.label_in(_lang())} {measure.code} {measure.region}"
    text = text.casefold()
    return all(w in text for w in words)


class TemplateEditor(QDialog):
    """Built-in templates are shown and copied; the clinic's own are edited and saved here."""

    def __init__(
        self, ctx: ServiceContext, parent: QWidget | None = None, *, select: str = ""
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Assessment templates"))
        self.may_edit = ctx.actor.can("assessments.write")
        self.editing_code: str | None = None  # the clinic template shown, None for a new copy
        self.shown: TemplateRecord | None = None
        self.dirty = False

        self.templates = QListWidget()
        self.templates.setAccessibleName(self.tr("Templates"))
        templates_label = QLabel(self.tr("&Templates"))
        templates_label.setBuddy(self.templates)
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Template name"))
        self.name.setMaxLength(template_service.TEMPLATE_NAME_LENGTH)
        name_label = QLabel(self.tr("&Name"))
        name_label.setBuddy(self.name)
        self.measures = QListWidget()
        self.measures.setAccessibleName(self.tr("Measures in the template"))
        measures_label = QLabel(self.tr("&Measures, in order (Alt+↑/↓ move, Delete removes)"))
        measures_label.setBuddy(self.measures)
        self.up_button = QPushButton(self.tr("Move &up"))
        self.down_button = QPushButton(self.tr("Move do&wn"))
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.search = QLineEdit()
        self.search.setAccessibleName(self.tr("Find a measure to add"))
        self.search.setPlaceholderText(self.tr("type part of a name, e.g. ankle"))
        self.search.setClearButtonEnabled(True)
        search_label = QLabel(self.tr("&Find a measure to add"))
        search_label.setBuddy(self.search)
        self.catalogue_list = QListWidget()
        self.catalogue_list.setAccessibleName(self.tr("Catalogue measures"))
        self.add_button = QPushButton(self.tr("A&dd (Enter)"))
        self.copy_button = QPushButton(self.tr("&Copy as a clinic template"))
        self.save_button = QPushButton(self.tr("&Save"))
        self.delete_button = QPushButton(self.tr("D&elete"))
        self.close_button = QPushButton(self.tr("C&lose"))
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Status"))

        left = QVBoxLayout()
        left.addWidget(templates_label)
        left.addWidget(self.templates, 1)
        left.addWidget(self.copy_button)
        right = QGridLayout()
        right.addWidget(name_label, 0, 0)
        right.addWidget(self.name, 0, 1, 1, 2)
        right.addWidget(measures_label, 1, 0, 1, 2)
        right.addWidget(search_label, 1, 2)
        right.addWidget(self.measures, 2, 0, 1, 2)
        picker = QVBoxLayout()
        picker.addWidget(self.search)
        picker.addWidget(self.catalogue_list, 1)
        picker.addWidget(self.add_button)
        right.addLayout(picker, 2, 2)
        moves = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.remove_button):
            moves.addWidget(button)
        moves.addStretch(1)
        right.addLayout(moves, 3, 0, 1, 2)
        right.setColumnStretch(1, 1)
        right.setColumnStretch(2, 1)
        right.setRowStretch(2, 1)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right, 3)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        for button in (self.save_button, self.delete_button, self.close_button):
            bottom.addWidget(button)
        outer = QVBoxLayout(self)
        outer.addWidget(self.hint)
        outer.addLayout(body, 1)
        outer.addLayout(bottom)

        for text, keys, slot in (
            (self.tr("Move up"), "Alt+Up", self.move_up),
            (self.tr("Move down"), "Alt+Down", self.move_down),
            (self.tr("Remove"), "Delete", self.remove_measure),
        ):
            action = QAction(text, self.measures, shortcut=QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(slot)
            self.measures.addAction(action)
        self.up_button.clicked.connect(self.move_up)
        self.down_button.clicked.connect(self.move_down)
        self.remove_button.clicked.connect(self.remove_measure)
        self.add_button.clicked.connect(self.add_measure)
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self.add_measure)
        self.catalogue_list.itemActivated.connect(lambda _item: self.add_measure())
        self.name.textEdited.connect(self._edited)
        self.templates.currentRowChanged.connect(self._template_chosen)
        self.copy_button.clicked.connect(self.copy_template)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        self.close_button.clicked.connect(self.reject)
        # Enter belongs to the search (it adds the measure found): no button is the default.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)

        fit_to_screen(self, QSize(1000, 640))
        self._fill_templates(select)

    # -- hooks a test may replace (pytest-qt's advice for modal questions) ------------------

    @classmethod
    def confirm(cls, parent: QWidget, text: str) -> bool:
        """Asks a yes/no question."""
        answer = QMessageBox.question(
            parent, QCoreApplication.translate("TemplateEditor", "Assessment templates"), text
        )
        return answer == QMessageBox.StandardButton.Yes

    # -- the list of templates -------------------------------------------------------------

    def _fill_templates(self, select: str = "") -> None:
        self.templates.blockSignals(True)
        self.templates.clear()
        self._all = template_service.list_templates(self.ctx)
        for t in self._all:
            item = QListWidgetItem(
                self.tr("{name} (built-in)").format(name=template_name(t)) if t.builtin else t.name
            )
            item.setData(CODE, t.code)
            self.templates.addItem(item)
        self.templates.blockSignals(False)
        codes = [t.code for t in self._all]
        row = codes.index(select) if select in codes else 0
        self.templates.setCurrentRow(row)
        self._template_chosen(row)

    def _template_chosen(self, row: int) -> None:
        if row < 0 or row >= len(self._all):
            return
        template = self._all[row]
        if self.shown is not None and template.code == self.shown.code and not self.dirty:
            return
        if self.dirty and not self.confirm(self, self.tr("Discard the changes not saved?")):
            self.templates.blockSignals(True)
            self.templates.setCurrentRow(self._row_of(self.editing_code))
            self.templates.blockSignals(False)
            return
        self._show(template, None if template.builtin else template.code)

    def _row_of(self, code: str | None) -> int:
        return next((i for i, t in enumerate(self._all) if t.code == code), -1)

    def _show(self, template: TemplateRecord, editing: str | None) -> None:
        self.shown = template
        self.editing_code = editing
        self.dirty = False
        self.name.setText(template_name(template))
        self.measures.clear()
        for code in template.measures:
            self._append(code)
        self._set_editable(editing is not None or (not template.builtin and self.may_edit))
        self._filter()

    def _append(self, code: str, row: int | None = None) -> None:
        measure = self.ctx.catalogue.get(code)
        if measure is not None:
            item = _measure_item(measure)
        else:
            item = QListWidgetItem(self.tr("{code} (not in catalogue)").format(code=code))
            item.setData(CODE, code)
        if row is None:
            self.measures.addItem(item)
        else:
            self.measures.insertItem(row, item)

    def _set_editable(self, editable: bool) -> None:
        editable = editable and self.may_edit
        self.name.setReadOnly(not editable)
        for widget in (
            self.up_button,
            self.down_button,
            self.remove_button,
            self.add_button,
            self.search,
            self.catalogue_list,
            self.save_button,
        ):
            widget.setEnabled(editable)
        for action in self.measures.actions():
            action.setEnabled(editable)
        self.delete_button.setEnabled(editable and self.editing_code is not None)
        self.copy_button.setEnabled(self.may_edit)
        if not self.may_edit:
            self.hint.setText(
                self.tr(
                    "Templates are shown here; only therapists change them "
                    "(you are signed in as {role})."
                ).format(role=role_name(self.ctx.actor.role))
            )
        elif self.shown is not None and self.shown.builtin and self.editing_code is None:
            self.hint.setText(
                self.tr(
                    "A built-in template cannot be changed: Copy makes a clinic template from it "
                    "to change and save."
                )
            )
        else:
            self.hint.setText(
                self.tr(
                    "A clinic template: rename it, add, remove or reorder its measures, then Save. "
                    "Assessments already laid out by it keep their values."
                )
            )

    # -- editing the measures --------------------------------------------------------------

    def measure_codes(self) -> list[str]:
        """The template's measure codes as shown, in order."""
        return [
            str(item.data(CODE))
            for i in range(self.measures.count())
            if (item := self.measures.item(i)) is not None
        ]

    def _editable_now(self) -> bool:
        return self.save_button.isEnabled()

    def _move(self, step: int) -> None:
        row = self.measures.currentRow()
        target = row + step
        if not self._editable_now() or row < 0 or not 0 <= target < self.measures.count():
            return
        item = self.measures.takeItem(row)
        self.measures.insertItem(target, item)
        self.measures.setCurrentRow(target)
        self._edited()
        self.say(
            self.tr("{measure} moved to place {place}").format(
                measure=item.text(), place=target + 1
            )
        )

    def move_up(self) -> None:
        """Moves the current measure one place up."""
        self._move(-1)

    def move_down(self) -> None:
        """Moves the current measure one place down."""
        self._move(1)

    def remove_measure(self) -> None:
        """Removes the current measure (it returns to the list to add from)."""
        row = self.measures.currentRow()
        if not self._editable_now() or row < 0:
            return
        item = self.measures.takeItem(row)
        self.measures.setCurrentRow(min(row, self.measures.count() - 1))
        self._edited()
        self._filter()
        self.say(self.tr("Removed {measure}").format(measure=item.text()))

    def add_measure(self) -> None:
        """Adds the measure chosen in the catalogue list after the current one."""
        item = self.catalogue_list.currentItem()
        if not self._editable_now() or item is None:
            if self._editable_now():
                self.say(self.tr("No measure matches what is typed"), error=True)
            return
        code = str(item.data(CODE))
        row = self.measures.currentRow() + 1 if self.measures.currentRow() >= 0 else None
        self._append(code, row)
        self.measures.setCurrentRow(self.measures.count() - 1 if row is None else row)
        self._edited()
        self._filter()
        self.say(
            self.tr("Added {measure}").format(measure=self.ctx.catalogue[code].label_in(_lang()))
        )

    def _filter(self) -> None:
        words = self.search.text().casefold().split()
        present = set(self.measure_codes())
        self.catalogue_list.clear()
        for measure in self.ctx.catalogue:
            if measure.code not in present and _matches(measure, words):
                self.catalogue_list.addItem(_measure_item(measure))
        if self.catalogue_list.count():
            self.catalogue_list.setCurrentRow(0)

    def _edited(self) -> None:
        self.dirty = True

    # -- copy, save, delete ----------------------------------------------------------------

    def copy_template(self) -> None:
        """Starts a new clinic template from the one shown (saved only with Save)."""
        if self.shown is None or not self.may_edit:
            return
        names = {t.name.casefold() for t in self._all}
        shown = template_name(self.shown)
        name = self.tr("{name} (clinic)").format(name=shown)
        number = 2
        while name.casefold() in names:
            name = self.tr("{name} (clinic {number})").format(name=shown, number=number)
            number += 1
        source = shown
        self._show(
            TemplateRecord("", name, self.shown.measures, builtin=False),
            None,
        )
        self._set_editable(True)
        self.dirty = True
        self.name.setFocus()
        self.name.selectAll()
        self.say(
            self.tr("A copy of {name}: name it, change its measures, then Save").format(name=source)
        )

    def save(self) -> TemplateRecord | None:
        """Saves the template shown (a new copy or the clinic template being edited)."""
        if not self._editable_now():
            return None
        try:
            saved = template_service.save_template(
                self.ctx, self.name.text(), self.measure_codes(), code=self.editing_code
            )
        except (InputError, NotFound, PermissionError) as exc:
            self.say(self.tr("{error} — not saved").format(error=refusal_text(exc)), error=True)
            return None
        self.dirty = False
        self.shown = None
        self._fill_templates(saved.code)
        count = len(saved.measures)
        words = (
            self.tr("Saved {name} (1 measure)")
            if count == 1
            else self.tr("Saved {name} ({count} measures)")
        )
        self.say(words.format(name=saved.name, count=count))
        return saved

    def delete(self) -> None:
        """Deletes the clinic template shown, after a confirmation."""
        if self.editing_code is None or not self.may_edit:
            return
        name = self.name.text()
        question = self.tr("Delete the template {name}? This cannot be undone.")
        if not self.confirm(self, question.format(name=repr(name))):
            return
        try:
            used = template_service.delete_template(self.ctx, self.editing_code)
        except (InputError, NotFound, PermissionError) as exc:
            self.say(refusal_text(exc), error=True)
            return
        self.dirty = False
        self.shown = None
        self._fill_templates()
        if used:
            words = (
                self.tr("Deleted {name}; 1 assessment laid out by it now shows every measure")
                if used == 1
                else self.tr(
                    "Deleted {name}; {count} assessments laid out by it now show every measure"
                )
            )
            self.say(words.format(name=name, count=used))
        else:
            self.say(self.tr("Deleted {name}").format(name=name))

    def say(self, text: str, *, error: bool = False) -> None:
        """Shows a one-line status beside the buttons."""
        self.status.setText(("⚠ " if error else "✓ ") + text)
        self.status.setStyleSheet("color: #b00020;" if error else "")

    def reject(self) -> None:
        if self.dirty and not self.confirm(self, self.tr("Close without saving the changes?")):
            return
        super().reject()
