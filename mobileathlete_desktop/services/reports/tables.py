"""A progress report's value tables and its "What changed" lines, from the interpretation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from mobileathlete_desktop.domain.catalogue import Measure
from mobileathlete_desktop.domain.interpretation import (
    FLAG_CLINICALLY_IMPORTANT,
    Interpretation,
    interpret_assessment,
    interpret_history,
    measure_for,
)
from mobileathlete_desktop.domain.interpretation.changes import change_sentence, difference_words
from mobileathlete_desktop.domain.interpretation.flag_words import cutoff_words
from mobileathlete_desktop.domain.interpretation.highlights import movement_words
from mobileathlete_desktop.domain.interpretation.value_words import _places, _value_in
from mobileathlete_desktop.domain.records import AssessmentRecord, ClientHistory
from mobileathlete_desktop.reports.numbers import decimal_marks
from mobileathlete_desktop.reports.progress_report import MeasureRow
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.support.i18n import N_, Texts, texts
from mobileathlete_desktop.support.sentence_case import lower_first, sentence_start

OUTCOME_CODES = frozenset({"lefs.total", "nprs", "psfs.average"})
ENGLISH = texts("en")


def _fmt(value: float | None, unit: str, tr: Texts = ENGLISH) -> str:
    if value is None:
        return ""
    number = tr.number(value)
    return f"{number}{unit}" if unit in ("°", "%") else f"{number} {unit}".strip()


def _side(side: str, tr: Texts) -> str:
    if side == "left":
        # Translators: the left side in a table's narrow Side column ("I" in Spanish).
        return tr.pgettext("side column", "L")
    if side == "right":
        return tr.pgettext("side column", "R")
    return ""


def _value(text: str, tr: Texts) -> str:
    """A value as printed, its unit and decimal mark in the language of `tr` ("7 points" →
    "7 puntos", "10.6°" → "10,6°")."""
    return decimal_marks(_value_in(tr, text), tr)


def _mode(mode: str, tr: Texts) -> str:
    if mode == "active":
        return tr.pgettext("range mode", "active")
    if mode == "passive":
        return tr.pgettext("range mode", "passive")
    return mode


# Flags of the latest visit as the Flags column words them (improved and worse are in the
# Change column; a crossed reference point is worded from the row, see _flag_words).
FLAG_WORDS = {
    "below_norm": N_("below norm"),
    "above_norm": N_("above norm"),
    "asymmetry": N_("asymmetry"),
    "control_deficit": N_("control deficit"),
    "pain": N_("pain"),
    "faults": N_("movement faults"),
    "cutoff": N_("past a reference point (not a risk prediction)"),
    "clinically_important": N_("clinically important change since the last visit"),
}


# Flags that mark a problem (the row is shaded and marked "!"): above norm, improved and a
# clinically important change are read, not worried about.
PROBLEM_FLAGS = frozenset(
    {"below_norm", "asymmetry", "control_deficit", "pain", "faults", "cutoff", "worse"}
)


def _flag_words(
    row: Interpretation, tr: Texts = ENGLISH, measure: Measure | None = None
) -> tuple[str, ...]:
    """The Flags cell of a row: each flag in words; a crossed reference point names itself
    ("below the 94% reference point (not a risk prediction)"), its source in the table's
    note (reference_note: a key such as "hop-lsi-criterion-ijspt-2021" cannot wrap in the
    narrow column)."""
    words = []
    for flag in row.flags:
        crossed = cutoff_words(measure, row.value, tr.lang) if measure is not None else ""
        if flag == "cutoff" and crossed:
            crossed = decimal_marks(crossed, tr)
            words.append(tr.gettext("{crossed} (not a risk prediction)", crossed=crossed))
        elif flag in FLAG_WORDS:
            words.append(tr.gettext(FLAG_WORDS[flag]))
    return tuple(words)


def reference_note(rows: Sequence[Interpretation], cat: Any, lang: str = "en") -> str:
    """Where each crossed reference point of the latest visit comes from, once each, for the
    note under the tables ("Reference points: below the 90% criterion,
    hop-lsi-criterion-ijspt-2021."); "" if none was crossed."""
    tr = texts(lang)
    said: dict[str, None] = {}
    for row in rows:
        measure = measure_for(row.code, cat)
        if "cutoff" not in row.flags or measure is None or not row.norm.cutoff_source:
            continue
        crossed = decimal_marks(cutoff_words(measure, row.value, lang), tr)
        if crossed:
            said[f"{crossed}, {row.norm.cutoff_source}"] = None
    if not said:
        return ""
    return tr.gettext("Reference points: {points}.", points="; ".join(said))


Key = tuple[str, str, str]


@dataclass(frozen=True)
class ReportTables:
    """The report's value tables and its list of changes, built from one interpretation."""

    rom: list[MeasureRow] = field(default_factory=list)
    tests: list[MeasureRow] = field(default_factory=list)
    outcomes: list[MeasureRow] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)
    reference_note: str = ""


def _is_outcome(code: str, measure: Any) -> bool:
    return code in OUTCOME_CODES or (measure is not None and measure.region == "outcome")


def _row_name(label: str, side: str, mode: str) -> str:
    """ "Right hip extension (active)", "Pain (NPRS 0-10)": how a change line names its row."""
    name = label if mode == "none" else f"{label} ({mode})"
    if side in ("left", "right"):
        # "Left Thomas test (hip angle)": a proper name keeps its capital after the side.
        return f"{sentence_start(side)} {lower_first(name)}"
    return name


def _episode_changes(
    history: ClientHistory, cat: Any, present: dict[Key, list[int]]
) -> dict[Key, Interpretation]:
    """Each row's latest recording judged against its first one (the change over the episode).

    The same `interpret_assessment` as everywhere else, on the history cut down to the two
    visits, so "improved", "worse" (beyond MDC95) and "clinically important" (MCID) follow
    the catalogue's rules, raters and instruments exactly.
    """
    visits = history.assessments
    pairs: dict[tuple[int, int], list[Key]] = {}
    for key, indexes in present.items():
        if len(indexes) >= 2:
            pairs.setdefault((indexes[0], indexes[-1]), []).append(key)
    judged: dict[Key, Interpretation] = {}
    for (first, last), keys in pairs.items():
        scoped = replace(history, assessments=(visits[first], visits[last]))
        result = interpret_assessment(scoped, visits[last].id, cat)
        for key in keys:
            row = result.row(*key)  # type: ignore[arg-type]
            if row is not None:
                judged[key] = row
    return judged


def _change_text(row: Interpretation | None, tr: Texts = ENGLISH) -> str:
    """The Change cell: the delta, and what holds of it ("-2 (improved: MCID)", "+6 (worse:
    MDC)", "+9 (improved: MDC, MCID)"): MDC that it is beyond the measurement error, MCID
    that it reaches the minimal clinically important difference."""
    if row is None or row.change.delta is None:
        return ""
    change = row.change
    text = tr.number(row.change.delta, signed=True)
    # Translators: the abbreviations of a table's Change cell ("+9 (improved: MDC, MCID)").
    mdc, mcid = tr.gettext("MDC"), tr.gettext("MCID")
    holds = [name for name, true in ((mdc, change.beyond_error), (mcid, _important(row))) if true]
    if not holds or change.verdict not in ("improved", "worse"):
        return text
    verdict = change.verdict if tr.lang == "en" else tr.gettext(change.verdict)
    return f"{text} ({verdict}: {', '.join(holds)})"


def _important(row: Interpretation) -> bool:
    """Whether the change reaches the MCID (the interpretation's judgement)."""
    return bool(row.change.important) or FLAG_CLINICALLY_IMPORTANT in row.flags


def _amount(value: float | None, unit: str) -> str:
    """A size as an adjective: "2-point", "9-point", "1.9 cm", "4°"."""
    if value is None:
        return ""
    if unit in ("points", "point"):
        return f"{value:g}-point"
    return _fmt(value, unit)


def _mcid_words(row: Interpretation, measure: Any, unit: str) -> str:
    """The MCID as printed ("2-point or 30%", "9-point"), from the catalogue's
    Measure.important_change; the interpretation's text when the measure is not known."""
    mcid = getattr(measure, "important_change", None)
    if mcid is None:
        return row.change.mcid
    parts = []
    if mcid.points is not None:
        parts.append(_amount(mcid.points, unit))
    change = row.change
    # The percentage only where it counts for this change (ImportantChange.percent_applies:
    # not from a pain of 3 or less, not for a worsening), as the interpretation judged it.
    applies = change.previous_value is not None and mcid.percent_applies(
        change.previous_value, improved=change.verdict == "improved"
    )
    if mcid.percent is not None and (applies or not parts):
        parts.append(f"{mcid.percent:g}%")
    return " or ".join(parts)


def _change_line(
    row: Interpretation, first_date: date, unit: str, measure: Any = None
) -> str | None:
    """A "What changed" line, or None when the row did not change (or cannot be judged).

    Says exactly what holds: beyond the measurement error (Change.beyond_error), clinically
    important (Change.important), or both; and, where one of the two is known not to hold,
    that too ("clinically important (reaches the 2-point MCID, farrar-2001); within the
    2-point measurement error (childs-2005)").
    """
    change = row.change
    beyond = bool(change.beyond_error)
    important = _important(row)
    if not (beyond or important) or change.previous_value is None:
        return None
    if change.verdict not in ("improved", "worse"):
        return None
    name = _row_name(row.label, row.side, row.mode)
    head = (
        f"{name}: {_fmt(change.previous_value, unit)} ({ENGLISH.date(first_date, 'medium')}) → "
        f"{row.value_text}"
    )
    cited = f" ({change.source})" if change.source else ""
    error = f"the {_amount(change.mdc, unit)} measurement error{cited}"
    if isinstance(measure, Measure) and change.mdc is not None and unit not in ("points", "point"):
        # Said as the domain says a difference: rounded as the measure is recorded (49 cm,
        # not 49.17), and a percentage's error in percentage points.
        amount = difference_words(measure, change.mdc, beside=change.delta)
        error = (
            f"the measurement error of {amount}{cited}"
            if measure.unit == "percent"
            else f"the {amount} measurement error{cited}"
        )
    mcid = _mcid_words(row, measure, unit)
    mcid_source = f", {change.mcid_source}" if change.mcid_source else ""
    reaches = f"reaches the {mcid} MCID{mcid_source}" if mcid else "reaches the MCID"
    if beyond and important:
        said = f"beyond {error} and clinically important ({reaches})"
    elif important:
        said = f"clinically important ({reaches})"
        if change.beyond_error is False and change.mdc is not None:
            said += f"; within {error}"
    else:
        said = f"beyond {error}"
        if change.important is False and mcid:
            said += f"; short of the {mcid} MCID{mcid_source}"
    return f"{head}: {change.verdict}, {said}"


def _rating_cell(row: Interpretation, tr: Texts = ENGLISH) -> str:
    """A motor-control rating as a table cell: "poor, 3 faults" (the faults are named in the
    movement findings, where a line has room for them)."""
    rating = row.value_text.split(" (", 1)[0]
    if tr.lang != "en" and row.rating in ("good", "fair", "poor"):
        rating = tr.pgettext("movement rating", row.rating)
    count = len(row.faults)
    if not count:
        return rating
    faults = tr.ngettext("{count} fault", "{count} faults", count)
    return f"{rating}, {faults}"


def _finding_line(
    latest: Interpretation,
    by_visit: dict[int, Interpretation],
    visits: Sequence[AssessmentRecord],
    tr: Texts,
    cat: Any,
) -> str:
    """A motor-control test at the latest visit, with what its first recording showed."""
    if tr.lang != "en":
        now = movement_words(latest, tr.lang, cat)
        first = min(by_visit)
        if first == len(visits) - 1:
            return tr.gettext("{finding} at the latest visit", finding=now)
        return tr.gettext(
            "{finding} at the latest visit; {earlier} on {date}",
            finding=now,
            earlier=movement_words(by_visit[first], tr.lang, cat).split(": ", 1)[-1],
            date=tr.date(visits[first].date, "medium"),
        )
    name = latest.label + (f" ({latest.side})" if latest.side != "none" else "")
    line = f"{name}: {latest.value_text} at the latest visit"
    first = min(by_visit)
    if first != len(visits) - 1:
        line += f"; {by_visit[first].value_text} on {tr.date(visits[first].date, 'medium')}"
    return line


def report_tables(ctx: ServiceContext, history: ClientHistory, lang: str = "en") -> ReportTables:
    """The value tables (range of motion; tests and computed scores; outcome scores) and the
    changes over the episode.

    Values come from each visit's interpretation, so computed scores (Y-balance composite,
    FMS total, LEFS) appear beside what was measured. Norms and flags are those of the latest
    visit; the change column and "What changed" compare each row's latest recording with its
    first (`_episode_changes`): only rows that improved or worsened beyond the measurement
    error, or changed by a clinically important amount, are listed as changes.
    """
    cat = ctx.catalogue
    tr = texts(lang)
    visits = history.assessments
    per_visit = interpret_history(history, cat)
    values: dict[Key, dict[int, Interpretation]] = {}
    for index, result in enumerate(per_visit):
        for r in result.rows:
            values.setdefault((r.code, r.side, r.mode), {})[index] = r
    present = {key: sorted(by_visit) for key, by_visit in values.items()}
    latest = per_visit[-1]
    judged: dict[Key, Interpretation] = {(r.code, r.side, r.mode): r for r in latest.rows}
    episode = _episode_changes(history, cat, present)
    order = {code: i for i, code in enumerate(cat.measures)}
    side_order = {"left": 0, "right": 1, "none": 2}
    mode_order = {"active": 0, "passive": 1, "none": 2}
    tables = ReportTables()
    worse: list[str] = []
    for key in sorted(
        values,
        key=lambda k: (
            order.get(k[0], 10**6),
            k[0],
            side_order.get(k[1], 3),
            mode_order.get(k[2], 3),
        ),
    ):
        code, side, mode = key
        measure = measure_for(code, cat)
        by_visit = values[key]
        sample = by_visit[present[key][-1]]
        unit = sample.unit
        name = sample.label
        if tr.lang != "en" and measure is not None:
            name = measure.label_in(tr.lang)
        label = name if mode == "none" else f"{name} ({_mode(mode, tr)})"
        row = judged.get(key)
        norm_text = ""
        flags: tuple[str, ...] = ()
        problem = False
        if row is not None:
            problem = any(f in PROBLEM_FLAGS for f in row.flags)
            if row.norm.norm is not None:
                # As precise as the measure is recorded: Ramskov's 1.455 Nm/kg for a woman
                # of 29 is 1.46, not 1.5 (which a 1.52 reading would seem to pass barely).
                places = _places(measure.step) if measure is not None else 1
                norm_text = _value(_fmt(round(row.norm.norm.mean, places), unit, tr), tr)
                if row.norm.norm.fallback:  # another group's value: context, no verdict
                    # Translators: the full record's Norm column, beside a reference value
                    # measured in another group than the runner's ("50° (reference only)").
                    only = tr.gettext("reference only")
                    norm_text = f"{norm_text} ({only})"
            flags = _flag_words(row, tr, measure)
        change = episode.get(key)
        motor = measure is not None and bool(measure.faults)
        if motor and key in judged:
            finding = _finding_line(judged[key], by_visit, visits, tr, cat)
            tables.findings.append(decimal_marks(finding, tr))
        measure_row = MeasureRow(
            label=label,
            side=_side(side, tr),
            values=tuple(
                (_rating_cell(by_visit[i], tr) if motor else _value(by_visit[i].value_text, tr))
                if i in by_visit
                else ""
                for i in range(len(visits))
            ),
            norm=norm_text,
            change=_change_text(change, tr),
            flags=flags,
            code=code,
            problem=problem,
        )
        if _is_outcome(code, measure):
            tables.outcomes.append(measure_row)
        elif measure is not None and measure.kind == "rom":
            tables.rom.append(measure_row)
        else:
            tables.tests.append(measure_row)
        if change is not None:
            if tr.lang == "en":
                line = _change_line(change, visits[present[key][0]].date, unit, measure)
            else:
                line = change_sentence(change, tr.lang, cat)
                line = None if line is None else decimal_marks(line, tr)
            if line is not None:
                (worse if change.change.verdict == "worse" else tables.changes).append(line)
    tables.changes[:0] = worse  # what got worse first
    return replace(tables, reference_note=reference_note(latest.rows, cat, tr.lang))
