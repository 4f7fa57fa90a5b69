"""The Patient-Specific Functional Scale: 3–5 activities the client names, each rated 0–10."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QLineEdit

from mobileathlete_desktop.domain.scoring import (
    PSFS_MAX_ACTIVITIES,
    PSFS_MAX_RATING,
    PSFS_MIN_ACTIVITIES,
    psfs_average,
)

BAD = "border: 2px solid #b00020;"


class PsfsPanel(QGroupBox):
    """Five activity rows (name, rating) and the average once 3–5 are rated.

    Reports `edited(activities, ratings)` when the therapist leaves a field with a change
    that reads correctly, and `refused(message)` for a rating that is not a whole number
    0–10 (the field is marked and nothing is reported as edited).
    """

    edited = Signal(object, object)  # tuple[str, ...], tuple[int | None, ...]
    refused = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(
            self.tr("PSFS — activities the client finds hard (0 = unable … 10 = as before)")
        )
        self.setAccessibleName("PSFS")
        self.activities: list[QLineEdit] = []
        self.ratings: list[QLineEdit] = []
        self._shown: tuple[tuple[str, ...], tuple[int | None, ...]] = ((), ())
        grid = QGridLayout(self)
        grid.addWidget(QLabel(self.tr("Activity")), 0, 1)
        grid.addWidget(QLabel(self.tr("Rating 0–10")), 0, 2)
        for number in range(1, PSFS_MAX_ACTIVITIES + 1):
            name = QLineEdit()
            name.setAccessibleName(self.tr("PSFS activity {number}").format(number=number))
            name.setMaxLength(120)
            name.setPlaceholderText(
                self.tr("e.g. running 10 km")
                if number == 1
                else self.tr("optional")
                if number > 3
                else ""
            )
            rating = QLineEdit()
            rating.setAccessibleName(self.tr("PSFS rating {number}").format(number=number))
            rating.setMaximumWidth(80)
            rating.setPlaceholderText("—")
            for field in (name, rating):
                field.editingFinished.connect(self._left_field)
            label = QLabel(f"{number}.")
            label.setBuddy(name)
            grid.addWidget(label, number, 0)
            grid.addWidget(name, number, 1)
            grid.addWidget(rating, number, 2)
            self.activities.append(name)
            self.ratings.append(rating)
        grid.setColumnStretch(1, 1)
        self.offer = QLabel()
        self.offer.setWordWrap(True)
        self.offer.hide()
        grid.addWidget(self.offer, PSFS_MAX_ACTIVITIES + 1, 0, 1, 3)
        self.average = QLabel()
        self.average.setAccessibleName(self.tr("PSFS average"))
        grid.addWidget(self.average, PSFS_MAX_ACTIVITIES + 2, 0, 1, 3)
        self.show_psfs((), ())

    def show_psfs(
        self,
        activities: Sequence[str],
        ratings: Sequence[int | None],
        *,
        offered_from: str = "",
    ) -> None:
        """Shows saved (or offered) activities and ratings without reporting an edit."""
        for i, (name, rating) in enumerate(zip(self.activities, self.ratings, strict=True)):
            name.setText(activities[i] if i < len(activities) else "")
            value = ratings[i] if i < len(ratings) else None
            rating.setText("" if value is None else str(value))
            name.setStyleSheet("")
            rating.setStyleSheet("")
            rating.setToolTip("")
        if offered_from:
            self.offer.setText(
                self.tr(
                    "The activities named on {date}: ask the client to rate each again."
                ).format(date=offered_from)
            )
        self.offer.setVisible(bool(offered_from))
        self._shown = (tuple(activities), tuple(ratings)) if not offered_from else ((), ())
        self._show_average()

    def set_read_only(self, read_only: bool) -> None:
        """Locks the fields (a signed assessment); they stay reachable by keyboard."""
        for field in (*self.activities, *self.ratings):
            field.setReadOnly(read_only)

    def entered(self) -> tuple[tuple[str, ...], tuple[int | None, ...]] | None:
        """The rows with a name or a rating, as typed; None (and `refused`) if a rating is bad."""
        names: list[str] = []
        ratings: list[int | None] = []
        for number, (name, rating) in enumerate(
            zip(self.activities, self.ratings, strict=True), start=1
        ):
            text = rating.text().strip()
            value = None
            if text:
                try:
                    value = int(text)
                except ValueError:
                    self._refuse(
                        rating,
                        self.tr(
                            "PSFS rating {number}: {text} is not a whole number 0–{top} "
                            "— not stored"
                        ).format(number=number, text=repr(text), top=PSFS_MAX_RATING),
                    )
                    return None
                if not 0 <= value <= PSFS_MAX_RATING:
                    self._refuse(
                        rating,
                        self.tr(
                            "PSFS rating {number}: {value} is outside 0–{top} "
                            "(0 = unable, 10 = as before) — not stored"
                        ).format(number=number, value=value, top=PSFS_MAX_RATING),
                    )
                    return None
            rating.setStyleSheet("")
            rating.setToolTip("")
            names.append(name.text().strip())
            ratings.append(value)
        while names and not names[-1] and ratings[-1] is None:
            names.pop()
            ratings.pop()
        return tuple(names), tuple(ratings)

    def mark_saved(self, activities: Sequence[str], ratings: Sequence[int | None]) -> None:
        """Records what the database now holds (so leaving an unchanged field saves nothing)."""
        self._shown = (tuple(activities), tuple(ratings))
        self.offer.hide()
        self._show_average()

    def _refuse(self, field: QLineEdit, message: str) -> None:
        field.setStyleSheet(BAD)
        field.setToolTip(message)
        self.refused.emit(message)

    def _left_field(self) -> None:
        if any(f.isReadOnly() for f in self.ratings):
            return
        entered = self.entered()
        if entered is None:
            return
        names, ratings = entered
        # Compared as the service keeps them: rows with neither a name nor a rating dropped.
        rows = [(n, r) for n, r in zip(names, ratings, strict=True) if n or r is not None]
        if (tuple(n for n, _ in rows), tuple(r for _, r in rows)) == self._shown:
            return
        if self.offer.isVisible() and all(r is None for r in ratings):
            return  # offered names are saved with the first rating
        self.edited.emit(names, ratings)

    def average_value(self) -> float | None:
        """The average of what is saved (None until 3–5 activities are all rated)."""
        try:
            return psfs_average(list(self._shown[1]))
        except ValueError:
            return None

    def _show_average(self) -> None:
        names, ratings = self._shown
        rated = [r for r in ratings if r is not None]
        average = self.average_value()
        if average is not None:
            self.average.setText(
                self.tr(
                    "<b>PSFS average: {average} / 10</b> (%n activities)", "", len(names)
                ).format(average=f"{average:g}")
            )
        else:
            self.average.setText(
                self.tr(
                    "PSFS average: — ({rated} of %n activities rated; {low}–{high} needed)",
                    "",
                    max(len(names), PSFS_MIN_ACTIVITIES),
                ).format(rated=len(rated), low=PSFS_MIN_ACTIVITIES, high=PSFS_MAX_ACTIVITIES)
            )
