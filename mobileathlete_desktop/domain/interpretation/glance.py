"""Reading an interpretation: printable rows and the short lines to read at a glance."""

from __future__ import annotations

from mobileathlete_desktop.domain.catalogue import (
    Catalogue,
    Measure,
    Side,
    default_catalogue,
)
from mobileathlete_desktop.domain.interpretation.assessment import measure_for
from mobileathlete_desktop.domain.interpretation.codes import FMS_TESTS
from mobileathlete_desktop.domain.interpretation.results import (
    FLAG_ABOVE_NORM,
    FLAG_ASYMMETRY,
    FLAG_BELOW_NORM,
    FLAG_CLINICALLY_IMPORTANT,
    FLAG_CONTROL_DEFICIT,
    FLAG_CUTOFF,
    FLAG_FAULTS,
    FLAG_IMPROVED,
    FLAG_PAIN,
    FLAG_WORSE,
    AssessmentInterpretation,
    GlanceLine,
    Interpretation,
    SummaryRow,
)
from mobileathlete_desktop.domain.interpretation.rules import HYPERMOBILITY_WORDS
from mobileathlete_desktop.domain.interpretation.value_words import (
    _mode_value,
    _named,
    _norm_text,
    _rating_in,
    _side_words,
    _value_in,
    signed_difference,
)
from mobileathlete_desktop.domain.interpretation.wording import (
    _gap_text,
    _hypermobility_note,
    _translated_line,
)
from mobileathlete_desktop.support.i18n import Texts, texts


def summary_rows(interpretation: AssessmentInterpretation) -> list[SummaryRow]:
    """Flat printable rows, one a measure, side and mode, in catalogue order."""
    return [
        SummaryRow(
            code=r.code,
            label=r.label,
            side=r.side,
            mode=r.mode,
            value=r.value,
            unit=r.unit,
            value_text=r.value_text,
            norm_text=r.norm.text,
            flags=r.flags,
            reasons=r.reasons,
        )
        for r in interpretation.rows
    ]


# Order in which the "at a glance" list shows flags: what got worse first, progress last.
GLANCE_ORDER: tuple[str, ...] = (
    FLAG_WORSE,
    FLAG_PAIN,
    FLAG_CONTROL_DEFICIT,
    FLAG_FAULTS,
    FLAG_BELOW_NORM,
    FLAG_ASYMMETRY,
    FLAG_CUTOFF,
    FLAG_ABOVE_NORM,
    FLAG_IMPROVED,
    FLAG_CLINICALLY_IMPORTANT,
)


def glance(
    interpretation: AssessmentInterpretation,
    lang: str = "en",
    catalogue: Catalogue | None = None,
) -> list[GlanceLine]:
    """Every flag of an interpreted assessment, one short line each, most pressing first.

    Active and passive readings of the same measure and side share one line; `detail` holds
    the reasons the summary and the report print (so the client page, the command line and
    the PDF cannot disagree). Pain on a computed score (a composite of painful reaches) is not
    repeated: the painful reach has its own line. `lang` is the language of `text` and
    `short` (measure and fault labels from `catalogue`); `detail` stays in English, as
    reports print it.
    """
    tr = texts(lang)
    cat = catalogue if catalogue is not None else default_catalogue()
    groups: dict[tuple[str, str, Side], list[Interpretation]] = {}
    for row in interpretation.rows:
        for flag in row.flags:
            if flag == FLAG_PAIN and row.computed:
                continue
            groups.setdefault((flag, row.code, row.side), []).append(row)
    lines: list[GlanceLine] = []
    warned: set[str] = set()  # what pain during a test warns of, said once (four painful hops)
    for (flag, code, side), rows in groups.items():
        first = rows[0]
        short = ""
        measure = measure_for(code, cat)
        name = _named(tr, measure, first.label, side)
        values = ", ".join(_mode_value(tr, r.mode, _value_in(tr, r.value_text)) for r in rows)
        translated = None if measure is None else _translated_line(tr, flag, measure, name, first)
        if translated is not None:
            text, short = translated
        elif flag in (FLAG_BELOW_NORM, FLAG_ABOVE_NORM) and first.norm.norm is not None:
            percents = "/".join(
                f"{r.norm.percent_of_norm:.0f}%" for r in rows if r.norm.percent_of_norm is not None
            )
            norm = (
                first.norm.text
                if measure is None or tr.lang == "en"
                else _norm_text(tr, measure, first.norm.norm)
            )
            differences = ""
            if percents:
                text = tr.gettext(
                    "{name}: {values} — {percents} of the norm, {norm}",
                    name=name,
                    values=values,
                    percents=percents,
                    norm=norm,
                )
            else:
                # A signed angle (Thomas, Ober): its difference from the norm, never a
                # percentage of it.
                mean = first.norm.norm.mean
                differences = "/".join(signed_difference(tr, measure, r.value - mean) for r in rows)
                text = tr.gettext(
                    "{name}: {values} — {differences} from the norm, {norm}",
                    name=name,
                    values=values,
                    differences=differences,
                    norm=norm,
                )
            if first.norm.low is not None and first.norm.high is not None:
                # An angle's zero is arbitrary (Ober 5° is not "20%" of anything): the
                # usual range says it plainly.
                unit = first.unit if first.unit == "°" else f" {first.unit}"
                low = f"{round(first.norm.low, 1):g}{unit}"
                high = f"{round(first.norm.high, 1):g}{unit}"
                short = tr.gettext(
                    "{name}: {values} (usual range {low} to {high})",
                    name=name,
                    values=values,
                    low=low,
                    high=high,
                )
            elif percents:
                short = tr.gettext(
                    "{name}: {values} ({percents} of the usual value)",
                    name=name,
                    values=values,
                    percents=percents,
                )
            else:
                short = tr.gettext(
                    "{name}: {values} ({differences} from the usual value)",
                    name=name,
                    values=values,
                    differences=differences,
                )
            if any(HYPERMOBILITY_WORDS in r for r in first.reasons):
                text = f"{text} — {_hypermobility_note(tr)}"
        elif flag == FLAG_ASYMMETRY and first.sides is not None:
            text = first.sides.reason
        elif flag == FLAG_ASYMMETRY and code in FMS_TESTS and measure is not None:
            text = _fms_asymmetry(tr, measure, first, interpretation)
        elif flag == FLAG_CONTROL_DEFICIT and first.gap is not None:
            gap = first.gap
            text = _gap_text(tr, measure, name, first)
            active, passive = f"{gap.active:g}{first.unit}", f"{gap.passive:g}{first.unit}"
            difference = f"{gap.gap:g}{first.unit}"
            short = tr.gettext(
                "{name}: active {active}, passive {passive} (gap {gap}, beyond the "
                "measurement error)",
                name=name,
                active=active,
                passive=passive,
                gap=difference,
            )
        elif flag in (FLAG_IMPROVED, FLAG_WORSE, FLAG_CLINICALLY_IMPORTANT):
            text = first.change.reason
        elif flag == FLAG_FAULTS:
            text = next((r for r in first.reasons if "rated" in r), f"{name}: {values}")
            short = f"{name}: {first.value_text}"
        elif flag == FLAG_CUTOFF:
            text = f"{name} {first.value_text}: {first.norm.cutoff}"
            short = f"{name}: {first.value_text} ({first.norm.cutoff.split(' (')[0]})"
        elif flag == FLAG_PAIN:
            text = tr.gettext("{name}: pain during the test ({values})", name=name, values=values)
            warning = measure.pain_warning_in(tr.lang) if measure is not None else ""
            if warning and warning not in warned:  # said once, by the first painful test
                warned.add(warning)
                text = f"{text} — {warning}"
        else:
            text = next((r for r in first.reasons if "asymmetry" in r.lower()), f"{name}: {values}")
        detail = "\n".join(dict.fromkeys(reason for r in rows for reason in r.reasons))
        faults = tuple(dict.fromkeys(f for r in rows for f in r.faults))
        lines.append(GlanceLine(flag, code, side, first.mode, text, detail, short or text, faults))
    rank = {flag: i for i, flag in enumerate(GLANCE_ORDER)}
    lines.sort(key=lambda line: rank.get(line.flag, len(rank)))
    return lines


def _fms_asymmetry(
    tr: Texts, measure: Measure, row: Interpretation, interpretation: AssessmentInterpretation
) -> str:
    """An FMS test scored differently left and right, in the language of `tr` (the row holds
    the lower side; the other side's score is on its own row)."""
    other_side: Side = "right" if row.side == "left" else "left"
    other = interpretation.row(row.code, other_side, row.mode)
    cite = f", {', '.join(measure.sources)}" if measure.sources else ""
    return tr.gettext(
        "{name}: {side} {value}, {other_side} {other}; the sides scored differently, an FMS "
        "asymmetry{cite}; the lower side counts towards the total.",
        name=measure.label_in(tr.lang),
        side=_side_words(tr, row.side),
        value=f"{row.value:g}",
        other_side=_side_words(tr, other_side),
        other="—" if other is None else f"{other.value:g}",
        cite=cite,
    )


def movement_words(
    row: Interpretation, lang: str = "en", catalogue: Catalogue | None = None
) -> str:
    """A motor-control test in short, in `lang`: "Single-leg squat, right: fair (knee
    valgus)"; its value as recorded when the measure is unknown."""
    tr = texts(lang)
    measure = measure_for(row.code, catalogue if catalogue is not None else default_catalogue())
    name = _named(tr, measure, row.label, row.side)
    if measure is None:
        return f"{name}: {row.value_text}"
    labels = {f.code: f.label_in(tr.lang) for f in measure.faults}
    seen = ", ".join(labels[f].lower() for f in row.faults if f in labels)
    rating = _rating_in(tr, row.rating)
    if seen:
        return tr.gettext("{name}: {rating} ({faults})", name=name, rating=rating, faults=seen)
    return tr.gettext("{name}: {rating}", name=name, rating=rating)
