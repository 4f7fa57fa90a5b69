"""The words of a dose: how often ("daily", "3 times a week") and the load ("red band", "5 kg
dumbbell"), recognised as typed in any of the program's languages and said in the reader's.

A program keeps what the therapist typed; `frequency_text` and `load_text` say it again in the
handout's language (domain.programs.dosage_text words the whole dose with them), and
`TIMES_TYPED` / `PERIODS` read "3 veces por semana" back as sessions a week.
"""

from __future__ import annotations

import functools
import re

from mobileathlete_desktop.support import languages
from mobileathlete_desktop.support.i18n import N_, Texts, texts

# How often, in the words the library and a therapist use (English, the gettext source text;
# the catalogues say them in other languages). A program keeps the frequency in the language it
# was written in (the program builder writes English), so the handout says it again in the
# client's language: a phrase is recognised in any other language and said in the handout's.
_FREQUENCY_PHRASES: tuple[str, ...] = (
    N_("daily"),
    N_("every day"),
    N_("every other day"),
    N_("once a week"),
    N_("twice a week"),
    N_("once a day"),
    N_("twice a day"),
    N_("before every run"),
    N_("before each run"),
    N_("before runs"),
    N_("before running"),
    N_("after every run"),
    N_("after runs"),
    N_("after running"),
    N_("on rest days"),
    N_("on non-running days"),
)
# "3 times a week", "2–3 veces por semana" as typed in each language (reading, not writing).
TIMES_TYPED = {
    "en": re.compile(r"^(\d+)(?:\s*[–-]\s*(\d+))? times? (?:a|per) (week|day)$"),
    "es": re.compile(
        r"^(\d+)(?:\s*(?:o|[–-])\s*(\d+))? (?:vez|veces) (?:por|a la|al) (semana|día)$"
    ),
}
PERIODS = {"week": "week", "day": "day", "semana": "week", "día": "day"}


def times_text(low: str, high: str | None, period: str, tr: Texts) -> str:
    if high:
        if period == "day":
            return tr.gettext("{low}–{high} times a day", low=low, high=high)
        return tr.gettext("{low}–{high} times a week", low=low, high=high)
    if period == "day":
        return tr.ngettext("{count} time a day", "{count} times a day", int(low))
    return tr.ngettext("{count} time a week", "{count} times a week", int(low))


def _frequency_piece(piece: str, tr: Texts) -> str:
    folded = piece.strip().casefold()
    for source in languages.SUPPORTED_LANGUAGES:
        if source == tr.lang:
            continue
        said = texts(source)
        for phrase in _FREQUENCY_PHRASES:
            if folded == said.gettext(phrase).casefold():
                return tr.gettext(phrase)
        pattern = TIMES_TYPED.get(source)
        match = pattern.match(folded) if pattern is not None else None
        if match is not None:
            low, high, period = match.groups()
            return times_text(low, high, PERIODS[period], tr)
    return piece.strip()


def frequency_text(frequency: str, lang: str = "en") -> str:
    """How often, said in that language: "3 times a week" becomes "3 veces por semana" in
    Spanish and back; "before runs, twice a week" is translated piece by piece. Words the
    program does not know are kept as typed."""
    if not frequency.strip():
        return frequency.strip()
    tr = texts(lang)
    return ", ".join(_frequency_piece(piece, tr) for piece in frequency.split(","))


# What a drill works against, in the words a clinic types (English, the gettext source text;
# the catalogues say them in other languages): a band by its colour or strength, body weight,
# a dumbbell, a kettlebell, a backpack, a step. A typed load is said again in the handout's
# language as the frequency is, piece by piece ("red band, 2 kg each hand"); a piece the
# program does not know is kept as typed, and a number with its unit stays as typed.
_LOAD_PHRASES: tuple[str, ...] = (
    N_("body weight"),
    N_("bodyweight"),
    N_("no weight"),
    N_("light weight"),
    N_("band"),
    N_("resistance band"),
    N_("mini band"),
    N_("light band"),
    N_("medium band"),
    N_("heavy band"),
    # Translators: a resistance band by its colour (its strength); Spanish "banda elástica
    # amarilla" (the colour agrees with "banda").
    N_("yellow band"),
    N_("red band"),
    N_("green band"),
    N_("blue band"),
    N_("black band"),
    N_("silver band"),
    N_("gold band"),
    N_("grey band"),
    N_("gray band"),
    N_("purple band"),
    N_("orange band"),
    N_("dumbbell"),
    N_("dumbbells"),
    N_("light dumbbell"),
    N_("light dumbbells"),
    N_("heavy dumbbell"),
    N_("kettlebell"),
    N_("light kettlebell"),
    N_("backpack"),
    N_("loaded backpack"),
    N_("weighted backpack"),
    N_("weight vest"),
    N_("ankle weights"),
    N_("step"),
    N_("low step"),
    N_("high step"),
    N_("bottom stair"),
    N_("box"),
    N_("low box"),
    N_("high box"),
)
# A load with its amount: {amount} is a number and unit as typed ("5 kg", "2.5kg", "20 cm",
# "10 lb"), never changed.
_LOAD_PATTERNS: tuple[str, ...] = (
    # Translators: {amount} is a weight as the therapist typed it ("5 kg").
    N_("{amount} dumbbell"),
    N_("{amount} dumbbells"),
    N_("{amount} dumbbell in each hand"),
    N_("{amount} in each hand"),
    N_("{amount} each hand"),
    N_("dumbbell {amount}"),
    N_("{amount} kettlebell"),
    N_("kettlebell {amount}"),
    N_("{amount} backpack"),
    N_("backpack with {amount}"),
    N_("{amount} weight vest"),
    N_("{amount} ankle weights"),
    N_("{amount} medicine ball"),
    # Translators: {amount} is the step's height as the therapist typed it ("20 cm").
    N_("{amount} step"),
    N_("step {amount}"),
    N_("step height {amount}"),
    N_("{amount} box"),
)
_AMOUNT = r"\d+(?:[.,]\d+)?(?:\s*[–-]\s*\d+(?:[.,]\d+)?)?\s*(?:kg|g|lbs?|cm|mm|m|in)\b\.?"
_LOAD_SEPARATOR = re.compile(r"(\s*(?:,(?!\d)|;|\s\+\s)\s*)")


@functools.cache
def _load_pattern(template: str) -> re.Pattern[str]:
    """A load pattern as said in one language, for reading: "mancuerna de {amount}"."""
    head, _, tail = template.partition("{amount}")
    body = rf"{_spaced(head)}(?P<amount>{_AMOUNT}){_spaced(tail)}"
    return re.compile(rf"^{body}$", re.IGNORECASE)


def _spaced(words: str) -> str:
    return r"\s+".join(re.escape(word) for word in words.split(" "))


def _load_piece(piece: str, tr: Texts) -> str:
    typed = " ".join(piece.split())
    folded = typed.casefold()
    for source in languages.SUPPORTED_LANGUAGES:
        if source == tr.lang:
            continue
        said = texts(source)
        for phrase in _LOAD_PHRASES:
            if folded == said.gettext(phrase).casefold():
                return tr.gettext(phrase)
        for template in _LOAD_PATTERNS:
            match = _load_pattern(said.gettext(template)).match(typed)
            if match is not None:
                return tr.gettext(template, amount=match["amount"])
    return piece


def load_text(load: str, lang: str = "en") -> str:
    """What the drill works against, said in that language: "red band" becomes "banda
    elástica roja" in Spanish and back, "5 kg dumbbell" "mancuerna de 5 kg" (the amount as
    typed); "red band, 2 kg each hand" is said piece by piece. Words the program does not know
    are kept as typed ("5 kg", "Thera-Band gold")."""
    text = load.strip()
    if not text:
        return text
    tr = texts(lang)
    pieces = _LOAD_SEPARATOR.split(text)
    return "".join(piece if n % 2 else _load_piece(piece, tr) for n, piece in enumerate(pieces))
