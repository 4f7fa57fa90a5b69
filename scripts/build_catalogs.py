"""Builds the gettext catalogues of handouts, reports and the command line (`make catalogs`).

1. extract: every marked string in the package (babel.cfg; the keywords of support/i18n.py)
   into mobileathlete_desktop/locale/mobileathlete.pot;
2. update: each language's .po gets the new messages (empty) and loses the removed ones;
3. compile: each .po into the .mo the program reads (committed, shipped in the wheel).

After step 2, fill the new msgstr entries of every .po (and clear any "fuzzy" flag), then run
this again: tests/support/test_catalogs.py fails while a translation is missing or a .mo is
older than its .po.

A run that finds the same messages as the committed .pot keeps it as it is: pybabel stamps a
fresh POT-Creation-Date on every extract, which `update` copies into each .po and `compile`
into each .mo, so without this every run would rewrite all three files with no message changed.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from pathlib import Path

from babel.messages.frontend import CommandLineInterface

from mobileathlete_desktop.support.languages import DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "mobileathlete_desktop" / "locale"
DOMAIN = "mobileathlete"
POT = LOCALE / f"{DOMAIN}.pot"
CREATION_DATE = re.compile(r'^"POT-Creation-Date: [^"]*"\n', re.MULTILINE)


def pybabel(*args: str) -> None:
    """Runs one pybabel command (Babel's own command line, without needing it on PATH)."""
    CommandLineInterface().run(["pybabel", "--quiet", *args])


def _without_creation_date(text: str) -> str:
    return CREATION_DATE.sub("", text, count=1)


def extract(pot: Path = POT) -> None:
    """Every marked message of the package into a .pot file, which is left untouched (its
    creation date too) when only that date would change."""
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / pot.name
        _extract_to(fresh)
        text = fresh.read_text(encoding="utf-8")
    old = pot.read_text(encoding="utf-8") if pot.exists() else ""
    if _without_creation_date(old) != _without_creation_date(text):
        pot.write_text(text, encoding="utf-8")


def _extract_to(pot: Path) -> None:
    # Babel's default keywords (_, gettext, ngettext, pgettext, N_, ...) are the names of the
    # Texts methods of support/i18n.py. Run from the repository so locations are relative.
    os.chdir(ROOT)
    pybabel(
        "extract",
        "-F",
        "babel.cfg",
        "--add-comments=Translators:",
        "--add-location=file",
        "--sort-by-file",
        "--width=100",
        "--project=Mobile Athlete Desktop",
        "--msgid-bugs-address=",
        "--copyright-holder=Mobile Athlete developers",
        "-o",
        str(pot),
        "mobileathlete_desktop",
    )


def update(locale: Path = LOCALE) -> None:
    """New messages into every language's .po (empty, to fill); removed ones dropped. A
    supported language without a .po yet gets one (English is the source text: none). Each
    .po takes the .pot's creation date, so an unchanged .pot leaves the .po unchanged."""
    pot = locale / POT.name
    for lang in SUPPORTED_LANGUAGES:
        po = locale / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
        if lang != DEFAULT_LANGUAGE and not po.exists():
            pybabel("init", "-i", str(pot), "-d", str(locale), "-D", DOMAIN, "-l", lang)
    pybabel(
        "update",
        "-i",
        str(pot),
        "-d",
        str(locale),
        "-D",
        DOMAIN,
        "--no-fuzzy-matching",
        "--ignore-obsolete",
        "--width=100",
    )


def compile_catalogues(directory: Path = LOCALE) -> None:
    """Every .po under `directory` into its .mo."""
    pybabel("compile", "-d", str(directory), "-D", DOMAIN, "--statistics")


def main(locale: Path = LOCALE) -> int:
    extract(locale / POT.name)
    update(locale)
    compile_catalogues(locale)
    return 0


if __name__ == "__main__":
    sys.exit(main())
