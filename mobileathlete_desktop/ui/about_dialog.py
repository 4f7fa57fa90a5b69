"""The About dialog: version, where the data lives, and the notices of the bundled libraries."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from html import escape
from importlib.metadata import PackageNotFoundError, version

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from mobileathlete_desktop import __version__
from mobileathlete_desktop.ui.i18n import QT_TRANSLATE_NOOP
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
        QT_TRANSLATE_NOOP("AboutDialog", "windows and widgets"),
        QT_TRANSLATE_NOOP(
            "AboutDialog",
            "GNU LGPL v3. The Qt libraries are separate, replaceable files inside the program "
            "folder; their source is available from the Qt Company.",
        ),
    ),
    Notice(
        "Python",
        None,
        QT_TRANSLATE_NOOP("AboutDialog", "the language runtime"),
        "Python Software Foundation License",
    ),
    Notice(
        "SQLAlchemy",
        "SQLAlchemy",
        QT_TRANSLATE_NOOP("AboutDialog", "database access"),
        "MIT License",
    ),
    Notice(
        "Alembic", "alembic", QT_TRANSLATE_NOOP("AboutDialog", "database upgrades"), "MIT License"
    ),
    Notice(
        "matplotlib",
        "matplotlib",
        QT_TRANSLATE_NOOP("AboutDialog", "charts"),
        "matplotlib License (BSD-style, PSF-based)",
    ),
    Notice(
        "ReportLab",
        "reportlab",
        QT_TRANSLATE_NOOP("AboutDialog", "PDF reports and handouts"),
        "BSD License",
    ),
    Notice(
        "argon2-cffi",
        "argon2-cffi",
        QT_TRANSLATE_NOOP("AboutDialog", "password hashing"),
        "MIT License",
    ),
    Notice(
        "platformdirs",
        "platformdirs",
        QT_TRANSLATE_NOOP("AboutDialog", "where data is stored"),
        "MIT License",
    ),
    Notice(
        "DejaVu fonts",
        None,
        QT_TRANSLATE_NOOP("AboutDialog", "text in charts (shipped with matplotlib)"),
        QT_TRANSLATE_NOOP(
            "AboutDialog",
            "Bitstream Vera and DejaVu font licence (free to use and redistribute)",
        ),
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

    def _t(text: str) -> str:
        return QCoreApplication.translate("AboutDialog", text)

    rows = "".join(
        "<tr>"
        f"<td><b>{escape(n.name)}</b> {escape(library_version(n))}</td>"
        f"<td>{escape(_t(n.purpose))}</td>"
        f"<td>{escape(_t(n.licence))}</td>"
        "</tr>"
        for n in NOTICES
    )
    heading = QCoreApplication.translate(
        "AboutDialog",
        "<tr><th align='left'>Library</th><th align='left'>Used for</th>"
        "<th align='left'>Licence</th></tr>",
    )
    return (
        f"<h2>Mobile Athlete {escape(__version__)}</h2>"
        + QCoreApplication.translate(
            "AboutDialog",
            "<p>Mobility assessment, interpretation and home programs for sports physical "
            "therapists.</p>",
        )
        + QCoreApplication.translate("AboutDialog", "<p><b>Database:</b> {place}</p>").format(
            place=escape(database_location)
        )
        + QCoreApplication.translate("AboutDialog", "<h3>Bundled software</h3>")
        + f"<table cellspacing='0' cellpadding='4'>{heading}{rows}</table>"
    )


class AboutDialog(QDialog):
    """Shows the version, the database location and the licence notices."""

    def __init__(self, database_location: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Mobile Athlete"))
        fit_to_screen(self, QSize(720, 520))
        self.text = QTextBrowser()
        self.text.setAccessibleName(self.tr("About Mobile Athlete"))
        self.text.setOpenExternalLinks(False)
        self.text.setHtml(about_html(database_location))
        hint = QLabel(
            self.tr("Mobile Athlete keeps clinic data on this computer or your clinic server.")
        )
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
