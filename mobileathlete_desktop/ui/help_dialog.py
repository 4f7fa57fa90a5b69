"""A short in-app help: keyboard shortcuts, backups and where the data lives."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from mobileathlete_desktop.services.backups import KEEP_DAILY, KEEP_WEEKLY
from mobileathlete_desktop.ui.screen_fit import fit_to_screen

SHORTCUTS = (
    ("Ctrl+F", "Find a client: puts the cursor in the search box"),
    ("Enter (in the search box)", "Open the first client found, or the selected one"),
    ("Up / Down", "Move through the client list; the page follows"),
    ("Ctrl+Shift+N / Ctrl+E", "New client / edit the shown client"),
    ("Ctrl+N", "New assessment for the shown client"),
    ("Ctrl+Shift+P", "Home program for the shown client (drill library, handout)"),
    ("Ctrl+R", "Reports: a day's clients or chosen ones; preview, print, save"),
    ("Ctrl+L", "Lock the program now (it also locks itself when left alone)"),
    ("F1", "This help"),
)
GRID_KEYS = (
    ("Type a number", "Enters it in the cell; Tab or Enter moves to the next cell"),
    ("Arrow keys", "Move between cells"),
    ("P", "Marks the value painful (again to clear)"),
    ("Delete", "Clears the cell"),
    ("Ctrl+Z / Ctrl+Shift+Z", "Undo / redo in the assessment"),
)


def _table(rows: tuple[tuple[str, str], ...]) -> str:
    cells = "".join(
        f"<tr><td><b>{escape(k)}</b></td><td>{escape(what)}</td></tr>" for k, what in rows
    )
    return f"<table cellpadding='3'>{cells}</table>"


FLAG_MEANINGS = {
    "worse": "Worse than last visit by more than the measurement error or the MCID",
    "pain": "Painful during the test",
    "control_deficit": "Moves further with help than alone: control work, not stretching",
    "faults": "Movement faults seen, or a poor rating, in a motor-control test",
    "below_norm": "Below the usual range for the client's age and sex (source on hover)",
    "asymmetry": "Left and right differ by more than the test's threshold",
    "cutoff": "Past a published reference point (from one group; not a risk prediction)",
    "above_norm": "Above the usual range",
    "improved": "Better than last visit by more than the measurement error or the MCID",
    "clinically_important": "The change reaches the minimal clinically important difference",
}


def _findings() -> tuple[tuple[str, str], ...]:
    from mobileathlete_desktop.ui.findings_panel import FLAG_SYMBOLS

    return tuple((FLAG_SYMBOLS[flag], FLAG_MEANINGS[flag]) for flag in FLAG_SYMBOLS)


def help_html(database_location: str) -> str:
    """The help text, with this installation's database location."""
    return (
        "<h2>Using Mobile Athlete</h2>"
        "<p>Search for a client by name, chart number or date of birth; the list narrows as you "
        "type. Choose a client to see their profile, assessments and latest findings; the "
        "<i>Progress</i> tab charts each measure over time.</p>"
        f"<h3>Keyboard shortcuts</h3>{_table(SHORTCUTS)}"
        f"<h3>In the assessment grid</h3>{_table(GRID_KEYS)}"
        "<p>Every value is saved the moment you enter it; there is no Save button, and an "
        "assessment left open (or a computer that stops) is found again as a draft. Signing "
        "locks it; later corrections are addenda beside the original.</p>"
        "<h3>Findings</h3><p>The same symbols mark the grid's cells while you type, and the "
        "findings beside the grid list them, most pressing first (hover for the reasons).</p>"
        f"{_table(_findings())}"
        "<h3>Where your data lives</h3>"
        f"<p>This window works on: <b>{escape(database_location)}</b>.</p>"
        "<p>A single computer keeps one database file in your user data folder. A clinic with "
        "several computers shares one clinic server (PostgreSQL): never put the database file "
        "on a network drive.</p>"
        "<h3>Backups</h3>"
        "<p>The program backs the database up by itself: before any upgrade, and once a day "
        f"(the last {KEEP_DAILY} daily and {KEEP_WEEKLY} weekly copies are kept), each checked "
        "after writing. An administrator can send them to another drive "
        "(<code>mobileathlete backup --set-folder DIR</code>) and restore one with "
        "<code>mobileathlete restore FILE</code>, which keeps the current file aside. "
        "<code>mobileathlete check</code> reports the database's health and changes nothing.</p>"
    )


class HelpDialog(QDialog):
    """The in-app help, a few paragraphs in a scrollable view."""

    def __init__(self, database_location: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Mobile Athlete Help")
        fit_to_screen(self, QSize(620, 520))
        self.text = QTextBrowser()
        self.text.setAccessibleName("Help")
        self.text.setHtml(help_html(database_location))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
