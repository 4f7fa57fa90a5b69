"""Texts kept in data as language tables: `{"en": "Hip flexion", "es": "Flexión de cadera"}`.

The catalogue's labels and the drill library's names, steps, cues and frequencies are such
tables, so a third language is one more key in the data files. Reading one applies the
program's one rule for languages (support/languages.pick): that language, else English.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping

from mobileathlete_desktop.support.languages import (
    DEFAULT_LANGUAGE,
    SUPPORTED_LANGUAGES,
    pick,
)

Texts = Mapping[str, str]
"""One text in several languages, keyed by language code."""
TextLists = Mapping[str, tuple[str, ...]]
"""A list of texts (steps, cues) in several languages, keyed by language code."""

_LANGUAGE_KEY = re.compile(r"^[a-z]{2,3}$")


class LanguageTableError(ValueError):
    """A language table in a data file is malformed (message names where and why)."""


def pick_lines(table: TextLists, lang: str | None) -> tuple[str, ...]:
    """The list for `lang` from a table of lists, by the same rule as `pick` (which chooses
    the language here, from a table of the languages that have a list)."""
    chosen = pick({code: code for code, lines in table.items() if lines}, lang)
    return table.get(chosen, ())


def text_table(value: object, where: str) -> dict[str, str]:
    """A checked table of texts: language codes to non-empty texts, English among them.

    A plain string is refused: the flat `name_en` / `name_es` keys were replaced by tables."""
    table = _table(value, where)
    out: dict[str, str] = {}
    for code, text in table.items():
        if not isinstance(text, str) or not text.strip():
            raise LanguageTableError(f"{where}.{code} must be a non-empty text")
        out[code] = text.strip()
    return out


def text_lists_table(
    value: object, where: str, bounds: tuple[int, int]
) -> dict[str, tuple[str, ...]]:
    """A checked table of text lists, each of `bounds` (low, high) non-empty texts."""
    table = _table(value, where)
    low, high = bounds
    out: dict[str, tuple[str, ...]] = {}
    for code, lines in table.items():
        if not isinstance(lines, list) or not all(isinstance(v, str) and v.strip() for v in lines):
            raise LanguageTableError(f"{where}.{code} must be a list of non-empty texts")
        if not low <= len(lines) <= high:
            raise LanguageTableError(
                f"{where}.{code} has {len(lines)} entries, expected {low}–{high}"
            )
        out[code] = tuple(v.strip() for v in lines)
    return out


def missing_languages(
    table: Mapping[str, object], languages: Collection[str] = SUPPORTED_LANGUAGES
) -> tuple[str, ...]:
    """The languages of `languages` that the table has no text for (shipped data has none)."""
    return tuple(code for code in languages if not table.get(code))


def _table(value: object, where: str) -> Mapping[str, object]:
    if not isinstance(value, Mapping):
        raise LanguageTableError(
            f"{where} must be a language table such as {{ en = ..., es = ... }}"
        )
    for code in value:
        if not isinstance(code, str) or not _LANGUAGE_KEY.match(code):
            raise LanguageTableError(f"{where}: {code!r} is not a language code (en, es, ...)")
    if DEFAULT_LANGUAGE not in value:
        raise LanguageTableError(f"{where} has no English ({DEFAULT_LANGUAGE}) text")
    return value


__all__ = [
    "LanguageTableError",
    "TextLists",
    "Texts",
    "missing_languages",
    "pick_lines",
    "text_lists_table",
    "text_table",
]
