"""Reading assessments: a client's list and history, the visit before, the day's worklist."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from types import SimpleNamespace
from typing import Any, cast

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, selectinload

from mobileathlete_desktop.domain.records import AssessmentRecord, ClientHistory
from mobileathlete_desktop.services.assessments.records import (
    AssessmentSummary,
    _load,
    assessment_unit,
    to_record,
)
from mobileathlete_desktop.services.clients import to_record as client_record
from mobileathlete_desktop.services.context import NotFound, ServiceContext
from mobileathlete_desktop.services.errors import sent_on
from mobileathlete_desktop.storage.models import (
    Assessment,
    Client,
    Finding,
    Measurement,
    OutcomeScore,
)
from mobileathlete_desktop.storage.server_pipeline import read_together


def list_assessments(ctx: ServiceContext, client_id: int) -> list[AssessmentSummary]:
    """A client's assessments, newest first."""
    ctx.actor.require("assessments.read")
    with ctx.db.reading() as session:
        # Counted per assessment of this client (a correlated subquery on the
        # (assessment_id, ...) index), not grouped over every measurement in the clinic.
        count = (
            select(func.count(Measurement.id))
            .where(Measurement.assessment_id == Assessment.id)
            .correlate(Assessment)
            .scalar_subquery()
        )
        rows = session.execute(
            select(Assessment, count)
            .where(Assessment.client_id == client_id)
            .order_by(Assessment.date.desc(), Assessment.id.desc())
        ).all()
        return [_summary(a, int(n)) for a, n in rows]


def _summary(row: Assessment, values: int) -> AssessmentSummary:
    """An assessment's line in the client's list, with how many values it holds."""
    return AssessmentSummary(
        id=row.id,
        client_id=row.client_id,
        date=row.date,
        kind=row.kind,
        status=row.status,
        therapist=row.therapist_name,
        values=values,
        addendum_of=row.addendum_of_id,
    )


def load_history(ctx: ServiceContext, client_id: int) -> ClientHistory:
    """A client and their assessments, oldest first, each corrected by its latest signed addendum.

    A signed addendum takes its original's place in the history (same date); a draft
    addendum is shown on its own until signed.
    """
    return list_and_history(ctx, client_id)[1]


def list_and_history(
    ctx: ServiceContext, client_id: int
) -> tuple[list[AssessmentSummary], ClientHistory]:
    """`list_assessments` and `load_history` in one read (a client's page needs both): the
    list counted from the measurements the history loads anyway.

    Five statements: the client, their assessments, and the assessments' values, findings
    and questionnaires. On a clinic server they are sent together (one wait on a LAN, five
    before), the child rows keyed by the client rather than by the assessments read first;
    a SQLite file reads them one after the other (no network to wait for)."""
    ctx.actor.require("assessments.read")
    with ctx.db.reading() as session:
        if ctx.db.is_sqlite:
            client, rows = _page_rows_loaded(session, client_id)
        else:
            client, rows = _page_rows_together(session, client_id)
        return _page(client, rows)


def _page_rows_loaded(session: Session, client_id: int) -> tuple[Client, list[Assessment]]:
    """The client and their assessments (oldest first) with every child row, through the ORM:
    a statement for each (the children by the assessments' ids)."""
    client = session.get(Client, client_id)
    if client is None:
        raise NotFound(f"No client with id {client_id}")
    rows = list(
        session.execute(
            select(Assessment)
            .where(Assessment.client_id == client_id)
            .options(
                selectinload(Assessment.measurements),
                selectinload(Assessment.findings),
                selectinload(Assessment.outcomes),
            )
            .order_by(Assessment.date, Assessment.id)
        ).scalars()
    )
    return client, rows


# An assessment's child rows as its page reads them (to_record's measurements, findings,
# outcomes), each by id as the relationships order them.
_CHILDREN: tuple[tuple[str, Any], ...] = (
    ("measurements", Measurement),
    ("findings", Finding),
    ("outcomes", OutcomeScore),
)


def page_statements(client_id: int) -> list[Select[Any]]:
    """The page's five reads, none depending on another's answer: the client's row, their
    assessments oldest first, and each child table's rows of this client's assessments."""
    visit = Assessment.__table__
    statements: list[Select[Any]] = [
        select(Client.__table__).where(Client.__table__.c.id == client_id),
        select(visit).where(visit.c.client_id == client_id).order_by(visit.c.date, visit.c.id),
    ]
    for _name, model in _CHILDREN:
        child = model.__table__
        statements.append(
            select(child)
            .join_from(child, visit, visit.c.id == child.c.assessment_id)
            .where(visit.c.client_id == client_id)
            .order_by(child.c.id)
        )
    return statements


def page_from_rows(
    client_id: int, statements: list[Select[Any]], found: list[list[Any]]
) -> tuple[Client, list[Assessment]]:
    """The client and their assessments, children attached, from `page_statements`' rows: plain
    objects with the rows' columns as attributes (what `to_record`, `client_record` and
    `_summary` read), not ORM rows. A child of an assessment not among the visits read (added
    between the statements) is left out, as a read of the visits' ids would have."""
    objects = [
        [
            SimpleNamespace(**dict(zip(stmt.selected_columns.keys(), row, strict=True)))
            for row in rows
        ]
        for stmt, rows in zip(statements, found, strict=True)
    ]
    clients_found, visits, *children = objects
    if not clients_found:
        raise NotFound(f"No client with id {client_id}")
    by_id: dict[int, SimpleNamespace] = {}
    for visit in visits:
        for name, _model in _CHILDREN:
            setattr(visit, name, [])
        by_id[visit.id] = visit
    for (name, _model), rows in zip(_CHILDREN, children, strict=True):
        for row in rows:
            parent = by_id.get(row.assessment_id)
            if parent is not None:
                getattr(parent, name).append(row)
    return cast(Client, clients_found[0]), cast(list[Assessment], visits)


def _page_rows_together(session: Session, client_id: int) -> tuple[Client, list[Assessment]]:
    """`_page_rows_loaded` on a clinic server, in one request (storage.server_pipeline)."""
    statements = page_statements(client_id)
    found = sent_on(session, lambda conn: read_together(conn, statements))
    return page_from_rows(client_id, statements, found)


def _page(client: Client, rows: list[Assessment]) -> tuple[list[AssessmentSummary], ClientHistory]:
    """The list (newest first, every row) and the history (oldest first, each corrected by
    its signed addendum; a draft addendum left out) of a client's assessments."""
    superseded = {
        r.addendum_of_id for r in rows if r.addendum_of_id is not None and r.status == "signed"
    }
    kept = [
        r
        for r in rows
        if r.id not in superseded and not (r.addendum_of_id is not None and r.status == "draft")
    ]
    # Newest first, as list_assessments orders them.
    listed = [_summary(a, len(a.measurements)) for a in reversed(rows)]
    history = ClientHistory(
        client=client_record(client), assessments=tuple(to_record(r) for r in kept)
    )
    return listed, history


def previous_assessment(ctx: ServiceContext, assessment_id: int) -> AssessmentRecord | None:
    """The client's visit before this one (by date, then id), to compare with; None if first.

    An addendum compares with the visit before its original, never with the original itself.
    """
    with assessment_unit(ctx, assessment_id, "assessments.read", draft=False) as unit:
        session, row = unit.session, unit.row
        anchor = row
        if row.addendum_of_id is not None:
            anchor = _load(session, row.addendum_of_id)
        candidates = session.execute(
            select(Assessment)
            .where(
                Assessment.client_id == row.client_id,
                Assessment.id != row.id,
                Assessment.id != anchor.id,
                (Assessment.date < anchor.date)
                | ((Assessment.date == anchor.date) & (Assessment.id < anchor.id)),
                Assessment.addendum_of_id.is_(None) | (Assessment.status == "signed"),
            )
            .order_by(Assessment.date.desc(), Assessment.id.desc())
        ).scalars()
        for candidate in candidates:
            if candidate.addendum_of_id == anchor.id:
                continue
            return to_record(candidate)
        return None


def assessments_between(ctx: ServiceContext, first: date, last: date) -> list[AssessmentSummary]:
    """Every assessment dated from `first` to `last` inclusive, by date then client."""
    ctx.actor.require("assessments.read")
    with ctx.db.reading() as session:
        rows = session.execute(
            select(Assessment)
            .where(Assessment.date >= first, Assessment.date <= last)
            .order_by(Assessment.date, Assessment.client_id, Assessment.id)
        ).scalars()
        return [
            AssessmentSummary(
                a.id, a.client_id, a.date, a.kind, a.status, a.therapist_name, 0, a.addendum_of_id
            )
            for a in rows
        ]


@dataclass(frozen=True)
class WorkItem:
    """An assessment on the day's worklist, with whose it is."""

    assessment_id: int
    client_id: int
    chart_number: str
    client_name: str
    """As the client list shows it: "Family, Given"."""
    date: date
    kind: str
    status: str
    therapist: str


@dataclass(frozen=True)
class Worklist:
    """What the empty main page offers: the day's assessments and older unsigned drafts."""

    today: tuple[WorkItem, ...]
    drafts: tuple[WorkItem, ...]


WORKLIST_DRAFTS = 50


def worklist(ctx: ServiceContext, day: date) -> Worklist:
    """The assessments dated `day` (any status) and the drafts left unsigned before it,
    newest first (at most 50), for clients not archived."""
    ctx.actor.require("assessments.read")
    columns = (
        Assessment.id,
        Assessment.client_id,
        Client.chart_number,
        Client.family_name,
        Client.given_name,
        Assessment.date,
        Assessment.kind,
        Assessment.status,
        Assessment.therapist_name,
    )
    base = select(*columns).join(Client, Client.id == Assessment.client_id)
    base = base.where(Client.archived.is_(False))
    seen = base.where(Assessment.date == day).order_by(
        func.lower(Client.family_name), func.lower(Client.given_name), Assessment.id
    )
    drafts = (
        base.where(Assessment.date < day, Assessment.status == "draft")
        .order_by(Assessment.date.desc(), Assessment.id.desc())
        .limit(WORKLIST_DRAFTS)
    )

    def items(stmt: Any) -> tuple[WorkItem, ...]:
        return tuple(
            WorkItem(
                r.id,
                r.client_id,
                r.chart_number,
                f"{r.family_name}, {r.given_name}",
                r.date,
                r.kind,
                r.status,
                r.therapist_name or "",
            )
            for r in session.execute(stmt)
        )

    with ctx.db.reading() as session:
        return Worklist(items(seen), items(drafts))
