"""Home programs as plain records: the drills a client takes home, with dosage, in order."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from mobileathlete_desktop.support import languages
from mobileathlete_desktop.support.i18n import N_, Texts, texts


@dataclass(frozen=True)
class ProgramItemRecord:
    """One drill of a home program with its dosage and why it was chosen."""

    exercise_code: str
    sets: int | None = None
    reps: int | None = None
    hold_s: int | None = None
    per_side: bool = False
    frequency: str = ""
    notes: str = ""
    reason: str = ""


@dataclass(frozen=True)
class ProgramRecord:
    """A saved home program for a client on a date, or a reusable template (no client)."""

    id: int | None
    client_id: int | None
    date: date | None
    title: str
    items: tuple[ProgramItemRecord, ...] = ()
    notes: str = ""
    summary: str = ""
    therapist: str = ""
    is_template: bool = False
    assessment_id: int | None = None
    recommended: bool = False


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
_TIMES = {
    "en": re.compile(r"^(\d+)(?:\s*[–-]\s*(\d+))? times? (?:a|per) (week|day)$"),
    "es": re.compile(
        r"^(\d+)(?:\s*(?:o|[–-])\s*(\d+))? (?:vez|veces) (?:por|a la|al) (semana|día)$"
    ),
}
_PERIOD = {"week": "week", "day": "day", "semana": "week", "día": "day"}


def _times_text(low: str, high: str | None, period: str, tr: Texts) -> str:
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
        pattern = _TIMES.get(source)
        match = pattern.match(folded) if pattern is not None else None
        if match is not None:
            low, high, period = match.groups()
            return _times_text(low, high, _PERIOD[period], tr)
    return piece.strip()


def frequency_text(frequency: str, lang: str = "en") -> str:
    """How often, said in that language: "3 times a week" becomes "3 veces por semana" in
    Spanish and back; "before runs, twice a week" is translated piece by piece. Words the
    program does not know are kept as typed."""
    if not frequency.strip():
        return frequency.strip()
    tr = texts(lang)
    return ", ".join(_frequency_piece(piece, tr) for piece in frequency.split(","))


def dosage_text(item: ProgramItemRecord, lang: str = "en") -> str:
    """The dosage in words, e.g. "3 sets × 10 reps, hold 30 s, each side — daily"
    ("3 series × 10 repeticiones, mantén 30 s por lado — a diario")."""
    tr = texts(lang)
    parts: list[str] = []
    reps = tr.ngettext("{count} rep", "{count} reps", item.reps) if item.reps else ""
    if item.sets:
        sets = tr.ngettext("{count} set", "{count} sets", item.sets)
        parts.append(f"{sets} × {reps}" if reps else sets)
    elif reps:
        parts.append(reps)
    if item.hold_s:
        parts.append(tr.gettext("hold {seconds} s", seconds=item.hold_s))
    if item.per_side:
        if parts:
            # Translators: "each side" after the rest of the dose; Spanish joins it without a
            # comma ("12 repeticiones por lado").
            parts[-1] = tr.gettext("{dose}, each side", dose=parts[-1])
        else:
            parts.append(tr.gettext("each side"))
    text = ", ".join(parts)
    frequency = frequency_text(item.frequency, lang)
    if frequency:
        text = f"{text} — {frequency}" if text else frequency
    return text
