"""What a printed report says about its findings and drills: a restriction already said by its
control deficit is not said twice, and the finding a drill is for is the one the recommender
would give it for, named by its kind (never a pain finding: pain chooses no drill).

Both read the judgements of domain.interpretation.highlights and the recommender's own
matching (domain.recommendations.relevance and fit): no second rule.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from mobileathlete_desktop.domain.catalogue import Catalogue
from mobileathlete_desktop.domain.interpretation.assessment import measure_for
from mobileathlete_desktop.domain.interpretation.highlights import (
    KIND_ASYMMETRY,
    KIND_CONTROL,
    KIND_CUTOFF,
    KIND_FAULTS,
    KIND_RESTRICTION,
    KIND_TITLES,
    Highlight,
)
from mobileathlete_desktop.domain.interpretation.value_words import _named
from mobileathlete_desktop.domain.recommendations import (
    ACTIONABLE,
    Drill,
    Observation,
    fit,
    relevance,
)
from mobileathlete_desktop.domain.recommendations.measures import is_pain_score
from mobileathlete_desktop.support.i18n import N_, texts

# Kinds of finding a drill may answer that the findings table has no row kind for.
KIND_ABOVE = "above_norm"
KIND_WORSE = "worse"
KIND_RESTRICTION_AND_CONTROL = "restriction_and_control"
TITLES = {
    **KIND_TITLES,
    KIND_ABOVE: N_("Range above the usual"),
    KIND_WORSE: N_("Worse than before"),
    KIND_RESTRICTION_AND_CONTROL: N_("Restriction and control deficit"),
}

Place = tuple[str, str]


def said_once(found: Iterable[Highlight]) -> tuple[list[Highlight], frozenset[Place]]:
    """The findings with each restriction that a control deficit of the same measure and side
    already says left out, and the places where that happened.

    A control deficit is the active range short of the passive one beyond the measurement
    error; a restriction is the passive range below its norm (a length or joint limit). When
    both hold (hip abduction passive 40° against a norm of 45°, active 35°), the control
    deficit's sentence says both ("a restriction and a control deficit"): one finding, titled
    by both kinds, not two rows."""
    found = list(found)
    controlled = {(h.code, h.side) for h in found if h.kind == KIND_CONTROL}
    both = frozenset(
        (h.code, h.side)
        for h in found
        if h.kind == KIND_RESTRICTION and (h.code, h.side) in controlled
    )
    kept = [h for h in found if not (h.kind == KIND_RESTRICTION and (h.code, h.side) in both)]
    return kept, both


def finding_title(highlight: Highlight, both: frozenset[Place], lang: str = "en") -> str:
    """A finding's kind in words for the table's first column ("Restriction and control
    deficit" where one finding says both)."""
    if highlight.kind == KIND_CONTROL and (highlight.code, highlight.side) in both:
        return texts(lang).gettext(TITLES[KIND_RESTRICTION_AND_CONTROL])
    return highlight.title(lang)


def finding_for(drill: Drill, observations: Sequence[Observation]) -> Observation | None:
    """The finding the recommender would give this drill for: among the findings that call
    for drills, those the drill answers (relevance) with a kind of work that suits them (fit),
    the best suited first, then the closest, then the weightiest; None when it answers none.

    So a control or strength drill is for a control deficit or a movement fault before a
    restriction it only works through, and a mobility drill for the restriction."""
    best: tuple[tuple[int, int, float], Observation] | None = None
    for observation in observations:
        if not observation.flags & ACTIONABLE or is_pain_score(observation.code):
            continue  # pain shapes a program, it chooses no drill (nor does the pain score)
        match = relevance(drill, observation)
        suits = fit(drill, observation) if match else None
        if suits is None:
            continue
        key = (suits, match, observation.weight)
        if best is None or key > best[0]:
            best = (key, observation)
    return best[1] if best is not None else None


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


def drill_reason(
    drill: Drill | None,
    observations: Sequence[Observation],
    lang: str = "en",
    catalogue: Catalogue | None = None,
) -> str:
    """Why a drill is in the program, in `lang`: the kind of the finding it answers and where
    ("Control deficit: Hip abduction, right"); "" when it answers none of them."""
    if drill is None:
        return ""
    observation = finding_for(drill, observations)
    if observation is None:
        return ""
    tr = texts(lang)
    measure = measure_for(observation.code, catalogue)
    label = measure.label if measure is not None else observation.code
    where = _named(tr, measure, label, observation.side)
    return f"{tr.gettext(TITLES[kind_of(observation)])}: {where}"


__all__ = [
    "KIND_ABOVE",
    "KIND_RESTRICTION_AND_CONTROL",
    "KIND_WORSE",
    "TITLES",
    "drill_reason",
    "finding_for",
    "finding_title",
    "kind_of",
    "said_once",
]
