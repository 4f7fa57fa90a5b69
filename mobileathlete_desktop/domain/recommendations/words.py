"""The recommender's words (en, es): notes for the client's handout, what drills work on, and
the therapist's reason for each drill."""

from __future__ import annotations

from mobileathlete_desktop.domain.recommendations.faults import FAULTS_BY_CODE
from mobileathlete_desktop.domain.recommendations.measures import measure_drills
from mobileathlete_desktop.domain.recommendations.model import Observation

PAIN_NOTE = {"en": "keep it pain-free", "es": "sin provocar dolor"}


# Printed by the drill on the client's handout (the item's notes, which the therapist can edit).
PAIN_HANDOUT = {
    "en": "Keep it pain-free — stop before it hurts.",
    "es": "Hazlo sin provocar dolor — detente antes de que duela.",
}


# Said after the purpose of drills for a painful short range: what is left once end-range
# stretches, loaded and mobility drills into the painful motion are out.
PAIN_CONTROL_NOTE = {
    "en": "active control only while it hurts",
    "es": "solo control activo mientras duela",
}


CONTROL_NOTE = {
    "en": "active control work (a control deficit, not a flexibility limit)",
    "es": "trabajo activo de control (déficit de control, no de flexibilidad)",
}


HYPERMOBILE_NOTE = {
    "en": "more range than usual: strength and control through range, no stretching",
    "es": "más movimiento de lo habitual: fuerza y control en todo el rango, sin estiramientos",
}


HYPERMOBILE_HANDOUT = {
    "en": "You have more range than usual here: build strength and control through it, "
    "no stretching.",
    "es": "Aquí tienes más movimiento de lo habitual: gana fuerza y control en todo el rango, "
    "sin estirar.",
}


FAULT_NOTE = {"en": "single-leg control", "es": "control sobre una pierna"}


# The language of every recommendation's reason (for the therapist; see the module docstring).
REASON_LANG = "en"


def _lang(table: dict[str, str], lang: str) -> str:
    return table.get(lang, table["en"])


def purpose(observation: Observation, lang: str = "en") -> str:
    """What the drills for a finding work on, in words ("ankle mobility and calf control")."""
    need = observation.need
    if need == "control":
        return _lang(CONTROL_NOTE, lang)
    if need == "hypermobile":
        return _lang(HYPERMOBILE_NOTE, lang)
    entry = measure_drills(observation.code)
    if need == "range" and "pain" in observation.flags:
        base = "" if entry is None else (entry.purpose_es if lang == "es" else entry.purpose_en)
        only = _lang(PAIN_CONTROL_NOTE, lang)
        return f"{base} — {only}" if base else only
    if need == "faults":
        words = [
            FAULTS_BY_CODE[f].words_es if lang == "es" else FAULTS_BY_CODE[f].words_en
            for f in observation.faults
            if f in FAULTS_BY_CODE
        ]
        base = _lang(FAULT_NOTE, lang)
        if entry is not None:
            base = entry.purpose_es if lang == "es" else entry.purpose_en
        return f"{base} ({', '.join(words)})" if words else base
    if entry is None:
        return ""
    return entry.purpose_es if lang == "es" else entry.purpose_en


def reason_for(observation: Observation, lang: str = "en", *, pain: bool = False) -> str:
    """The finding and what the drill works on: "Hip abduction, left: ...: hip abductor
    strength and control"; "(keep it pain-free)" when the finding or the drill is painful."""
    what = purpose(observation, lang)
    text = f"{observation.reason.rstrip('.')}: {what}" if what else observation.reason
    if pain or "pain" in observation.flags:
        text += f" ({_lang(PAIN_NOTE, lang)})"
    return text


def _note(observation: Observation | None, painful: bool, lang: str) -> str:
    notes = []
    if painful:
        notes.append(_lang(PAIN_HANDOUT, lang))
    if observation is not None and observation.need == "hypermobile":
        notes.append(_lang(HYPERMOBILE_HANDOUT, lang))
    return " ".join(notes)
