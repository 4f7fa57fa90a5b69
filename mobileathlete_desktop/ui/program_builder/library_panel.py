"""The builder's drill library: search, category and region filters, the list, the chosen
drill's details and picture (the clinic's own or the drawn figure)."""

from __future__ import annotations

import json
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QEvent,
    QLocale,
    QMimeData,
    QModelIndex,
    QSettings,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QGuiApplication,
    QPalette,
    QResizeEvent,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
)

from mobileathlete_desktop.domain.exercises import Exercise, ExerciseLibrary
from mobileathlete_desktop.support.languages import language_code
from mobileathlete_desktop.ui import service_adapter as svc
from mobileathlete_desktop.ui.i18n import QT_TRANSLATE_NOOP
from mobileathlete_desktop.ui.program_builder.complaint_hold import ComplaintHold, badged, mark
from mobileathlete_desktop.ui.program_builder.drill_pictures import ICON, DrillPictures
from mobileathlete_desktop.ui.program_builder.program_model import DRILL_MIME

PICTURE_FOLDER_KEY = "drills/picture_folder"
# Own pictures are read a page of this many list rows at a time, when a row of it is shown.
PICTURE_PAGE = 16
# The library's categories and regions (codes in the data) as the window names them.
CATEGORY_WORDS = {
    "mobility": QT_TRANSLATE_NOOP("LibraryPanel", "Mobility"),
    "control": QT_TRANSLATE_NOOP("LibraryPanel", "Control"),
    "strength": QT_TRANSLATE_NOOP("LibraryPanel", "Strength"),
    "running": QT_TRANSLATE_NOOP("LibraryPanel", "Running"),
    "stretch": QT_TRANSLATE_NOOP("LibraryPanel", "Stretch"),
}
REGION_WORDS = {
    "hip": QT_TRANSLATE_NOOP("LibraryPanel", "Hip"),
    "knee": QT_TRANSLATE_NOOP("LibraryPanel", "Knee"),
    "ankle": QT_TRANSLATE_NOOP("LibraryPanel", "Ankle"),
    "foot": QT_TRANSLATE_NOOP("LibraryPanel", "Foot"),
    "hallux": QT_TRANSLATE_NOOP("LibraryPanel", "Hallux"),
    "trunk": QT_TRANSLATE_NOOP("LibraryPanel", "Trunk"),
    "thoracic": QT_TRANSLATE_NOOP("LibraryPanel", "Thoracic"),
}


def window_lang() -> str:
    """The window's language (the default QLocale set by ui.i18n.install_translations)."""
    return language_code(QLocale().name())


def other_lang(lang: str) -> str:
    """The library's other language, named beside a drill (English ↔ Spanish)."""
    return "es" if lang != "es" else "en"


def category_words(category: str) -> str:
    """A drill category as the window names it ("Strength" / "Fuerza")."""
    words = CATEGORY_WORDS.get(category)
    return QCoreApplication.translate("LibraryPanel", words) if words else category.capitalize()


def region_words(region: str) -> str:
    """A body region as the window names it ("Knee" / "Rodilla")."""
    words = REGION_WORDS.get(region)
    return QCoreApplication.translate("LibraryPanel", words) if words else region.capitalize()


# Each drill's tooltip (its name in the other language, category and dose) by code and window
# language, for the process: worded for every drill at each opening, 5 ms of the UI thread.
_TIPS: dict[tuple[str, str], str] = {}


def muted() -> QBrush:
    """The text colour of a drill held back for the complaint: the list's text towards its
    background, still readable (about #737373 on white)."""
    palette = QGuiApplication.palette()
    text, base = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
    mix = 0.55
    return QBrush(
        QColor(
            round(text.red() + (base.red() - text.red()) * mix),
            round(text.green() + (base.green() - text.green()) * mix),
            round(text.blue() + (base.blue() - text.blue()) * mix),
        )
    )


class LibraryModel(QStandardItemModel):
    """The library's drills as list rows (icon, name, category) that drag as drill codes.

    A row's icon is drawn when a view first asks for it (the row is on screen)."""

    def __init__(self, pictures: DrillPictures, parent: Any = None) -> None:
        super().__init__(parent)
        self.pictures = pictures
        self.exercises: list[Exercise] = []
        self._rows: dict[str, int] = {}
        self.hold = ComplaintHold()  # the drills the client's coded complaint holds back
        self.library: ExerciseLibrary | None = None  # names the drills in a held one's reason
        pictures.ready.connect(self._pictures_ready)

    def show(self, exercises: list[Exercise]) -> None:
        """Replaces the rows with these drills."""
        # One removal: clear() takes the rows away one by one, and the list's current row
        # moved (each drill's details and picture drawn) with every one of them.
        self.removeRows(0, self.rowCount())
        self.exercises = list(exercises)
        self._rows = {e.code: row for row, e in enumerate(self.exercises)}
        lang = window_lang()
        other = other_lang(lang)
        items = []
        for exercise in exercises:
            item = QStandardItem()
            item.setData(exercise.code, Qt.ItemDataRole.UserRole)
            self._word(item, exercise, lang, other)
            item.setDragEnabled(True)
            item.setDropEnabled(False)
            items.append(item)
        if items:  # one insertion (a view hears of each appended row otherwise)
            self.invisibleRootItem().appendRows(items)

    def _word(self, item: QStandardItem, exercise: Exercise, lang: str, other: str) -> None:
        """A row's name, tooltip and accessible text; a drill the client's coded complaint
        holds back muted, "held back for the complaint" beside its name, and why in its
        tooltip (the handout's warning)."""
        name, category = exercise.name(lang), category_words(exercise.category)
        tip = _TIPS.get((exercise.code, lang))
        if tip is None:  # the drills never change: each tip is worded once per language
            tip = f"{exercise.name(other)} · {category} · {exercise.dosage.describe(lang)}"
            _TIPS[exercise.code, lang] = tip
        if self.hold.holds(exercise.code):
            said = mark()
            item.setText(f"{name} — {said}")
            item.setToolTip(f"⚠ {self.hold.words(exercise.code, self.library, lang)}\n{tip}")
            item.setData(f"{name}, {category}, {said}", Qt.ItemDataRole.AccessibleTextRole)
            item.setForeground(muted())
        else:
            item.setText(name)
            item.setToolTip(tip)
            item.setData(f"{name}, {category}", Qt.ItemDataRole.AccessibleTextRole)
            item.setData(None, Qt.ItemDataRole.ForegroundRole)

    def hold_back(self, hold: ComplaintHold, library: ExerciseLibrary | None) -> None:
        """Marks the drills the client's coded complaint holds back (rows shown now and
        later), in place: the list keeps its current row."""
        changed = self.hold.held ^ hold.held
        self.hold, self.library = hold, library
        lang = window_lang()
        other = other_lang(lang)
        for code in changed:
            row = self._rows.get(code)
            if row is not None:
                self._word(self.item(row), self.exercises[row], lang, other)
                self.picture_changed(code)  # its icon badged, or not

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DecorationRole and index.isValid():
            row = index.row()
            if 0 <= row < len(self.exercises):
                start = row - row % PICTURE_PAGE
                self.pictures.request(self.exercises[start : start + PICTURE_PAGE])
                icon = self.pictures.icon(self.exercises[row])
                held = self.hold.holds(self.exercises[row].code)
                return badged(icon, ICON) if held else icon
        return super().data(index, role)

    def picture_changed(self, code: str) -> None:
        """Redraws the drill's icon after its picture changed."""
        row = self._rows.get(code)
        if row is not None:
            index = self.index(row, 0)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    def _pictures_ready(self, codes: list[str]) -> None:
        rows = sorted(self._rows[c] for c in codes if c in self._rows)
        if rows:
            first, last = self.index(rows[0], 0), self.index(rows[-1], 0)
            self.dataChanged.emit(first, last, [Qt.ItemDataRole.DecorationRole])

    def mimeTypes(self) -> list[str]:
        return [DRILL_MIME]

    def mimeData(self, indexes: Any) -> QMimeData:
        codes = [self.itemFromIndex(i).data(Qt.ItemDataRole.UserRole) for i in indexes]
        data = QMimeData()
        data.setData(DRILL_MIME, QByteArray(json.dumps(codes).encode()))
        return data


class LibraryPanel(QGroupBox):
    """Finds drills in the library and shows the chosen one; Enter asks to add it."""

    # Enter in the search or the list, a double-click, or the Add button.
    add_requested = Signal()
    # A line for the builder's status.
    said = Signal(str)

    def __init__(
        self,
        ctx: Any,
        library: ExerciseLibrary | None,
        pictures: DrillPictures,
        store: QSettings,
        can_write: bool,
    ) -> None:
        super().__init__()
        self.setTitle(self.tr("Exercise li&brary"))
        self.ctx = ctx
        self.library = library
        self.pictures = pictures
        self.store = store
        self._filling = False
        self.search = QLineEdit(placeholderText=self.tr("Search drills (English or Spanish)"))
        self.search.setAccessibleName(self.tr("Search drills"))
        self.search.setClearButtonEnabled(True)
        self.category = QComboBox()
        self.category.setAccessibleName(self.tr("Category"))
        self.category.addItem(self.tr("All categories"), "")
        for name in svc.CATEGORIES:
            self.category.addItem(category_words(name), name)
        self.region = QComboBox()
        self.region.setAccessibleName(self.tr("Region"))
        self.region.addItem(self.tr("All regions"), "")
        for region in svc.REGIONS:
            self.region.addItem(region_words(region), region)
        self.library_model = LibraryModel(pictures, self)
        self.library_list = QListView()
        self.library_list.setAccessibleName(self.tr("Exercise library"))
        self.library_list.setModel(self.library_model)
        self.library_list.setIconSize(ICON)
        self.library_list.setUniformItemSizes(True)
        self.library_list.setWordWrap(True)  # a long name takes two lines beside its icon
        self.library_list.setSpacing(2)
        self.library_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.library_list.setDragEnabled(can_write)
        self.library_list.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.library_count = QLabel()
        self.library_count.setAccessibleName(self.tr("Drills found"))
        self.detail = QLabel(self.tr("Choose a drill to see how it is done."))
        self.detail.setWordWrap(True)
        self.detail.setAccessibleName(self.tr("Drill details"))
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail_picture = QLabel()
        self.detail_picture.setFixedSize(120, 120)
        self.detail_picture.setAccessibleName(self.tr("Drill picture"))
        self.add_button = QPushButton(self.tr("&Add to program  (Enter)"))
        self.add_button.setAccessibleName(self.tr("Add drill to program"))
        self.add_button.clicked.connect(self.add_requested)

        # The filters side by side, or one above the other when the panel is narrower than
        # their names (150 % on a laptop: the Spanish "Todas las categorías" beside "Todas las
        # regiones" made the panel scroll sideways): see resizeEvent.
        self._filters_width = sum(box.sizeHint().width() for box in (self.category, self.region))
        filters = self._filters = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        for box in (self.category, self.region):
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(5)
            filters.addWidget(box, 1)
        layout = self._column = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.library_list, 1)
        layout.addWidget(self.library_count)
        self.own_picture_button = QPushButton(self.tr("Own pi&cture…"))
        self.own_picture_button.setToolTip(
            self.tr(
                "Use the clinic's own PNG or JPEG picture for this drill (builder and handouts)"
            )
        )
        self.own_picture_button.clicked.connect(self.choose_own_picture)
        self.drawn_picture_button = QPushButton(self.tr("Drawn &figure"))
        self.drawn_picture_button.setToolTip(self.tr("Go back to the drawn figure for this drill"))
        self.drawn_picture_button.clicked.connect(self.clear_own_picture)
        for button in (self.own_picture_button, self.drawn_picture_button):
            button.setVisible(can_write)
            button.setAutoDefault(False)
        picture_column = QVBoxLayout()
        picture_column.addWidget(self.detail_picture)
        picture_column.addWidget(self.own_picture_button)
        picture_column.addWidget(self.drawn_picture_button)
        picture_column.addStretch(1)
        details = QHBoxLayout()
        details.addLayout(picture_column)
        details.addWidget(self.detail, 1)
        layout.addLayout(details)
        layout.addWidget(self.add_button)
        self.add_button.setAutoDefault(False)
        self.add_button.setEnabled(can_write)

        # Keyboard
        self.search.textChanged.connect(lambda _t: self.refresh_library())
        self.search.returnPressed.connect(self.add_requested)
        self.category.currentIndexChanged.connect(lambda _i: self.refresh_library())
        self.region.currentIndexChanged.connect(lambda _i: self.refresh_library())
        self.library_list.activated.connect(lambda _index: self.add_requested.emit())
        self.library_list.doubleClicked.connect(lambda _index: None)  # activated covers it
        self.library_list.selectionModel().currentChanged.connect(
            lambda current, _previous: self._show_detail(current)
        )
        self.search.installEventFilter(self)
        pictures.ready.connect(self._pictures_ready)

    def hold_back(self, hold: ComplaintHold) -> None:
        """Marks the drills the client's coded complaint holds back in the list and the
        chosen drill's details."""
        self.library_model.hold_back(hold, self.library)
        self._show_detail(self.library_list.currentIndex())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        frame, inner = self.contentsMargins(), self._column.contentsMargins()
        room = event.size().width() - frame.left() - frame.right() - inner.left() - inner.right()
        wide = room >= self._filters_width
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self._filters.direction() != direction:
            self._filters.setDirection(direction)

    def focus_search(self) -> None:
        """Puts the cursor in the drill search with its text selected (Ctrl+F)."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def eventFilter(self, watched: Any, event: Any) -> bool:
        # Up / Down in the search box move through the results without leaving it.
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up)
        ):
            step = 1 if event.key() == Qt.Key.Key_Down else -1
            row = self.library_list.currentIndex().row() + step
            if 0 <= row < self.library_model.rowCount():
                self.library_list.setCurrentIndex(self.library_model.index(row, 0))
            return True
        return super().eventFilter(watched, event)

    def refresh_library(self) -> None:
        """Re-runs the library search with the words and filters."""
        found = svc.search_library(
            self.library, self.search.text(), self.category.currentData(), self.region.currentData()
        )
        self._filling = True  # the details follow the first row once, at the end
        try:
            self.library_model.show(found)
        finally:
            self._filling = False
        if self.library is None:
            self.library_count.setText(self.tr("The exercise library is not installed."))
        else:
            total = len(self.library)
            words = (
                self.tr("{found} of 1 drill")
                if total == 1
                else self.tr("{found} of {total} drills")
            )
            self.library_count.setText(words.format(found=len(found), total=total))
        if found:
            self.library_list.setCurrentIndex(self.library_model.index(0, 0))
        else:
            self._show_detail(QModelIndex())

    def current_exercise(self) -> Exercise | None:
        """The drill highlighted in the list."""
        index = self.library_list.currentIndex()
        if not index.isValid() or self.library is None:
            return None
        return self.library.get(str(index.data(Qt.ItemDataRole.UserRole)))

    def _show_detail(self, index: QModelIndex) -> None:
        if self._filling:
            return
        exercise = None
        if index.isValid() and self.library is not None:
            exercise = self.library.get(str(index.data(Qt.ItemDataRole.UserRole)))
        if exercise is None:
            self.detail.setText(self.tr("No drill matches.") if self.library else "")
            self.detail_picture.clear()
            return
        lang = window_lang()
        cues = "".join(f"<li>{escape(c)}</li>" for c in exercise.cues(lang)[:3])
        regions = ", ".join(region_words(r).lower() for r in exercise.regions)
        held = self.library_model.hold.holds(exercise.code)
        self.detail.setText(
            f"<b>{escape(exercise.name(lang))}</b> "
            f"<i>({escape(exercise.name(other_lang(lang)))})</i><br>"
            f"{escape(category_words(exercise.category))} · {escape(regions)}"
            f"<br>{escape(exercise.dosage.describe(lang))}"
            + (f"<br><b>⚠ {escape(mark()[:1].upper() + mark()[1:])}</b>" if held else "")
            + f"<ul style='margin-left:-20px'>{cues}</ul>"
        )
        self.detail_picture.setPixmap(self.pictures.pixmap(exercise, QSize(120, 120)))
        self.drawn_picture_button.setEnabled(self.pictures.own(exercise.code) is not None)

    def _pictures_ready(self, codes: list[str]) -> None:
        exercise = self.current_exercise()
        if exercise is not None and exercise.code in codes:
            self._show_detail(self.library_list.currentIndex())

    # -- the clinic's own pictures ---------------------------------------------------------

    def choose_own_picture(self) -> None:
        """Asks for a PNG or JPEG and uses it for the current drill from now on."""
        exercise = self.current_exercise()
        if exercise is None:
            return
        folder = str(self.store.value(PICTURE_FOLDER_KEY, "") or Path.home())
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Picture for {drill}").format(drill=exercise.name(window_lang())),
            folder,
            self.tr("Pictures (*.png *.jpg *.jpeg)"),
        )
        if not name:
            return
        path = Path(name)
        self.store.setValue(PICTURE_FOLDER_KEY, str(path.parent))
        try:
            data = path.read_bytes()
            svc.set_drill_image(self.ctx, exercise.code, data, path.name)
        except (OSError, PermissionError, ValueError, LookupError) as exc:
            self.said.emit(self.tr("⚠ Picture not used: {error}").format(error=svc.describe(exc)))
            return
        self.pictures.set_own(exercise.code, data)
        self._picture_changed(
            exercise,
            self.tr("{file} is now the picture for {drill}").format(
                file=path.name, drill=exercise.name(window_lang())
            ),
        )

    def clear_own_picture(self) -> None:
        """Goes back to the drawn figure for the current drill."""
        exercise = self.current_exercise()
        if exercise is None or self.pictures.own(exercise.code) is None:
            return
        try:
            svc.set_drill_image(self.ctx, exercise.code, None)
        except (PermissionError, ValueError, LookupError) as exc:
            self.said.emit(f"⚠ {svc.describe(exc)}")
            return
        self.pictures.set_own(exercise.code, None)
        self._picture_changed(
            exercise,
            self.tr("{drill} shows the drawn figure again").format(
                drill=exercise.name(window_lang())
            ),
        )

    def _picture_changed(self, exercise: Exercise, message: str) -> None:
        self.library_model.picture_changed(exercise.code)
        self._show_detail(self.library_list.currentIndex())
        self.said.emit(message)
