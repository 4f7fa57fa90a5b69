"""The plan: findings ranked, each answered by its best safe drills in turn, capped; and the
vocabulary every table names."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from mobileathlete_desktop.domain.exercises import Exercise
from mobileathlete_desktop.domain.programs import ProgramItemRecord
from mobileathlete_desktop.domain.recommendations.complaints import (
    ComplaintRule,
    complaint_rule,
    held_for_complaint,
)
from mobileathlete_desktop.domain.recommendations.faults import FAULTS
from mobileathlete_desktop.domain.recommendations.maintenance import (
    MAINTENANCE,
    MAINTENANCE_FALLBACK_REASON,
    MAINTENANCE_REASON,
    _maintenance,
)
from mobileathlete_desktop.domain.recommendations.matching import _pick, _Safety, fit, relevance
from mobileathlete_desktop.domain.recommendations.measures import (
    DEFICIT_BALANCE,
    DEFICIT_CONTROL,
    DEFICIT_FLEXIBILITY,
    DEFICIT_STRENGTH,
    GENERALISED_HYPERMOBILITY,
    MEASURES,
    is_pain_score,
)
from mobileathlete_desktop.domain.recommendations.model import (
    MAX_DRILLS,
    PER_FINDING,
    Drill,
    Observation,
    Plan,
    Recommendation,
)
from mobileathlete_desktop.domain.recommendations.words import (
    PAIN_HANDOUT,
    PAIN_NOTE,
    REASON_LANG,
    _lang,
    _note,
    reason_for,
)


def vocabulary() -> frozenset[str]:
    """Every drill target the recommender names (each must be targeted by some drill)."""
    names: set[str] = {DEFICIT_CONTROL, DEFICIT_FLEXIBILITY, DEFICIT_STRENGTH, DEFICIT_BALANCE}
    for m in MEASURES:
        names.update(m.targets)
        names.add(m.shortfall)
    for f in FAULTS:
        names.update(f.targets)
    for slot in MAINTENANCE:
        names.update(slot.targets)
    return frozenset(names)


def plan(
    observations: Iterable[Observation],
    drills: Sequence[Drill],
    *,
    lang: str = "en",
    limit: int = MAX_DRILLS,
    complaint: str = "",
) -> Plan:
    """Ranked drills for the findings, and the findings no drill answers; the general
    maintenance program when nothing is flagged or nothing flagged can be answered. `lang` is
    the handout's language (the client's notes); reasons are always English (REASON_LANG).

    `complaint` is the client's coded complaint (domain.records.COMPLAINT_CODES): with a rule
    (complaints.COMPLAINT_RULES) the drills it holds back are left out, each the findings
    would have chosen named in the warnings, and its own loading drill, where it has one and
    the pain rule allows it, comes first. No code, or a code with no rule: the findings alone."""
    seen = list(observations)
    rule = complaint_rule(complaint)
    if rule is None:
        return _plan(seen, drills, lang=lang, limit=limit)
    return _complaint_plan(seen, drills, rule, lang=lang, limit=limit)


def _complaint_plan(
    seen: list[Observation], drills: Sequence[Drill], rule: ComplaintRule, *, lang: str, limit: int
) -> Plan:
    """The plan for a complaint with a rule (see `plan`)."""
    safety = _Safety.of(seen)
    kept = [d for d in drills if not rule.holds(d)]
    proposal = next((d for code in rule.proposes for d in kept if d.code == code), None)
    not_proposed: tuple[tuple[str, str, tuple[str, ...]], ...] = ()
    if proposal is not None and not safety.allows(proposal):
        # The warning names the painful tests (and side) it loads: the therapist judges whether
        # that pain is the complaint's own.
        tests = tuple(
            dict.fromkeys(
                (o.pain or o.reason or o.code).split(": ", 1)[0]
                for o in held_back_for_pain(seen, proposal)
            )
        )
        not_proposed = ((proposal.code, rule.words, tests),)
        proposal = None
    result = _plan(seen, kept, lang=lang, limit=limit - (1 if proposal else 0))
    recs = list(result.recommendations)
    if proposal is not None:
        painful = safety.painful(proposal)
        reason = rule.proposed_reason()
        if painful:
            reason += f" ({_lang(PAIN_NOTE, REASON_LANG)})"
        first = Recommendation(
            proposal.code, reason, 1, proposal.dosage, _note(None, painful, lang)
        )
        recs = [first, *(r for r in recs if r.exercise_code != proposal.code)]
        recs = [replace(r, priority=i) for i, r in enumerate(recs, start=1)]
    held: tuple[str, ...] = ()
    blocked: frozenset[str] = frozenset()
    if rule.holds_back:
        alone = _plan(seen, drills, lang=lang, limit=limit)  # what the findings alone choose
        kept_codes = {d.code for d in kept}
        held = tuple(
            r.exercise_code for r in alone.recommendations if r.exercise_code not in kept_codes
        )
        before = {o.code for o in alone.unanswered}
        blocked = frozenset(o.code for o in result.unanswered if o.code not in before)
    return replace(
        result,
        recommendations=recs,
        complaint_why=rule.held_reason() if rule.holds_back else "",
        held=held,
        complaint_blocked=blocked,
        not_proposed=not_proposed,
    )


def _plan(seen: list[Observation], drills: Sequence[Drill], *, lang: str, limit: int) -> Plan:
    """The plan from the findings alone (see `plan`)."""
    # A Beighton score past its cut-point shapes the whole program (safety), asks for no drill.
    # A change of pain (up 2 points) is for the report and the follow-up, not a drill target.
    findings = sorted(
        (
            o
            for o in seen
            if o.drill_flags and o.code != GENERALISED_HYPERMOBILITY and not is_pain_score(o.code)
        ),
        key=lambda o: -o.weight,
    )
    safety = _Safety.of(seen)
    order = {d.code: i for i, d in enumerate(drills)}
    per_finding: list[list[Drill]] = []
    unanswered: list[Observation] = []
    blocked: set[str] = set()
    for observation in findings:
        scored = []
        unsafe = False
        for drill in drills:
            match = relevance(drill, observation)
            kind = fit(drill, observation) if match else None
            if kind is None:
                continue
            if not safety.allows(drill):
                unsafe = True
                continue
            scored.append((match, kind, order[drill.code], drill))
        count = PER_FINDING + (1 if len(observation.faults) > 1 else 0)
        options = _pick(scored, count)
        per_finding.append(options)
        if not options:
            unanswered.append(observation)
            if unsafe:
                blocked.add(observation.code)
    chosen: dict[str, Recommendation] = {}
    # Round-robin: each finding's best drill first, then each finding's second...
    for turn in range(max((len(o) for o in per_finding), default=0)):
        for observation, options in zip(findings, per_finding, strict=True):
            if len(chosen) >= limit or turn >= len(options):
                continue
            drill = options[turn]
            if drill.code in chosen:
                continue
            painful = safety.painful(drill)
            # The reason names the finding the drill is for by the one rule the report's Why
            # and the handout use (`findings_for`: the best-suited kind of work, then the
            # closest answer, then the weightiest), not the finding whose turn picked it.
            why = next(iter(findings_for(drill, findings)), observation)
            chosen[drill.code] = Recommendation(
                drill.code,
                reason_for(why, REASON_LANG, pain=painful),
                len(chosen) + 1,
                drill.dosage,
                _note(why, painful, lang),
            )
    if not chosen:
        reason = MAINTENANCE_FALLBACK_REASON if unanswered else MAINTENANCE_REASON
        recs = _maintenance(
            drills, safety, lang=lang, limit=limit, reason=_lang(reason, REASON_LANG)
        )
        return Plan(recs, unanswered, maintenance=True, blocked=frozenset(blocked))
    return Plan(list(chosen.values()), unanswered, blocked=frozenset(blocked))


def withheld(observations: Iterable[Observation], drills: Sequence[Drill]) -> frozenset[str]:
    """The codes of the drills this program's safety leaves out for these findings (loaded or
    impact work through a painful region, a stretch into a control deficit...): a handout
    names none of them as the drill to move on to (a painful hop, a bone-stress warning, lets
    no skip or hop through as the next step)."""
    safety = _Safety.of(list(observations))
    return frozenset(d.code for d in drills if not safety.allows(d))


def findings_for(drill: Drill, observations: Iterable[Observation]) -> list[Observation]:
    """The findings a drill is for, by the recommender's own matching: among the findings
    that call for drills (never pain alone, never the pain score: pain shapes a program, it
    chooses no drill), those it answers (relevance above 0) with a kind of work that may be
    given for them (fit), the best suited kind first, then the closest answer. Every finding
    tied at the best (both sides of a measure) is returned, the weightiest first; [] when the
    drill answers none.

    So a control or strength drill is for a control deficit or a movement fault before a
    restriction it only works through (the clamshell for the single-leg squat's faults, not a
    hip-abduction restriction), and a mobility drill for the restriction. The one rule the
    report's Why column and the handout's "What we found and why these drills" say."""
    scored: list[tuple[tuple[int, int], Observation]] = []
    for o in observations:
        if not o.drill_flags or is_pain_score(o.code):
            continue
        match = relevance(drill, o)
        suits = fit(drill, o) if match > 0 else None
        if suits is not None:
            scored.append(((suits, match), o))
    if not scored:
        return []
    best = max(key for key, _ in scored)
    tied = [o for key, o in scored if key == best]
    return sorted(tied, key=lambda o: -o.weight)


def drill_findings(
    observations: Iterable[Observation], program: Sequence[Drill]
) -> list[tuple[str, str]]:
    """The measure and side of every finding a program's drills are for (`findings_for`),
    drill by drill in the program's order, each once: what the handout's "What we found and
    why these drills" lists."""
    found = list(observations)
    keys: list[tuple[str, str]] = []
    for drill in program:
        for o in findings_for(drill, found):
            if (o.code, o.side) not in keys:
                keys.append((o.code, o.side))
    return keys


def loading_pain(observations: Iterable[Observation], drill: Drill) -> list[Observation]:
    """The painful findings a drill loads, in the order given: it aims at the painful motion
    or test itself (single-leg balance for a painful single-leg stance), or is loaded work
    (strength, running, impact, single-leg squatting) through the painful region (the A-skip
    with a painful hip flexion): the recommender's pain rule (`_Safety`). Such a drill is not
    made harder at a check-in."""
    found = []
    for o in observations:
        if "pain" not in o.flags or is_pain_score(o.code):
            continue
        safety = _Safety.of([o])
        through = drill.is_loaded and drill.regions & safety.painful_regions
        if safety.into_pain(drill) or safety.loads_pain(drill) or through:
            found.append(o)
    return found


def held_back_for_pain(observations: Iterable[Observation], drill: Drill) -> list[Observation]:
    """The painful findings for which a drill is held back (paused) rather than kept with a
    caution, in the order given: it is loaded work (strength, running, impact, single-leg
    squatting) through the painful region, or it goes into the painful motion or test itself
    and is not pain-free active control work (single-leg balance for a painful single-leg
    stance), or bears load through it (`Drill.loads`: hip airplanes, on one leg, for a
    painful single-leg stance or hip flexion). The recommender never chooses such a drill
    (`_Safety.allows`); a program made before the pain was found (a check-in's proposal, a
    saved program) pauses it and tells the therapist, who may add it back deliberately. []
    when the drill may stay (with the caution when it moves the painful region:
    `pain_cautions`)."""
    found = []
    for o in observations:
        if "pain" not in o.flags or is_pain_score(o.code):
            continue
        safety = _Safety.of([o])
        into = safety.into_pain(drill) and not drill.pain_free_control
        through = drill.is_loaded and drill.regions & safety.painful_regions
        if into or safety.loads_pain(drill) or through:
            found.append(o)
    return found


def held_back(
    items: Iterable[ProgramItemRecord],
    observations: Iterable[Observation],
    drills: Sequence[Drill],
) -> list[tuple[str, list[Observation]]]:
    """The drills of a program (`items`, in order) held back for pain (`held_back_for_pain`),
    each with the painful findings it loads; a drill unknown to the library is kept."""
    found = list(observations)
    known = {d.code: d for d in drills}
    out = []
    for item in items:
        drill = known.get(item.exercise_code)
        painful = held_back_for_pain(found, drill) if drill is not None else []
        if painful:
            out.append((item.exercise_code, painful))
    return out


def complaint_held(complaint: str, drills: Iterable[Drill]) -> frozenset[str]:
    """The codes of the drills the client's coded complaint holds back
    (complaints.COMPLAINT_RULES: insertional Achilles pain holds back end-range dorsiflexion,
    a heel drop below the step or a calf stretch; lateral hip pain holds back hip adduction):
    none without a code or for a complaint with no rule. The one rule the recommender, a
    check-in's proposal (never the next or easier drill) and a saved program's handout (never
    printed, never the next step) follow."""
    return frozenset(held_for_complaint(complaint, drills))


def held_back_for_complaint(
    items: Iterable[ProgramItemRecord], drills: Sequence[Drill], complaint: str
) -> list[str]:
    """The drills of a program (`items`, in order, each once) the client's coded complaint
    holds back (`complaint_held`): a program saved before the complaint was coded, or edited
    by hand, loses them at a check-in and on the handout, and the therapist is told why. A
    drill unknown to the library is kept."""
    held = complaint_held(complaint, drills)
    return list(dict.fromkeys(i.exercise_code for i in items if i.exercise_code in held))


def pain_cautions(
    observations: Iterable[Observation],
    drills: Sequence[Drill],
    codes: Iterable[str],
    lang: str = "en",
) -> dict[str, str]:
    """The client's caution ("Keep it pain-free — stop before it hurts.") for each drill of a
    program (`codes`) that moves or loads a motion or test marked painful at the assessment
    the findings come from: the one rule the handout, the report and the program builder use
    for every program shown (recommended, saved or progressed at a check-in). A drill not in
    `drills` (unknown to the library) gets none."""
    safety = _Safety.of(list(observations))
    known = {d.code: d for d in drills}
    return {
        code: _lang(PAIN_HANDOUT, lang)
        for code in codes
        if code in known and safety.painful(known[code])
    }


def with_pain_cautions(
    items: Iterable[ProgramItemRecord],
    observations: Iterable[Observation],
    drills: Sequence[Drill],
    lang: str = "en",
) -> tuple[ProgramItemRecord, ...]:
    """The program's items, each drill that moves a painful motion (`pain_cautions`) with the
    caution at the head of its notes unless its notes already say it; a caution saved in
    English reads in `lang`; the therapist's own note is kept after it."""
    items = tuple(items)
    cautions = pain_cautions(observations, drills, (i.exercise_code for i in items), lang)
    english, said = _lang(PAIN_HANDOUT, "en"), _lang(PAIN_HANDOUT, lang)
    out = []
    for item in items:
        notes = item.notes
        if english != said and english in notes:  # saved in English, printed in Spanish
            notes = notes.replace(english, said)
        caution = cautions.get(item.exercise_code)
        if caution and said not in notes:
            notes = f"{caution} {notes}".strip()
        out.append(item if notes == item.notes else replace(item, notes=notes))
    return tuple(out)


def pain_free_cues(exercise: Exercise, notes: str, lang: str = "en") -> tuple[str, ...]:
    """The drill's tips as printed with its notes: when the notes carry the pain caution
    (`with_pain_cautions`: the drill moves a motion or test painful at the latest
    assessment), without the library's tip that allows some pain ("Mild discomfort is fine;
    sharp pain is not." on heel drops), which would contradict it. The one rule for every
    printed program (the handout's renderer applies it to whatever the program's notes say)."""
    cautioned = any(_lang(PAIN_HANDOUT, said) in notes for said in ("en", lang))
    return exercise.cues(lang, pain_free=cautioned)


def recommend(
    observations: Iterable[Observation],
    drills: Sequence[Drill],
    *,
    lang: str = "en",
    limit: int = MAX_DRILLS,
    complaint: str = "",
) -> list[Recommendation]:
    """Ranked drills for the findings; a general maintenance program when nothing is flagged
    (see `plan` for the findings no drill answers and the client's coded complaint)."""
    return plan(observations, drills, lang=lang, limit=limit, complaint=complaint).recommendations
