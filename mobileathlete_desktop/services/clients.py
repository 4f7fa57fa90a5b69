"""Finding, creating, editing and archiving clients."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, fields, replace
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from mobileathlete_desktop.domain.records import CLIENT_SEXES, COMPLAINT_CODES, ClientRecord
from mobileathlete_desktop.domain.validation import (
    NAME_LENGTH,
    TITLE_LENGTH,
    InvalidValue,
    name_problem,
)
from mobileathlete_desktop.services.audit import record_event
from mobileathlete_desktop.services.client_search import SearchOrder as SearchOrder
from mobileathlete_desktop.services.client_search import count_clients as count_clients
from mobileathlete_desktop.services.client_search import search_clients as search_clients
from mobileathlete_desktop.services.context import (
    ConflictError,
    InputError,
    NotFound,
    ServiceContext,
    refusal,
)
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
    complaint_code: str = ""  # domain.records.COMPLAINT_CODES, "" when not coded

    def problems(self, today: date | None = None) -> dict[str, str]:
        """Field name → what is wrong with it (English); empty when the input can be saved."""
        return {name: str(problem) for name, problem in self.refusals(today).items()}

    def refusals(self, today: date | None = None) -> dict[str, InvalidValue]:
        """Field name → the domain's refusal of it (its `kind` names the rule, for a window to
        say it in its own language); empty when the input can be saved."""
        found: dict[str, InvalidValue] = {}
        today = today or date.today()
        chart = self.chart_number.strip()
        if not chart:
            found["chart_number"] = _required("Chart number")
        elif not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._/-]{0,39}", chart):
            found["chart_number"] = InvalidValue(
                "Chart number: letters, digits, - . / _ only (max 40)",
                kind="chart_number_form",
                what="Chart number",
                text=chart,
            )
        if not self.given_name.strip():
            found["given_name"] = _required("Given name")
        if not self.family_name.strip():
            found["family_name"] = _required("Family name")
        for name, (what, limit) in _ONE_LINE_FIELDS.items():
            problem = name_problem(getattr(self, name), what, limit)
            if problem and name not in found:
                found[name] = problem
        if self.date_of_birth is not None:
            born = self.date_of_birth.isoformat()
            if self.date_of_birth > today:
                found["date_of_birth"] = InvalidValue(
                    "Date of birth is in the future",
                    kind="future_date",
                    what="Date of birth",
                    text=born,
                )
            elif self.date_of_birth.year < 1900:
                found["date_of_birth"] = InvalidValue(
                    "Date of birth is before 1900",
                    kind="before_1900",
                    what="Date of birth",
                    text=born,
                )
        if self.sex not in CLIENT_SEXES:
            found["sex"] = InvalidValue("Sex must be female, male, other or unknown")
        if self.complaint_code not in ("", *COMPLAINT_CODES):
            found["complaint_code"] = InvalidValue(
                "Complaint code must be one of " + ", ".join(COMPLAINT_CODES) + " (or empty)"
            )
        if self.dominant_leg not in ("left", "right", "unknown"):
            found["dominant_leg"] = InvalidValue("Dominant leg must be left, right or unknown")
        for name, what, high, unit in (
            ("weekly_distance_km", "Weekly distance", 400, "km"),
            ("years_running", "Years running", 90, ""),
        ):
            value = getattr(self, name)
            if value is not None and not 0 <= value <= high:
                found[name] = InvalidValue(
                    f"{what} must be 0–{high}{' ' + unit if unit else ''}",
                    kind="range",
                    what=what,
                    value=value,
                    low=0,
                    high=high,
                    unit=unit,
                )
        email = self.email.strip()
        if self.email and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", email):
            found["email"] = InvalidValue(
                "Email address is not valid", kind="not_an_email", what="Email address", text=email
            )
        return found

    def validated(self) -> ClientInput:
        """The input trimmed, or InputError naming every problem (raised from the first
        refusal, which a window says in its own language)."""
        problems = self.refusals()
        if problems:
            error = InputError("; ".join(map(str, problems.values())))
            raise error from next(iter(problems.values()))
        cleaned: dict[str, Any] = {n: one_line(getattr(self, n)) for n in _ONE_LINE_FIELDS}
        return replace(self, chart_number=self.chart_number.strip(), **cleaned)


def _required(what: str) -> InvalidValue:
    return InvalidValue(f"{what} is required", kind="required", what=what)


_INPUT_FIELDS = [f.name for f in fields(ClientInput)]


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
        complaint_code=row.complaint_code,
    )


def input_from_record(record: ClientRecord) -> ClientInput:
    """The editable fields of an existing client (to pre-fill a form)."""
    values = asdict(record)
    return ClientInput(**{name: values[name] for name in _INPUT_FIELDS})


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
        raise refusal(
            f"Chart number {chart_number} is already used by another client",
            "chart_number_taken",
            what="Chart number",
            text=chart_number,
        )
    raise refusal(
        f"Chart number {chart_number} is already used by another client as {existing} "
        "(chart numbers are compared without regard to case)",
        "chart_number_taken_as",
        what="Chart number",
        text=chart_number,
        existing=existing,
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
            # Raised from its InvalidValue (the rule, for the window), itself raised from exc.
            raise refusal(  # noqa: B904
                f"Chart number {data.chart_number} is already used",
                "chart_number_taken",
                what="Chart number",
                text=data.chart_number,
                cause=exc,
            )
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
                said = f"Client {row.chart_number} was changed by someone else; reopen to see it"
                conflict = ConflictError(said)
                # The rule, for a window to say it in its own language (ui/refusals).
                conflict.__cause__ = InvalidValue(
                    said, kind="client_changed", chart=row.chart_number
                )
                raise conflict
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
        said = "The client was changed by someone else; reopen to see it"
        stale = InvalidValue(said, kind="client_changed_unnamed")
        stale.__cause__ = exc
        raise ConflictError(said) from stale


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
