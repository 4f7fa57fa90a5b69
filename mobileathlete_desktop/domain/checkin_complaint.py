"""The client's coded complaint in a check-in's proposal: the complaint's own loading drills
(kept while the complaint is coded, even when they answer no finding of the latest assessment)
and the heavier dose of a drill whose next step the complaint holds back.

Pringels 2025 (BJSM, doi:10.1136/bjsports-2024-109138, abstract: 'a progressive 4-stage
tendon-loading programme, including isometric, isotonic, energy-storage and release and
sport-specific exercises') puts hopping after heavy calf work, not in its place: a calf raise
whose next step (heel drops below the step) is held back stays, made harder with load, and is
not skipped on to hopping. The load and tempo are the clinic's suggestion for the therapist to
adjust, not a cited dose.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from mobileathlete_desktop.domain.checkin_reasons import CheckinReason
from mobileathlete_desktop.domain.exercises import ExerciseLibrary
from mobileathlete_desktop.domain.programs import ProgramItemRecord
from mobileathlete_desktop.domain.recommendations import Drill
from mobileathlete_desktop.domain.recommendations.complaints import complaint_rule
from mobileathlete_desktop.support.i18n import N_, texts

LOADABLE = frozenset({"strength"})
"""Library categories made harder with load when their next step is held back (a calf raise,
a wall sit); any other drill is kept, not made harder."""

ADDED_LOAD = N_("loaded backpack")
"""The load a drill with none typed (or body weight) gets (dose_words says it in either
language)."""
SLOW_TEMPO = "3-1-1"
"""Seconds down-pause-up: a slow lowering, set only when no tempo was typed."""

LOADED_CODES = frozenset({"checkin.loaded_next_held", "checkin.loaded_next_in_program"})
"""Check-in reasons whose drill is kept with `with_more_load`."""


def complaint_family(
    complaint: str, library: ExerciseLibrary | None, drills: Iterable[Drill]
) -> frozenset[str]:
    """The complaint rule's own loading drills (`proposes`) and their family: the drills linked
    to one by the library's progressions or regressions, step by step, of the same category,
    that the complaint does not hold back (for insertional Achilles pain the straight-knee calf
    raise, the bent-knee and single-leg calf raises, the heel raise with a towel; never the heel
    drops below the step, nor hopping). None without a rule that proposes a drill."""
    rule = complaint_rule(complaint)
    if rule is None or not rule.proposes or library is None:
        return frozenset()
    held = {d.code for d in drills if rule.holds(d)}
    linked: dict[str, set[str]] = {}
    for exercise in library:
        for other in (*exercise.progressions, *exercise.regressions):
            linked.setdefault(exercise.code, set()).add(other)
            linked.setdefault(other, set()).add(exercise.code)
    family: set[str] = set()
    for start in rule.proposes:
        first = library.get(start)
        if first is None:
            continue
        todo = [start]
        while todo:
            code = todo.pop()
            step = library.get(code)
            if code in family or code in held or step is None or step.category != first.category:
                continue
            family.add(code)
            todo.extend(sorted(linked.get(code, ())))
    return frozenset(family)


def loadable(library: ExerciseLibrary | None, code: str) -> bool:
    """Whether a drill is made harder with load (LOADABLE) rather than just kept."""
    exercise = library.get(code) if library is not None else None
    return exercise is not None and exercise.category in LOADABLE


def with_more_load(item: ProgramItemRecord, lang: str = "en") -> ProgramItemRecord:
    """The same drill made harder with load: a loaded backpack when no load (or body weight)
    was typed, and a slow lowering when no tempo was; a load typed is kept for the therapist
    to raise (the reason says it is to be made harder)."""
    load = item.load.strip()
    if not load or load.casefold() in {"body weight", "peso corporal"}:
        load = texts(lang).gettext(ADDED_LOAD)
    return replace(item, load=load, tempo=item.tempo.strip() or SLOW_TEMPO)


def complaint_reason(code: str, complaint: str) -> CheckinReason:
    """Why a drill is held back for the client's coded complaint ("<drill> held back for the
    client's complaint, insertional Achilles pain: it takes the loaded ankle to end-range
    dorsiflexion ... (Pringels 2025; Jonsson 2008)"): recommendations.held_back_for_complaint."""
    return CheckinReason("checkin.held_back_complaint", {"drill": code, "complaint": complaint})
