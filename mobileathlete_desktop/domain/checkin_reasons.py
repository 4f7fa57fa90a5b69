"""Why a check-in moved, kept, eased or dropped a drill, kept as data and said when read.

A program proposed at a check-in (domain.checkins.propose_next) saves each drill's reason as a
code with its figures, not as words: `{"code": "checkin.progress", "params": {"done": 12,
"prescribed": 12, "pain": 1, "drill": "control.side_lying_hip_abduction"}}` (the drill by its
library code, a painful test by its catalogue code and side). `reason_text` says it in the
reader's language when it is shown (the builder's Why column in the window's language, the
`program` command in English), as `dose_words.load_text` says a typed load.

Programs saved before reasons were codes hold the words of the language they were made in
("done 12 of 12 sessions (100 %), pain or difficulty 1/10: moved on to Side-lying leg raise").
`read_reason` recognises those words in any shipped language (and migration 0012 rewrites them
to codes once); words it does not recognise, such as a reason a therapist typed or the
recommender's English reasons, are kept and shown as typed.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from mobileathlete_desktop.domain.catalogue import Catalogue, default_catalogue
from mobileathlete_desktop.domain.exercises import ExerciseLibrary, default_exercise_library
from mobileathlete_desktop.domain.interpretation.value_words import _named
from mobileathlete_desktop.domain.recommendations.complaints import COMPLAINT_RULES
from mobileathlete_desktop.support import languages
from mobileathlete_desktop.support.i18n import N_, Texts, texts
from mobileathlete_desktop.support.sentence_case import in_sentence, sentence_start

# What was done: the sessions, then the pain or difficulty when it was recorded.
_DONE = N_("done {done} of {prescribed} sessions ({share})")
_DONE_PAIN = N_("{done}, pain or difficulty {pain}/10")
# Each code and its sentence ({said}: what was done, with the pain when recorded; {done}: the
# sessions alone; {drill}: a drill's name; {painful}: the painful tests, "; " between them).
REASONS: dict[str, str] = {
    "checkin.not_recorded": N_("sessions not recorded: kept as it was"),
    "checkin.no_easier": N_("{said}: kept (no easier drill in the library; lower the dose)"),
    "checkin.regress": N_("{said}: made easier, {drill}"),
    "checkin.skipped": N_("{done}: kept, to be done before moving on"),
    "checkin.no_harder": N_("{said}: kept (no harder drill in the library; raise the dose)"),
    "checkin.held_painful": N_(
        "{said}: kept, not made harder: it loads {painful}, painful at the latest assessment"
    ),
    # The drill does not load the painful test; the next step ({drill}) would.
    "checkin.held_next_painful": N_(
        "{said}: kept, not made harder: the next step, {drill}, loads {painful}, painful at "
        "the latest assessment"
    ),
    "checkin.progress": N_("{said}: moved on to {drill}"),
    "checkin.kept": N_("{said}: kept as it was"),
    # Said on the line of the drill a check-in moved to ({drill}: the drill it replaces,
    # whose sessions and pain {said} gives), so the reason names where it came from.
    "checkin.regressed_from": N_("made easier from {drill}, which was {said}"),
    "checkin.progressed_from": N_("moved on from {drill}, which was {said}"),
    # Pain or difficulty above {limit}/10 (domain.checkins.PAIN_TOO_MUCH) with a drill that has
    # no easier drill to go back to in the program: out of the program until the therapist
    # reviews it (the client was asked to call).
    "checkin.paused_no_easier": N_(
        "{said}: paused until you review it (above {limit}/10, and the library has no easier drill)"
    ),
    "checkin.paused_easier_kept": N_(
        "{said}: paused until you review it (above {limit}/10; its easier drill, {drill}, is "
        "in the program already)"
    ),
    # The next step is a drill paused at this check-in for the pain reported with it.
    "checkin.held_next_paused": N_(
        "{said}: kept, not made harder: the next step, {drill}, is paused for the pain "
        "reported with it"
    ),
    # Pain-free active control work into a test painful at the latest assessment (the
    # recommender allows it within the pain-free range, with the caution): kept, not harder.
    "checkin.held_pain_free": N_(
        "{said}: kept, not made harder: it moves into {painful}, painful at the latest "
        "assessment; pain-free range only"
    ),
    "checkin.dropped": N_("answers no finding of the latest assessment: dropped"),
    # The drill's next step in the library ({drill}) is one the client's coded complaint holds
    # back ({complaint}: how its rule names it): a strength drill stays and is made harder with
    # load (domain.checkin_complaint.with_more_load: a loaded backpack, a slow lowering) rather
    # than skipping on to a later step (Pringels 2025: hopping after heavy calf work).
    "checkin.loaded_next_held": N_(
        "{said}: kept, made harder with load: its next step, {drill}, is held back for the "
        "client's complaint, {complaint}"
    ),
    # The same for a drill that is not loaded work: kept as it was.
    "checkin.held_next_complaint": N_(
        "{said}: kept, not made harder: its next step, {drill}, is held back for the client's "
        "complaint, {complaint}"
    ),
    # A loading drill for the client's coded complaint whose next step ({drill}) is in the
    # program already: kept beside it, made harder with load.
    "checkin.loaded_next_in_program": N_(
        "{said}: kept, made harder with load: its next step, {drill}, is in the program "
        "already (a loading drill for the client's complaint, {complaint})"
    ),
    # A drill that loads a test painful at the latest assessment (the recommender's pain rule,
    # domain.recommendations.held_back_for_pain): paused, the therapist may add it back.
    "checkin.held_back_pain": N_(
        "{drill} held back: pain on {painful} at the latest assessment; add it back "
        "deliberately if you judge it suitable"
    ),
    # A drill the client's coded complaint holds back ({complaint}: how its rule names it;
    # {why}: the rule's reason and its source, domain.recommendations.complaints): out of the
    # proposal, and never printed on the handout while the complaint is coded so.
    "checkin.held_back_complaint": N_(
        "{drill} held back for the client's complaint, {complaint}: {why}"
    ),
    # The program flagged for review: the client was told to contact the therapist before the
    # next session ({limit}: domain.checkins.PAIN_TOO_MUCH).
    "checkin.review_pain": N_(
        "{drill}: pain or difficulty {pain}/10, above {limit}/10: program flagged for review "
        "(the client is asked to contact you before the next session)"
    ),
    "checkin.review_rising": N_(
        "{drill}: pain or difficulty up from {was}/10 to {pain}/10: program flagged for review "
        "(the client is asked to contact you before the next session)"
    ),
}
# Said after the reason of a drill kept only for the client's coded complaint (its rule's own
# loading drill or one of its family, domain.checkin_complaint.complaint_family): it answers no
# finding of the latest assessment ({complaint}: how the rule names it, {cite}: its source).
_FOR_COMPLAINT = N_("{reason}; a loading drill for the client's complaint, {complaint} ({cite})")
# Figures a sentence says as they are (whole numbers), read back as numbers.
_FIGURES = ("pain", "was", "limit")
# The reasons that flag a program for review (the client is asked to call): the handout's box
# and every clinician's document read them from the program's summary.
REVIEW_CODES = frozenset({"checkin.review_pain", "checkin.review_rising"})
_PAINFUL_SEPARATOR = "; "


@dataclass(frozen=True)
class CheckinReason:
    """A check-in's reason for one drill: its code (a key of REASONS) and its figures: `done`,
    `prescribed` and `pain` (None when not recorded) as numbers, `drill` a library code (or a
    name the library does not know), `painful` a list of {"code", "side"} (a catalogue measure)
    or {"name"} (a finding the catalogue does not know, named as its line started)."""

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def stored(self) -> str:
        """The reason as a program saves it (one line of JSON)."""
        return json.dumps(
            {"code": self.code, "params": dict(self.params)},
            ensure_ascii=False,
            sort_keys=True,
            separators=(",", ":"),
        )

    def words(
        self,
        lang: str = "en",
        library: ExerciseLibrary | None = None,
        catalogue: Catalogue | None = None,
    ) -> str:
        """The reason said in `lang` (drill and test names in that language too)."""
        tr = texts(lang)
        p = self.params
        # Figures said as they are ({pain}, {was}, {limit}); the ones below are worded.
        values: dict[str, object] = {k: v for k, v in p.items() if k != "painful"}
        if "done" in p:
            done = _done_words(tr, int(p["done"]), int(p["prescribed"]))
            values["done"] = done
            pain = p.get("pain")
            values["said"] = done if pain is None else tr.gettext(_DONE_PAIN, done=done, pain=pain)
        if "drill" in p:  # lower case inside a Spanish sentence, raised again if it leads
            values["drill"] = in_sentence(drill_name(str(p["drill"]), library, lang), lang)
        if "painful" in p:
            values["painful"] = _painful_words(p["painful"], tr, catalogue)
        if "complaint" in p:
            values["complaint"], values["why"] = _complaint_words(str(p["complaint"]), tr)
        said = tr.gettext(REASONS[self.code], **values)
        if "drill" in p and tr.gettext(REASONS[self.code], **{**values, "drill": "\0"})[:1] == "\0":
            said = sentence_start(said)
        rule = COMPLAINT_RULES.get(str(p.get("for_complaint", "")))
        if rule is not None and "complaint" not in p:
            # Kept only for the client's complaint: the reason names it.
            said = tr.gettext(
                _FOR_COMPLAINT, reason=said, complaint=tr.gettext(rule.words), cite=rule.cite
            )
        return said


def _share(done: int, prescribed: int) -> str:
    share = done / prescribed if prescribed > 0 else 0.0
    return f"{round(share * 100)} %"


def _done_words(tr: Texts, done: int, prescribed: int) -> str:
    return tr.gettext(_DONE, done=done, prescribed=prescribed, share=_share(done, prescribed))


def _library(library: ExerciseLibrary | None) -> ExerciseLibrary | None:
    if library is not None:
        return library
    try:
        return default_exercise_library()
    except FileNotFoundError:
        return None


def drill_name(code: str, library: ExerciseLibrary | None = None, lang: str = "en") -> str:
    """A drill's name in `lang` from `library`, else from the library shipped with the
    program; its code when neither knows it (a drill since removed, no library installed).
    The one lookup the check-in's reasons, the handout's review note and the clinicians'
    review flags (services.reports.review) name a drill by."""
    known = _library(library)
    exercise = known.get(code) if known is not None else None
    return exercise.name(lang) if exercise is not None else code


def _painful_words(
    painful: Sequence[Mapping[str, str]], tr: Texts, catalogue: Catalogue | None
) -> str:
    known = catalogue if catalogue is not None else default_catalogue()
    names = []
    for found in painful:
        measure = known.get(found["code"]) if "code" in found else None
        if measure is None:
            names.append(found.get("name") or found.get("code", ""))
        else:
            names.append(_named(tr, measure, measure.label, found.get("side", "none")))
    return _PAINFUL_SEPARATOR.join(dict.fromkeys(names))


def _complaint_words(code: str, tr: Texts) -> tuple[str, str]:
    """How a reason names a coded complaint and why it holds a drill back (with its source);
    a code with no rule as it is, with no why."""
    rule = COMPLAINT_RULES.get(code)
    if rule is None:
        return code, ""
    return tr.gettext(rule.words), f"{tr.gettext(rule.held_why)} ({rule.cite})"


def _from_json(text: str) -> CheckinReason | None:
    if not text.startswith("{"):
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not isinstance(data, dict) or data.get("code") not in REASONS:
        return None
    params = data.get("params", {})
    return CheckinReason(data["code"], params) if isinstance(params, dict) else None


# --- Reading the words of programs saved before reasons were codes -------------------------

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _pattern(template: str, groups: Mapping[str, str]) -> re.Pattern[str]:
    """A template as a regular expression: its words as they are, each {name} a group."""
    parts = []
    last = 0
    for match in _PLACEHOLDER.finditer(template):
        parts.append(re.escape(template[last : match.start()]))
        name = match.group(1)
        parts.append(f"(?P<{name}>{groups.get(name, '.+')})")
        last = match.end()
    parts.append(re.escape(template[last:]))
    return re.compile("^" + "".join(parts) + "$", re.DOTALL)


@functools.cache
def _patterns(lang: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    tr = texts(lang)
    # What was done is the shortest that fits: a drill's or a test's name may hold ": ".
    # Every code is read back, those written as codes from the start too: a downgrade below
    # migration 0012 writes them as English words, and upgrading again makes them codes.
    # A complaint's name is the shortest too: the rule's why may hold ": ".
    groups = {"said": ".+?", "done": ".+?", "complaint": ".+?", **dict.fromkeys(_FIGURES, r"\d+")}
    return tuple((code, _pattern(tr.gettext(t), groups)) for code, t in REASONS.items())


@functools.cache
def _said_patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    tr = texts(lang)
    done = _pattern(tr.gettext(_DONE), {"done": r"\d+", "prescribed": r"\d+", "share": ".+?"})
    return done, _pattern(tr.gettext(_DONE_PAIN), {"done": ".+", "pain": r"\d+"})


def _said(text: str, lang: str, *, pain_allowed: bool = True) -> dict[str, Any] | None:
    done_pattern, pain_pattern = _said_patterns(lang)
    pain = None
    with_pain = pain_pattern.match(text) if pain_allowed else None
    if with_pain is not None:
        text, pain = with_pain["done"], int(with_pain["pain"])
    done = done_pattern.match(text)
    if done is None:
        return None
    return {"done": int(done["done"]), "prescribed": int(done["prescribed"]), "pain": pain}


@functools.cache
def _drill_codes(lang: str) -> dict[str, str]:
    """The library's drills by their name in `lang`, letter case folded (a name inside a
    Spanish sentence is lower case: support.sentence_case.in_sentence)."""
    known = _library(None)
    return {} if known is None else {e.name(lang).casefold(): e.code for e in known}


@functools.cache
def _measure_sides(lang: str) -> dict[str, tuple[str, str]]:
    """The catalogue's measures by their name and side in `lang` ("Hip flexion, left")."""
    tr = texts(lang)
    named: dict[str, tuple[str, str]] = {}
    for measure in default_catalogue():
        for side in ("none", "left", "right"):
            named.setdefault(_named(tr, measure, measure.label, side), (measure.code, side))
    return named


def _painful_of(text: str, lang: str) -> list[dict[str, str]]:
    measures = _measure_sides(lang)
    found: list[dict[str, str]] = []
    for name in text.split(_PAINFUL_SEPARATOR):
        if name in measures:
            code, side = measures[name]
            found.append({"code": code, "side": side})
        else:
            found.append({"name": name})
    return found


def _parsed(code: str, match: re.Match[str], lang: str) -> CheckinReason | None:
    groups = match.groupdict()
    params: dict[str, Any] = {}
    if "said" in groups or "done" in groups:
        said = _said(groups.get("said") or groups["done"], lang, pain_allowed="said" in groups)
        if said is None:
            return None
        params.update(said)
        if code == "checkin.skipped":
            del params["pain"]
    for name in _FIGURES:
        if groups.get(name) is not None and name not in params:
            params[name] = int(groups[name])
    if "drill" in groups:
        params["drill"] = _drill_codes(lang).get(groups["drill"].casefold(), groups["drill"])
    if "painful" in groups:
        params["painful"] = _painful_of(groups["painful"], lang)
    if "complaint" in groups:  # its why is the rule's, said again from the code
        params["complaint"] = _complaint_codes(lang).get(groups["complaint"], groups["complaint"])
    return CheckinReason(code, params)


@functools.cache
def _complaint_codes(lang: str) -> dict[str, str]:
    """The coded complaints that hold drills back by their name in `lang` (as a reason says it)."""
    tr = texts(lang)
    return {tr.gettext(rule.words): c for c, rule in COMPLAINT_RULES.items() if rule.holds_back}


def read_reason(text: str) -> CheckinReason | None:
    """The check-in reason a saved reason holds: its code, or its words in any shipped
    language as a check-in wrote them before reasons were codes; None for other text (a
    reason a therapist typed, the recommender's). Words are taken for a reason only when the
    reason read says them again exactly as they were written."""
    text = text.strip()
    coded = _from_json(text)
    if coded is not None or not text:
        return coded
    for lang in languages.SUPPORTED_LANGUAGES:
        for code, pattern in _patterns(lang):
            match = pattern.match(text)
            reason = _parsed(code, match, lang) if match is not None else None
            if reason is not None and reason.words(lang) == text:
                return reason
    return None


def stored_reason(text: str) -> str:
    """A saved reason as it is saved now: a check-in's words as its code, other text as it is."""
    reason = read_reason(text)
    return text if reason is None else reason.stored()


def reason_text(
    stored: str,
    lang: str = "en",
    library: ExerciseLibrary | None = None,
    catalogue: Catalogue | None = None,
) -> str:
    """A drill's saved reason in the reader's language: a check-in's reason (its code, or its
    old words in any language) said in `lang`; any other text as typed. With the shipped
    library and catalogue the words are remembered (a window's table asks at every repaint)."""
    if library is None and catalogue is None:
        return _shipped_words(stored, lang)
    return _words(stored, lang, library, catalogue)


@functools.lru_cache(maxsize=4096)
def _shipped_words(stored: str, lang: str) -> str:
    return _words(stored, lang, None, None)


def _words(
    stored: str, lang: str, library: ExerciseLibrary | None, catalogue: Catalogue | None
) -> str:
    reason = read_reason(stored)
    if reason is None:
        return stored
    try:
        return reason.words(lang, library, catalogue)
    except (KeyError, TypeError, ValueError):  # a code with figures it does not take
        return stored


def summary_text(
    summary: str,
    lang: str = "en",
    library: ExerciseLibrary | None = None,
    catalogue: Catalogue | None = None,
) -> str:
    """A program's summary (its drills' reasons, one a line) with each line as `reason_text`
    says it."""
    return "\n".join(reason_text(line, lang, library, catalogue) for line in summary.split("\n"))


def stored_summary(summary: str) -> str:
    """A program's summary as it is saved now: each line as `stored_reason` keeps it."""
    return "\n".join(stored_reason(line) for line in summary.split("\n"))


__all__ = [
    "REASONS",
    "REVIEW_CODES",
    "CheckinReason",
    "drill_name",
    "read_reason",
    "reason_text",
    "stored_reason",
    "stored_summary",
    "summary_text",
]
