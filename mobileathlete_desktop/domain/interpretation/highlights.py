"""The findings that matter: ranked, one plain sentence each, with its number and norm.

Built on an interpreted assessment (`interpret_assessment`), so the summary report, the
referral letter and the window read the same judgements: a control deficit is the
active–passive gap beyond the measurement error, a restriction is below the norm, an
asymmetry passes the catalogue's side-to-side rule, pain was reported during the test.
What changed is `changes`.
"""

from __future__ import annotations

from dataclasses import replace

from mobileathlete_desktop.domain.catalogue import Catalogue, Measure, Side, default_catalogue
from mobileathlete_desktop.domain.interpretation.assessment import (
    measure_for,
)
from mobileathlete_desktop.domain.interpretation.codes import FMS_TESTS
from mobileathlete_desktop.domain.interpretation.computed import HOP_LSI
from mobileathlete_desktop.domain.interpretation.glance import glance
from mobileathlete_desktop.domain.interpretation.glance import movement_words as movement_words
from mobileathlete_desktop.domain.interpretation.highlight_model import (
    HIGHLIGHT_ORDER,
    KIND_ASYMMETRY,
    KIND_CONTROL,
    KIND_CUTOFF,
    KIND_FAULTS,
    KIND_PAIN,
    KIND_RESTRICTION,
    KIND_TITLES,
    RESTRICTION_AND_CONTROL_TITLE,
    Highlight,
    fms_asymmetries,
)
from mobileathlete_desktop.domain.interpretation.results import (
    FLAG_ASYMMETRY,
    FLAG_BELOW_NORM,
    FLAG_CONTROL_DEFICIT,
    FLAG_CUTOFF,
    FLAG_FAULTS,
    FLAG_PAIN,
    AssessmentInterpretation,
    Interpretation,
    Key,
    SideComparison,
)
from mobileathlete_desktop.domain.interpretation.value_words import (
    _fmt_in,
    _mode_value,
    _named,
    _side_words,
    _value_in,
)
from mobileathlete_desktop.support.i18n import Texts, texts


def _norm_words(tr: Texts, measure: Measure, row: Interpretation) -> str:
    """ "44° ± 8°, cdc-rom-2011": the norm's mean, spread and source, short."""
    norm = row.norm.norm
    if norm is None:
        return ""
    spread = f" ± {_fmt_in(tr, measure, norm.sd)}" if norm.sd is not None else ""
    return f"{_fmt_in(tr, measure, norm.mean)}{spread}, {norm.source}"


def _value(tr: Texts, measure: Measure | None, row: Interpretation) -> str:
    return _value_in(tr, row.value_text.split(" (", 1)[0])


def _label(tr: Texts, measure: Measure | None, row: Interpretation, side: str) -> str:
    return _named(tr, measure, row.label, side)


def _restricted(tr: Texts, measure: Measure, passive: Interpretation | None) -> bool:
    """Whether a control deficit's passive range is below its norm (a norm to quote): then
    the deficit's one finding says the restriction too."""
    return (
        passive is not None
        and FLAG_BELOW_NORM in passive.flags
        and bool(_norm_words(tr, measure, passive))
    )


def _control(
    tr: Texts, measure: Measure, row: Interpretation, passive: Interpretation | None
) -> str:
    gap = row.gap
    assert gap is not None
    values = {
        "name": _label(tr, measure, row, row.side),
        "active": _fmt_in(tr, measure, gap.active),
        "passive": _fmt_in(tr, measure, gap.passive),
        "gap": _fmt_in(tr, measure, gap.gap),
        "error": _fmt_in(tr, measure, gap.error or 0),
        "source": gap.source,
    }
    norm = _norm_words(tr, measure, passive) if passive is not None else ""
    if not gap.clear:
        # Beyond the error, but not clearly (results.CLEAR_GAP_FACTOR): a healthy runner's
        # active range falls a few degrees short of the passive too.
        if _restricted(tr, measure, passive):
            return tr.gettext(
                "{name}: passive {passive}, below the norm ({norm}), and active only "
                "{active}: a restriction, and active short of passive by more than the "
                "measurement error (gap {gap}, error {error}, {source}); healthy runners show "
                "some gap too: judge clinically.",
                norm=norm,
                **values,
            )
        return tr.gettext(
            "{name}: passive {passive} but active only {active}: active short of passive by "
            "more than the measurement error (gap {gap}, error {error}, {source}); healthy "
            "runners show some gap too: judge clinically.",
            **values,
        )
    if _restricted(tr, measure, passive):
        return tr.gettext(
            "{name}: passive {passive}, below the norm ({norm}), and active only {active}: "
            "a restriction and a control deficit (gap {gap}, more than the {error} "
            "measurement error, {source}).",
            norm=norm,
            **values,
        )
    if norm and passive is not None and passive.norm.flag == "within":
        # Only a norm that judged the passive range: a fallback's reference is not one.
        return tr.gettext(
            "{name}: passive {passive} is within the norm ({norm}) but active reaches only "
            "{active}: a control deficit, not a flexibility limit (gap {gap}, more than the "
            "{error} measurement error, {source}).",
            norm=norm,
            **values,
        )
    return tr.gettext(
        "{name}: passive {passive} but active only {active}: a control deficit, not a "
        "flexibility limit (gap {gap}, more than the {error} measurement error, {source}).",
        **values,
    )


def _shortfall(row: Interpretation) -> float:
    """How far below its norm a row is, in SDs (or tenths of the norm without an SD)."""
    norm = row.norm.norm
    if norm is None:
        return 0.0
    if norm.sd:
        return max(0.0, (norm.mean - row.value) / norm.sd)
    # Tenths of the norm, worked from the mean (a signed angle shows no percentage, but a
    # 15° shortfall on a 20° norm still ranks by its size).
    return max(0.0, (norm.mean - row.value) / norm.mean * 10) if norm.mean > 0 else 0.0


def _restriction(tr: Texts, measure: Measure, row: Interpretation) -> str:
    values = {
        "name": _label(tr, measure, row, row.side),
        "value": _mode_value(tr, row.mode, _value(tr, measure, row)),
        "norm": _norm_words(tr, measure, row),
    }
    percent = row.norm.percent_of_norm
    if percent is not None:
        percent_text = f"{percent:.0f}%"
        return tr.gettext(
            "{name}: {value}, below the norm ({norm}; {percent} of it).",
            percent=percent_text,
            **values,
        )
    return tr.gettext("{name}: {value}, below the norm ({norm}).", **values)


def _with_warnings(tr: Texts, text: str, measures: list[Measure | None]) -> str:
    """The pain sentence, then what pain during these tests warns of (hopping: bone stress),
    each warning once, as a sentence of its own."""
    warnings = dict.fromkeys(m.pain_warning_in(tr.lang) for m in measures if m is not None)
    said = [w[:1].upper() + w[1:].rstrip(".") + "." for w in warnings if w]
    return " ".join([text, *said])


def _pain(tr: Texts, measure: Measure | None, row: Interpretation) -> str:
    return _with_warnings(tr, _pain_sentence(tr, measure, row), [measure])


def _pain_limited(row: Interpretation) -> bool:
    """An active range short of the passive beyond the error, in a painful test: pain may
    be what limits it (rules.active_passive_gap), one finding of its own."""
    return row.gap is not None and row.gap.pain_limited


def _pain_sentence(tr: Texts, measure: Measure | None, row: Interpretation) -> str:
    values = {
        "name": _label(tr, measure, row, row.side),
        "value": _mode_value(tr, row.mode, _value(tr, measure, row)),
    }
    gap = row.gap
    if measure is not None and gap is not None and gap.pain_limited:
        return tr.gettext(
            "{name}: passive {passive} but active only {active}, painful during the test: "
            "pain may be what limits the active range (gap {gap}, more than the {error} "
            "measurement error, {source}); not judged a control deficit.",
            name=values["name"],
            active=_fmt_in(tr, measure, gap.active),
            passive=_fmt_in(tr, measure, gap.passive),
            gap=_fmt_in(tr, measure, gap.gap),
            error=_fmt_in(tr, measure, gap.error or 0),
            source=gap.source,
        )
    norm = _norm_words(tr, measure, row) if measure is not None else ""
    if FLAG_BELOW_NORM in row.flags and norm:
        return tr.gettext(
            "{name}: {value}, below the norm ({norm}) and painful during the test: pain may "
            "be what limits it.",
            norm=norm,
            **values,
        )
    if norm:
        return tr.gettext(
            "{name}: {value}, painful during the test (norm {norm}).", norm=norm, **values
        )
    return tr.gettext("{name}: {value}, painful during the test.", **values)


def _asymmetry(tr: Texts, measure: Measure, row: Interpretation) -> tuple[str, float]:
    sides = row.sides
    assert sides is not None
    weak_side = sides.weaker_side or "left"
    other_side = "right" if weak_side == "left" else "left"
    weak = sides.left if weak_side == "left" else sides.right
    other = sides.right if weak_side == "left" else sides.left
    name = _named(tr, measure, row.label, "none")
    if row.mode != "none":
        name = f"{name} ({_mode_value(tr, row.mode, '').strip()})"
    values = {
        "name": name,
        "weak_side": _side_words(tr, weak_side),
        "weak": _fmt_in(tr, measure, weak),
        "other_side": _side_words(tr, other_side),
        "other": _fmt_in(tr, measure, other),
        "difference": _fmt_in(tr, measure, abs(sides.difference)),
        "source": sides.source,
    }
    if sides.threshold_kind == "lsi" and sides.lsi is not None and sides.threshold:
        lsi, threshold = f"{sides.lsi:.0f}%", f"{sides.threshold:g}%"
        rule = tr.gettext(
            "limb symmetry {lsi}, threshold {threshold}", lsi=lsi, threshold=threshold
        )
        size = (100 - sides.lsi) / max(100 - sides.threshold, 1e-9)
    elif sides.threshold_kind == "error" and sides.threshold:
        rule = tr.gettext(
            "more than the {error} measurement error",
            error=_fmt_in(tr, measure, sides.threshold),
        )
        size = abs(sides.difference) / sides.threshold
    elif sides.threshold:
        rule = tr.gettext("threshold {threshold}", threshold=_fmt_in(tr, measure, sides.threshold))
        size = abs(sides.difference) / sides.threshold
    else:
        rule, size = "", 1.0
    values["rule"] = f"{rule}, {sides.source}" if rule and sides.source else rule
    text = tr.gettext(
        "{name}: {weak_side} {weak} against {other_side} {other}, a difference of "
        "{difference} ({rule}).",
        **values,
    )
    return text, size


def _hop_tests(tr: Texts, hops: list[tuple[Interpretation, Measure]]) -> list[Highlight]:
    """The hop tests short of their LSI criterion, one finding a weaker leg: a battery whose
    tests all say the same leg lags reads as one sentence with each test's limb symmetry (the
    timed hop's the faster time over the slower), not four asymmetries and four reference
    points crowding out the heel-rise and the hip. A single test keeps its own sentence."""
    by_side: dict[Side, list[tuple[Interpretation, Measure, SideComparison]]] = {}
    for row, measure in hops:
        if row.sides is not None:
            side = row.sides.weaker_side or "left"
            by_side.setdefault(side, []).append((row, measure, row.sides))
    out: list[Highlight] = []
    for side, group in by_side.items():
        sizes = [_asymmetry(tr, m, r) for r, m, _s in group]
        code = group[0][0].code
        if len(group) == 1:
            out.append(Highlight(KIND_ASYMMETRY, code, side, *sizes[0]))
            continue
        items = ", ".join(
            f"{_lower(m.label_in(tr.lang))} {sides.lsi or 0:.0f}%" for _r, m, sides in group
        )
        first = group[0][2]
        text = tr.gettext(
            "Hop tests: the {side} leg lags behind, limb symmetry {items}, below the "
            "{threshold} criterion for a return to running or sport ({source}).",
            # Translators: the leg in "the left leg lags behind" (Spanish "izquierda").
            side=tr.pgettext("leg", "left") if side == "left" else tr.pgettext("leg", "right"),
            items=items,
            threshold=f"{first.threshold or 90:g}%",
            source=first.source,
        )
        places = tuple((r.code, side) for r, _m, _s in group)
        size = max(z for _t, z in sizes)
        out.append(Highlight(KIND_ASYMMETRY, code, side, text, size, places=places))
    return out


def _lower(label: str) -> str:
    return label[0].lower() + label[1:] if len(label) > 1 and label[1].islower() else label


def _where(tr: Texts, cat: Catalogue, code: str, side: str) -> str:
    measure = measure_for(code, cat)
    return _named(tr, measure, measure.label if measure is not None else code, side)


def _error_size(row: Interpretation) -> float:
    gap = row.gap
    if gap is None or not gap.error:
        return 1.0
    return gap.gap / gap.error


def highlights(
    interpretation: AssessmentInterpretation,
    lang: str = "en",
    catalogue: Catalogue | None = None,
    *,
    limit: int | None = None,
) -> list[Highlight]:
    """The findings that matter at this visit, ranked (HIGHLIGHT_ORDER, then how far past its
    rule each is), one sentence each in `lang` with its number and norm.

    Active and passive readings of a measure and side make one finding: a control deficit
    says the passive range and its norm; a range below norm beside a control deficit is not
    repeated as a restriction (a passive range below its norm makes the deficit's finding
    "Restriction and control deficit", `Highlight.restriction`); a painful reading below norm
    is one "pain" finding.
    Above-norm values are not findings here. With `limit`, every kind present keeps its most
    severe finding before any kind gets a second one.
    """
    tr = texts(lang)
    cat = catalogue if catalogue is not None else default_catalogue()
    rows: dict[Key, Interpretation] = {r.key: r for r in interpretation.rows}
    found: list[Highlight] = []
    taken: set[tuple[str, str, str]] = set()  # (kind, code, side)
    controlled: set[tuple[str, str]] = set()
    painful: list[tuple[Interpretation, Measure | None]] = []
    hops: list[tuple[Interpretation, Measure]] = []
    for row in interpretation.rows:
        measure = measure_for(row.code, cat)
        if measure is None or FLAG_CONTROL_DEFICIT not in row.flags or row.gap is None:
            continue
        if (row.code, row.side) in controlled:
            continue
        controlled.add((row.code, row.side))
        passive = rows.get((row.code, row.side, "passive"))
        found.append(
            Highlight(
                KIND_CONTROL,
                row.code,
                row.side,
                _control(tr, measure, row, passive),
                _error_size(row),
                restriction=_restricted(tr, measure, passive),
            )
        )
    for row in interpretation.rows:
        measure = measure_for(row.code, cat)
        place = (row.code, row.side)
        if FLAG_PAIN in row.flags and not row.computed and (KIND_PAIN, *place) not in taken:
            taken.add((KIND_PAIN, *place))
            if FLAG_BELOW_NORM in row.flags and row.norm.norm is not None:
                text = _pain(tr, measure, row)
                found.append(Highlight(KIND_PAIN, row.code, row.side, text, 2.0 + _shortfall(row)))
            elif _pain_limited(row):
                text = _pain(tr, measure, row)
                found.append(Highlight(KIND_PAIN, row.code, row.side, text, 2.0))
            else:
                painful.append((row, measure))
        if measure is None:
            continue
        if FLAG_BELOW_NORM in row.flags and row.norm.norm is not None:
            if place in controlled:
                # The control deficit says why the active range is short, and says a passive
                # range below its norm ("a restriction and a control deficit").
                continue
            if (KIND_RESTRICTION, *place) in taken or (KIND_PAIN, *place) in taken:
                continue
            taken.add((KIND_RESTRICTION, *place))
            found.append(
                Highlight(
                    KIND_RESTRICTION,
                    row.code,
                    row.side,
                    _restriction(tr, measure, row),
                    _shortfall(row),
                )
            )
        if FLAG_ASYMMETRY in row.flags and row.sides is not None and row.sides.asymmetric:
            if (KIND_ASYMMETRY, row.code, "none") in taken:
                continue
            taken.add((KIND_ASYMMETRY, row.code, "none"))
            if row.code in HOP_LSI and row.sides.threshold_kind == "lsi":
                hops.append((row, measure))
                continue
            text, size = _asymmetry(tr, measure, row)
            weaker = row.sides.weaker_side or "none"
            found.append(Highlight(KIND_ASYMMETRY, row.code, weaker, text, size))
    found += _hop_tests(tr, hops)
    # A hop LSI under its criterion is said by its test's asymmetry above, not again.
    said_lsi = {HOP_LSI[row.code] for row, _m in hops}
    if len(painful) == 1:
        row, measure = painful[0]
        found.append(Highlight(KIND_PAIN, row.code, row.side, _pain(tr, measure, row), 1.0))
    elif painful:
        # Several painful tests within their norms read as one sentence, not a list.
        where = "; ".join(
            f"{_label(tr, m, r, r.side)} ({_mode_value(tr, r.mode, _value(tr, m, r))})"
            for r, m in painful
        )
        first = painful[0][0]
        text = tr.gettext("Painful during the test: {where}.", where=where)
        text = _with_warnings(tr, text, [m for _r, m in painful])
        places = tuple((r.code, r.side) for r, _m in painful)
        found.append(Highlight(KIND_PAIN, first.code, first.side, text, 1.0, places=places))
    screen: list[tuple[str, Side]] = []  # FMS tests scored lower on one side
    for line in glance(interpretation, lang, cat):
        if line.flag == FLAG_FAULTS:
            found.append(Highlight(KIND_FAULTS, line.code, line.side, line.text, 1.0))
        elif line.flag == FLAG_CUTOFF and line.code not in said_lsi:
            found.append(Highlight(KIND_CUTOFF, line.code, line.side, line.short, 0.5))
        elif line.flag == FLAG_ASYMMETRY and line.code in FMS_TESTS:
            screen.append((line.code, line.side))
    if screen:
        found.append(fms_asymmetries(tr, interpretation, screen, cat))
    found = [replace(h, name=_where(tr, cat, h.code, h.side)) for h in found]
    rank = {kind: i for i, kind in enumerate(HIGHLIGHT_ORDER)}
    found.sort(key=lambda h: (rank[h.kind], -h.severity))
    if limit is None or len(found) <= limit:
        return found
    chosen: list[Highlight] = []
    for kind in HIGHLIGHT_ORDER:  # the most severe of each kind first
        top = next((h for h in found if h.kind == kind), None)
        if top is not None and len(chosen) < limit:
            chosen.append(top)
    for h in found:
        if len(chosen) >= limit:
            break
        if h not in chosen:
            chosen.append(h)
    return sorted(chosen, key=lambda h: (rank[h.kind], -h.severity))


__all__ = [
    "HIGHLIGHT_ORDER",
    "KIND_ASYMMETRY",
    "KIND_CONTROL",
    "KIND_CUTOFF",
    "KIND_FAULTS",
    "KIND_PAIN",
    "KIND_RESTRICTION",
    "KIND_TITLES",
    "RESTRICTION_AND_CONTROL_TITLE",
    "Highlight",
    "highlights",
    "movement_words",
]
