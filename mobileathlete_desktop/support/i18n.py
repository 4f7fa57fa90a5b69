"""Translated text for handouts, reports and the command line: gettext catalogues, Babel formats.

The English text is written in the code (the gettext source strings); other languages come from
`mobileathlete_desktop/locale/<lang>/LC_MESSAGES/mobileathlete.mo`, built from the `.po` files by
`scripts/build_catalogs.py` (`make catalogs`). Which language is used follows the one rule of
`support.languages`: "es_MX.UTF-8" reads Spanish, an unknown language reads English, and a
language whose catalogue is missing reads English too (never an error, never a mixture).

Code marks its strings with the `Texts` methods, named as gettext's functions so that
`pybabel extract` finds them with its default keywords:

    tr = texts(lang)
    tr.gettext("Your drills")                             # "Tus ejercicios"
    tr.gettext("Week {number}", number=1)                 # {placeholders} filled after
    tr.ngettext("{count} set", "{count} sets", 3)         # the language's plural rule; {count}
    tr.pgettext("side of the body", "left")               # one word, several senses
    tr.date(on, "long")                                   # "2 de diciembre de 2026"

A string kept in a table before it is translated is marked with `N_` and translated where it is
used with `tr.gettext(message)`. Dates, numbers and plural rules come from Babel's CLDR data.
"""

from __future__ import annotations

import functools
import gettext
import io
from collections.abc import Callable
from datetime import date
from importlib import resources
from typing import TYPE_CHECKING

from mobileathlete_desktop.support.languages import DEFAULT_LANGUAGE, language_code

if TYPE_CHECKING:
    from babel import Locale

DOMAIN = "mobileathlete"
LOCALE_PACKAGE = "mobileathlete_desktop"


def N_(message: str) -> str:
    """Marks a string for extraction without translating it (`Texts.gettext` translates it)."""
    return message


def catalogue_path(lang: str) -> str:
    """Where a language's compiled catalogue sits inside the package."""
    return f"locale/{lang}/LC_MESSAGES/{DOMAIN}.mo"


@functools.cache
def _translation(code: str) -> gettext.NullTranslations:
    if code == DEFAULT_LANGUAGE:
        return gettext.NullTranslations()
    resource = resources.files(LOCALE_PACKAGE).joinpath(catalogue_path(code))
    try:
        data = resource.read_bytes()
    except OSError:
        return gettext.NullTranslations()
    return gettext.GNUTranslations(io.BytesIO(data))


def translation(lang: str | None) -> gettext.NullTranslations:
    """The gettext catalogue for a language (cached); English, the source text, for a language
    the program does not ship or whose catalogue is missing."""
    return _translation(language_code(lang))


def _format(message: str, values: dict[str, object]) -> str:
    return message.format(**values) if values else message


class Texts:
    """One language's translated text, dates and numbers."""

    def __init__(self, lang: str | None) -> None:
        self.lang = language_code(lang)
        self._catalogue = translation(self.lang)

    @functools.cached_property
    def locale(self) -> Locale:
        """Babel's locale, made when a date or number is first formatted: Babel and its
        locale data stay out of start-up, where only messages are needed."""
        from babel import Locale

        return Locale.parse(self.lang)

    def gettext(self, message: str, /, **values: object) -> str:
        """The message in this language, with `{name}` placeholders filled from `values`."""
        return _format(self._catalogue.gettext(message), values)

    def ngettext(self, singular: str, plural: str, count: int, /, **values: object) -> str:
        """The singular or plural form for `count` (the language's plural rule), with
        `{count}` and the other placeholders filled."""
        return _format(
            self._catalogue.ngettext(singular, plural, count), {"count": count, **values}
        )

    def pgettext(self, context: str, message: str, /, **values: object) -> str:
        """The message in a context, for a word with several senses ("left" as a side)."""
        return _format(self._catalogue.pgettext(context, message), values)

    def date(self, on: date, format: str = "long") -> str:
        """A date in this language: a CLDR pattern or short/medium/long/full ("long" reads
        "2 de diciembre de 2026" in Spanish, "December 2, 2026" in English)."""
        from babel.dates import format_date

        return format_date(on, format, locale=self.locale)

    def number(self, value: float, places: int | None = None, *, signed: bool = False) -> str:
        """A number as a document prints it, with this language's decimal mark: "7.5" in
        English, "7,5" in Spanish. As few decimals as it has (`:g`: "28", "0.17"), or exactly
        `places` ("2.20"); "+" before a positive number with `signed` ("+0,5"). No grouping
        ("1500", as the English documents always wrote it). The one rule for a number in
        handouts and reports; a unit is the caller's ("7,5°", "1,2 kg"), a percent sign
        `percent`'s ("39 %")."""
        sign = "+" if signed else ""
        shown = f"{value:{sign}g}" if places is None else f"{value:{sign}.{places}f}"
        return shown.replace(".", self.decimal_mark)

    def percent(self, value: float, places: int | None = None) -> str:
        """A percentage as a document prints it: `number`, then the sign as this language
        writes it: "93.4%" in English, "93,4 %" in Spanish (a space before the sign, as the
        RAE and CLDR write it; a no-break space, never alone at a line's start). The one
        rule for a percent the program words itself; `percent_spacing` says others' so."""
        return f"{self.number(value, places)}{self.percent_gap}%"

    @functools.cached_property
    def percent_gap(self) -> str:
        """What stands between a number and "%" in this language (CLDR's percent pattern):
        "" in English, a no-break space in Spanish."""
        pattern = str(self.locale.percent_formats[None].pattern)
        return "\u00a0" if any(f"{gap}%" in pattern for gap in " \u00a0\u202f") else ""

    @functools.cached_property
    def decimal_mark(self) -> str:
        """This language's decimal mark (CLDR): "." in English, "," in Spanish."""
        from babel.numbers import get_decimal_symbol

        return str(get_decimal_symbol(self.locale))


@functools.cache
def _texts(code: str) -> Texts:
    return Texts(code)


def texts(lang: str | None) -> Texts:
    """The `Texts` of a language (cached; the one rule for an unknown language)."""
    return _texts(language_code(lang))


def gettext_for(lang: str | None) -> tuple[Callable[[str], str], Callable[[str, str, int], str]]:
    """The plain `(gettext, ngettext)` pair of a language, for code that wants `_`."""
    catalogue = translation(lang)
    return catalogue.gettext, catalogue.ngettext
