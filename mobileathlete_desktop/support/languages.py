"""The languages the program speaks, and the one rule for a language it does not.

The rule, everywhere (window, handouts, reports, command line, data tables): a language code
is reduced to its two-letter base ("es_MX.UTF-8", "es-ES", "ES" are all Spanish); a language
the program does not ship falls back to English, never to an error, and never to a mixture
of an untranslated key and a translated one. The command line's `--lang` offers only the
supported codes, so a typo there is refused by the option parser before this rule applies.

A text that exists in several languages is a table keyed by language code
(`{"en": ..., "es": ...}`), so a third language is data, not a schema change.
"""

from __future__ import annotations

from collections.abc import Mapping

SUPPORTED_LANGUAGES: tuple[str, ...] = ("en", "es")
DEFAULT_LANGUAGE = "en"
LANGUAGE_NAMES: Mapping[str, str] = {"en": "English", "es": "Español"}


def language_code(code: str | None) -> str:
    """The supported language for a code or locale name; English for anything else."""
    if not code:
        return DEFAULT_LANGUAGE
    base = code.strip().replace("-", "_").split(".")[0].split("_")[0].lower()
    return base if base in SUPPORTED_LANGUAGES else DEFAULT_LANGUAGE


def pick(texts: Mapping[str, str], lang: str | None) -> str:
    """The text for `lang` from a language table: that language, else English, else any."""
    code = language_code(lang)
    if texts.get(code):
        return texts[code]
    if texts.get(DEFAULT_LANGUAGE):
        return texts[DEFAULT_LANGUAGE]
    return next((text for text in texts.values() if text), "")
