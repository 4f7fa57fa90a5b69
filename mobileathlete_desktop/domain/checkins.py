"""The check-in at the next visit: per drill, sessions done against sessions prescribed and the
pain or difficulty it gave, the Exercise Adherence Rating Scale, and the next program proposed
from what happened. Everything here is the client's own report (self-report, labelled so).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from mobileathlete_desktop.domain.catalogue import Catalogue, default_catalogue
from mobileathlete_desktop.domain.checkin_complaint import (
    LOADED_CODES,
    complaint_family,
    complaint_reason,
    loadable,
    with_more_load,
)
from mobileathlete_desktop.domain.checkin_outcomes import DONE_LITTLE
from mobileathlete_desktop.domain.checkin_reasons import (
    REVIEW_CODES,
    CheckinReason,
    drill_name,
    read_reason,
)
from mobileathlete_desktop.domain.checkin_records import (
    EARS_ITEM_MAX,
    EARS_ITEMS,
    EARS_MAX,
    CheckinError,
    CheckinItemRecord,
    CheckinRecord,
    blank_checkin,
    check,
    ears_total,
    overall_adherence,
    prescribed_sessions,
)
from mobileathlete_desktop.domain.exercises import ExerciseLibrary
from mobileathlete_desktop.domain.programs import ProgramItemRecord, ProgramRecord, library_item
from mobileathlete_desktop.domain.recommendations import (
    Drill,
    Observation,
    complaint_held,
    held_back_for_complaint,
    held_back_for_pain,
    loading_pain,
    with_pain_cautions,
)
from mobileathlete_desktop.domain.recommendations.matching import relevance
from mobileathlete_desktop.domain.recommendations.measures import is_pain_score
from mobileathlete_desktop.support import languages
from mobileathlete_desktop.support.i18n import N_, texts

# Said to the client on the proposed program's handout (its notes) when it is flagged for
# review; the handout addresses the runner with "tú".
REVIEW_HANDOUT = N_(
    "At your check-in you reported pain or difficulty above {limit}/10, or rising, with "
    "{drills}: contact your physio before your next session."
)

# The builder's rules of thumb for proposing the next program (the therapist decides): pain or
# difficulty on 0-10 at or below PAIN_EASY counts as comfortable and above PAIN_TOO_MUCH as too
# much. They follow the bands of the pain-monitoring model as commonly summarised (0-3 safe,
# 4-5 acceptable, above 5 not; bim.physio/the-pain-monitoring-model, after Silbernagel et al.
# 2007, Am J Sports Med 35:897). The primary paper's full text could not be read (its abstract
# gives no pain figure), so these are the clinic's rules for a proposal, not a cited cut-off.
# Pain above PAIN_TOO_MUCH, or risen since the last check-in into the band above PAIN_EASY,
# flags the program for review: the client is told to contact the physio before the next
# session, and the therapist sees why (`review_reasons`).
PAIN_EASY = 3
PAIN_TOO_MUCH = 5
DONE_FULLY = 0.8
"""Share of the prescribed sessions that counts as done (the tracker's boxes, most ticked)."""

Action = Literal["progress", "hold", "regress", "drop", "pause", "review"]
"""What a proposal does with a drill; "pause": held back for pain at the latest assessment, for
the client's coded complaint, or for pain or difficulty above PAIN_TOO_MUCH at the check-in
(out of the program, the therapist may add it back); "review": not a drill change, the program
is flagged for review for the pain the client reported with that drill."""


@dataclass(frozen=True)
class ProposedChange:
    """What the proposal does with one drill, and why (in the window's language; `why` is the
    reason as the proposed program saves it, domain.checkin_reasons)."""

    was: str
    now: str
    action: Action
    reason: str
    why: CheckinReason | None = None


def _painful(
    found: Sequence[Observation], catalogue: Catalogue | None = None
) -> list[dict[str, str]]:
    """The painful tests a drill loads, as a reason keeps them: a catalogue measure by its code
    and side, else the name the finding's English line starts with."""
    known = catalogue if catalogue is not None else default_catalogue()
    painful: list[dict[str, str]] = []
    for o in found:
        if known.get(o.code) is None:
            painful.append({"name": (o.pain or o.reason or o.code).split(": ", 1)[0]})
        else:
            painful.append({"code": o.code, "side": o.side})
    return painful


def held_back_reason(
    code: str, painful: Sequence[Observation], catalogue: Catalogue | None = None
) -> CheckinReason:
    """Why a drill is held back ("<drill> held back: pain on <test> at the latest assessment;
    ..."): the painful findings it loads (recommendations.held_back_for_pain)."""
    return CheckinReason(
        "checkin.held_back_pain", {"drill": code, "painful": _painful(painful, catalogue)}
    )


def _decide(
    item: ProgramItemRecord,
    got: CheckinItemRecord | None,
    library: ExerciseLibrary | None,
    lang: str,
    hurts: Callable[[str], Sequence[Observation]] = lambda code: (),
    catalogue: Catalogue | None = None,
    paused: frozenset[str] = frozenset(),
    in_program: frozenset[str] = frozenset(),
    held: Callable[[str], bool] = lambda code: False,
    barred: frozenset[str] = frozenset(),
    complaint: str = "",
    family: frozenset[str] = frozenset(),
) -> ProposedChange:
    """What the proposal does with one drill. `paused`: the drills the client reported pain or
    difficulty above PAIN_TOO_MUCH with at this check-in (none comes back as another drill's
    next or easier step); `in_program`: the program's drills; `held`: whether a drill is held
    back for pain at the latest assessment (never the easier drill put in its place);
    `barred`: the drills the client's coded complaint (`complaint`) holds back (never the
    easier drill: the library's next one in order is, else none; a drill whose next step is
    one is kept, made harder with load when it is strength work, never skipped on to a later
    step); `family`: the complaint's own loading drills (checkin_complaint.complaint_family),
    kept beside their next step when the program holds it already, made harder with load."""
    exercise = library.get(item.exercise_code) if library is not None else None

    def linked(codes: tuple[str, ...]) -> str | None:
        return next((c for c in codes if library is not None and c in library), None)

    code = item.exercise_code

    def change(now: str, action: Action, why: str, **params: object) -> ProposedChange:
        reason = CheckinReason(why, params)
        return ProposedChange(code, now, action, reason.words(lang, library, catalogue), reason)

    if got is None or got.done is None:
        return change(code, "hold", "checkin.not_recorded")
    share = got.adherence or 0.0
    done = {"done": got.done, "prescribed": got.prescribed}
    pain = got.pain
    if pain is not None and pain > PAIN_TOO_MUCH:
        # Too much: the drill is out of the program until the therapist reviews it (the client
        # is asked to call); its easier drill takes its place unless the program holds it.
        easier = linked(
            tuple(c for c in exercise.regressions if c not in paused | barred and not held(c))
            if exercise
            else ()
        )
        limit = {**done, "pain": pain, "limit": PAIN_TOO_MUCH}
        if easier is None:
            return change("", "pause", "checkin.paused_no_easier", **limit)
        if easier in in_program:
            return change("", "pause", "checkin.paused_easier_kept", **limit, drill=easier)
        return change(easier, "regress", "checkin.regressed_from", **done, pain=pain, drill=code)
    if share < DONE_LITTLE:
        return change(code, "hold", "checkin.skipped", **done)
    comfortable = pain is None or pain <= PAIN_EASY
    if share >= DONE_FULLY and comfortable:
        # Pain stops loading: a drill that moves a motion or test painful at the latest
        # assessment (the recommender's pain rule) is not made harder, nor moved on to a
        # harder drill that does.
        if hurts(code):
            # Pain-free control work into the painful test (a drill that loads it is paused
            # before it gets here): kept within the pain-free range, not made harder.
            return change(
                code,
                "hold",
                "checkin.held_pain_free",
                **done,
                pain=pain,
                painful=_painful(hurts(code), catalogue),
            )
        harder = linked(exercise.progressions) if exercise is not None else None
        if harder is not None and harder in barred:
            # Its natural next step is held back for the complaint (heel drops below the step
            # after a single-leg calf raise, insertional Achilles pain): the same drill, heavier,
            # rather than a later step (hopping comes after heavy calf work, Pringels 2025).
            why = (
                "checkin.loaded_next_held"
                if loadable(library, code)
                else "checkin.held_next_complaint"
            )
            return change(code, "hold", why, **done, pain=pain, drill=harder, complaint=complaint)
        if harder is None:
            return change(code, "hold", "checkin.no_harder", **done, pain=pain)
        if harder in paused:
            # The next step hurt too much at this check-in: it does not come back this way.
            return change(code, "hold", "checkin.held_next_paused", **done, pain=pain, drill=harder)
        if hurts(harder):
            # The drill itself does not load the pain; its next step would (the hip hike's
            # lateral step-down, a bent knee under body weight, with knee flexion painful).
            return change(
                code,
                "hold",
                "checkin.held_next_painful",
                **done,
                pain=pain,
                drill=harder,
                painful=_painful(hurts(harder), catalogue),
            )
        if code in family and harder in in_program and loadable(library, code):
            # The complaint's loading drill beside its next step: both stay, this one heavier.
            return change(
                code,
                "hold",
                "checkin.loaded_next_in_program",
                **done,
                pain=pain,
                drill=harder,
                complaint=complaint,
            )
        return change(harder, "progress", "checkin.progressed_from", **done, pain=pain, drill=code)
    return change(code, "hold", "checkin.kept", **done, pain=pain)


def _still_needed(
    code: str,
    findings: Sequence[Observation],
    drills: dict[str, Drill],
    family: frozenset[str] = frozenset(),
) -> bool:
    """Whether a drill answers any finding of the latest assessment (the recommender's own
    matching), or there are no findings to answer (a general program), or it is a loading drill
    of the client's coded complaint (`family`: checkin_complaint.complaint_family)."""
    if code in family:
        return True
    actionable = [f for f in findings if f.drill_flags and not is_pain_score(f.code)]
    drill = drills.get(code)
    if not actionable or drill is None:
        return True
    return any(relevance(drill, f) > 0 for f in actionable)


def propose_next(
    program: ProgramRecord,
    checkin: CheckinRecord,
    library: ExerciseLibrary | None,
    lang: str = "en",
    findings: Sequence[Observation] = (),
    drills: Sequence[Drill] = (),
    catalogue: Catalogue | None = None,
    complaint: str = "",
) -> tuple[ProgramRecord, list[ProposedChange]]:
    """The next program from a check-in, unsaved: a drill done (at least DONE_FULLY of its
    sessions) without much pain moves on to its first progression in the library, one that
    hurt (pain above PAIN_TOO_MUCH) is paused until the therapist reviews it, its first
    regression in its place unless the program holds that already (no drill paused so comes
    back as another's next or easier step), one mostly skipped (below DONE_LITTLE) or in
    between is kept; each change with its reason. A drill moved to another takes that drill's
    default dose from the library (the therapist adjusts); a kept drill keeps its dose. With
    the latest assessment's `findings` and the library's `drills`, a drill that answers none of
    the flagged findings any more is dropped (a program for no findings drops nothing). The
    `catalogue` (else the shipped one) names a painful test in `lang`.

    `complaint` is the client's coded complaint (domain.records.COMPLAINT_CODES): a drill of the
    program it holds back (recommendations.held_back_for_complaint: a heel drop below the step
    for insertional Achilles pain) is paused with the complaint's reason (even when it answers
    no finding either), and none it holds back is proposed as a drill's next or easier step
    (`_decide`); its own loading drills (checkin_complaint.complaint_family) are never dropped
    for answering no finding."""
    by_code = {i.exercise_code: i for i in checkin.items}
    known = {d.code: d for d in drills}

    def hurts(code: str) -> Sequence[Observation]:
        drill = known.get(code)
        return () if drill is None else loading_pain(findings, drill)

    items: list[ProgramItemRecord] = []
    changes: list[ProposedChange] = review_changes(program, checkin, library, lang)
    seen: set[str] = set()
    paused = frozenset(i.exercise_code for i in checkin.items if (i.pain or 0) > PAIN_TOO_MUCH)
    in_program = frozenset(i.exercise_code for i in program.items)
    barred = complaint_held(complaint, drills)
    held_for_complaint = held_back_for_complaint(program.items, drills, complaint)
    family = complaint_family(complaint, library, drills)
    for item in program.items:
        # Kept only as the complaint's loading drill, or held back for it: its reason says so.
        for_complaint = not _still_needed(item.exercise_code, findings, known)
        held = item.exercise_code in held_for_complaint
        if for_complaint and item.exercise_code not in family and not held:
            why = CheckinReason("checkin.dropped")
            changes.append(ProposedChange(item.exercise_code, "", "drop", why.words(lang), why))
            continue
        drill = known.get(item.exercise_code)
        painful = held_back_for_pain(findings, drill) if drill is not None else []
        if painful:
            # Pain stops loading: paused, not printed with a caution; the therapist may add it
            # back deliberately.
            why = held_back_reason(item.exercise_code, painful, catalogue)
            said = why.words(lang, library, catalogue)
            changes.append(ProposedChange(item.exercise_code, "", "pause", said, why))
            continue
        if held:
            # The complaint holds it back whatever the check-in says: out, with its reason.
            why = complaint_reason(item.exercise_code, complaint)
            said = why.words(lang, library, catalogue)
            changes.append(ProposedChange(item.exercise_code, "", "pause", said, why))
            continue
        change = _decide(
            item,
            by_code.get(item.exercise_code),
            library,
            lang,
            hurts,
            catalogue,
            paused,
            in_program,
            lambda c: c in known and bool(held_back_for_pain(findings, known[c])),
            barred,
            complaint,
            family,
        )
        if for_complaint and change.why is not None and "complaint" not in change.why.params:
            why = CheckinReason(change.why.code, {**change.why.params, "for_complaint": complaint})
            change = replace(change, reason=why.words(lang, library, catalogue), why=why)
        if change.action == "pause":  # out until the therapist reviews it
            changes.append(change)
            continue
        if change.now in seen and change.why is not None and change.action == "regress":
            # Its easier drill is in the program already (another drill led to it): paused.
            why = CheckinReason(
                "checkin.paused_easier_kept",
                {**change.why.params, "drill": change.now, "limit": PAIN_TOO_MUCH},
            )
            said = why.words(lang, library, catalogue)
            changes.append(ProposedChange(item.exercise_code, "", "pause", said, why))
            continue
        if change.now in seen:  # two drills led to the same one: keep the first
            continue
        seen.add(change.now)
        changes.append(change)
        moved_to = library.get(change.now) if library is not None else None
        if change.now != item.exercise_code and moved_to is not None:
            # Another drill comes with its own default dose (a band walk's metres mean
            # nothing for a clamshell), keeping the therapist's note.
            item = replace(library_item(change.now, moved_to.dosage, lang), notes=item.notes)
        if change.why is not None and change.why.code in LOADED_CODES:
            item = with_more_load(item, lang)  # the same drill, heavier
        items.append(replace(item, exercise_code=change.now, reason=_stored(change)))
    proposed = replace(
        program,
        id=None,
        date=checkin.date,
        # Every drill that moves a painful motion carries the pain caution on the handout.
        items=with_pain_cautions(items, findings, drills, lang),
        code="",
        recommended=False,
        summary="\n".join(_stored(c) for c in changes if c.action != "drop"),
        # The client's review note is the handout's (notes_for_handout, from the summary's
        # codes, in the handout's language): the therapist's notes stay theirs.
        notes=_with_review_note(program.notes, (), library, lang),
    )
    return proposed, changes


def _previous_pain(item: ProgramItemRecord) -> int | None:
    """The pain the client reported with this same drill at the check-in that proposed the
    program (its saved reason keeps the figure), or None: not recorded, or the drill was
    another one then (moved on to or made easier)."""
    reason = read_reason(item.reason)
    if reason is None or reason.code not in _SAME_DRILL:
        return None
    pain = reason.params.get("pain")
    return int(pain) if isinstance(pain, int | float) else None


# Check-in reasons after which the program holds the same drill (its pain compares).
_SAME_DRILL = frozenset(
    {
        "checkin.kept",
        "checkin.held_painful",
        "checkin.held_next_painful",
        "checkin.held_next_paused",
        "checkin.held_pain_free",
        "checkin.no_harder",
        "checkin.no_easier",
        "checkin.loaded_next_held",
        "checkin.held_next_complaint",
        "checkin.loaded_next_in_program",
    }
)


def review_changes(
    program: ProgramRecord,
    checkin: CheckinRecord,
    library: ExerciseLibrary | None = None,
    lang: str = "en",
) -> list[ProposedChange]:
    """The program flagged for review, one line a drill (action "review"): pain reported above
    PAIN_TOO_MUCH, or pain risen since the check-in before (the drill's saved reason) to above
    PAIN_EASY. E.g. a clamshell at 7/10, or heel drops from 2/10 to 4/10. [] when none."""
    previous = {i.exercise_code: _previous_pain(i) for i in program.items}
    flagged: list[ProposedChange] = []
    for got in checkin.items:
        if got.pain is None:
            continue
        was = previous.get(got.exercise_code)
        params: dict[str, object] = {"drill": got.exercise_code, "pain": got.pain}
        if got.pain > PAIN_TOO_MUCH:
            why = CheckinReason("checkin.review_pain", {**params, "limit": PAIN_TOO_MUCH})
        elif was is not None and got.pain > max(was, PAIN_EASY):
            why = CheckinReason("checkin.review_rising", {**params, "was": was})
        else:
            continue
        said = why.words(lang, library)
        flagged.append(ProposedChange(got.exercise_code, "", "review", said, why))
    return flagged


def _with_review_note(
    notes: str, flagged: Sequence[str], library: ExerciseLibrary | None, lang: str
) -> str:
    """The notes with REVIEW_HANDOUT for the `flagged` drills at their head (none without),
    a review note said before (any language) not repeated; other notes as they are."""
    lines = notes.split("\n")
    kept = "\n".join(line for line in lines if not _is_review_note(line)).strip()
    if not flagged:
        return notes if len(kept) == len(notes.strip()) else kept
    names = [drill_name(c, library, lang) for c in dict.fromkeys(flagged)]
    said = texts(lang).gettext(REVIEW_HANDOUT, limit=PAIN_TOO_MUCH, drills=", ".join(names))
    return f"{said}\n{kept}".strip()


def notes_for_handout(
    notes: str, summary: str, lang: str = "en", library: ExerciseLibrary | None = None
) -> str:
    """A program's notes as the client's handout prints them in `lang`: REVIEW_HANDOUT ("...:
    contact your physio before your next session.") at their head for the drills the program's
    summary flags for review (a check-in's "review" reasons, kept as codes), said in `lang`
    whatever language the program was proposed in; the therapist's own notes as typed. The
    clinical report prints the notes without it (the flag is the summary's)."""
    flagged = []
    for line in summary.split("\n"):
        reason = read_reason(line)
        if reason is not None and reason.code in REVIEW_CODES:
            flagged.append(str(reason.params.get("drill", "")))
    return _with_review_note(notes, [f for f in flagged if f], library, lang)


def _is_review_note(line: str) -> bool:
    """Whether a line of notes is a review note an earlier proposal wrote (any language): it
    ends as REVIEW_HANDOUT does ("...: contact your physio before your next session.")."""
    ends = {
        texts(lang).gettext(REVIEW_HANDOUT).rsplit(": ", 1)[-1].strip()
        for lang in languages.SUPPORTED_LANGUAGES
    }
    said = line.strip()
    return bool(said) and any(said.endswith(f": {end}") for end in ends)


def _stored(change: ProposedChange) -> str:
    """A change's reason as the proposed program saves it: its code (said when read)."""
    return change.why.stored() if change.why is not None else change.reason


__all__ = [
    # The check-in as recorded (domain.checkin_records), imported from here as before.
    "DONE_FULLY",
    "EARS_ITEMS",
    "EARS_ITEM_MAX",
    "EARS_MAX",
    "PAIN_EASY",
    "PAIN_TOO_MUCH",
    "REVIEW_HANDOUT",
    "Action",
    "CheckinError",
    "CheckinItemRecord",
    "CheckinRecord",
    "ProposedChange",
    "blank_checkin",
    "check",
    "complaint_reason",
    "ears_total",
    "held_back_reason",
    "notes_for_handout",
    "overall_adherence",
    "prescribed_sessions",
    "propose_next",
    "review_changes",
]
