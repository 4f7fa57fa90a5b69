"""Turning typed or imported text into values, with one-line reasons when it cannot be done."""

from __future__ import annotations

import re
from datetime import date

from mobileathlete_desktop.domain.catalogue import MODES, SIDES, Catalogue, Measure, Mode, Side
from mobileathlete_desktop.support.plain_text import one_line


class InvalidValue(ValueError):
    """Text that cannot become the value asked for; str() is the message to show (English, as
    the command line and the import report say it). `kind` names the rule that refused it and
    `details` its figures, so that a window can say the same in its own language (the grid's
    in ui/value_problems, the forms' in ui/refusals): "not_a_number" (what, text), "outside"
    (value, low, high, unit), "body_pain" (a pain mark on a body measurement), "required"
    (what), "too_long" (what, length, limit), the dates' "not_iso_date", "not_real_date",
    "future_date" and "before_1900" (what, text); the services name more (services/context
    `refusal`); "" for the others. `what` is the English name of the field, as the message
    says it."""

    def __init__(self, message: str, *, kind: str = "", **details: object) -> None:
        super().__init__(message)
        self.kind = kind
        self.details = details


NAME_LENGTH = 120
"""Longest client given or family name (the database columns hold 120 characters)."""
TITLE_LENGTH = 200
"""Longest user display name, clinic name or program title (columns of 200 characters)."""


def name_problem(text: str, what: str, limit: int) -> InvalidValue | None:
    """Why a name cannot be stored (too long once cleaned), or None."""
    length = len(one_line(text))
    if length > limit:
        return too_long(what, length, limit)
    return None


def too_long(what: str, length: int, limit: int) -> InvalidValue:
    """The refusal of a text longer than its `limit` characters."""
    return InvalidValue(
        f"{what} is too long: {length} characters, at most {limit}",
        kind="too_long",
        what=what,
        length=length,
        limit=limit,
    )


def clean_name(text: str, what: str, limit: int) -> str:
    """A name as it is stored: one line, no control characters (support.plain_text.one_line);
    InvalidValue, saying so, when it is longer than `limit` characters."""
    problem = name_problem(text, what, limit)
    if problem:
        raise problem
    return one_line(text)


_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")


def parse_number(text: str, what: str = "value") -> float:
    """A number from text, accepting a decimal comma ("12,5"); letters are refused."""
    cleaned = text.strip().replace("°", "").replace(" ", "")
    if not cleaned:
        raise InvalidValue(f"{what}: empty", kind="required", what=what)
    if not _NUMBER.match(cleaned):
        raise InvalidValue(
            f"{what}: {text.strip()!r} is not a number",
            kind="not_a_number",
            what=what,
            text=text.strip(),
        )
    return float(cleaned.replace(",", "."))


def parse_measure_value(measure: Measure, text: str) -> float:
    """A value for a measure from text, checked against the measure's hard bounds."""
    value = parse_number(text, measure.label)
    problem = value_outside(measure, value)
    if problem:
        raise problem
    return value


def value_outside(measure: Measure, value: float) -> InvalidValue | None:
    """The refusal of a value outside the measure's hard bounds (kind "outside", with the
    measure's `code` and English label as `what`), or None."""
    problem = measure.check_value(value)
    if not problem:
        return None
    low, high = measure.bounds
    return InvalidValue(
        problem,
        kind="outside",
        value=value,
        low=low,
        high=high,
        unit=measure.unit_label,
        code=measure.code,
        what=measure.label,
    )


def parse_iso_date(
    text: str, what: str = "date", *, today: date | None = None, allow_future: bool = False
) -> date:
    """An ISO date (YYYY-MM-DD); impossible or (unless allowed) future dates are refused."""
    raw = text.strip()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
        raise InvalidValue(
            f"{what}: {raw!r} is not a date in the form YYYY-MM-DD",
            kind="not_iso_date",
            what=what,
            text=raw,
        )
    try:
        value = date.fromisoformat(raw)
    except ValueError as exc:
        raise InvalidValue(
            f"{what}: {raw!r} is not a real date", kind="not_real_date", what=what, text=raw
        ) from exc
    if not allow_future and value > (today or date.today()):
        raise InvalidValue(
            f"{what}: {raw} is in the future", kind="future_date", what=what, text=raw
        )
    if value.year < 1900:
        raise InvalidValue(f"{what}: {raw} is before 1900", kind="before_1900", what=what, text=raw)
    return value


def parse_side(text: str) -> Side:
    """left, right or none (also L/R and blank)."""
    raw = text.strip().lower()
    aliases = {"l": "left", "r": "right", "": "none", "-": "none"}
    raw = aliases.get(raw, raw)
    for side in SIDES:
        if raw == side:
            return side
    raise InvalidValue(f"side: {text.strip()!r} is not left, right or none")


def parse_mode(text: str) -> Mode:
    """active, passive or none (also A/P and blank)."""
    raw = text.strip().lower()
    aliases = {"a": "active", "p": "passive", "": "none", "-": "none"}
    raw = aliases.get(raw, raw)
    for mode in MODES:
        if raw == mode:
            return mode
    raise InvalidValue(f"mode: {text.strip()!r} is not active, passive or none")


def check_cell(measure: Measure, side: Side, mode: Mode) -> None:
    """Refuses a side or mode the measure does not take (e.g. a left NPRS)."""
    if side not in measure.sides:
        allowed = " or ".join(measure.sides)
        raise InvalidValue(f"{measure.code}: side must be {allowed}, not {side}")
    if mode not in measure.modes:
        allowed = " or ".join(measure.modes)
        raise InvalidValue(f"{measure.code}: mode must be {allowed}, not {mode}")


def check_pain(measure: Measure, pain: bool) -> None:
    """Refuses a pain mark on a body measurement (limb length, body mass, a lever arm): it is
    not a movement or test, so it cannot be painful."""
    if pain and measure.body_measure:
        raise InvalidValue(
            f"{measure.label} is a body measurement, not a movement or test: it cannot be "
            "marked painful (mark the test that hurt instead)",
            kind="body_pain",
            code=measure.code,
            what=measure.label,
        )


def lookup_measure(catalogue: Catalogue, code: str) -> Measure:
    """The measure for a code, or a message naming the unknown code."""
    measure = catalogue.get(code.strip())
    if measure is None:
        raise InvalidValue(f"unknown measure code {code.strip()!r}")
    return measure
