"""Why a coded complaint holds a drill back, said to the runner (tú in Spanish): one short
clause per complaint rule that holds drills back (domain.recommendations.complaints), in plain
words, no source or jargon. The runner's handout says it when a drill of their saved program
is left out for the complaint ("We've taken out “Bent-knee calf stretch (soleus)” for now: with
pain where your Achilles meets your heel, ..."): services.reports.held_back.runner_lines.

The clinician's words, with the source, stay with the rule (ComplaintRule.held_why); these
say the same reason as a runner would understand it: what the held drills do (the load tag)
and what it does to the sore spot.
"""

from __future__ import annotations

from collections.abc import Mapping

from mobileathlete_desktop.support.i18n import N_, texts

RUNNER_WHY: Mapping[str, str] = {
    # load:hip_adduction (Grimaldi 2015): the hip dropping out to the side or the leg crossing
    # the midline compresses the gluteal tendons against the outer hip.
    "lateral_hip_gluteal": N_(
        "with pain on the outside of your hip, letting the hip sink out to the side or "
        "crossing the leg toward the other one can press on the sore tendons"
    ),
    # load:ankle_dorsiflexion (Pringels 2025; Jonsson 2008): the loaded ankle bent up to its
    # end range compresses the Achilles insertion.
    "achilles_insertional": N_(
        "with pain where your Achilles meets your heel, bending the ankle as far as it goes "
        "under your weight (a deep calf stretch, a deep squat) can press on the sore spot"
    ),
}
"""For each complaint code whose rule holds drills back: why, as a clause the runner reads
after the drill's name (English gettext source; lower case, no full stop)."""


def runner_why(code: str, lang: str = "en") -> str:
    """Why the complaint `code` holds a drill back, in the runner's words and `lang`; "" for
    a complaint with no such words (not coded, or its rule holds nothing back)."""
    message = RUNNER_WHY.get(code)
    return texts(lang).gettext(message) if message else ""
