"""One client's two-page progress summary: the findings that matter, what changed, charts
chosen for the client, the home program and how it went, the plan and the next visit."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from mobileathlete_desktop.domain.catalogue import Catalogue
from mobileathlete_desktop.domain.interpretation import interpret_assessment, measure_for
from mobileathlete_desktop.domain.interpretation.changes import (
    ChangeLine,
    change_lines,
    episode_interpretation,
)
from mobileathlete_desktop.domain.interpretation.highlights import (
    KIND_CONTROL,
    Highlight,
    highlights,
)
from mobileathlete_desktop.domain.interpretation.results import AssessmentInterpretation
from mobileathlete_desktop.domain.programs import ProgramRecord, dosage_text
from mobileathlete_desktop.domain.recommendations import Drill, Observation
from mobileathlete_desktop.domain.records import ClientHistory
from mobileathlete_desktop.domain.report_findings import (
    WHY_PAIN,
    DrillAnswer,
    ProgramFindings,
    drill_reason,
)
from mobileathlete_desktop.reports.numbers import decimal_marks
from mobileathlete_desktop.reports.summary import (
    MAX_CHANGES,
    MAX_FINDINGS,
    Chart,
    DrillLine,
    FindingLine,
    SummaryReport,
)
from mobileathlete_desktop.services.assessments import load_history
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.reports.program_findings import findings_of
from mobileathlete_desktop.services.reports.progress import clinic_header
from mobileathlete_desktop.services.reports.tables import OUTCOME_CODES
from mobileathlete_desktop.support.i18n import N_, texts
from mobileathlete_desktop.support.languages import language_code

# Most charts a summary shows, and the tallest a chart's figure is laid out (inches): two
# charts and the program share the second page.
SUMMARY_CHARTS = 2
SUMMARY_FIGURE_HEIGHT = 3.6
# A control deficit's gap chart shows at most this many measures.
SUMMARY_GAP_PANELS = 2


def _resized(figure: Any, height: float = SUMMARY_FIGURE_HEIGHT) -> Any:
    """A tall chart laid out lower (its panels share the height, its text keeps its size), so
    that at the page's width it stays within the summary's chart height and is not drawn
    narrow with small text."""
    width, drawn = figure.get_size_inches()
    if drawn > height:
        figure.set_size_inches(width, height)
    return figure


# Outcome panels stacked: this much height (inches) each, plus the title and dates. Their
# keys stand beside the panels, so a panel can be low: laid out no taller than it is drawn,
# its words print near their size (the longer Spanish summary draws its charts at the small
# height, 215 pt, which printed a 2.1-inch panel's 8 pt key at about 5 pt; now 6.8 pt).
OUTCOME_PANEL_HEIGHT = 1.4


def _summary_charts(
    ctx: ServiceContext,
    history: ClientHistory,
    found: Sequence[Highlight],
    episode: Sequence[ChangeLine],
    lang: str,
) -> list[Chart]:
    """One or two charts chosen for this client: the active–passive gap of its control
    deficits, its outcome scores over the visits, the measure that changed most."""
    from mobileathlete_desktop.charts.active_passive import active_passive_figure, gap_series
    from mobileathlete_desktop.charts.kinds import build_chart
    from mobileathlete_desktop.charts.outcomes import outcomes_figure
    from mobileathlete_desktop.charts.style import is_message_figure

    tr = texts(lang)
    cat = ctx.catalogue
    chosen: list[Chart] = []
    deficits = list(dict.fromkeys(h.code for h in found if h.kind == KIND_CONTROL))
    outcome: list[Chart] = []
    if deficits:
        series = [s for s in gap_series(history, cat) if s.code in deficits]
        series = sorted(series, key=lambda s: deficits.index(s.code))[:SUMMARY_GAP_PANELS]
        if series:
            figure = active_passive_figure(history, cat, series=series, lang=lang)
            caption = tr.gettext(
                "Active against passive range over the visits: above the shaded measurement "
                "error the active range falls short of the passive (healthy runners show some "
                "gap too)."
            )
            chosen.append(Chart(_resized(figure), caption))
    if len(history.assessments) >= 2:
        scored = [
            code
            for code in ("nprs", "lefs.total", "psfs.average")
            if any(m.code == code for a in history.assessments for m in a.measurements)
            or (code == "lefs.total" and any(a.outcomes for a in history.assessments))
        ]
        if scored:
            figure = outcomes_figure(history, scored, catalogue=cat, lang=lang)
            caption = tr.gettext(
                "Outcome scores over the visits: the band is the measurement error around the "
                "first score, the dashed lines the clinically important difference."
            )
            panels = OUTCOME_PANEL_HEIGHT * len(scored) + 0.7
            outcome.append(Chart(_resized(figure, panels), caption, full_size=True))
        measured = [c for c in episode if c.code not in OUTCOME_CODES]
        if measured:
            most = max(measured, key=lambda c: c.size)
            measure = measure_for(most.code, cat)
            figure = build_chart(history, most.code, cat, lang=lang)
            label = measure.label_in(lang) if measure is not None else most.code
            caption = tr.gettext(
                "{measure} at each visit: the measure that changed most since the first visit.",
                measure=label,
            )
            chosen.append(Chart(_resized(figure), caption))
    # The outcome scores are always among those shown (the chart a doctor needs most; the
    # page fitter keeps it when it keeps one chart), in their place after the control gap.
    shown = [c for c in chosen if not is_message_figure(c.figure)]
    kept = [c for c in outcome if not is_message_figure(c.figure)]
    if kept:
        shown = shown[: SUMMARY_CHARTS - 1]
        shown.insert(min(1, len(shown)), kept[0])
    return shown[:SUMMARY_CHARTS]


def drill_why(
    exercise: Any,
    drill: Drill | None,
    found: Sequence[Observation],
    lang: str,
    catalogue: Catalogue | None = None,
) -> str:
    """Why a drill is in the program, in `lang`: the finding the recommender would give it for,
    by its kind ("Control deficit: Hip abduction, right"; domain.report_findings), else what
    kind of drill it is."""
    if exercise is None:
        return ""
    said = drill_reason(drill, found, lang, catalogue)
    return said or _no_finding(exercise, lang)


def _no_finding(exercise: Any, lang: str) -> str:
    """A drill no finding calls for: its kind, and that no finding at this assessment does
    (domain.report_findings.NO_FINDING_WORDS)."""
    category = texts(lang).gettext(CATEGORY_WHY.get(exercise.category, exercise.category))
    return DrillAnswer(exercise.code).words(lang, category=category)


def _summary_program(
    ctx: ServiceContext, history: ClientHistory, lang: str, listed: Sequence[Highlight] = ()
) -> tuple[str, list[DrillLine], ProgramRecord | None, ProgramFindings, tuple[str, ...]]:
    """The current home program (the latest saved, else the one recommended from the latest
    assessment) as drill, dose and why, and the findings `listed` lined up with its drills
    (domain.report_findings.program_findings: each finding's drills or why none, each drill's
    finding, by the recommender's own matching on the latest assessment's findings). A saved
    program as the runner's handout prints it (services.reports.held_back.as_handed_out),
    with a line for each drill it leaves out."""
    from mobileathlete_desktop.services.programs import (
        exercise_library,
        latest_program,
        recommended_program,
    )
    from mobileathlete_desktop.services.reports.held_back import as_handed_out, held_lines

    client_id = history.client.id
    tr = texts(lang)
    program = latest_program(ctx, client_id)
    if program is not None:
        title = program.title or tr.gettext("Home program")
        if program.date:
            title += f" ({tr.date(program.date, 'medium')})"
    else:
        program, _warnings = recommended_program(ctx, client_id, lang=lang)
        title = tr.gettext("Recommended from the latest assessment (not yet saved)")
    program, held = as_handed_out(ctx, client_id, program)
    library = exercise_library()
    codes = [i.exercise_code for i in program.items]
    answers = findings_of(ctx, history, codes, library, listed)
    lines = []
    for item in program.items:
        exercise = None if library is None else library.get(item.exercise_code)
        name = exercise.name(lang) if exercise is not None else item.exercise_code
        why = answers.for_drill(item.exercise_code).words(lang, ctx.catalogue)
        if not why and exercise is not None:
            why = _no_finding(exercise, lang)
        dose = decimal_marks(dosage_text(item, lang), tr)  # a load as typed: "2.5 kg"
        lines.append(DrillLine(name, dose, decimal_marks(why, tr)))
    saved = program if program.id is not None else None
    return title, lines, saved, answers, held_lines(held, lang, library)


def _drill_names(answers: ProgramFindings, lang: str) -> dict[str, str]:
    """The program's drills by name in `lang` (the library's, else the code)."""
    from mobileathlete_desktop.domain.checkin_reasons import drill_name

    return {d.code: drill_name(d.code, None, lang) for d in answers.drills}


def _adherence(
    ctx: ServiceContext, lines: list[DrillLine], program: ProgramRecord | None, lang: str
) -> tuple[list[DrillLine], str]:
    """Sessions done per drill and a sentence on the client's latest check-in (self-report;
    usually of the program before this one, so a drill kept since then shows how it went),
    when one was recorded; the lines unchanged otherwise."""
    from mobileathlete_desktop.services.checkins import latest_checkin

    if program is None or program.client_id is None:
        return lines, ""
    checkin = latest_checkin(ctx, program.client_id)
    if checkin is None:
        return lines, ""
    tr = texts(lang)
    by_code = {i.exercise_code: i for i in checkin.items}
    shown = []
    for line, item in zip(lines, program.items, strict=True):
        got = by_code.get(item.exercise_code)
        if got is not None and got.done is not None:
            done = tr.gettext("{done} of {prescribed}", done=got.done, prescribed=got.prescribed)
            line = replace(line, done=done)
        shown.append(line)
    share = checkin.adherence
    if share is None:
        return shown, ""
    percent = f"{share * 100:.0f}%"
    said = tr.gettext(
        "At the check-in of {date} (self-report), {percent} of the prescribed sessions had "
        "been done.",
        date=tr.date(checkin.date, "medium"),
        percent=percent,
    )
    if checkin.ears_total is not None:
        said += " " + tr.gettext(
            "Exercise Adherence Rating Scale {total}/24 (higher is better).",
            total=checkin.ears_total,
        )
    return shown, said


def open_review(
    ctx: ServiceContext,
    history: ClientHistory,
    program: ProgramRecord | None,
    lang: str,
    style: str = "medium",
) -> tuple[tuple[str, ...], str]:
    """The program's open review flags as the report lists them under the program, then what
    the runner was told; and the warning a discharge carries while one is open."""
    from mobileathlete_desktop.services.programs import exercise_library
    from mobileathlete_desktop.services.reports.review import (
        discharge_warning,
        flag_lines,
        review_flags,
        told_to_call,
    )

    flags = review_flags(ctx, history.client.id, program)
    if not flags:
        return (), ""
    library = exercise_library()
    lines = (*flag_lines(flags, lang, library, style), told_to_call(lang))
    return lines, discharge_warning(flags, lang, library)


def _with_outcome_notes(ctx: ServiceContext, history: ClientHistory, said: str, lang: str) -> str:
    """The adherence sentence, then where the LEFS changed beyond its measurement error while
    the home program was mostly skipped, a sentence saying so (domain.checkins, issue 20)."""
    from mobileathlete_desktop.domain.checkin_outcomes import outcome_adherence_notes
    from mobileathlete_desktop.services.checkins import list_checkins

    found = list_checkins(ctx, history.client.id)
    notes = outcome_adherence_notes(history, found, ctx.catalogue, lang) if found else []
    return " ".join(part for part in (said, *notes) if part)


CATEGORY_WHY = {
    "control": N_("Movement control"),
    "mobility": N_("Mobility"),
    "strength": N_("Strength"),
    "running": N_("Running form and load"),
    "stretch": N_("Flexibility"),
}


def as_sentences(text: str) -> str:
    """Notes typed one point a line, as one paragraph: each line ends as a sentence
    ("Hip abduction strength below the runner norm. Calf endurance ..."), instead of
    running into the next line's first word."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return " ".join(line if line[-1] in ".!?:;…" else line + "." for line in lines if line)


def _plan(
    history: ClientHistory,
    program: ProgramRecord | None,
    lang: str,
    catalogue: Catalogue,
    style: str = "medium",
) -> tuple[str, str]:
    """The plan (the latest visit's notes and the therapist's notes on the program) and the
    next visit: when the program has run its course, or within a week after a warning sign (a
    painful hop). The program's summary is left out: the program saves there the
    recommender's reasons (English, for the therapist) or a check-in's changes (codes,
    domain.checkin_reasons: "done 11 of 28 sessions (39 %): kept..."); the table's Why and
    Done columns say the same in the reader's language."""
    from mobileathlete_desktop.domain.follow_up import follow_up, prompt_review_plan
    from mobileathlete_desktop.domain.programs import DEFAULT_WEEKS

    tr = texts(lang)
    latest = history.latest
    if latest is None:
        return "", ""
    parts = []
    if latest.notes.strip():
        parts.append(
            tr.gettext(
                "Notes of {date}: {notes}",
                date=tr.date(latest.date, style),
                notes=as_sentences(latest.notes),
            )
        )
    if program is not None and program.notes.strip():
        parts.append(as_sentences(program.notes))
    if latest.kind == "discharge" and latest.status == "draft":
        return " ".join(parts), tr.gettext(
            "Discharge visit of {date}, its assessment not yet signed: no further visit "
            "planned once it is.",
            date=tr.date(latest.date, style),
        )
    if latest.kind == "discharge":
        return " ".join(parts), tr.gettext(
            "Discharged on {date}: no further visit planned.", date=tr.date(latest.date, style)
        )
    weeks = (program.weeks if program is not None else None) or DEFAULT_WEEKS
    start = program.date if program is not None and program.date else latest.date
    due = start + timedelta(weeks=weeks)
    soon = follow_up(latest, latest.date, weeks, catalogue)
    if soon.prompt:
        return " ".join(parts), prompt_review_plan(lang, soon.due)
    return " ".join(parts), tr.ngettext(
        "Next visit: in about {count} week, around {date}, when the home program has run its "
        "course.",
        "Next visit: in about {count} weeks, around {date}, when the home program has run its "
        "course.",
        weeks,
        date=tr.date(due, style),
    )


def build_summary_report(
    ctx: ServiceContext,
    client_id: int,
    *,
    lang: str = "en",
    today: date | None = None,
    charts: bool = True,
    date_style: str = "medium",
) -> SummaryReport:
    """One client's two-page summary in `lang`: findings ranked by `highlights`, changes
    since the first and the last visit by `change_lines`, charts chosen for the client."""
    ctx.actor.require("reports.print")
    lang = language_code(lang)
    tr = texts(lang)
    history = load_history(ctx, client_id)
    cat = ctx.catalogue
    visits = history.assessments
    shown: list[Highlight] = []
    since_first: list[str] = []
    since_last: list[str] = []
    episode: list[ChangeLine] = []
    more = 0
    reference: tuple[tuple[str, str], ...] = ()
    finding_lines: tuple[FindingLine, ...] = ()
    latest = interpret_assessment(history, catalogue=cat) if visits else None
    found: list[Highlight] = highlights(latest, lang, cat) if latest is not None else []
    title, program, saved, answers, held = _summary_program(ctx, history, lang, found)
    if latest is not None:
        # Each finding with the program's drills for it or why none; the findings the drills
        # answer listed first (domain.report_findings), so every drill's Why is on the list.
        listed = answers.shown(MAX_FINDINGS)
        shown = [a.finding for a in listed]
        names = _drill_names(answers, lang)
        # The domain words its values with a point ("(32.8 s)"): said with the language's mark.
        finding_lines = tuple(
            FindingLine(
                a.finding.title(lang),
                decimal_marks(f"{a.finding.text} {a.words(lang, names)}", tr),
                kept_last=bool(a.drills) or a.why_not == WHY_PAIN,
            )
            for a in listed
        )
        reference = reference_groups(latest, shown, cat, lang)
        if len(visits) >= 2:
            episode = change_lines(episode_interpretation(history, cat), lang, cat)
            since_first = [decimal_marks(c.text, tr) for c in episode[:MAX_CHANGES]]
            more += max(0, len(episode) - MAX_CHANGES)
        if len(visits) >= 3:
            recent = change_lines(latest, lang, cat)
            since_last = [decimal_marks(c.text, tr) for c in recent[:MAX_CHANGES]]
            more += max(0, len(recent) - MAX_CHANGES)
    program, adherence = _adherence(ctx, program, saved, lang)
    adherence = decimal_marks(_with_outcome_notes(ctx, history, adherence, lang), tr)
    plan, next_visit = _plan(history, saved, lang, cat, date_style)
    review, still_open = open_review(ctx, history, saved, lang, date_style)
    last = history.latest
    # "No further visit planned" while the handout tells the runner to call us: said beside it.
    discharged = last is not None and last.kind == "discharge" and bool(visits)
    return SummaryReport(
        client=history.client,
        clinic=clinic_header(ctx),
        generated_on=today or date.today(),
        lang=lang,
        visit_dates=tuple(a.date for a in visits),
        findings=finding_lines,
        more_findings=len(found) - len(shown),
        since_first=tuple(since_first),
        since_last=tuple(since_last),
        more_changes=more,
        charts=tuple(_summary_charts(ctx, history, found, episode, lang)) if charts else (),
        program_title=title,
        program=tuple(program),
        adherence=adherence,
        review=(*review, *held),
        all_held_back=bool(held) and not program,
        plan=plan,
        next_visit=next_visit if visits else "",
        discharge_warning=still_open if discharged else "",
        therapist=(last.signed_by or last.therapist) if last else "",
        drafts=tuple(a.date for a in visits if a.status == "draft"),
        reference_groups=reference,
    )


# The groups the catalogue's norms were measured in, for translation (the reference points'
# groups are translated where their sentences are made, domain.interpretation.wording).
_NORM_GROUPS = (
    N_("college distance runners and students aged 18-21"),
    N_("300 recreational athletes (600 limbs; 250 injured, 50 controls)"),
    N_("26 healthy male university students"),
    N_("693 non-injured youth basketball players, under-12 to under-17"),
    N_("566 healthy volunteers aged 20-81"),
    N_("831 healthy novice runners"),
    N_("394 asymptomatic male professional football players aged 18-40"),
)


def reference_groups(
    latest: AssessmentInterpretation, shown: Sequence[Highlight], cat: Catalogue, lang: str
) -> tuple[tuple[str, str], ...]:
    """The groups behind the norms and reference points the shown findings quote, once each,
    as (source, group in `lang`), as the `summary` command says them ("plisky-2006",
    "high-school girls' basketball (Star Excursion Balance Test)"; a norm the catalogue
    applies beyond its group, Norm.fallback, is "a documented fallback"); none when no
    finding quotes one measured in a named group."""
    tr = texts(lang)
    texts_at: dict[tuple[str, str], list[str]] = {}
    for h in shown:
        texts_at.setdefault((h.code, h.side), []).append(h.text)
    groups: dict[tuple[str, str], None] = {}
    for row in latest.rows:
        quoted = " ".join(texts_at.get((row.code, row.side), []))
        measure = measure_for(row.code, cat)
        if not quoted or measure is None:
            continue
        norm = row.norm.norm
        if norm is not None and norm.population and norm.source in quoted:
            group = tr.gettext(norm.population)
            if norm.fallback:
                group = tr.gettext("{group} (a documented fallback)", group=group)
            groups[(norm.source, group)] = None
        if "cutoff" in row.flags:
            for cutoff in measure.cutoffs:
                if cutoff.crossed(row.value) and cutoff.population and cutoff.source in quoted:
                    groups[(cutoff.source, tr.gettext(cutoff.population))] = None
    return tuple(groups)
