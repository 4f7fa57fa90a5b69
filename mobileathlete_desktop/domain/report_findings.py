"""The findings a report lists and the drills of the home program, lined up by one rule.

Each finding (a `Highlight`) either names the program's drills that answer it or says why
none does; each drill names the finding it answers, or says that no finding at this
assessment calls for it. Both directions come from `program_findings`, which reads the
recommender's own matching (domain.recommendations.findings_for: the findings a drill is for,
the rule the handout's "What we found and why these drills" lists by too), so the summary's
findings table, its program's Why column and `mobileathlete program` say the same.

Why a finding has no drill, as a sports physio would say it:
- pain: pain during a test chooses no home drill; it is assessed in clinic (the drills near
  it carry "keep it pain-free");
- context: a screening cut-off that went with injury in one cohort (Y-balance composite, FMS
  total) or an FMS shoulder item is context for the runner's program, not a drill target;
- held back: the library's drills for it would stretch or load a painful or over-mobile
  range, so the recommender leaves them out until it has been assessed in clinic;
- held back for the complaint: the client's coded complaint holds back the drills best
  suited to it, the kind of work it calls for first (domain.recommendations.complaint_held:
  insertional Achilles pain holds back the ankle rocks and the soleus stretch a knee-to-wall
  lunge asymmetry calls for), alone or with those the findings' safety leaves out, whatever
  lesser answers the library has (a tibialis raise);
- hands-on: the library has no home drill for it (hands-on treatment or the therapist's own
  choice);
- not in program: the library answers it, but the program holds other drills (at most four
  at a time: the recommender's most pressing, or the therapist's choice).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from mobileathlete_desktop.domain.catalogue import Catalogue
from mobileathlete_desktop.domain.interpretation.assessment import measure_for
from mobileathlete_desktop.domain.interpretation.highlight_model import (
    HIGHLIGHT_ORDER,
    KIND_ASYMMETRY,
    KIND_CONTROL,
    KIND_CUTOFF,
    KIND_FAULTS,
    KIND_PAIN,
    KIND_RESTRICTION,
    KIND_TITLES,
    Highlight,
)
from mobileathlete_desktop.domain.interpretation.value_words import _named
from mobileathlete_desktop.domain.recommendations import (
    Drill,
    Observation,
    complaint_held,
    findings_for,
    fit,
    relevance,
    withheld,
)
from mobileathlete_desktop.domain.recommendations.complaints import complaint_rule
from mobileathlete_desktop.support.i18n import N_, texts
from mobileathlete_desktop.support.sentence_case import in_sentence

# Kinds of finding a drill may answer that the findings table has no row kind for.
KIND_ABOVE = "above_norm"
KIND_WORSE = "worse"
TITLES = {
    **KIND_TITLES,
    KIND_ABOVE: N_("Range above the usual"),
    KIND_WORSE: N_("Worse than before"),
}

# Why a finding has no drill in the program (see the module's docstring).
WHY_PAIN = "pain"
WHY_CONTEXT = "context"
WHY_HELD_BACK = "held_back"
WHY_COMPLAINT = "held_back_complaint"
WHY_HANDS_ON = "hands_on"
WHY_NOT_IN_PROGRAM = "not_in_program"
WHY_NOT_WORDS = {
    WHY_PAIN: N_("Home program: none; pain, to be assessed in clinic."),
    WHY_CONTEXT: N_("Home program: none; context only, not a drill target."),
    WHY_HELD_BACK: N_(
        "Home program: none; its drills would load or stretch a painful or over-mobile "
        "range, to be assessed in clinic."
    ),
    # {complaint}: how the complaint's rule names it (domain.recommendations.complaints).
    WHY_COMPLAINT: N_(
        "Home program: none; the drills best suited to it are held back for the client's "
        "complaint, {complaint}."
    ),
    WHY_HANDS_ON: N_(
        "Home program: none; no home drill in the library for it (hands-on treatment or the "
        "therapist's choice)."
    ),
    WHY_NOT_IN_PROGRAM: N_(
        "Home program: none in this program; the library has drills for it (a program holds "
        "at most four at a time)."
    ),
}
ANSWERED_WORDS = N_("Home program: {drills}.")
NO_FINDING_WORDS = N_("{category}: no finding at this assessment calls for it")


def kind_of(observation: Observation) -> str:
    """The kind of finding an observation is, by what it calls for."""
    need = observation.need
    if need == "control":
        return KIND_CONTROL
    if need == "faults":
        return KIND_FAULTS
    if need == "hypermobile":
        return KIND_ABOVE
    for flag, kind in (
        ("below_norm", KIND_RESTRICTION),
        ("asymmetry", KIND_ASYMMETRY),
        ("cutoff", KIND_CUTOFF),
    ):
        if flag in observation.flags:
            return kind
    return KIND_WORSE


@dataclass(frozen=True)
class FindingAnswer:
    """A listed finding and the program's drills that answer it (library codes, in program
    order), or why none does (`why_not`, a WHY_* code; "" when answered; `complaint`: the
    client's coded complaint that holds its drills back, for WHY_COMPLAINT)."""

    finding: Highlight
    drills: tuple[str, ...] = ()
    why_not: str = ""
    complaint: str = ""

    def words(self, lang: str = "en", names: Mapping[str, str] | None = None) -> str:
        """ "Home program: Toe yoga, Big-toe rocks." or why there is none, in `lang`, each name
        as it stands inside a sentence ("Programa en casa: yoga de dedos, ..."; `names`: drill
        code -> name in `lang`; the code when not given)."""
        tr = texts(lang)
        if self.drills:
            named = ", ".join(
                in_sentence((names or {}).get(code, code), lang) for code in self.drills
            )
            return tr.gettext(ANSWERED_WORDS, drills=named)
        if self.why_not == WHY_COMPLAINT:
            rule = complaint_rule(self.complaint)
            named = tr.gettext(rule.words) if rule is not None else self.complaint
            return tr.gettext(WHY_NOT_WORDS[WHY_COMPLAINT], complaint=named)
        return tr.gettext(WHY_NOT_WORDS[self.why_not])


@dataclass(frozen=True)
class DrillAnswer:
    """A program drill and the finding it answers: the listed finding (`finding`) covering
    the recommender's finding for it (`observation`); both None when it answers none."""

    code: str
    observation: Observation | None = None
    finding: Highlight | None = None

    def words(
        self, lang: str = "en", catalogue: Catalogue | None = None, category: str = ""
    ) -> str:
        """The finding it answers, in `lang`, by the listed finding's kind and the place
        ("Control deficit: Hip abduction, right"); for none, "<category>: no finding at this
        assessment calls for it" (`category` the drill's kind in words), "" without one."""
        tr = texts(lang)
        o = self.observation
        if o is None:
            return tr.gettext(NO_FINDING_WORDS, category=category) if category else ""
        title = (
            self.finding.title(lang) if self.finding is not None else tr.gettext(TITLES[kind_of(o)])
        )
        measure = measure_for(o.code, catalogue)
        label = measure.label if measure is not None else o.code
        return f"{title}: {_named(tr, measure, label, o.side)}"


@dataclass(frozen=True)
class ProgramFindings:
    """The listed findings, each with its drills or why none, and the program's drills, each
    with the finding it answers (`program_findings`)."""

    findings: tuple[FindingAnswer, ...] = ()
    drills: tuple[DrillAnswer, ...] = ()

    def for_drill(self, code: str) -> DrillAnswer:
        """The answer for a drill of the program (none for a drill not in it)."""
        return next((d for d in self.drills if d.code == code), DrillAnswer(code))

    def shown(self, limit: int | None = None) -> tuple[FindingAnswer, ...]:
        """The findings a report with room for `limit` lists: every finding a program drill
        answers first (a drill's Why names a listed finding), then each kind's most severe
        finding, then the rest in rank; in rank order (kind, then severity)."""
        if limit is None or len(self.findings) <= limit:
            return self.findings
        answered = [f for f in self.findings if f.drills]
        tops = [
            next(f for f in self.findings if f.finding.kind == kind)
            for kind in HIGHLIGHT_ORDER
            if any(f.finding.kind == kind for f in self.findings)
        ]
        chosen: list[FindingAnswer] = []
        for f in (*answered, *tops, *self.findings):
            if len(chosen) < limit and f not in chosen:
                chosen.append(f)
        return tuple(f for f in self.findings if f in chosen)


def _observation_at(
    observations: Sequence[Observation], code: str, side: str
) -> Observation | None:
    exact = next((o for o in observations if (o.code, o.side) == (code, side)), None)
    return exact or next((o for o in observations if o.code == code and o.drill_flags), None)


def _why_not(
    finding: Highlight,
    observations: Sequence[Observation],
    library: Sequence[Drill],
    held: frozenset[str] = frozenset(),
) -> str:
    """Why no drill of the program answers a finding (see the module's docstring); `held`:
    the drills the client's coded complaint holds back (complaint_held)."""
    if finding.kind == KIND_PAIN:
        return WHY_PAIN
    found = [_observation_at(observations, code, side) for code, side in finding.covers()]
    asking = [o for o in found if o is not None and o.drill_flags]
    if not asking:
        return WHY_CONTEXT
    suits: dict[str, int] = {}  # each drill for it, by the best kind of work it is for it
    for o in asking:
        for d in library:
            kind = fit(d, o) if relevance(d, o) > 0 else None
            if kind is not None:
                suits[d.code] = max(kind, suits.get(d.code, kind))
    candidates = set(suits)
    if not candidates:
        return WHY_HANDS_ON
    unsafe = withheld(observations, library)
    if candidates <= unsafe:
        return WHY_HELD_BACK
    # The kind of work it calls for first (fit: range work for a range asymmetry): every such
    # drill held back, by the complaint (and the findings' safety), says so, even where the
    # library has lesser answers (a tibialis raise for a knee-to-wall lunge asymmetry).
    best = max(suits.values())
    suited = {code for code, kind in suits.items() if kind == best}
    if suited & held and suited <= unsafe | held:
        return WHY_COMPLAINT
    return WHY_NOT_IN_PROGRAM


def program_findings(
    found: Sequence[Highlight],
    observations: Iterable[Observation],
    program: Sequence[str],
    library: Sequence[Drill],
    complaint: str = "",
) -> ProgramFindings:
    """The listed findings (`found`, ranked: domain.interpretation.highlights) and the
    program's drills (`program`: library codes in order) lined up by one rule: a drill answers
    the findings the recommender would give it for (findings_for over `observations`, the
    latest assessment's: every one tied at its best), and names the first of them a listed
    finding covers (else the first: a change for the worse, said under what changed). A
    finding no drill answers says why (`_why_not`): held back for the complaint when
    `complaint`, the client's coded complaint (domain.records.COMPLAINT_CODES), holds back
    the library's drills for it (complaint_held, the recommender's own rule; "" or a complaint
    with no rule: none). A drill unknown to `library` answers none."""
    seen = list(observations)
    known = {d.code: d for d in library}
    where: dict[tuple[str, str], list[int]] = {}  # a place -> the findings saying it, ranked
    for i, h in enumerate(found):
        for place in h.covers():
            where.setdefault(place, []).append(i)
    drills: list[DrillAnswer] = []
    answering: dict[int, list[str]] = {}
    for code in dict.fromkeys(program):
        drill = known.get(code)
        for_it = findings_for(drill, seen) if drill is not None else []
        listed = [(o, i) for o in for_it for i in where.get((o.code, o.side), [])]
        for _o, i in listed:
            codes = answering.setdefault(i, [])
            if code not in codes:
                codes.append(code)
        if listed:
            o, i = listed[0]
            drills.append(DrillAnswer(code, o, found[i]))
        else:
            drills.append(DrillAnswer(code, for_it[0] if for_it else None))
    held = complaint_held(complaint, library)
    answers = tuple(
        FindingAnswer(h, tuple(answering[i]))
        if i in answering
        else _unanswered(h, seen, library, held, complaint)
        for i, h in enumerate(found)
    )
    return ProgramFindings(answers, tuple(drills))


def _unanswered(
    finding: Highlight,
    seen: Sequence[Observation],
    library: Sequence[Drill],
    held: frozenset[str],
    complaint: str,
) -> FindingAnswer:
    why = _why_not(finding, seen, library, held)
    return FindingAnswer(finding, why_not=why, complaint=complaint if why == WHY_COMPLAINT else "")


def drill_reason(
    drill: Drill | None,
    observations: Sequence[Observation],
    lang: str = "en",
    catalogue: Catalogue | None = None,
) -> str:
    """Why a drill is in the program, in `lang`, with no findings list to line up with: the
    kind of the finding it is for (`program_findings` with none listed) and where
    ("Control deficit: Hip abduction, right"); "" when it answers none of them."""
    if drill is None:
        return ""
    answer = program_findings((), observations, (drill.code,), (drill,)).drills[0]
    return answer.words(lang, catalogue)


__all__ = [
    "ANSWERED_WORDS",
    "KIND_ABOVE",
    "KIND_WORSE",
    "NO_FINDING_WORDS",
    "TITLES",
    "WHY_COMPLAINT",
    "WHY_CONTEXT",
    "WHY_HANDS_ON",
    "WHY_HELD_BACK",
    "WHY_NOT_IN_PROGRAM",
    "WHY_NOT_WORDS",
    "WHY_PAIN",
    "DrillAnswer",
    "FindingAnswer",
    "ProgramFindings",
    "drill_reason",
    "kind_of",
    "program_findings",
]
