"""The recommender's words: notes for the client's handout (gettext messages, said in the
handout's language), what drills work on, and the therapist's reason for each drill (English)."""

from __future__ import annotations

from mobileathlete_desktop.domain.recommendations.faults import FAULTS_BY_CODE
from mobileathlete_desktop.domain.recommendations.measures import MeasureDrills, measure_drills
from mobileathlete_desktop.domain.recommendations.model import Observation
from mobileathlete_desktop.support.i18n import N_, texts

PAIN_NOTE = N_("keep it pain-free")


# Printed by the drill on the client's handout (the item's notes, which the therapist can edit).
PAIN_HANDOUT = N_("Keep it pain-free — stop before it hurts.")


# Said after the purpose of drills for a painful short range: what is left once end-range
# stretches, loaded and mobility drills into the painful motion are out.
PAIN_CONTROL_NOTE = N_("active control only while it hurts")


CONTROL_NOTE = N_("active control work (a control deficit, not a flexibility limit)")


HYPERMOBILE_NOTE = N_("more range than usual: strength and control through range, no stretching")


HYPERMOBILE_HANDOUT = N_(
    "You have more range than usual here: build strength and control through it, no stretching."
)


FAULT_NOTE = N_("single-leg control")


# The language of every recommendation's reason (for the therapist; see the module docstring).
REASON_LANG = "en"


def _lang(message: str, lang: str) -> str:
    """A note in a language: a gettext message (the constants above, a measure's purpose, a
    fault's words)."""
    return texts(lang).gettext(message)


def _purpose(entry: MeasureDrills, lang: str) -> str:
    return _lang(entry.purpose, lang)


def purpose(observation: Observation, lang: str = "en") -> str:
    """What the drills for a finding work on, in words ("ankle mobility and calf control")."""
    need = observation.need
    if need == "control":
        return _lang(CONTROL_NOTE, lang)
    if need == "hypermobile":
        return _lang(HYPERMOBILE_NOTE, lang)
    entry = measure_drills(observation.code)
    if need == "range" and "pain" in observation.flags:
        base = "" if entry is None else _purpose(entry, lang)
        only = _lang(PAIN_CONTROL_NOTE, lang)
        return f"{base} — {only}" if base else only
    if need == "faults":
        words = [
            _lang(FAULTS_BY_CODE[f].words, lang) for f in observation.faults if f in FAULTS_BY_CODE
        ]
        base = _lang(FAULT_NOTE, lang)
        if entry is not None:
            base = _purpose(entry, lang)
        return f"{base} ({', '.join(words)})" if words else base
    if entry is None:
        return ""
    return _purpose(entry, lang)


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
