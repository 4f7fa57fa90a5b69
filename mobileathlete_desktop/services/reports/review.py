"""A program flagged for review at a check-in, as every document says it, and the next steps a
handout never names because of it.

A check-in that found a drill's pain or difficulty above domain.checkins.PAIN_TOO_MUCH, or
rising, saves the program with a review reason in its summary (checkin.review_pain,
checkin.review_rising: domain.checkin_reasons). The flag is open while that program is the
client's current one: the handout tells the runner, in a box at its top, which drill and what
they reported and to call before the next exercises; the clinician's documents (the summary's
and the full record's home program, `mobileathlete program`) say "Flagged for review: Bird
dog 6/10 at the check-in of 10 Oct 2026", and a discharge with the flag open says it is open.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date

from mobileathlete_desktop.domain.checkin_reasons import REVIEW_CODES, drill_name, read_reason
from mobileathlete_desktop.domain.exercises import Exercise, ExerciseLibrary
from mobileathlete_desktop.domain.programs import ProgramRecord
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.support.i18n import texts
from mobileathlete_desktop.support.sentence_case import in_sentence

# A drill the check-in kept but did not make harder for pain: it, or its next step, loads (or
# moves into) a test painful at the latest assessment, or its next step was paused for the
# pain reported with it.
KEPT_FOR_PAIN = frozenset(
    {
        "checkin.held_painful",
        "checkin.held_next_painful",
        "checkin.held_next_paused",
        "checkin.held_pain_free",
    }
)
HELD_BACK = frozenset({"checkin.held_back_pain"})


@dataclass(frozen=True)
class ReviewFlag:
    """One drill a check-in flagged for review: the pain or difficulty the client reported
    with it (0-10; `was` the figure before, for a rise), the check-in's date when known, and
    whether the drill is still in the program (a held back or swapped drill is not)."""

    code: str
    pain: int
    was: int | None = None
    on: date | None = None
    in_program: bool = True


def summary_drills(program: ProgramRecord, codes: Collection[str]) -> frozenset[str]:
    """The drills the program's summary names with a reason of one of `codes`."""
    found = set()
    for line in program.summary.split("\n"):
        reason = read_reason(line)
        if reason is not None and reason.code in codes and reason.params.get("drill"):
            found.add(str(reason.params["drill"]))
    return frozenset(found)


def kept_for_pain(program: ProgramRecord) -> frozenset[str]:
    """The drills a check-in kept, not made harder, because they or their next step load a
    test painful at the latest assessment (their saved reason says so)."""
    kept = set()
    for item in program.items:
        reason = read_reason(item.reason)
        if reason is not None and reason.code in KEPT_FOR_PAIN:
            kept.add(item.exercise_code)
    return frozenset(kept)


def review_flags(
    ctx: ServiceContext, client_id: int, program: ProgramRecord | None
) -> tuple[ReviewFlag, ...]:
    """The drills the client's program is flagged for review for (its summary's review
    reasons), once each, in the summary's order; () for none or an unsaved program. The
    check-in's date is the latest recorded check-in on or before the program's date in which
    the client reported that pain with that drill, else the program's date (a program
    proposed at a check-in is dated that day)."""
    if program is None or program.recommended:
        return ()
    in_program = {i.exercise_code for i in program.items}
    checkins = _checkins(ctx, client_id)
    flags: dict[str, ReviewFlag] = {}
    for line in program.summary.split("\n"):
        reason = read_reason(line)
        if reason is None or reason.code not in REVIEW_CODES:
            continue
        code = str(reason.params.get("drill", ""))
        pain = reason.params.get("pain")
        if not code or not isinstance(pain, int | float) or code in flags:
            continue
        was = reason.params.get("was") if reason.code == "checkin.review_rising" else None
        flags[code] = ReviewFlag(
            code,
            int(pain),
            int(was) if isinstance(was, int | float) else None,
            _checkin_date(checkins, code, int(pain), program.date),
            code in in_program,
        )
    return tuple(flags.values())


def _checkins(ctx: ServiceContext, client_id: int) -> list[tuple[date, dict[str, int]]]:
    """The client's check-ins, latest first, each as its date and the pain by drill."""
    if not ctx.actor.can("clients.read"):
        return []
    from mobileathlete_desktop.services.checkins import list_checkins

    return [
        (c.date, {i.exercise_code: int(i.pain) for i in c.items if i.pain is not None})
        for c in reversed(list_checkins(ctx, client_id))
    ]


def _checkin_date(
    checkins: Sequence[tuple[date, dict[str, int]]], code: str, pain: int, latest: date | None
) -> date | None:
    for on, pains in checkins:
        if pains.get(code) == pain and (latest is None or on <= latest):
            return on
    return latest


def flag_lines(
    flags: Sequence[ReviewFlag],
    lang: str,
    library: ExerciseLibrary | None,
    style: str = "medium",
) -> tuple[str, ...]:
    """The flags as the clinician's documents say them, one a drill: "Flagged for review:
    Bird dog 6/10 at the check-in of 10 Oct 2026 (no longer in the program)"; `style` the
    document's date style (a Babel format, "yyyy-MM-dd" on the command line)."""
    tr = texts(lang)
    lines = []
    for flag in flags:
        # After "Flagged for review:", inside the sentence ("Marcado para revisión: perro de
        # caza (bird dog) 6/10 ...").
        name = in_sentence(drill_name(flag.code, library, lang), lang)
        if flag.was is None:
            # Translators: on the clinician's report, a drill the client reported pain or
            # difficulty with at a check-in ({pain} of 10).
            said = tr.gettext("{drill} {pain}/10", drill=name, pain=flag.pain)
        else:
            said = tr.gettext(
                "{drill} up from {was}/10 to {pain}/10", drill=name, was=flag.was, pain=flag.pain
            )
        if flag.on is not None:
            line = tr.gettext(
                "Flagged for review: {said} at the check-in of {date}",
                said=said,
                date=tr.date(flag.on, style),
            )
        else:
            line = tr.gettext("Flagged for review: {said} at a check-in", said=said)
        if not flag.in_program:
            line += " " + tr.gettext("(no longer in the program)")
        lines.append(line)
    return tuple(lines)


def told_to_call(lang: str) -> str:
    """Said once under the flags on the clinician's documents: what the runner was told."""
    return texts(lang).gettext(
        "The runner's handout asks them to call the clinic before doing the exercises again."
    )


def discharge_warning(
    flags: Sequence[ReviewFlag], lang: str, library: ExerciseLibrary | None
) -> str:
    """Beside a discharge ("no further visit planned") while the program is flagged for
    review: the runner's handout tells them to call about these drills."""
    if not flags:
        return ""
    names = ", ".join(in_sentence(drill_name(f.code, library, lang), lang) for f in flags)
    return texts(lang).gettext(
        "Review still open: the runner's handout asks them to call about {drills} before "
        "doing the exercises again.",
        drills=names,
    )


def client_note(
    flags: Sequence[ReviewFlag], lang: str, library: ExerciseLibrary | None, phone: str = ""
) -> str:
    """The box at the top of the runner's handout (tú in Spanish): what they reported with
    each flagged drill, whether it is out of the program for now, and to call before the next
    exercises: "Bird dog scored 6/10 for pain or difficulty at your check-in; we've taken it
    out for now. Call us before you next do your exercises." "" without flags."""
    if not flags:
        return ""
    tr = texts(lang)
    said = []
    for flag in flags:
        name = drill_name(flag.code, library, lang)
        if flag.was is None:
            # Translators: on the runner's handout (tú in Spanish): what they reported with a
            # drill at their check-in, 0-10.
            line = tr.gettext(
                "{drill} scored {pain}/10 for pain or difficulty at your check-in",
                drill=name,
                pain=flag.pain,
            )
        else:
            line = tr.gettext(
                "{drill} went from {was}/10 to {pain}/10 for pain or difficulty at your check-in",
                drill=name,
                was=flag.was,
                pain=flag.pain,
            )
        if flag.in_program:
            said.append(line + ".")
        else:
            # Translators: after what the runner reported with a drill that is no longer in
            # their program (tú in Spanish).
            said.append(tr.gettext("{said}; we've taken it out for now.", said=line))
    if phone.strip():
        call = tr.gettext(
            "Call us on {phone} before you next do your exercises.", phone=phone.strip()
        )
    else:
        call = tr.gettext("Call us before you next do your exercises.")
    return " ".join([*said, call])


def next_step(
    exercise: Exercise | None,
    library: ExerciseLibrary | None,
    lang: str,
    unsafe: frozenset[str] = frozenset(),
    in_program: frozenset[str] = frozenset(),
) -> str:
    """The name of the drill to move on to when this one gets easy: the library's first
    progression not `unsafe` (what the findings leave out, such as a skip or a hop after a
    painful hop; a drill that loads a painful test; one held back or flagged for review) that
    is not already in the program; a progression the program holds leads on to its own (the
    next step beyond it); "" when there is none."""
    if exercise is None or library is None:
        return ""
    queue = list(exercise.progressions)
    seen = {exercise.code}
    while queue:
        code = queue.pop(0)
        if code in seen or code in unsafe:
            continue
        seen.add(code)
        harder = library.get(code)
        if harder is None:
            continue
        if code in in_program:  # already a drill of this program: the step beyond it
            queue.extend(harder.progressions)
            continue
        return harder.name(lang)
    return ""
