"""The trail replayed against the file: a value or a client's details edited outside the
program show, drafts included.

Every change the program makes to a measured value (typed, imported, computed, cleared, its
pain flag) and to a client's details is an audit event with the value after it, sealed so
it cannot be forged without the key. Replaying those events gives what each value must be
now; a stored value that differs was written by something other than the program (a direct
edit of the file or of the server's tables). Values with no event at all (written before
the trail recorded values, or by an old version) are only counted.

Read in bounded memory: events and values are both streamed in assessment order and merged
one assessment at a time (clients are few enough to hold).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any

from sqlalchemy import Integer, cast, select
from sqlalchemy.orm import Session

from mobileathlete_desktop.storage.models import Assessment, AuditEvent, Client, Measurement

SHOWN = 10
"""At most this many differences are named; the rest are counted."""
VALUE_ACTIONS = ("measurement.set", "measurement.clear", "measurement.pain")
CLIENT_ACTIONS = ("client.create", "client.update")
_STREAM = 5_000

Cell = tuple[str, str, str]


@dataclass
class _Expected:
    """What the trail says one cell holds: its value (None: cleared) and pain flag if known."""

    value: float | None = None
    pain: bool | None = None


@dataclass
class ReplayReport:
    """Differences between the trail and the file, and what the trail does not cover."""

    problems: list[str] = field(default_factory=list)
    differences: int = 0
    values_without_events: int = 0

    def add(self, text: str) -> None:
        self.differences += 1
        if len(self.problems) < SHOWN:
            self.problems.append(text)

    def lines(self) -> tuple[list[str], list[str]]:
        """(problems, state lines) as `check` prints them."""
        problems = list(self.problems)
        if self.differences > len(self.problems):
            problems.append(
                f"… and {self.differences - len(self.problems)} more records that differ "
                "from the audit trail"
            )
        state = (
            [
                "values with no event in the audit trail (older data or the demo): "
                f"{self.values_without_events}"
            ]
            if self.values_without_events
            else []
        )
        return problems, state


def replay_problems(session: Session) -> tuple[list[str], list[str]]:
    """Values and client details that differ from what the trail says the program wrote:
    (problems, state lines)."""
    report = ReplayReport()
    _replay_values(session, report)
    _replay_clients(session, report)
    return report.lines()


def _events(session: Session, actions: tuple[str, ...], entity: str) -> Iterator[Any]:
    return iter(
        session.execute(
            select(
                cast(AuditEvent.entity_id, Integer).label("owner"),
                AuditEvent.id,
                AuditEvent.action,
                AuditEvent.detail,
            )
            .where(AuditEvent.action.in_(actions), AuditEvent.entity == entity)
            .order_by(cast(AuditEvent.entity_id, Integer), AuditEvent.id)
            .execution_options(yield_per=_STREAM)
        )
    )


def _expected_cells(events: Iterator[Any]) -> dict[Cell, _Expected]:
    cells: dict[Cell, _Expected] = {}
    for event in events:
        detail = event.detail or {}
        try:
            key = (str(detail["code"]), str(detail["side"]), str(detail["mode"]))
        except KeyError:
            continue
        cell = cells.setdefault(key, _Expected())
        if event.action == "measurement.clear":
            cell.value, cell.pain = None, None
        elif event.action == "measurement.set":
            cell.value = detail.get("after")
            if "pain" in detail:
                cell.pain = bool(detail["pain"])
        elif event.action == "measurement.pain" and "pain" in detail:
            cell.pain = bool(detail["pain"])
    return cells


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-9)


def _replay_values(session: Session, report: ReplayReport) -> None:
    events = groupby(_events(session, VALUE_ACTIONS, "assessment"), key=lambda e: e.owner)
    stored = groupby(
        session.execute(
            select(
                Measurement.assessment_id,
                Measurement.code,
                Measurement.side,
                Measurement.mode,
                Measurement.value,
                Measurement.pain,
            )
            .order_by(Measurement.assessment_id)
            .execution_options(yield_per=_STREAM)
        ),
        key=lambda m: m.assessment_id,
    )
    existing = {
        row[0]
        for row in session.execute(select(Assessment.id)).all()  # ids only: small
    }
    next_events = next(events, None)
    for assessment_id, rows in stored:
        while next_events is not None and next_events[0] < assessment_id:
            _values_gone(next_events[0], _expected_cells(next_events[1]), {}, existing, report)
            next_events = next(events, None)
        if next_events is not None and next_events[0] == assessment_id:
            expected = _expected_cells(next_events[1])
            next_events = next(events, None)
        else:
            expected = {}
        seen: dict[Cell, Any] = {}
        for row in rows:
            key = (row.code, row.side, row.mode)
            seen[key] = row
            want = expected.get(key)
            if want is None:
                report.values_without_events += 1
            elif want.value is None:
                report.add(
                    f"assessment {assessment_id}: {row.code} {row.side} {row.mode} is "
                    f"{row.value:g} in the file but was cleared in the audit trail "
                    "(written outside the program)"
                )
            elif not _same(want.value, row.value):
                report.add(
                    f"assessment {assessment_id}: {row.code} {row.side} {row.mode} is "
                    f"{row.value:g} in the file, {float(want.value):g} in the audit trail "
                    "(changed outside the program)"
                )
            elif want.pain is not None and want.pain != bool(row.pain):
                report.add(
                    f"assessment {assessment_id}: {row.code} {row.side} {row.mode} pain flag "
                    "differs from the audit trail (changed outside the program)"
                )
        _values_gone(assessment_id, expected, seen, existing, report)
    while next_events is not None:
        _values_gone(next_events[0], _expected_cells(next_events[1]), {}, existing, report)
        next_events = next(events, None)


def _values_gone(
    assessment_id: int,
    expected: dict[Cell, _Expected],
    seen: dict[Cell, Any],
    existing: set[int],
    report: ReplayReport,
) -> None:
    """Values the trail says are stored but the file lacks (a deleted assessment takes its
    values with it, through the program: not a difference)."""
    if assessment_id not in existing:
        return
    for key, want in expected.items():
        if want.value is not None and key not in seen:
            code, side, mode = key
            report.add(
                f"assessment {assessment_id}: {code} {side} {mode} ({float(want.value):g} in "
                "the audit trail) is missing from the file (deleted outside the program)"
            )


def _stored_field(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _replay_clients(session: Session, report: ReplayReport) -> None:
    expected: dict[int, dict[str, Any]] = {}
    for event in _events(session, CLIENT_ACTIONS, "client"):
        after = (event.detail or {}).get("after")
        if isinstance(after, dict):
            expected.setdefault(event.owner, {}).update(after)
    if not expected:
        return
    for row in session.execute(select(Client).where(Client.id.in_(expected))).scalars():
        for name, want in expected[row.id].items():
            if not hasattr(row, name):
                continue
            have = _stored_field(getattr(row, name))
            same = (
                _same(want, have)
                if isinstance(want, int | float) and isinstance(have, int | float)
                else want == have
            )
            if not same:
                report.add(
                    f"client {row.chart_number}: {name} differs from the audit trail "
                    "(changed outside the program)"
                )
