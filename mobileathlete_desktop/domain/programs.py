"""Home programs as plain records: the drills a client takes home, with dosage, in order."""

from __future__ import annotations

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
        "hold": "mantener {s} s",
        "per_side": "cada lado",
        "x": "×",
    },
}


def dosage_text(item: ProgramItemRecord, lang: str = "en") -> str:
    """The dosage in words, e.g. "3 sets × 10 reps, hold 30 s, each side — daily"."""
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
        parts.append(words["per_side"])
    text = ", ".join(parts)
    if item.frequency:
        text = f"{text} — {item.frequency}" if text else item.frequency
    return text
