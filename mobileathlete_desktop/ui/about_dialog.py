"""The About dialog: version, where the data lives, and the notices of the bundled libraries."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from html import escape
from importlib.metadata import PackageNotFoundError, version

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from mobileathlete_desktop import __version__
from mobileathlete_desktop.ui.screen_fit import fit_to_screen


@dataclass(frozen=True)
class Notice:
    """One bundled library: its distribution name, what it is for, and its licence."""

    name: str
    distribution: str | None
    purpose: str
    licence: str


NOTICES = (
    Notice(
        "Qt for Python (PySide6)",
        "PySide6-Essentials",
        "windows and widgets",
        "GNU LGPL v3. The Qt libraries are separate, replaceable files inside the program "
        "folder; their source is available from the Qt Company.",
    ),
    Notice("Python", None, "the language runtime", "Python Software Foundation License"),
    Notice("SQLAlchemy", "SQLAlchemy", "database access", "MIT License"),
    Notice("Alembic", "alembic", "database upgrades", "MIT License"),
    Notice("matplotlib", "matplotlib", "charts", "matplotlib License (BSD-style, PSF-based)"),
    Notice("ReportLab", "reportlab", "PDF reports and handouts", "BSD License"),
    Notice("argon2-cffi", "argon2-cffi", "password hashing", "MIT License"),
    Notice("platformdirs", "platformdirs", "where data is stored", "MIT License"),
    Notice(
        "DejaVu fonts",
        None,
        "text in charts (shipped with matplotlib)",
        "Bitstream Vera and DejaVu font licence (free to use and redistribute)",
    ),
)


def library_version(notice: Notice) -> str:
    """The installed version of a bundled library, read from its metadata ("" when unknown)."""
    if notice.distribution is None:
        return sys.version.split()[0] if notice.name == "Python" else ""
    try:
        return version(notice.distribution)
    except PackageNotFoundError:
        return ""


def about_html(database_location: str) -> str:
    """The dialog's text: program, version, data location and the library notices."""
    rows = "".join(
        "<tr>"
        f"<td><b>{escape(n.name)}</b> {escape(library_version(n))}</td>"
        f"<td>{escape(n.purpose)}</td>"
        f"<td>{escape(n.licence)}</td>"
        "</tr>"
        for n in NOTICES
    )
    return (
        f"<h2>Mobile Athlete {escape(__version__)}</h2>"
        "<p>Mobility assessment, interpretation and home programs for sports physical "
        "therapists.</p>"
        f"<p><b>Database:</b> {escape(database_location)}</p>"
        "<h3>Bundled software</h3>"
        "<table cellspacing='0' cellpadding='4'>"
        "<tr><th align='left'>Library</th><th align='left'>Used for</th>"
        f"<th align='left'>Licence</th></tr>{rows}</table>"
    )


class AboutDialog(QDialog):
    """Shows the version, the database location and the licence notices."""

    def __init__(self, database_location: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About Mobile Athlete")
        fit_to_screen(self, QSize(720, 520))
        self.text = QTextBrowser()
        self.text.setAccessibleName("About Mobile Athlete")
        self.text.setOpenExternalLinks(False)
        self.text.setHtml(about_html(database_location))
        hint = QLabel("Mobile Athlete keeps clinic data on this computer or your clinic server.")
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
