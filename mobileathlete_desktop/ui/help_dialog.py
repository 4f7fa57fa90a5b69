"""A short in-app help: keyboard shortcuts, backups and where the data lives."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from mobileathlete_desktop.services.backups import KEEP_DAILY, KEEP_WEEKLY
from mobileathlete_desktop.ui.i18n import QT_TRANSLATE_NOOP
from mobileathlete_desktop.ui.screen_fit import fit_to_screen

SHORTCUTS = (
    ("Ctrl+F", QT_TRANSLATE_NOOP("HelpDialog", "Find a client: puts the cursor in the search box")),
    (
        QT_TRANSLATE_NOOP("HelpDialog", "Enter (in the search box)"),
        QT_TRANSLATE_NOOP("HelpDialog", "Open the first client found, or the selected one"),
    ),
    (
        QT_TRANSLATE_NOOP("HelpDialog", "Up / Down"),
        QT_TRANSLATE_NOOP("HelpDialog", "Move through the client list; the page follows"),
    ),
    (
        QT_TRANSLATE_NOOP("HelpDialog", "Ctrl+Shift+N / Ctrl+E"),
        QT_TRANSLATE_NOOP("HelpDialog", "New client / edit the shown client"),
    ),
    ("Ctrl+N", QT_TRANSLATE_NOOP("HelpDialog", "New assessment for the shown client")),
    (
        QT_TRANSLATE_NOOP("HelpDialog", "Ctrl+Shift+P"),
        QT_TRANSLATE_NOOP(
            "HelpDialog", "Home program for the shown client (drill library, handout)"
        ),
    ),
    (
        "Ctrl+R",
        QT_TRANSLATE_NOOP(
            "HelpDialog", "Reports: a day's clients or chosen ones; preview, print, save"
        ),
    ),
    (
        "Ctrl+L",
        QT_TRANSLATE_NOOP(
            "HelpDialog", "Lock the program now (it also locks itself when left alone)"
        ),
    ),
    ("F1", QT_TRANSLATE_NOOP("HelpDialog", "This help")),
)
GRID_KEYS = (
    (
        QT_TRANSLATE_NOOP("HelpDialog", "Type a number"),
        QT_TRANSLATE_NOOP(
            "HelpDialog", "Enters it in the cell; Tab or Enter moves to the next cell"
        ),
    ),
    (
        QT_TRANSLATE_NOOP("HelpDialog", "Arrow keys"),
        QT_TRANSLATE_NOOP("HelpDialog", "Move between cells"),
    ),
    ("P", QT_TRANSLATE_NOOP("HelpDialog", "Marks the value painful (again to clear)")),
    (QT_TRANSLATE_NOOP("HelpDialog", "Delete"), QT_TRANSLATE_NOOP("HelpDialog", "Clears the cell")),
    (
        QT_TRANSLATE_NOOP("HelpDialog", "Ctrl+Z / Ctrl+Shift+Z"),
        QT_TRANSLATE_NOOP("HelpDialog", "Undo / redo in the assessment"),
    ),
)


def _t(text: str) -> str:
    return QCoreApplication.translate("HelpDialog", text)


def _table(rows: tuple[tuple[str, str], ...]) -> str:
    cells = "".join(
        f"<tr><td><b>{escape(_t(k))}</b></td><td>{escape(_t(what))}</td></tr>" for k, what in rows
    )
    return f"<table cellpadding='3'>{cells}</table>"


FLAG_MEANINGS = {
    "worse": QT_TRANSLATE_NOOP(
        "HelpDialog", "Worse than last visit by more than the measurement error or the MCID"
    ),
    "pain": QT_TRANSLATE_NOOP("HelpDialog", "Painful during the test"),
    "control_deficit": QT_TRANSLATE_NOOP(
        "HelpDialog", "Moves further with help than alone: control work, not stretching"
    ),
    "faults": QT_TRANSLATE_NOOP(
        "HelpDialog", "Movement faults seen, or a poor rating, in a motor-control test"
    ),
    "below_norm": QT_TRANSLATE_NOOP(
        "HelpDialog", "Below the usual range for the client's age and sex (source on hover)"
    ),
    "asymmetry": QT_TRANSLATE_NOOP(
        "HelpDialog", "Left and right differ by more than the test's threshold"
    ),
    "cutoff": QT_TRANSLATE_NOOP(
        "HelpDialog", "Past a published reference point (from one group; not a risk prediction)"
    ),
    "above_norm": QT_TRANSLATE_NOOP("HelpDialog", "Above the usual range"),
    "improved": QT_TRANSLATE_NOOP(
        "HelpDialog", "Better than last visit by more than the measurement error or the MCID"
    ),
    "clinically_important": QT_TRANSLATE_NOOP(
        "HelpDialog", "The change reaches the minimal clinically important difference"
    ),
}


def _findings() -> tuple[tuple[str, str], ...]:
    from mobileathlete_desktop.ui.findings_panel import FLAG_SYMBOLS

    return tuple((FLAG_SYMBOLS[flag], FLAG_MEANINGS[flag]) for flag in FLAG_SYMBOLS)


def _media_help() -> str:
    """Measuring on photos and video, with the camera set-up (ui/media/guidance.py)."""
    from mobileathlete_desktop.ui.media.guidance import help_section

    return help_section()


def help_html(database_location: str) -> str:
    """The help text in the window's language, with this installation's database location."""
    return "".join(
        (
            QCoreApplication.translate("HelpDialog", "<h2>Using Mobile Athlete</h2>"),
            QCoreApplication.translate(
                "HelpDialog",
                "<p>Search for a client by name, chart number or date of birth; the list "
                "narrows as you type. Choose a client to see their profile, assessments and "
                "latest findings; the <i>Progress</i> tab charts each measure over time.</p>",
            ),
            QCoreApplication.translate("HelpDialog", "<h3>Keyboard shortcuts</h3>"),
            _table(SHORTCUTS),
            QCoreApplication.translate("HelpDialog", "<h3>In the assessment grid</h3>"),
            _table(GRID_KEYS),
            QCoreApplication.translate(
                "HelpDialog",
                "<p>Every value is saved the moment you enter it; there is no Save button, "
                "and an assessment left open (or a computer that stops) is found again as a "
                "draft. Signing locks it; later corrections are addenda beside the "
                "original.</p>",
            ),
            _media_help(),
            QCoreApplication.translate(
                "HelpDialog",
                "<h3>Findings</h3><p>The same symbols mark the grid's cells while you type, "
                "and the findings beside the grid list them, most pressing first (hover for "
                "the reasons).</p>",
            ),
            _table(_findings()),
            QCoreApplication.translate("HelpDialog", "<h3>Where your data lives</h3>"),
            QCoreApplication.translate(
                "HelpDialog", "<p>This window works on: <b>{place}</b>.</p>"
            ).format(place=escape(database_location)),
            QCoreApplication.translate(
                "HelpDialog",
                "<p>A single computer keeps one database file in your user data folder. A "
                "clinic with several computers shares one clinic server (PostgreSQL): never "
                "put the database file on a network drive.</p>",
            ),
            QCoreApplication.translate("HelpDialog", "<h3>Backups</h3>"),
            QCoreApplication.translate(
                "HelpDialog",
                "<p>The program backs the database up by itself: before any upgrade, and once "
                "a day (the last {daily} daily and {weekly} weekly copies are kept), each "
                "checked after writing. An administrator can send them to another drive "
                "(<code>mobileathlete backup --set-folder DIR</code>) and restore one with "
                "<code>mobileathlete restore FILE</code>, which keeps the current file aside. "
                "<code>mobileathlete check</code> reports the database's health and changes "
                "nothing.</p>",
            ).format(daily=KEEP_DAILY, weekly=KEEP_WEEKLY),
        )
    )


class HelpDialog(QDialog):
    """The in-app help, a few paragraphs in a scrollable view."""

    def __init__(self, database_location: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Mobile Athlete Help"))
        fit_to_screen(self, QSize(620, 520))
        self.text = QTextBrowser()
        self.text.setAccessibleName(self.tr("Help"))
        self.text.setHtml(help_html(database_location))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
