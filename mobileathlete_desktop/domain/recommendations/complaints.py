"""The client's presenting complaint in the home program: rules as data, each with its source.

A complaint coded on the client (domain.records.COMPLAINT_CODES) may hold back drills by how
they load the body (the library's "load:" tags: "load:hip_adduction", "load:ankle_dorsiflexion")
and, only where a source read supports it, propose one loading drill for the complaint. A
complaint with no rule here (patellofemoral, ITB, shin, proximal hamstring, other, or none)
changes nothing: the findings alone choose the program, as before the complaint was coded.

Each rule's source was read (abstract or full text) and quoted in `source`; a complaint whose
management could not be read from its source has no rule.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from mobileathlete_desktop.domain.recommendations.model import Drill
from mobileathlete_desktop.support.i18n import N_

HIP_ADDUCTION_TAG = "load:hip_adduction"
"""The drill takes the hip into adduction: across the midline (a side lean with the leg crossed
behind, a leg swung across the body), or under body weight when the free side of the pelvis is
let drop or turned toward the floor while standing on one leg (hip hikes on a step, hip
airplanes)."""

DORSIFLEXION_TAG = "load:ankle_dorsiflexion"
"""The drill takes the loaded ankle to end-range dorsiflexion (a calf stretch, an ankle rock, a
heel drop below the step, a deep squat, a deep forward reach on one leg with the heel down)."""


@dataclass(frozen=True)
class ComplaintRule:
    """What one coded complaint changes in a home program, and why (English: for the therapist,
    like every recommender reason)."""

    code: str
    words: str  # how a reason names the complaint (marked for the catalogue when it holds back)
    holds_back: frozenset[str] = frozenset()  # library load tags held back
    held_why: str = ""  # why such a drill is held back (marked for the catalogue: a check-in
    # says it in the window's language, domain.checkin_reasons)
    proposes: tuple[str, ...] = ()  # a loading drill for the complaint (the first in the library)
    proposed_why: str = ""  # what the proposed drill is for
    cite: str = ""  # the short citation a reason ends with
    source: str = ""  # the full reference and the sentence read

    def holds(self, drill: Drill) -> bool:
        """Whether the complaint holds this drill back."""
        return bool(drill.targets & self.holds_back)

    def held_reason(self) -> str:
        """Why a drill is held back for this complaint ("held back: ..."), with its source."""
        return f"{self.words}: {self.held_why} ({self.cite})"

    def proposed_reason(self) -> str:
        """The reason of the drill proposed for this complaint."""
        return f"{self.words[:1].upper()}{self.words[1:]}: {self.proposed_why} ({self.cite})"


COMPLAINT_RULES: dict[str, ComplaintRule] = {
    rule.code: rule
    for rule in (
        ComplaintRule(
            "lateral_hip_gluteal",
            N_("lateral hip pain (gluteal tendinopathy)"),
            holds_back=frozenset({HIP_ADDUCTION_TAG}),
            held_why=N_(
                "it takes the hip into adduction (the leg crossed behind or swung across the "
                "body, the pelvis let drop or turned toward the floor on the free side while "
                "standing on one leg), which compresses the gluteal tendons"
            ),
            cite="Grimaldi 2015",
            source=(
                "Grimaldi A, Mellor R, Hodges P, Bennell K, Wajswelner H, Vicenzino B. Gluteal "
                "tendinopathy: a review of mechanisms, assessment and management. Sports Med. "
                "2015;45(8):1107-1119. doi:10.1007/s40279-015-0336-5. Abstract: 'The combination "
                "of excessive compression and high tensile loads within tendons are thought to "
                "be most damaging. The available evidence suggests that joint position "
                "(particularly excessive hip adduction), together with muscle and bone elements, "
                "are key factors in gluteal tendinopathy'; the approach recommended 'involves "
                "managing the load on the tendons through exercise and education on the "
                "underlying pathomechanics'. The trial that followed (Mellor R, Bennell K, "
                "Grimaldi A, et al. BMJ 2018;361:k1662) tested 'load management education plus "
                "exercise' (abstract); its exercise programme was not read, so no drill is "
                "proposed for the complaint: the findings (weak hip abductors) choose them."
            ),
        ),
        ComplaintRule(
            "achilles_insertional",
            N_("insertional Achilles pain"),
            holds_back=frozenset({DORSIFLEXION_TAG}),
            held_why=N_(
                "it takes the loaded ankle to end-range dorsiflexion (a calf stretch, an ankle "
                "rock, a heel drop below the step, a deep squat, a deep forward reach on one "
                "leg), which compresses the Achilles insertion"
            ),
            proposes=("strength.calf_raise_straight_knee",),
            proposed_why=(
                "progressive tendon loading without end-range dorsiflexion, calf raises on flat "
                "ground"
            ),
            cite="Pringels 2025; Jonsson 2008",
            source=(
                "Pringels L, Capelleman R, Van den Abeele A, Burssens A, Planckaert G, Wezenbeek "
                "E, Vanden Bossche L. Effectiveness of reducing tendon compression in the "
                "rehabilitation of insertional Achilles tendinopathy: a randomised clinical "
                "trial. Br J Sports Med 2025. doi:10.1136/bjsports-2024-109138. Abstract: 'Both "
                "rehabilitation protocols consisted of a progressive 4-stage tendon-loading "
                "programme, including isometric, isotonic, energy-storage and release and "
                "sport-specific exercises. The "
                "LTCR programme was designed to control Achilles tendon compression by limiting "
                "ankle dorsiflexion during exercise, eliminating calf stretching and "
                "incorporating heel lifts'; VISA-A improved more with it than with high "
                "compression rehabilitation at 12 and 24 weeks (42 sport-active patients). "
                "Jonsson P, Alfredson H, Sunding K, Fahlström M, Cook J. New regimen for "
                "eccentric calf-muscle training in patients with chronic insertional Achilles "
                "tendinopathy: results of a pilot study. Br J Sports Med. 2008;42(9):746-749. "
                "doi:10.1136/bjsm.2007.039545. Abstract: eccentric training loading the tendon "
                "into full dorsiflexion gave good results in 'only 32% of patients with "
                "insertional Achilles tendinopathy'; the new regimen was done 'without loading "
                "into dorsiflexion'."
            ),
        ),
        ComplaintRule(
            "plantar_heel",
            "plantar heel pain",
            proposes=("strength.heel_raise_towel",),
            proposed_why="high-load strength training, heel raises with a towel under the toes",
            cite="Rathleff 2015",
            source=(
                "Rathleff MS, Mølgaard CM, Fredberg U, Kaalund S, Andersen KB, Jensen TT, Aaskov "
                "S, Olesen JL. High-load strength training improves outcome in patients with "
                "plantar fasciitis: a randomized controlled trial with 12-month follow-up. Scand "
                "J Med Sci Sports. 2015;25(3):e292-e300. doi:10.1111/sms.12313. Abstract: "
                "'High-load strength training consisted of unilateral heel raises with a towel "
                "inserted under the toes', 'performed every second day'; at 3 months the "
                "strength group's Foot Function Index was 29 points lower (95% CI 6-52) than the "
                "plantar fascia stretching group's; no difference at 1, 6 and 12 months."
            ),
        ),
    )
}


def complaint_rule(code: str) -> ComplaintRule | None:
    """The rule for a coded complaint, or None (not coded, or no rule: nothing changes)."""
    return COMPLAINT_RULES.get(code)


def held_for_complaint(code: str, drills: Iterable[Drill]) -> list[str]:
    """The codes of the drills, in the order given, that a complaint holds back."""
    rule = complaint_rule(code)
    if rule is None:
        return []
    return [d.code for d in drills if rule.holds(d)]
