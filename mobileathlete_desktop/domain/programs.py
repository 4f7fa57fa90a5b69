"""Home programs as plain records: the drills a client takes home, with dosage, in order."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date


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


DOSAGE_WORDS = {
    "en": {
        "sets": "sets",
        "set": "set",
        "reps": "reps",
        "hold": "hold {s} s",
        "per_side": "each side",
        "x": "×",
    },
    "es": {
        "sets": "series",
        "set": "serie",
        "reps": "repeticiones",
        "hold": "mantén {s} s",
        "per_side": "por lado",
        "x": "×",
    },
}

# How often, in both languages: the library's frequencies and the usual ways a therapist types
# them. A program keeps the frequency in the language it was written in (the program builder
# writes English), so the handout says it again in the client's language.
_FREQUENCY_PHRASES: tuple[tuple[str, str], ...] = (
    ("daily", "a diario"),
    ("every day", "todos los días"),
    ("every other day", "un día sí y otro no"),
    ("once a week", "1 vez por semana"),
    ("twice a week", "2 veces por semana"),
    ("once a day", "1 vez al día"),
    ("twice a day", "2 veces al día"),
    ("before every run", "antes de salir a correr"),
    ("before each run", "antes de salir a correr"),
    ("before runs", "antes de correr"),
    ("before running", "antes de correr"),
    ("after every run", "después de correr"),
    ("after runs", "después de correr"),
    ("after running", "después de correr"),
    ("on rest days", "los días de descanso"),
    ("on non-running days", "los días que no corres"),
)
_TIMES = {
    "en": re.compile(r"^(\d+)(?:\s*[–-]\s*(\d+))? times (?:a|per) (week|day)$"),
    "es": re.compile(r"^(\d+)(?:\s*(?:o|[–-])\s*(\d+))? veces (?:por|a la|al) (semana|día)$"),
}
_PERIOD = {"week": "semana", "day": "día", "semana": "week", "día": "day"}


def _frequency_piece(piece: str, lang: str) -> str:
    folded = piece.strip().casefold()
    source = "es" if lang == "en" else "en"
    for en, es in _FREQUENCY_PHRASES:
        if folded == (en if source == "en" else es):
            return en if lang == "en" else es
    match = _TIMES[source].match(folded)
    if match is None:
        return piece.strip()
    low, high, period = match.groups()
    if lang == "es":
        joiner = "al" if period == "day" else "por"
        count = f"{low} o {high}" if high else low
        noun = "vez" if count == "1" else "veces"
        return f"{count} {noun} {joiner} {_PERIOD[period]}"
    count = f"{low}–{high}" if high else low
    return f"{count} {'time' if count == '1' else 'times'} a {_PERIOD[period]}"


def frequency_text(frequency: str, lang: str = "en") -> str:
    """How often, said in that language: "3 times a week" becomes "3 veces por semana" in
    Spanish and back; "before runs, twice a week" is translated piece by piece. Words the
    program does not know are kept as typed."""
    if not frequency.strip() or lang not in DOSAGE_WORDS:
        return frequency.strip()
    return ", ".join(_frequency_piece(piece, lang) for piece in frequency.split(","))


def dosage_text(item: ProgramItemRecord, lang: str = "en") -> str:
    """The dosage in words, e.g. "3 sets × 10 reps, hold 30 s, each side — daily"
    ("3 series × 10 repeticiones, mantén 30 s por lado — a diario")."""
    words = DOSAGE_WORDS.get(lang, DOSAGE_WORDS["en"])
    parts: list[str] = []
    if item.sets:
        noun = words["set"] if item.sets == 1 else words["sets"]
        sets = f"{item.sets} {noun}"
        parts.append(f"{sets} {words['x']} {item.reps} {words['reps']}" if item.reps else sets)
    elif item.reps:
        parts.append(f"{item.reps} {words['reps']}")
    if item.hold_s:
        parts.append(words["hold"].format(s=item.hold_s))
    if item.per_side:
        if lang == "es" and parts:  # "12 repeticiones por lado", not "12 repeticiones, por lado"
            parts[-1] = f"{parts[-1]} {words['per_side']}"
        else:
            parts.append(words["per_side"])
    text = ", ".join(parts)
    frequency = frequency_text(item.frequency, lang)
    if frequency:
        text = f"{text} — {frequency}" if text else frequency
    return text
