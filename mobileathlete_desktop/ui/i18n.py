"""The window's language: Qt Linguist translations (.qm) installed on the application.

One rule (support.languages.language_code): the language is MOBILEATHLETE_LANG when set, else
the system's (QLocale.system(), which follows LC_ALL / LC_MESSAGES / LANG on Linux), reduced to
its base; a language the program does not ship gives the English window. For Spanish, Qt's own
qtbase_es.qm (standard buttons, file dialogs, context menus) and every
mobileathlete_<group>_es.qm of the package's translations folder are installed, and the default
QLocale follows, so dates and numbers in widgets read as Spanish ones.

The clinic's default_language (storage) is the language of a client's handout, not of the
window: a Spanish-speaking therapist may hand English sheets out and the other way round.
"""

from __future__ import annotations

import logging
import os
from importlib import resources
from importlib.resources.abc import Traversable

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from mobileathlete_desktop.support.languages import DEFAULT_LANGUAGE, language_code

LANGUAGE_ENV = "MOBILEATHLETE_LANG"
TRANSLATIONS_PACKAGE = "mobileathlete_desktop.ui.translations"
_PREFIX = "mobileathlete_"
_installed: list[QTranslator] = []
_default_locale: QLocale | None = None  # QLocale() before the first install
_log = logging.getLogger(__name__)


def window_language(lang: str | None = None) -> str:
    """The supported language the window speaks: `lang`, else MOBILEATHLETE_LANG, else the
    system locale; English for anything the program does not ship."""
    chosen = lang or os.environ.get(LANGUAGE_ENV) or QLocale.system().name()
    return language_code(chosen)


def translation_files(lang: str) -> list[Traversable]:
    """The program's .qm files for `lang` (mobileathlete_<group>_<lang>.qm), in name order."""
    folder = resources.files(TRANSLATIONS_PACKAGE)
    suffix = f"_{lang}.qm"
    return sorted(
        (
            entry
            for entry in folder.iterdir()
            if entry.name.startswith(_PREFIX) and entry.name.endswith(suffix)
        ),
        key=lambda entry: entry.name,
    )


def install_translations(app: QCoreApplication, lang: str | None = None) -> str:
    """Installs the window's translations on `app`; returns the language used ("en", "es").

    Call it before any window is built. Calling it again replaces what it installed.
    """
    remove_translations(app)
    global _default_locale
    if _default_locale is None:
        _default_locale = QLocale()
    code = window_language(lang)
    system = QLocale.system()
    # The system's own region when it speaks that language (es_MX dates stay Mexican).
    same = QLocale.languageToCode(system.language()) == code  # fr_FR is not "en"
    QLocale.setDefault(system if same else QLocale(code))
    if code == DEFAULT_LANGUAGE:
        return code
    qt = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(f"qtbase_{code}", folder):
        _install(app, qt)
    else:
        _log.warning("Qt's own translation qtbase_%s.qm was not found in %s", code, folder)
    for entry in translation_files(code):
        translator = QTranslator(app)
        with resources.as_file(entry) as path:  # the file itself unless zipped
            loaded = translator.load(str(path))
        if loaded:
            _install(app, translator)
        else:
            _log.warning("the translation %s could not be read", entry.name)
    return code


def _install(app: QCoreApplication, translator: QTranslator) -> None:
    app.installTranslator(translator)
    _installed.append(translator)


def remove_translations(app: QCoreApplication) -> None:
    """Takes off what install_translations put on (the window reads English again)."""
    while _installed:
        translator = _installed.pop()
        app.removeTranslator(translator)
        translator.deleteLater()
    if _default_locale is not None:
        QLocale.setDefault(_default_locale)


def role_name(role: str) -> str:
    """A role ("therapist", "admin") as the window names it in its language."""
    names = {
        "therapist": QCoreApplication.translate("Roles", "therapist"),
        "admin": QCoreApplication.translate("Roles", "admin"),
    }
    return names.get(role, role)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks `text` for pyside6-lupdate in `context` and returns it as is (PySide6's own is
    typed as returning object); translate it where shown with QCoreApplication.translate."""
    return text
