"""Home programs as plain records: the drills a client takes home, with dosage, in order.

A dose is what a client reads and counts: sets × reps, a hold, a distance or a time, the rest
between sets, the load (a band's colour, body weight) and the tempo, and how many days a week.
`dosage_text` words it, `program_time` estimates the minutes it takes (program_time.py has the
assumptions) and `tracker_boxes` gives the boxes the handout's tick sheet prints for it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from mobileathlete_desktop.domain.dose_words import (
    PERIODS,
    TIMES_TYPED,
    frequency_text,
    load_text,
    times_text,
)
from mobileathlete_desktop.support import languages
from mobileathlete_desktop.support.i18n import Texts, texts

if TYPE_CHECKING:
    from mobileathlete_desktop.domain.exercises import Dosage


@dataclass(frozen=True)
class ProgramItemRecord:
    """One drill of a home program with its dosage and why it was chosen."""

    exercise_code: str
    sets: int | None = None
    reps: int | None = None
    hold_s: int | None = None
    per_side: bool = False
    frequency: str = ""
    """How often in words, or a note beside `sessions_per_week` ("before runs")."""
    notes: str = ""
    reason: str = ""
    distance_m: int | None = None
    duration_s: int | None = None
    """A timed drill (a plank, skipping): the seconds of one set."""
    rest_s: int | None = None
    """Rest between sets, in seconds."""
    load: str = ""
    """What the client works against, as typed ("red band", "body weight", "5 kg")."""
    tempo: str = ""
    """Seconds down-pause-up as typed ("3-1-1"); the time estimate reads its numbers."""
    sessions_per_week: int | None = None
    """Days a week the drill is done (1–7); None: see `frequency`."""


@dataclass(frozen=True)
class ProgramRecord:
    """A saved home program for a client on a date, or a reusable template (no client)."""

    id: int | None
    client_id: int | None
    date: date | None
    title: str
    items: tuple[ProgramItemRecord, ...] = ()
    notes: str = ""
    summary: str = ""
    therapist: str = ""
    is_template: bool = False
    assessment_id: int | None = None
    recommended: bool = False
    code: str = ""
    """The program's short code, printed on the handout with its QR code (saved programs)."""
    weeks: int | None = None
    """Weeks until the next visit, the weeks the handout's tracker covers (None: DEFAULT_WEEKS)."""


def _time_text(seconds: int, tr: Texts) -> str:
    """45 s, 2 min, 1 min 30 s."""
    minutes, rest = divmod(seconds, 60)
    if minutes and rest:
        return tr.gettext("{minutes} min {seconds} s", minutes=minutes, seconds=rest)
    if minutes:
        return tr.gettext("{minutes} min", minutes=minutes)
    return tr.gettext("{seconds} s", seconds=rest)


def _amount(item: ProgramItemRecord, tr: Texts) -> tuple[str, str]:
    """What one set is ("10 reps", "20 m", "45 s") and which field said it."""
    if item.reps:
        return tr.ngettext("{count} rep", "{count} reps", item.reps), "reps"
    if item.distance_m:
        return tr.gettext("{metres} m", metres=item.distance_m), "distance_m"
    if item.duration_s:
        return _time_text(item.duration_s, tr), "duration_s"
    return "", ""


def how_often_text(item: ProgramItemRecord, lang: str = "en") -> str:
    """How often, in that language: the days a week ("3 times a week", "daily") with the
    frequency text as a note ("3 times a week, before runs"), else the frequency text."""
    note = frequency_text(item.frequency, lang)
    if item.sessions_per_week is None:
        return note
    tr = texts(lang)
    if item.sessions_per_week >= 7:
        days = tr.gettext("daily")
    else:
        days = times_text(str(item.sessions_per_week), None, "week", tr)
    said = sessions_from_text(item.frequency)
    if not note or (said is not None and said != item.sessions_per_week):
        return days  # the days set in the builder win over older words that disagree
    return note if said == item.sessions_per_week else f"{days}, {note}"


def dosage_text(item: ProgramItemRecord, lang: str = "en") -> str:
    """The dose in words, e.g. "3 sets × 10 reps, each side, red band, rest 30 s between sets
    — 3 times a week" ("3 series × 10 repeticiones por lado, banda elástica roja, descansa 30 s
    entre series — 3 veces por semana"); a band walk reads "2 sets × 10 m". The load is said
    in that language where its words are known (`load_text`), else as typed."""
    tr = texts(lang)
    parts: list[str] = []
    amount, said = _amount(item, tr)
    if item.sets:
        sets = tr.ngettext("{count} set", "{count} sets", item.sets)
        parts.append(f"{sets} × {amount}" if amount else sets)
    elif amount:
        parts.append(amount)
    if item.distance_m and said != "distance_m":
        parts.append(tr.gettext("over {metres} m", metres=item.distance_m))
    if item.duration_s and said != "duration_s":
        parts.append(tr.gettext("for {time}", time=_time_text(item.duration_s, tr)))
    if item.hold_s:
        parts.append(tr.gettext("hold {seconds} s", seconds=item.hold_s))
    if item.per_side:
        if parts:
            # Translators: "each side" after the rest of the dose; Spanish joins it without a
            # comma ("12 repeticiones por lado").
            parts[-1] = tr.gettext("{dose}, each side", dose=parts[-1])
        else:
            parts.append(tr.gettext("each side"))
    if item.load.strip():
        parts.append(load_text(item.load, lang))
    if item.tempo.strip():
        # Translators: the speed of each repetition as the therapist typed it ("3-1-1": three
        # seconds down, one held, one up).
        parts.append(tr.gettext("tempo {tempo}", tempo=item.tempo.strip()))
    if item.rest_s:
        if item.sets and item.sets > 1:
            parts.append(tr.gettext("rest {time} between sets", time=_time_text(item.rest_s, tr)))
        else:
            parts.append(tr.gettext("rest {time}", time=_time_text(item.rest_s, tr)))
    text = ", ".join(parts)
    frequency = how_often_text(item, lang)
    if frequency:
        text = f"{text} — {frequency}" if text else frequency
    return text


# -- days a week ------------------------------------------------------------------------------

# Phrases that say how many days a week (English source text, recognised in every language).
_DAYS_A_WEEK = {
    "daily": 7,
    "every day": 7,
    "once a day": 7,
    "twice a day": 7,
    "every other day": 4,
    "once a week": 1,
    "twice a week": 2,
}
MAX_SESSIONS = 7


def sessions_from_text(frequency: str) -> int | None:
    """Days a week a frequency in words means, or None when it does not say: "3 times a week"
    is 3, "2–3 veces por semana" 3 (the most asked), "daily" and "twice a day" 7, "every other
    day" 4; "before runs" depends on the running, so None. The first piece that says wins."""
    for piece in frequency.split(","):
        folded = piece.strip().casefold()
        if not folded:
            continue
        for source in languages.SUPPORTED_LANGUAGES:
            said = texts(source)
            for phrase, days in _DAYS_A_WEEK.items():
                if folded == said.gettext(phrase).casefold():
                    return days
            pattern = TIMES_TYPED.get(source)
            match = pattern.match(folded) if pattern is not None else None
            if match is not None:
                low, high, period = match.groups()
                if PERIODS[period] == "day":
                    return MAX_SESSIONS
                count = int(high or low)
                return min(count, MAX_SESSIONS) if count > 0 else None
    return None


def sessions_of(item: ProgramItemRecord) -> int | None:
    """The drill's days a week: as set, else as its frequency text says, else None."""
    if item.sessions_per_week is not None:
        return item.sessions_per_week
    return sessions_from_text(item.frequency)


def library_item(code: str, dosage: Dosage, lang: str = "en") -> ProgramItemRecord:
    """A program item with a library drill's default dose (distance included), its frequency
    in that language and, where the frequency says, its days a week."""
    frequency = dosage.frequency(lang)
    return ProgramItemRecord(
        exercise_code=code,
        sets=dosage.sets,
        reps=dosage.reps,
        hold_s=dosage.hold_s,
        per_side=dosage.per_side,
        frequency=frequency,
        distance_m=dosage.distance_m,
        sessions_per_week=sessions_from_text(frequency),
    )


def tracker_boxes(item: ProgramItemRecord) -> int:
    """Boxes a week on the handout's tick sheet: one per session prescribed; a box a day when
    the frequency does not say ("before runs")."""
    sessions = sessions_of(item)
    return MAX_SESSIONS if sessions is None else max(1, min(sessions, MAX_SESSIONS))


# -- minutes ----------------------------------------------------------------------------------

SECONDS_PER_REP = 3
"""A repetition without a tempo: about 3 s (a second or so each way and a pause)."""
SECONDS_PER_METRE = 1
"""A drill over a distance (band walk, skips, lunges): about 1 s a metre."""
DEFAULT_REST_S = 30
"""Rest between sets when none is given."""
DEFAULT_WEEKS = 4
MAX_WEEKS = 12


def rep_seconds(tempo: str) -> int:
    """Seconds of one repetition: the tempo's numbers added ("3-1-1" is 5 s; "X" for a fast
    phase counts 1 s), else SECONDS_PER_REP."""
    pieces = re.findall(r"\d+|[xX]", tempo)
    if not pieces:
        return SECONDS_PER_REP
    return max(1, sum(1 if p in "xX" else int(p) for p in pieces))


def session_seconds(item: ProgramItemRecord) -> int:
    """Estimated seconds of one drill in one session.

    A set is its repetitions (each `rep_seconds` plus its hold), else its distance
    (SECONDS_PER_METRE), else its time, else one hold; a drill done on each side works twice
    as long (sides alternate, so the rest is not doubled); between sets comes the rest
    (DEFAULT_REST_S when none is given). No sets given counts one set. Warming up and moving
    between drills are not counted."""
    if item.reps:
        work = item.reps * (rep_seconds(item.tempo) + (item.hold_s or 0))
    elif item.distance_m:
        work = item.distance_m * SECONDS_PER_METRE
    elif item.duration_s:
        work = item.duration_s
    else:
        work = item.hold_s or 0
    if not work:
        return 0
    sets = item.sets or 1
    if item.per_side:
        work *= 2
    rest = DEFAULT_REST_S if item.rest_s is None else item.rest_s
    return sets * work + (sets - 1) * rest


@dataclass(frozen=True)
class ProgramTime:
    """Minutes a program takes: a session with every drill, and a week of sessions."""

    session_min: int
    week_min: int
    week_unknown: int = 0
    """Drills whose days a week are not said ("before runs"): not in `week_min`."""


def program_time(items: Iterable[ProgramItemRecord]) -> ProgramTime:
    """Minutes of a session holding every drill and of a week (each drill times its days a
    week), rounded up to whole minutes; see `session_seconds` for the assumptions."""
    session = week = unknown = 0
    for item in items:
        seconds = session_seconds(item)
        session += seconds
        days = sessions_of(item)
        if days is None:
            unknown += 1 if seconds else 0
        else:
            week += seconds * days
    return ProgramTime(math.ceil(session / 60), math.ceil(week / 60), unknown)


def said_minutes(minutes: int, *, floor: bool = False) -> int:
    """Minutes as a clinician says them to a runner: whole minutes under 15, then to the
    nearest 5 (41 -> 40, 83 -> 85), from 2 hours to the nearest 10; `floor` rounds down
    instead (for "at least": 41 -> "at least 40", never a figure the program does not
    reach)."""
    if minutes < 15:
        return minutes
    step = 5 if minutes < 120 else 10
    if floor:
        return minutes // step * step
    return (minutes + step // 2) // step * step


def time_text(time: ProgramTime, lang: str = "en") -> str:
    """ "About 12 minutes a session, about 85 minutes a week" in that language, the minutes
    rounded as a clinician says them (`said_minutes`: not "41 minutes"); "at least" for the
    week, rounded down, when some drill's days are not said."""
    tr = texts(lang)
    count = said_minutes(time.session_min)
    session = tr.ngettext(
        "About {count} minute a session", "About {count} minutes a session", count
    )
    if time.week_unknown:
        count = said_minutes(time.week_min, floor=True)
        week = tr.ngettext(
            "at least {count} minute a week", "at least {count} minutes a week", count
        )
    else:
        count = said_minutes(time.week_min)
        week = tr.ngettext("about {count} minute a week", "about {count} minutes a week", count)
    return f"{session}, {week}"


# -- program code -----------------------------------------------------------------------------

# Letters and digits nobody confuses when reading a printed sheet aloud or typing it: no 0 or
# O, 1, I or L, 2 or Z, 5 or S, 8 or B, U or V, and no G (6 stays).
CODE_ALPHABET = "ACDEFHJKMNPQRTWXY34679"
CODE_LENGTH = 6


_CODE_SPACE = len(CODE_ALPHABET) ** CODE_LENGTH  # 22**6, about 113 million
# Multiplying by a number prime to the space (and adding an offset) permutes it: each program
# id gets its own code, scattered, so neighbouring programs do not share five characters.
_CODE_FACTOR = 48_271_871
_CODE_OFFSET = 7_654_321


def program_code(program_id: int) -> str:
    """The code of a saved program, e.g. "K7MXQA": one of its own for every id below 22**6
    (ids map one-to-one onto codes, so two programs never share one)."""
    if not 0 < program_id < _CODE_SPACE:
        raise ValueError(f"no program code for id {program_id}")
    number = (program_id * _CODE_FACTOR + _CODE_OFFSET) % _CODE_SPACE
    letters = []
    for _ in range(CODE_LENGTH):
        number, digit = divmod(number, len(CODE_ALPHABET))
        letters.append(CODE_ALPHABET[digit])
    return "".join(reversed(letters))


def shown_code(code: str) -> str:
    """The code as printed, in two halves for reading: "K7M-XQA"."""
    half = len(code) // 2
    return f"{code[:half]}-{code[half:]}" if len(code) == CODE_LENGTH else code


def normalize_code(typed: str) -> str | None:
    """A typed or scanned code in its stored form ("k7m xqa", "K7M-XQA" -> "K7MXQA"), or None
    when it cannot be a program code."""
    folded = re.sub(r"[\s\-–]", "", typed).upper()
    if len(folded) != CODE_LENGTH or any(c not in CODE_ALPHABET for c in folded):
        return None
    return folded
