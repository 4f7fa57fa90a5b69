"""A finding that matters (Highlight), its kinds and their titles, and the sentence of the
movement screen's asymmetries said together; the findings themselves are chosen and worded in
`highlights`, which exports these too."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from mobileathlete_desktop.domain.catalogue import Catalogue, Side
from mobileathlete_desktop.domain.interpretation.assessment import measure_for
from mobileathlete_desktop.domain.interpretation.results import AssessmentInterpretation
from mobileathlete_desktop.domain.interpretation.value_words import _side_words
from mobileathlete_desktop.support.i18n import N_, Texts, texts

KIND_CONTROL = "control_deficit"
KIND_PAIN = "pain"
KIND_RESTRICTION = "restriction"
KIND_ASYMMETRY = "asymmetry"
KIND_FAULTS = "faults"
KIND_CUTOFF = "cutoff"
# Ranked in this order: a gap the client cannot control, then pain, then range missing, then
# side-to-side differences, movement faults, and last a published reference point.
HIGHLIGHT_ORDER: tuple[str, ...] = (
    KIND_CONTROL,
    KIND_PAIN,
    KIND_RESTRICTION,
    KIND_ASYMMETRY,
    KIND_FAULTS,
    KIND_CUTOFF,
)
KIND_TITLES = {
    KIND_CONTROL: N_("Control deficit"),
    KIND_PAIN: N_("Pain"),
    KIND_RESTRICTION: N_("Restriction"),
    KIND_ASYMMETRY: N_("Asymmetry"),
    KIND_FAULTS: N_("Movement faults"),
    KIND_CUTOFF: N_("Reference point"),
}
# The title of a control deficit whose passive range is below its norm too: one finding.
RESTRICTION_AND_CONTROL_TITLE = N_("Restriction and control deficit")
# An FMS test scored lower on one side ranks after the measured asymmetries (just past
# their rule is 1): a screen's point, not a measured difference.
FMS_ASYMMETRY_SEVERITY = 0.75


@dataclass(frozen=True)
class Highlight:
    """One finding that matters: its kind, where it is, and one sentence to print."""

    kind: str
    code: str
    side: Side
    text: str
    severity: float = 0.0
    """How far past its rule the finding is (1 = just past it); ranks findings of a kind."""
    name: str = ""
    """The measure and side in the sentence's language ("Hip abduction, right")."""
    restriction: bool = False
    """A control deficit whose passive range is below its norm too: its sentence says both
    ("a restriction and a control deficit"), and no restriction of the same place is added."""
    places: tuple[tuple[str, Side], ...] = ()
    """Every measure and side one sentence says (several painful tests, a hop battery, the
    movement screen's asymmetries); () for its own code and side alone (`covers`)."""

    def title(self, lang: str = "en") -> str:
        """The kind in words ("Control deficit"; "Restriction and control deficit" when one
        finding is both), for a table's first column."""
        if self.kind == KIND_CONTROL and self.restriction:
            return texts(lang).gettext(RESTRICTION_AND_CONTROL_TITLE)
        return texts(lang).gettext(KIND_TITLES[self.kind])

    def covers(self) -> tuple[tuple[str, Side], ...]:
        """The measures and sides the finding is about (its own when `places` is empty)."""
        return self.places or ((self.code, self.side),)


def fms_asymmetries(
    tr: Texts,
    interpretation: AssessmentInterpretation,
    lower: Sequence[tuple[str, Side]],
    cat: Catalogue,
) -> Highlight:
    """The FMS tests scored differently left and right (`lower`: each test and its lower
    side, as the glance flags them), one finding: "FMS asymmetry, the sides scored
    differently: FMS hurdle step left 2, right 3; ... (cook-2014); the lower side counts
    towards the total." The recommender answers these (the library's "fms.*" drills), so the
    report lists them as the findings those drills are for."""
    items = []
    sources: dict[str, None] = {}
    for code, _side in lower:
        measure = measure_for(code, cat)
        label = measure.label_in(tr.lang) if measure is not None else code
        sources.update(dict.fromkeys(measure.sources if measure is not None else ()))
        scores = []
        for each in ("left", "right"):
            row = interpretation.row(code, each, "none")
            scored = "—" if row is None else f"{row.value:g}"
            scores.append(f"{_side_words(tr, each)} {scored}")
        items.append(f"{label} {', '.join(scores)}")
    cite = f" ({', '.join(sources)})" if sources else ""
    text = tr.gettext(
        "FMS asymmetry, the sides scored differently: {items}{cite}; the lower side counts "
        "towards the total.",
        items="; ".join(items),
        cite=cite,
    )
    code, side = lower[0]
    return Highlight(KIND_ASYMMETRY, code, side, text, FMS_ASYMMETRY_SEVERITY, places=tuple(lower))
