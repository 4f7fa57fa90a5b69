"""How to take a picture an angle can be measured on: shown beside the tools the first time
each measure is measured on a picture, on request after that, and in Help."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, QSettings

from mobileathlete_desktop.ui.i18n import QT_TRANSLATE_NOOP

SETUP_STEPS = (
    QT_TRANSLATE_NOOP(
        "MediaGuidance",
        "Camera square to the plane of the movement: side-on for flexion and extension, "
        "front or back for frontal-plane angles. A tilted camera changes the angle.",
    ),
    QT_TRANSLATE_NOOP(
        "MediaGuidance",
        "Camera 2–3 m away, level with the joint being measured, on a tripod or a steady "
        "surface, with the whole limb in the picture.",
    ),
    QT_TRANSLATE_NOOP(
        "MediaGuidance",
        "Tight or rolled-up clothing, skin or tape marks on the landmarks (for example the "
        "greater trochanter, the lateral knee joint line, the lateral malleolus).",
    ),
    QT_TRANSLATE_NOOP(
        "MediaGuidance",
        "For distances, a marked reference of known length in the same plane (a ruler, or "
        "tape marks 50 cm apart on the floor or wall); calibrate on it before measuring.",
    ),
    QT_TRANSLATE_NOOP(
        "MediaGuidance",
        "Video: good light, the fastest frame rate the phone offers for running, and the "
        "same set-up at every visit so the values can be compared.",
    ),
)
SETTINGS_KEY = "media/guidance_seen"


def _t(text: str) -> str:
    return QCoreApplication.translate("MediaGuidance", text)


def guidance_html() -> str:
    """The set-up steps as a short list, in the window's language."""
    items = "".join(f"<li>{escape(_t(step))}</li>" for step in SETUP_STEPS)
    return f"<ul style='margin-left: 12px; -qt-list-indent: 0;'>{items}</ul>"


def help_section() -> str:
    """The Help window's part about measuring on photos and video."""
    return (
        QCoreApplication.translate("MediaGuidance", "<h3>Angles from photos and video</h3>")
        + QCoreApplication.translate(
            "MediaGuidance",
            "<p>In an assessment, <i>Image/video…</i> (Ctrl+Shift+I) opens a photo or a phone "
            "video. Step a video with the arrow keys, choose a tool, click the points (a "
            "magnifier follows the mouse), drag them or select one and nudge it with the "
            "arrow keys (Shift: 10 pixels). <i>Save to assessment</i> stores the value with "
            "the instrument 'photo' or 'video' and keeps the annotated still with it.</p>",
        )
        + QCoreApplication.translate(
            "MediaGuidance",
            "<p>Without a mouse: Enter places the next point in the middle of the picture, "
            "selected; move it with the arrow keys, and Tab picks another point.</p>",
        )
        + QCoreApplication.translate(
            "MediaGuidance", "<p>Taking a picture that can be measured:</p>"
        )
        + guidance_html()
    )


def seen(code: str) -> bool:
    """Whether the set-up guidance was already shown for this measure."""
    value = QSettings().value(f"{SETTINGS_KEY}/{code}", False)
    return value in (True, "true", "1", 1)


def mark_seen(code: str) -> None:
    """Remembers that the guidance was shown for this measure (on this computer)."""
    QSettings().setValue(f"{SETTINGS_KEY}/{code}", True)
