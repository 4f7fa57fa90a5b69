"""The drills the client's coded complaint holds back, as the builder shows them: marked in the
library's list and said in the status line the moment one is added (the therapist may still
add it; the handout leaves it out while the complaint is coded).

Which drills: the recommender's, the check-in's and the handout's own rule
(domain.recommendations.complaint_held, through services.reports.held_back), read with the
client's complaint on the thread pool when the builder opens (program_saving.load_latest).
Why: the handout's warning (a check-in's reason, domain.checkins.complaint_reason, and that it
is left out of the handout), in the window's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPen

from mobileathlete_desktop.domain.checkins import complaint_reason
from mobileathlete_desktop.domain.exercises import ExerciseLibrary
from mobileathlete_desktop.services.reports.held_back import complaint_held_drills
from mobileathlete_desktop.ui import service_adapter as svc
from mobileathlete_desktop.ui.i18n import QT_TRANSLATE_NOOP

LEFT_OUT = QT_TRANSLATE_NOOP(
    "ComplaintHold", "; left out of the handout while this complaint is coded"
)
"""What follows a drill's reason: the handout's warning ends so (services.reports.held_back)."""
MARK = QT_TRANSLATE_NOOP("ComplaintHold", "held back for the complaint")
"""Beside a held-back drill's name in the library's list."""


@dataclass(frozen=True)
class ComplaintHold:
    """The client's coded complaint ("" when not coded) and the library's drills it holds
    back (codes; none without a code or for a complaint with no rule)."""

    complaint: str = ""
    held: frozenset[str] = frozenset()

    def holds(self, code: str) -> bool:
        """Whether the complaint holds this drill back."""
        return code in self.held

    def words(self, code: str, library: ExerciseLibrary | None, lang: str) -> str:
        """Why the drill is held back, as the handout's warning says it, in `lang` ("Bent-knee
        calf stretch (soleus) held back for the client's complaint, insertional Achilles pain:
        it takes ... (Pringels 2025; Jonsson 2008); left out of the handout while this
        complaint is coded")."""
        reason = complaint_reason(code, self.complaint).words(lang, library)
        return reason + QCoreApplication.translate("ComplaintHold", LEFT_OUT)


def mark() -> str:
    """The words beside a held-back drill in the library's list, in the window's language."""
    return QCoreApplication.translate("ComplaintHold", MARK)


def badged(icon: QIcon, size: QSize) -> QIcon:
    """A held-back drill's list icon: its picture with an amber warning badge in the corner,
    seen however far its name and "held back for the complaint" are elided."""
    pixmap = icon.pixmap(size)
    side = round(min(size.width(), size.height()) * 0.42)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    ratio = pixmap.devicePixelRatio()
    box = QRectF(pixmap.width() / ratio - side - 1, 1, side, side)
    painter.setPen(QPen(QColor("#ffffff"), 1.5))
    painter.setBrush(QColor("#b45309"))  # amber 700: white "!" on it reads at 4.9:1
    painter.drawEllipse(box)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(round(side * 0.75))
    painter.setFont(font)
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, "!")
    painter.end()
    return QIcon(pixmap)


def complaint_hold_of(ctx: Any, client_id: int, library: ExerciseLibrary | None) -> ComplaintHold:
    """The client's coded complaint as it is saved now and the drills it holds back: read on
    the thread pool (services: the client record, then the domain's rule)."""
    complaint = svc.get_client(ctx, client_id).complaint_code
    return ComplaintHold(complaint, complaint_held_drills(complaint, library))
