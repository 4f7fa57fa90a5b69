"""Finding, creating, editing and archiving clients."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, fields, replace
from datetime import date
from typing import Any, Literal

from sqlalchemy import ColumnElement, Connection, Integer, Select, String, cast, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from mobileathlete_desktop.domain.records import CLIENT_SEXES, ClientRecord
from mobileathlete_desktop.domain.search_text import SEPARATOR, fold
from mobileathlete_desktop.domain.validation import NAME_LENGTH, TITLE_LENGTH, name_problem
from mobileathlete_desktop.services.audit import record_event
from mobileathlete_desktop.services.context import (
    ConflictError,
    InputError,
    NotFound,
    ServiceContext,
)
from mobileathlete_desktop.storage import search_index
from mobileathlete_desktop.storage.models import Client
from mobileathlete_desktop.support.plain_text import one_line

# One-line fields: field → (what a message calls it, its column's length). Each is stored
# without control characters and refused, saying so, when longer than its column.
_ONE_LINE_FIELDS = {
    "given_name": ("Given name", NAME_LENGTH),
    "family_name": ("Family name", NAME_LENGTH),
    "email": ("Email address", TITLE_LENGTH),
    "phone": ("Phone", 60),
    "goal_event": ("Goal event", TITLE_LENGTH),
    "footwear": ("Footwear", TITLE_LENGTH),
}


@dataclass(frozen=True)
class ClientInput:
    """The editable fields of a client, as typed in a form or read from a file."""

    chart_number: str
    given_name: str
    family_name: str
    date_of_birth: date | None = None
    sex: str = "unknown"
    email: str = ""
    phone: str = ""
    address: str = ""
    dominant_leg: str = "unknown"
    weekly_distance_km: float | None = None
    years_running: float | None = None
    goal_event: str = ""
    footwear: str = ""
    injury_history: str = ""
    complaint: str = ""
    referral: str = ""

    def problems(self, today: date | None = None) -> dict[str, str]:
        """Field name → what is wrong with it; empty when the input can be saved."""
        found: dict[str, str] = {}
        today = today or date.today()
        if not self.chart_number.strip():
            found["chart_number"] = "Chart number is required"
        elif not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._/-]{0,39}", self.chart_number.strip()):
            found["chart_number"] = "Chart number: letters, digits, - . / _ only (max 40)"
        if not self.given_name.strip():
            found["given_name"] = "Given name is required"
        if not self.family_name.strip():
            found["family_name"] = "Family name is required"
        for name, (what, limit) in _ONE_LINE_FIELDS.items():
            problem = name_problem(getattr(self, name), what, limit)
            if problem and name not in found:
                found[name] = problem
        if self.date_of_birth is not None:
            if self.date_of_birth > today:
                found["date_of_birth"] = "Date of birth is in the future"
            elif self.date_of_birth.year < 1900:
                found["date_of_birth"] = "Date of birth is before 1900"
        if self.sex not in CLIENT_SEXES:
            found["sex"] = "Sex must be female, male, other or unknown"
        if self.dominant_leg not in ("left", "right", "unknown"):
            found["dominant_leg"] = "Dominant leg must be left, right or unknown"
        if self.weekly_distance_km is not None and not 0 <= self.weekly_distance_km <= 400:
            found["weekly_distance_km"] = "Weekly distance must be 0–400 km"
        if self.years_running is not None and not 0 <= self.years_running <= 90:
            found["years_running"] = "Years running must be 0–90"
        if self.email and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", self.email.strip()):
            found["email"] = "Email address is not valid"
        return found

    def validated(self) -> ClientInput:
        """The input trimmed, or InputError naming every problem."""
        problems = self.problems()
        if problems:
            raise InputError("; ".join(problems.values()))
        cleaned: dict[str, Any] = {n: one_line(getattr(self, n)) for n in _ONE_LINE_FIELDS}
        return replace(self, chart_number=self.chart_number.strip(), **cleaned)


_INPUT_FIELDS = [f.name for f in fields(ClientInput)]
_RECORD_COLUMNS = {f.name for f in fields(ClientRecord)}


def to_record(row: Client) -> ClientRecord:
    """The plain record of a client row."""
    return ClientRecord(
        id=row.id,
        chart_number=row.chart_number,
        given_name=row.given_name,
        family_name=row.family_name,
        date_of_birth=row.date_of_birth,
        sex=row.sex,  # type: ignore[arg-type]
        email=row.email,
        phone=row.phone,
        address=row.address,
        dominant_leg=row.dominant_leg,  # type: ignore[arg-type]
        weekly_distance_km=row.weekly_distance_km,
        years_running=row.years_running,
        goal_event=row.goal_event,
        footwear=row.footwear,
        injury_history=row.injury_history,
        complaint=row.complaint,
        referral=row.referral,
        archived=row.archived,
        version=row.version,
    )


def input_from_record(record: ClientRecord) -> ClientInput:
    """The editable fields of an existing client (to pre-fill a form)."""
    values = asdict(record)
    return ClientInput(**{name: values[name] for name in _INPUT_FIELDS})


def _like(word: str) -> str:
    """`word` folded, with LIKE's own wildcards taken literally (escaped by a backslash)."""
    folded = fold(word)
    return folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _search_words(text: str) -> list[tuple[str, bool]]:
    """The words of a search, each with whether it must be in the family name.

    "Family, Given" (as the list shows names) puts the words before the comma in the
    family name; every other word may be in either name, the chart number or the date of
    birth.
    """
    family, comma, rest = text.partition(",")
    if not comma:
        return [(word, False) for word in text.split()]
    return [(w, True) for w in family.split()] + [
        (w, False) for w in rest.replace(",", " ").split()
    ]


def _search_filter(
    stmt: Select[Any], text: str, include_archived: bool, archived_index: bool = True
) -> Select[Any]:
    """The search's meaning, as conditions on the client table (a scan without an index
    driving it; the indexed search adds one condition that only narrows which rows are read).

    `archived_index=False` words the archived test so that no index serves it (CAST): SQLite,
    without statistics, would otherwise walk the everyday clients in name order and test
    each against the word's few clients, instead of fetching those few by id.
    """
    if not include_archived:
        stmt = stmt.where(
            Client.archived.is_(False) if archived_index else cast(Client.archived, Integer) == 0
        )
    for word, family_only in _search_words(text):
        # The stored key is "family␟given␟chart", folded: a word followed by two separators
        # is in the family name; otherwise anywhere (one LIKE a word, on any database).
        pattern = f"%{_like(word)}%{SEPARATOR}%{SEPARATOR}%" if family_only else f"%{_like(word)}%"
        condition: ColumnElement[bool] = Client.search_text.like(pattern, escape="\\")
        if not family_only and re.fullmatch(r"[\d-]{2,10}", word):
            condition = or_(condition, cast(Client.date_of_birth, String).like(f"%{word}%"))
        stmt = stmt.where(condition)
    return stmt


@dataclass(frozen=True)
class _Word:
    """A typed word as the search index reads it."""

    typed: str
    family_only: bool

    @property
    def lookup(self) -> str:
        return search_index.lookup_text(self.typed)

    @property
    def exact(self) -> bool:
        """Whether the index's count for `lookup` is the search's own count for this word."""
        return bool(self.lookup) and self.lookup == search_index.index_form(self.typed)

    @property
    def may_be_born(self) -> bool:
        return not self.family_only and bool(search_index.DATE_WORD.fullmatch(self.typed))

    @property
    def kinds(self) -> tuple[str, ...]:
        if self.family_only:
            return (search_index.FAMILY,)
        return search_index.DATE_KINDS if self.may_be_born else search_index.NAME_KINDS

    @property
    def count_kind(self) -> str:
        if self.family_only:
            return search_index.IN_FAMILY
        return search_index.IN_NAMES_OR_BORN if self.may_be_born else search_index.IN_NAMES


# Up to this many clients, the rarest word's clients are fetched by id and sorted; beyond it
# the list's order index is read (stopping at the page, at worst one pass over the index).
# At 50,000 clients, fetching and sorting 2,000 costs about one such pass (bench/large.py).
_DRIVE = 2_000


def _probe(connection: Connection, word: _Word) -> int | None:
    """How many fragments a word too long to be counted has (an upper bound of its clients),
    or None beyond _DRIVE (too many to fetch by id)."""
    fragments = search_index.matching_ids(word.kinds, word.lookup).limit(_DRIVE + 1)
    found = int(
        connection.execute(select(func.count()).select_from(fragments.subquery())).scalar_one()
    )
    return None if found > _DRIVE else found


@dataclass(frozen=True)
class _Plan:
    """How a search reads the clinic: through the index from its rarest word, or in order."""

    driver: _Word | None
    matches: int | None  # the search's exact count, when the index gives it in one read


def _plan(connection: Connection, text: str, include_archived: bool) -> _Plan:
    """Chooses how to find the matches: through the rarest word's fragments when it has few
    clients (cost: their number), else in the list's order through its index, which holds
    the searched columns (cost: until a page matched; at worst one pass over the index, even
    when every match sorts last). The words' counts come from the count table in one read.
    """
    words = [_Word(w, f) for w, f in _search_words(text)]
    every = (search_index.EVERY, "")
    got = search_index.counted(
        connection, [every, *((w.count_kind, w.lookup) for w in words)], include_archived
    )
    if not words:
        return _Plan(None, got[every])
    counts: list[int | None] = []
    for word in words:
        if not word.lookup:
            counts.append(None)
        elif (word.count_kind, word.lookup) in got:
            counts.append(got[(word.count_kind, word.lookup)])
        else:
            counts.append(_probe(connection, word))
    first = words[0]
    exact = len(words) == 1 and first.exact and (first.count_kind, first.lookup) in got
    known = [(n, w) for n, w in zip(counts, words, strict=True) if n is not None]
    if not known:
        return _Plan(None, None)
    rarest, driver = min(known, key=lambda pair: pair[0])
    return _Plan(driver if rarest <= _DRIVE else None, counts[0] if exact else None)


def _indexed_filter(
    stmt: Select[Any], text: str, include_archived: bool, plan: _Plan
) -> Select[Any]:
    stmt = _search_filter(stmt, text, include_archived, archived_index=plan.driver is None)
    if plan.driver is not None:
        found = search_index.matching_ids(plan.driver.kinds, plan.driver.lookup)
        stmt = stmt.where(Client.id.in_(found))
    return stmt


SearchOrder = Literal["name", "chart", "born"]


def _search_statement(
    text: str,
    include_archived: bool,
    order: SearchOrder = "name",
    descending: bool = False,
    plan: _Plan | None = None,
) -> Select[Any]:
    # Plain columns, not ORM entities: building thousands of identity-mapped objects per
    # keystroke was most of the search time at clinic scale (bench/).
    stmt = select(*(c for c in Client.__table__.columns if c.name in _RECORD_COLUMNS))
    stmt = _indexed_filter(stmt, text, include_archived, plan or _Plan(None, None))
    keys: list[Any]
    if order == "chart":
        keys = [search_index.sort_text(Client.chart_number)]
    elif order == "born":
        keys = [Client.date_of_birth]
    else:
        keys = [
            search_index.sort_text(Client.family_name),
            search_index.sort_text(Client.given_name),
        ]
    keys.append(Client.id)
    return stmt.order_by(*(k.desc() if descending else k for k in keys))


def search_clients(
    ctx: ServiceContext,
    text: str = "",
    *,
    include_archived: bool = False,
    limit: int | None = None,
    offset: int = 0,
    order: SearchOrder = "name",
    descending: bool = False,
) -> list[ClientRecord]:
    """Clients whose name, chart number or date of birth contains every word of the text.

    Accents and case do not matter ("nicolas" finds Nicolás); "Family, Given" looks for
    the words before the comma in the family name.

    Sorted by name (or chart number, or date of birth); `limit` and `offset` page through a
    long result, so a list can fetch more rows only as they are scrolled into view. The
    search index (storage/search_index.py) chooses which rows are read, never which match.
    """
    ctx.actor.require("clients.read")
    with ctx.db.reading() as session:
        connection = session.connection()  # Core: the rows are plain columns, not objects
        plan = _plan(connection, text, include_archived)
        stmt = _search_statement(text, include_archived, order, descending, plan)
        if limit is not None:
            stmt = stmt.limit(limit)
        if offset:
            stmt = stmt.offset(offset)
        return [ClientRecord(**row._asdict()) for row in connection.execute(stmt)]


def count_clients(ctx: ServiceContext, text: str = "", *, include_archived: bool = True) -> int:
    """How many clients a search finds (all of the clinic's, archived included, by default)."""
    ctx.actor.require("clients.read")
    with ctx.db.reading() as session:
        connection = session.connection()
        plan = _plan(connection, text, include_archived)
        if plan.matches is not None:
            return plan.matches
        stmt = _indexed_filter(select(func.count(Client.id)), text, include_archived, plan)
        return int(connection.execute(stmt).scalar_one())


def _load(session: Session, client_id: int) -> Client:
    row = session.get(Client, client_id)
    if row is None:
        raise NotFound(f"No client with id {client_id}")
    return row


def get_client(ctx: ServiceContext, client_id: int, *, audit: bool = True) -> ClientRecord:
    """One client, by id; opening a record is audited."""
    ctx.actor.require("clients.read")
    if not audit:  # a refresh of a page already open: read only
        with ctx.db.reading() as session:
            return to_record(_load(session, client_id))
    with ctx.db.session() as session:  # one short unit: the read and its audit event
        row = _load(session, client_id)
        record_event(
            session, ctx.actor, "client.open", entity="client", entity_id=row.id, client_id=row.id
        )
        return to_record(row)


def find_by_chart(ctx: ServiceContext, chart_number: str) -> ClientRecord:
    """One client, by chart number (NotFound names the number)."""
    ctx.actor.require("clients.read")
    with ctx.db.reading() as session:
        row = session.execute(
            select(Client).where(Client.chart_number == chart_number.strip())
        ).scalar_one_or_none()
        if row is None:
            raise NotFound(f"No client with chart number {chart_number.strip()!r}")
        return to_record(row)


def _chart_taken(session: Session, chart_number: str, other_than: int | None = None) -> None:
    """InputError when another client has this chart number, compared without regard to
    case (DEMO-0002 and demo-0002 are one number: search would show two clients)."""
    query = select(Client.chart_number).where(
        func.lower(Client.chart_number) == chart_number.lower()
    )
    if other_than is not None:
        query = query.where(Client.id != other_than)
    existing = session.execute(query.limit(1)).scalar_one_or_none()
    if existing is None:
        return
    if existing == chart_number:
        raise InputError(f"Chart number {chart_number} is already used by another client")
    raise InputError(
        f"Chart number {chart_number} is already used by another client as {existing} "
        "(chart numbers are compared without regard to case)"
    )


def chart_number_clashes(session: Session) -> list[tuple[str, ...]]:
    """Groups of chart numbers that differ only by case (from before they were refused),
    for `check` to report; nothing is changed."""
    lowered = func.lower(Client.chart_number)
    clashing = select(lowered).group_by(lowered).having(func.count(Client.id) > 1).scalar_subquery()
    rows = session.execute(
        select(Client.chart_number).where(lowered.in_(clashing)).order_by(lowered, Client.id)
    ).scalars()
    groups: dict[str, list[str]] = {}
    for chart in rows:
        groups.setdefault(chart.lower(), []).append(chart)
    return [tuple(group) for group in groups.values()]


def create_client(ctx: ServiceContext, data: ClientInput) -> ClientRecord:
    """Creates a client; a chart number already used (in any case) is refused."""
    ctx.actor.require("clients.write")
    data = data.validated()
    with ctx.db.session() as session:
        _chart_taken(session, data.chart_number)
        row = Client(**asdict(data))
        session.add(row)
        try:
            session.flush()
        except IntegrityError as exc:
            raise InputError(f"Chart number {data.chart_number} is already used") from exc
        record_event(
            session,
            ctx.actor,
            "client.create",
            entity="client",
            entity_id=row.id,
            client_id=row.id,
            detail={"after": asdict(data)},
        )
        return to_record(row)


def update_client(
    ctx: ServiceContext, client_id: int, data: ClientInput, *, expected_version: int | None = None
) -> ClientRecord:
    """Saves edits to a client; refused if someone else saved a newer version meanwhile."""
    ctx.actor.require("clients.write")
    data = data.validated()
    try:
        with ctx.db.session() as session:
            row = _load(session, client_id)
            if expected_version is not None and row.version != expected_version:
                raise ConflictError(
                    f"Client {row.chart_number} was changed by someone else; reopen to see it"
                )
            _chart_taken(session, data.chart_number, other_than=client_id)
            before = {name: getattr(row, name) for name in _INPUT_FIELDS}
            after = asdict(data)
            changed = {k: v for k, v in after.items() if before[k] != v}
            for name, value in changed.items():
                setattr(row, name, value)
            if changed:
                session.flush()
                record_event(
                    session,
                    ctx.actor,
                    "client.update",
                    entity="client",
                    entity_id=row.id,
                    client_id=row.id,
                    detail={"before": {k: before[k] for k in changed}, "after": changed},
                )
            return to_record(row)
    except StaleDataError as exc:
        raise ConflictError("The client was changed by someone else; reopen to see it") from exc


def archive_client(ctx: ServiceContext, client_id: int, archived: bool = True) -> ClientRecord:
    """Hides a client from the everyday list (nothing is deleted), or brings them back."""
    ctx.actor.require("clients.archive")
    with ctx.db.session() as session:
        row = _load(session, client_id)
        if row.archived != archived:
            row.archived = archived
            session.flush()
            record_event(
                session,
                ctx.actor,
                "client.archive" if archived else "client.unarchive",
                entity="client",
                entity_id=row.id,
                client_id=row.id,
            )
        return to_record(row)


def client_values(record: ClientRecord) -> dict[str, Any]:
    """A client as a JSON-ready dict (dates as ISO text)."""
    values = asdict(record)
    if record.date_of_birth:
        values["date_of_birth"] = record.date_of_birth.isoformat()
    return values
