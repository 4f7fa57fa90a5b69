"""The client's words on a handout: each finding said plainly, without numbers or sources."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from mobileathlete_desktop.domain.catalogue import Catalogue, default_catalogue
from mobileathlete_desktop.domain.interpretation.computed import HOP_LSI
from mobileathlete_desktop.domain.interpretation.results import (
    FLAG_ABOVE_NORM,
    FLAG_ASYMMETRY,
    FLAG_BELOW_NORM,
    FLAG_CONTROL_DEFICIT,
    FLAG_CUTOFF,
    FLAG_FAULTS,
    FLAG_IMPROVED,
    FLAG_PAIN,
    FLAG_WORSE,
    GlanceLine,
)
from mobileathlete_desktop.domain.interpretation.value_words import _side_words
from mobileathlete_desktop.support.i18n import N_, texts

# What a flag means, said to the client (English source text; the catalogues translate).
CLIENT_WORDS: dict[str, str] = {
    FLAG_BELOW_NORM: N_("less movement than usual"),
    FLAG_ABOVE_NORM: N_("more movement than usual"),
    FLAG_ASYMMETRY: N_("clearly different from the other side"),
    FLAG_CONTROL_DEFICIT: N_("moves further with help than on its own: control work"),
    FLAG_IMPROVED: N_("better than last time"),
    FLAG_WORSE: N_("not as good as last time"),
    FLAG_PAIN: N_("painful during the test"),
    FLAG_FAULTS: N_("the movement needs better control"),
}
# A cut-off on a handout is only a criterion or screening cut-point, in its own words
# (catalogue Cutoff.kind): the hop LSI under 90%, a Beighton score of 5 or more. A reference
# value from one injury cohort (Plisky 2006's Y-Balance 94%, Kiesel 2007's FMS 14) is never a
# finding for the runner (it carries no flag; and here it would have no words).
CUTOFF_WORDS: dict[str, str] = {
    "criterion": N_("not yet at the usual level for a return to running or sport"),
    "screen": N_("more flexible joints than most people: stretching is left out of your program"),
}


# What pain during a test warns of, said to the client (the catalogue's `pain_warning` is the
# clinician's): measure-code prefix → the advice, put first on the handout.
CLIENT_PAIN_WARNINGS: dict[str, str] = {
    "hop": N_(
        "Pain when you hopped can be an early sign of a bone stress injury: no hopping or "
        "jumping, and ask us before your next run, until it has been checked."
    ),
}


# The hop tests and their limb symmetry indices read as one battery on a handout: one line
# ("Hop tests, left: clearly different from the other side; not yet at the usual level..."),
# not four lines of the same words crowding out the calf and the hip.
HOP_BATTERY = "hop"
HOP_BATTERY_LABEL = N_("Hop tests")
HOP_PAIN_WORDS = N_("painful when hopping")
_HOP_CODES = frozenset({*HOP_LSI, *HOP_LSI.values()})


def _pain_warning(code: str) -> str | None:
    return next(
        (words for prefix, words in CLIENT_PAIN_WARNINGS.items() if code.startswith(prefix + ".")),
        None,
    )


def _cutoff_words(cat: Catalogue, code: str) -> str | None:
    measure = cat.get(code)
    kinds = {c.kind for c in measure.cutoffs} if measure is not None else set()
    return next((CUTOFF_WORDS[k] for k in ("criterion", "screen") if k in kinds), None)


def client_lines(
    lines: Sequence[GlanceLine],
    lang: str = "en",
    catalogue: Catalogue | None = None,
    limit: int = 6,
    for_drills: Collection[tuple[str, str]] | None = None,
) -> list[str]:
    """The findings in words a client reads on a handout, in English or Spanish.

    One line a measure and side ("Hip extension, left: less movement than usual for your
    age; painful during the test"), no numbers, norms or sources, under the measure's client
    name where the catalogue has one ("Big toe bending up"). A test whose pain warns of more
    (a painful hop: a bone-stress warning) puts that advice first, once, whatever the limit.

    With `for_drills` (the measure and side of every finding the program's drills are for,
    domain.recommendations.drill_findings) the lines are those findings and every painful
    test, none left out: the handout says why each drill is there. Without, the most pressing
    lines (about `limit`: a measure kept keeps both its sides, never the milder side of a
    measure without the worse one), most pressing first.
    """
    tr = texts(lang)
    cat = catalogue if catalogue is not None else default_catalogue()
    found: dict[tuple[str, str], list[str]] = {}
    warnings: list[str] = []
    hop_sides: set[str] = set()
    wanted = None if for_drills is None else set(for_drills)
    for line in lines:
        warning = _pain_warning(line.code) if line.flag == FLAG_PAIN else None
        if warning is not None and tr.gettext(warning) not in warnings:
            warnings.append(tr.gettext(warning))
        message = CLIENT_WORDS.get(line.flag)
        if line.flag == FLAG_CUTOFF:
            message = _cutoff_words(cat, line.code)
        if message is None:
            continue
        if wanted is not None and (line.code, line.side) not in wanted and line.flag != FLAG_PAIN:
            continue
        if line.code in _HOP_CODES:
            hop_sides.add(line.side)
            if line.flag == FLAG_PAIN:
                message = HOP_PAIN_WORDS  # several tests: not "during the test"
        phrase = tr.gettext(message)
        key = (HOP_BATTERY, "") if line.code in _HOP_CODES else (line.code, line.side)
        phrases = found.setdefault(key, [])
        if phrase not in phrases:
            phrases.append(phrase)
    keys = list(found)
    if wanted is None:
        kept: list[tuple[str, str]] = []
        for code in dict.fromkeys(code for code, _ in keys):
            if len(kept) >= limit:
                break
            kept += [k for k in keys if k[0] == code]  # both sides of a measure, or neither
        keys = kept
    out: list[str] = list(warnings)
    for code, side in keys:
        phrases = found[(code, side)]
        measure = cat.get(code)
        label = code if measure is None else measure.client_label_in(lang)
        if code == HOP_BATTERY:
            label = tr.gettext(HOP_BATTERY_LABEL)
            legs = hop_sides & {"left", "right"}
            side = legs.pop() if len(legs) == 1 else "none"
        if side in ("left", "right"):
            label = f"{label}, {_side_words(tr, side)}"
        out.append(f"{label}: {'; '.join(phrases)}")
    return out
