"""What changed: each measure that moved beyond its measurement error (MDC), and whether that
change is also clinically important (reaches the MCID), in one sentence that keeps the two
apart. A change within the error is no change here, however large next to the MCID."""

from __future__ import annotations

from dataclasses import dataclass, replace

from mobileathlete_desktop.domain.catalogue import Catalogue, Measure, Side, default_catalogue
from mobileathlete_desktop.domain.interpretation.assessment import (
    interpret_assessment,
    measure_for,
)
from mobileathlete_desktop.domain.interpretation.results import (
    AssessmentInterpretation,
    Interpretation,
)
from mobileathlete_desktop.domain.interpretation.value_words import (
    _fmt_in,
    _mode_value,
    _named,
    _unit_in,
    _value_in,
    error_places,
    error_words,
)
from mobileathlete_desktop.domain.records import ClientHistory
from mobileathlete_desktop.support.i18n import N_, Texts, texts


@dataclass(frozen=True)
class ChangeLine:
    """One measure that changed: which of MDC and MCID the change passes, and a sentence."""

    code: str
    side: Side
    verdict: str
    beyond_error: bool | None
    important: bool | None
    text: str
    size: float = 0.0
    """The change over its measurement error (or MCID when no error is known)."""


def difference_words(
    measure: Measure, value: float, lang: str = "en", beside: float | None = None
) -> str:
    """A difference between two readings of a measure (a change, its measurement error) with
    its unit: for a percentage (a hop LSI, a Y-balance composite) in percentage points, so a
    15.5-point error of an LSI is never read as 15.5% of the reading. An error weighed
    against a change (`beside`) keeps a decimal more where rounding would make them read the
    same (value_words.error_words)."""
    tr = texts(lang)
    if measure.unit == "percent":
        shown = f"{round(value, error_places(measure, value, beside)) + 0.0:g}"
        return tr.gettext("{amount} percentage points", amount=shown)
    return _value_in(tr, error_words(measure, value, beside))


_VERDICT_WORDS = {"improved": N_("improved"), "worse": N_("worse")}


def _change_sentence(tr: Texts, measure: Measure, row: Interpretation, since: str = "") -> str:
    change = row.change
    assert change.previous_value is not None
    name = _named(tr, measure, row.label, row.side)
    before = _mode_value(tr, row.mode, _fmt_in(tr, measure, change.previous_value))
    after = _fmt_in(tr, measure, row.value)
    parts: list[str] = []
    if change.mdc is not None and change.beyond_error is not None:
        error = difference_words(measure, change.mdc, tr.lang, change.delta)
        if change.beyond_error:
            parts.append(tr.gettext("beyond the measurement error ({error})", error=error))
        elif change.at_error:
            parts.append(
                tr.gettext("at the measurement error ({error}), not beyond it", error=error)
            )
        else:
            parts.append(tr.gettext("within the measurement error ({error})", error=error))
    mcid = measure.important_change
    if mcid is not None and change.important is not None:
        sizes = []
        if mcid.points is not None:
            sizes.append(f"{mcid.points:g} {_unit_in(tr, measure.unit_label, mcid.points)}".strip())
        # The percentage only where it counts for this change (rules._judge): not for a
        # worsening of pain, nor from a pain of 3 or less.
        better = change.verdict == "improved"
        if mcid.percent is not None and (
            mcid.points is None or mcid.percent_applies(change.previous_value, improved=better)
        ):
            sizes.append(f"{mcid.percent:g}%")
        size = tr.gettext(" or ").join(sizes)
        parts.append(
            tr.gettext(
                "clinically important (MCID {size}, {source})", size=size, source=mcid.source
            )
            if change.important
            else tr.gettext("not clinically important (MCID {size})", size=size)
        )
    verdict = tr.gettext(_VERDICT_WORDS[change.verdict])
    return tr.gettext(
        "{name}: {before} → {after}, {verdict}: {judgement}.",
        name=name,
        before=before,
        after=after,
        verdict=verdict,
        judgement="; ".join(parts),
    )


def change_lines(
    interpretation: AssessmentInterpretation,
    lang: str = "en",
    catalogue: Catalogue | None = None,
) -> list[ChangeLine]:
    """Every row whose change since its previous recording is beyond the measurement error
    (or, for a measure with no error in the catalogue, reaches its MCID; rules._judge: a
    change within the error is not listed, whatever its size next to the MCID): worse first,
    then clinically important ones, then by size. The interpretation decides what "previous"
    is (the last visit; or the first, see `episode_interpretation`)."""
    tr = texts(lang)
    cat = catalogue if catalogue is not None else default_catalogue()
    lines: list[ChangeLine] = []
    for row in interpretation.rows:
        change = row.change
        if change.verdict not in ("improved", "worse") or change.previous_value is None:
            continue
        if not (change.beyond_error or change.important):
            continue
        measure = measure_for(row.code, cat)
        if measure is None:
            continue
        delta = abs(change.delta or 0.0)
        size = delta / change.mdc if change.mdc else delta
        lines.append(
            ChangeLine(
                row.code,
                row.side,
                change.verdict,
                change.beyond_error,
                change.important,
                _change_sentence(tr, measure, row),
                size,
            )
        )
    lines.sort(key=lambda c: (c.verdict != "worse", not c.important, -c.size))
    return lines


def episode_interpretation(
    history: ClientHistory, catalogue: Catalogue | None = None
) -> AssessmentInterpretation:
    """The latest visit judged against the first visit (rather than the one before): the
    same `interpret_assessment` on the history cut down to the two visits, so MDC and MCID
    follow the catalogue's rules, raters and instruments exactly."""
    visits = history.assessments
    if len(visits) < 2:
        return interpret_assessment(history, catalogue=catalogue)
    scoped = replace(history, assessments=(visits[0], visits[-1]))
    return interpret_assessment(scoped, visits[-1].id, catalogue)


def change_sentence(
    row: Interpretation, lang: str = "en", catalogue: Catalogue | None = None
) -> str | None:
    """One row's change as `change_lines` words it, or None when it has no earlier value, is
    neither beyond the error nor clinically important, or its measure is unknown."""
    change = row.change
    if change.verdict not in ("improved", "worse") or change.previous_value is None:
        return None
    if not (change.beyond_error or change.important):
        return None
    measure = measure_for(row.code, catalogue if catalogue is not None else default_catalogue())
    if measure is None:
        return None
    return _change_sentence(texts(lang), measure, row)


__all__ = [
    "ChangeLine",
    "change_lines",
    "change_sentence",
    "episode_interpretation",
]
