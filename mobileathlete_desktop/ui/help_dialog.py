"""A short in-app help: keyboard shortcuts, backups and where the data lives."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

SHORTCUTS = (
    ("Ctrl+F", "Find a client: puts the cursor in the search box"),
    ("Enter (in the search box)", "Open the first client found, or the selected one"),
    ("Up / Down", "Move through the client list; the page follows"),
    ("F1", "This help"),
)


def help_html(database_location: str) -> str:
    """The help text, with this installation's database location."""
    keys = "".join(
        f"<tr><td><b>{escape(k)}</b></td><td>{escape(what)}</td></tr>" for k, what in SHORTCUTS
    )
    return (
        "<h2>Using Mobile Athlete</h2>"
        "<p>Search for a client by name, chart number or date of birth; the list narrows as you "
        "type. Choose a client to see their profile and assessments.</p>"
        f"<h3>Keyboard shortcuts</h3><table cellpadding='3'>{keys}</table>"
        "<h3>Where your data lives</h3>"
        f"<p>This window works on: <b>{escape(database_location)}</b>.</p>"
        "<p>Every value is saved the moment you enter it; there is no Save button. A single "
        "computer keeps one database file in your user data folder. A clinic with several "
        "computers shares one clinic server (PostgreSQL): never put the database file on a "
        "network drive.</p>"
        "<h3>Backups</h3>"
        "<p>Before the program upgrades a database it copies it to a <i>backups</i> folder "
        "beside it. Back up the database regularly to a drive that is not inside this computer, "
        "and check that a backup opens. To check a database's health run "
        "<code>mobileathlete check</code>.</p>"
    )


class HelpDialog(QDialog):
    """The in-app help, a few paragraphs in a scrollable view."""

    def __init__(self, database_location: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Mobile Athlete Help")
        self.resize(620, 520)
        self.text = QTextBrowser()
        self.text.setAccessibleName("Help")
        self.text.setHtml(help_html(database_location))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
