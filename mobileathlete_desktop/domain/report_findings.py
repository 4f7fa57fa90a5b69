"""What a printed report says about its findings and drills: a restriction already said by its
control deficit is not said twice, and the finding a drill is for is the one the recommender
gives it for (domain.recommendations.findings_for, the handout's rule too), named by its kind
(never a pain finding: pain chooses no drill). No second rule.
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
from mobileathlete_desktop.domain.recommendations import Drill, Observation, findings_for
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
    """Why a drill is in the program, in `lang`: the kind of the finding it is for
    (domain.recommendations.findings_for, the rule the handout's findings list by; its
    weightiest when several) and where ("Control deficit: Hip abduction, right"); "" when it
    answers none of them."""
    if drill is None:
        return ""
    found = findings_for(drill, observations)
    if not found:
        return ""
    observation = found[0]
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
    "finding_title",
    "kind_of",
    "said_once",
]
