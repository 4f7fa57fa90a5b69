"""Why a drill is in a printed report's program: the finding it is for, by the recommender's
own rule (domain.recommendations.findings_for, which the handout's findings list by too), named
by its kind in the words of domain.interpretation.highlights (never a pain finding: pain
chooses no drill). No second rule.
"""

from __future__ import annotations

from collections.abc import Sequence

from mobileathlete_desktop.domain.catalogue import Catalogue
from mobileathlete_desktop.domain.interpretation.assessment import measure_for
from mobileathlete_desktop.domain.interpretation.highlights import (
    KIND_ASYMMETRY,
    KIND_CONTROL,
    KIND_CUTOFF,
    KIND_FAULTS,
    KIND_RESTRICTION,
    KIND_TITLES,
)
from mobileathlete_desktop.domain.interpretation.value_words import _named
from mobileathlete_desktop.domain.recommendations import Drill, Observation, findings_for
from mobileathlete_desktop.support.i18n import N_, texts

# Kinds of finding a drill may answer that the findings table has no row kind for.
KIND_ABOVE = "above_norm"
KIND_WORSE = "worse"
TITLES = {
    **KIND_TITLES,
    KIND_ABOVE: N_("Range above the usual"),
    KIND_WORSE: N_("Worse than before"),
}


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
    "KIND_WORSE",
    "TITLES",
    "drill_reason",
    "kind_of",
]
