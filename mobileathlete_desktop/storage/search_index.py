"""The client search index: every word's suffixes, and how many clients hold each short text.

Search matches a typed word anywhere inside a name, a chart number or a date of birth
(LIKE '%word%'), which no B-tree can answer. Two tables make it one: each word's suffixes
(`client_search_fragment`), so that "a word contains w" becomes "one of its suffixes starts
with w", a range on the index (fragment >= w AND fragment < w + 1); and, for every text of up
to COUNTED_LENGTH characters found inside a client's words, how many clients hold it
(`client_search_count`), so that the list's "27,697 clients" for a one-letter search is one
row read instead of a count over the clinic. Both are plain tables with B-tree indexes: the
same on SQLite and PostgreSQL, and nothing to install on a clinic server (pg_trgm needs an
extension the program's login may not create).

They are kept in step with the client table in the same transaction as every write through
the ORM (after_insert / after_update below: create, edit, archive, restore, import, demo);
writes that bypass the ORM (the migration, bench/build.py) fill them with `index_rows`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    DDL,
    Boolean,
    Connection,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    and_,
    bindparam,
    delete,
    event,
    func,
    insert,
    inspect,
    or_,
    select,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Mapped, Session, mapped_column
from sqlalchemy.sql.functions import FunctionElement

from mobileathlete_desktop.domain.search_text import fold
from mobileathlete_desktop.storage.models import Base, Client

FRAGMENT_LENGTH = 40
COUNTED_LENGTH = 8
"""Texts of up to this many characters have their clients counted (longer words match few)."""

# Fragment kinds: which field a suffix comes from.
FAMILY, GIVEN, CHART, BORN = "f", "g", "c", "d"
NAME_KINDS = (FAMILY, GIVEN, CHART)
DATE_KINDS = (FAMILY, GIVEN, CHART, BORN)
# Count kinds: the family name alone, names and chart number, and those with the birth date.
IN_FAMILY, IN_NAMES, IN_NAMES_OR_BORN = "f", "n", "a"
EVERY = "t"
"""The count kind of the empty text: every client."""
DATE_WORD = re.compile(r"[0-9-]{2,10}")
"""A typed word that may be part of a date of birth (stored as YYYY-MM-DD)."""


class ClientSearchFragment(Base):
    """One suffix of one word of a client's family name, given name, chart number or birth date."""

    __tablename__ = "client_search_fragment"
    __table_args__ = {"sqlite_with_rowid": False}

    kind: Mapped[str] = mapped_column(String(1), primary_key=True)
    fragment: Mapped[str] = mapped_column(String(FRAGMENT_LENGTH), primary_key=True)
    client_id: Mapped[int] = mapped_column(
        ForeignKey("client.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class ClientSearchCount(Base):
    """How many clients (archived or not) hold a short text inside their words."""

    __tablename__ = "client_search_count"
    __table_args__ = {"sqlite_with_rowid": False}

    kind: Mapped[str] = mapped_column(String(1), primary_key=True)
    text: Mapped[str] = mapped_column(String(COUNTED_LENGTH), primary_key=True)
    archived: Mapped[bool] = mapped_column(Boolean, primary_key=True)
    clients: Mapped[int] = mapped_column(Integer, default=0)


class sort_text(FunctionElement[str]):
    """A name as the list sorts it, ignoring case: lower(x) on PostgreSQL; on SQLite, whose
    lower() folds only A-Z, the same order as x COLLATE NOCASE, which an index can serve."""

    type = String()
    name = "sort_text"
    inherit_cache = True


@compiles(sort_text)
def _sort_text(element: sort_text, compiler: Any, **kw: Any) -> str:
    return f"lower({compiler.process(element.clauses, **kw)})"


@compiles(sort_text, "sqlite")
def _sort_text_sqlite(element: sort_text, compiler: Any, **kw: Any) -> str:
    return f'{compiler.process(element.clauses, **kw)} COLLATE "NOCASE"'


# The list's orders, everyday (not archived) clients first, each holding what the search's
# conditions read (search_text, date_of_birth): a search matching thousands reads the index in
# the list's order and stops at the first page, testing each entry without reading its row,
# so even a word whose matches all sort last costs one pass over a narrow index, never a
# table lookup per client. SQLite indexes the names with NOCASE (plain columns, which Alembic
# can compare); PostgreSQL the lower() expressions, created beside the table.
ORDER_INDEXES: dict[str, tuple[str, ...]] = {
    "ix_client_name_order": ("archived", "family_name*", "given_name*", "id"),
    "ix_client_chart_order": ("archived", "chart_number*", "id"),
}
SEARCHED = ("search_text", "date_of_birth")
for _name, _columns in ORDER_INDEXES.items():
    Index(
        _name,
        *(
            Client.__table__.c[c[:-1]].collate("NOCASE")
            if c.endswith("*")
            else Client.__table__.c[c]
            for c in (*_columns, *SEARCHED)
        ),
    ).ddl_if(dialect="sqlite")
ORDER_INDEXES_POSTGRESQL = [
    f"CREATE INDEX {name} ON client "
    f"({', '.join(f'lower({c[:-1]})' if c.endswith('*') else c for c in columns)}) "
    f"INCLUDE ({', '.join(SEARCHED)})"
    for name, columns in ORDER_INDEXES.items()
]
for _statement in ORDER_INDEXES_POSTGRESQL:
    event.listen(
        Client.__table__,
        "after_create",
        DDL(_statement).execute_if(dialect="postgresql"),  # type: ignore[no-untyped-call]
    )
Index(
    "ix_client_born_order",
    Client.archived,
    Client.date_of_birth,
    Client.id,
    Client.search_text,
)


def index_form(text: str) -> str:
    """Text as the index holds it: folded (no accents, lower case)."""
    return fold(text).lower()


def _words(text: str) -> list[str]:
    return index_form(text).split()


@lru_cache(maxsize=65_536)
def _word_substrings(word: str) -> frozenset[str]:
    # Names repeat across a clinic: a bulk fill computes each word's texts once.
    return frozenset(
        word[start:end]
        for start in range(len(word))
        for end in range(start + 1, min(len(word), start + COUNTED_LENGTH) + 1)
    )


def _substrings(words: Iterable[str]) -> set[str]:
    found: set[str] = set()
    for word in words:
        found |= _word_substrings(word)
    return found


@dataclass(frozen=True)
class ClientTerms:
    """What one client puts into the index."""

    fragments: frozenset[tuple[str, str]]  # (kind, suffix)
    counted: frozenset[tuple[str, str]]  # (count kind, text)


def _fields(family: str, given: str, chart: str, born: date | str | None) -> dict[str, list[str]]:
    born_text = born.isoformat() if isinstance(born, date) else (born or "")
    return {
        FAMILY: _words(family),
        GIVEN: _words(given),
        CHART: _words(chart),
        BORN: born_text.split(),
    }


def _fragments(fields: dict[str, list[str]]) -> set[tuple[str, str]]:
    return {
        (kind, word[start:][:FRAGMENT_LENGTH])
        for kind, words in fields.items()
        for word in words
        for start in range(len(word))
    }


def _counted_texts(fields: dict[str, list[str]]) -> dict[str, set[str]]:
    """Count kind → the texts a client holds in it."""
    family_texts = _substrings(fields[FAMILY])
    name_texts = family_texts | _substrings(fields[GIVEN] + fields[CHART])
    return {
        EVERY: {""},
        IN_FAMILY: family_texts,
        IN_NAMES: name_texts,
        IN_NAMES_OR_BORN: name_texts | _substrings(fields[BORN]),
    }


def client_terms(family: str, given: str, chart: str, born: date | str | None) -> ClientTerms:
    """The index entries of a client with these fields."""
    fields = _fields(family, given, chart, born)
    counted = {(kind, t) for kind, texts in _counted_texts(fields).items() for t in texts}
    return ClientTerms(frozenset(_fragments(fields)), frozenset(counted))


def index_rows(
    clients: Iterable[tuple[int, str, str, str, date | str | None, bool]],
) -> tuple[Iterator[dict[str, Any]], list[dict[str, Any]]]:
    """The rows of both tables for clients given as (id, family, given, chart, born, archived),
    for a bulk fill: the fragment rows (lazily, in client order) and the count rows."""
    counts: dict[tuple[str, bool], Counter[str]] = {}
    fragment_lists: list[tuple[int, set[tuple[str, str]]]] = []
    for client_id, family, given, chart, born, archived in clients:
        fields = _fields(family, given, chart, born)
        fragment_lists.append((client_id, _fragments(fields)))
        for kind, texts in _counted_texts(fields).items():
            counts.setdefault((kind, bool(archived)), Counter()).update(texts)

    def fragments() -> Iterator[dict[str, Any]]:
        for client_id, found in fragment_lists:
            for kind, fragment in found:
                yield {"kind": kind, "fragment": fragment, "client_id": client_id}

    count_rows = [
        {"kind": kind, "text": text, "archived": archived, "clients": n}
        for (kind, archived), counter in counts.items()
        for text, n in counter.items()
    ]
    return fragments(), count_rows


# --- reading ----------------------------------------------------------------------------


def prefix_range(text: str) -> tuple[str, str]:
    """Low (included) and high (excluded) bounds of the fragments that start with `text`."""
    text = text[:FRAGMENT_LENGTH]
    return text, text[:-1] + chr(ord(text[-1]) + 1)


def lookup_text(word: str) -> str:
    """What of a typed word the index can look up: its longest piece between spaces once
    folded (a folded word can hold one: "¨"), or "" when none is left."""
    pieces = index_form(word).split()
    return max(pieces, key=len) if pieces else ""


@lru_cache(maxsize=32)
def _count_statement(texts: int, include_archived: bool) -> Any:
    """The count table's read for that many (kind, text) pairs, built once (it is sent at
    every keystroke; building a statement costs more than the database's answer)."""
    table = ClientSearchCount
    stmt = (
        select(table.kind, table.text, func.sum(table.clients))
        .where(
            or_(
                *(
                    and_(table.kind == bindparam(f"k{i}"), table.text == bindparam(f"t{i}"))
                    for i in range(texts)
                )
            )
        )
        .group_by(table.kind, table.text)
    )
    return stmt if include_archived else stmt.where(table.archived.is_(False))


def counted(
    connection: Connection, wanted: Iterable[tuple[str, str]], include_archived: bool
) -> dict[tuple[str, str], int]:
    """How many clients hold each (kind, text) asked, in one read of the count table; texts
    longer than COUNTED_LENGTH are not counted (left out of the answer). (EVERY, "") is the
    number of clients."""
    asked = sorted({(k, t) for k, t in wanted if len(t) <= COUNTED_LENGTH and (t or k == EVERY)})
    if not asked:
        return {}
    values = {}
    for i, (kind, text) in enumerate(asked):
        values[f"k{i}"], values[f"t{i}"] = kind, text
    found = dict.fromkeys(asked, 0)
    for kind, text, clients in connection.execute(
        _count_statement(len(asked), include_archived), values
    ):
        found[(kind, text)] = int(clients or 0)
    return found


def clients_holding(kind: str, text: str, include_archived: bool) -> Any:
    """`counted`'s read for one text as a scalar subquery (0 when no client holds it): how
    many clients hold the text bound to the parameter named `text` in the count kind bound to
    `kind`, for a statement that decides on the server which way to read (a search's first
    page on a clinic server, services/client_search_server.py)."""
    table = ClientSearchCount
    stmt = select(func.coalesce(func.sum(table.clients), 0)).where(
        table.kind == bindparam(kind, type_=String), table.text == bindparam(text, type_=String)
    )
    if not include_archived:
        stmt = stmt.where(table.archived.is_(False))
    return stmt.scalar_subquery()


def fragments_up_to(kinds: Iterable[str], low: str, high: str, most: str) -> Any:
    """How many fragments in `kinds` lie in the range bound to the parameters named `low` and
    `high`, counting no further than the number bound to `most`, as a scalar subquery (the
    search's probe of a word too long to be counted, decided on the server)."""
    fragment = ClientSearchFragment
    found = (
        select(fragment.client_id)
        .where(
            fragment.kind.in_(list(kinds)),
            fragment.fragment >= bindparam(low, type_=String),
            fragment.fragment < bindparam(high, type_=String),
        )
        .limit(bindparam(most, type_=Integer))
    )
    return select(func.count()).select_from(found.subquery()).scalar_subquery()


def matching_ids(kinds: Iterable[str], text: str) -> Any:
    """SELECT client_id of every client with a word containing `text` in one of `kinds`."""
    low, high = prefix_range(text)
    kinds = list(kinds)
    return select(ClientSearchFragment.client_id).where(
        ClientSearchFragment.kind.in_(kinds),
        ClientSearchFragment.fragment >= low,
        ClientSearchFragment.fragment < high,
    )


# --- keeping it in step -----------------------------------------------------------------

_INDEXED = ("family_name", "given_name", "chart_number", "date_of_birth", "archived")


def _old(client: Client, name: str) -> Any:
    history = inspect(client).attrs[name].history
    return history.deleted[0] if history.deleted else getattr(client, name)


def _terms(values: dict[str, Any]) -> ClientTerms:
    return client_terms(
        values["family_name"] or "",
        values["given_name"] or "",
        values["chart_number"] or "",
        values["date_of_birth"],
    )


def _add_counts(connection: Connection, deltas: Counter[tuple[str, str, bool]]) -> None:
    rows = [
        {"kind": k, "text": t, "archived": a, "clients": n}
        for (k, t, a), n in sorted(deltas.items())  # one order: no deadlock between writers
        if n
    ]
    if not rows:
        return
    if connection.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as upsert
    else:
        from sqlalchemy.dialects.sqlite import insert as upsert  # type: ignore[assignment]
    stmt = upsert(ClientSearchCount)
    stmt = stmt.on_conflict_do_update(
        index_elements=["kind", "text", "archived"],
        set_={"clients": ClientSearchCount.clients + stmt.excluded.clients},
    )
    connection.execute(stmt, rows)


def reindex_client(
    connection: Connection,
    client_id: int,
    before: dict[str, Any] | None,
    after: dict[str, Any],
) -> None:
    """Brings one client's index entries from `before` (None: a new client) to `after`."""
    old = _terms(before) if before is not None else ClientTerms(frozenset(), frozenset())
    new = _terms(after)
    table = ClientSearchFragment.__table__
    assert isinstance(table, Table)
    gone = old.fragments - new.fragments
    if gone:
        connection.execute(
            delete(table).where(
                table.c.kind == bindparam("k"),
                table.c.fragment == bindparam("f"),
                table.c.client_id == client_id,
            ),
            [{"k": k, "f": f} for k, f in sorted(gone)],
        )
    added = new.fragments - old.fragments
    if added:
        connection.execute(
            insert(table),
            [{"kind": k, "fragment": f, "client_id": client_id} for k, f in sorted(added)],
        )
    deltas: Counter[tuple[str, str, bool]] = Counter()
    was = bool(before["archived"]) if before is not None else False
    now = bool(after["archived"])
    for kind, text in old.counted:
        deltas[(kind, text, was)] -= 1
    for kind, text in new.counted:
        deltas[(kind, text, now)] += 1
    _add_counts(connection, deltas)


@event.listens_for(Client, "after_insert")
def _client_added(_mapper: Any, connection: Connection, client: Client) -> None:
    values = {name: getattr(client, name) for name in _INDEXED}
    reindex_client(connection, client.id, None, values)


@event.listens_for(Client, "after_update")
def _client_changed(_mapper: Any, connection: Connection, client: Client) -> None:
    state = inspect(client)
    if not any(state.attrs[name].history.has_changes() for name in _INDEXED):
        return
    before = {name: _old(client, name) for name in _INDEXED}
    after = {name: getattr(client, name) for name in _INDEXED}
    reindex_client(connection, client.id, before, after)


def index_problems(session: Session) -> list[str]:
    """How the stored index differs from the one the clients make (empty when in step)."""
    clients = session.execute(
        select(
            Client.id,
            Client.family_name,
            Client.given_name,
            Client.chart_number,
            Client.date_of_birth,
            Client.archived,
        )
    ).all()
    fragments, counts = index_rows((r[0], r[1], r[2], r[3], r[4], r[5]) for r in clients)
    want_fragments = {(r["kind"], r["fragment"], r["client_id"]) for r in fragments}
    want_counts = {(r["kind"], r["text"], r["archived"]): r["clients"] for r in counts}
    have_fragments = {
        (k, f, c)
        for k, f, c in session.execute(
            select(
                ClientSearchFragment.kind,
                ClientSearchFragment.fragment,
                ClientSearchFragment.client_id,
            )
        )
    }
    have_counts = {
        (k, t, bool(a)): n
        for k, t, a, n in session.execute(
            select(
                ClientSearchCount.kind,
                ClientSearchCount.text,
                ClientSearchCount.archived,
                ClientSearchCount.clients,
            ).where(ClientSearchCount.clients != 0)
        )
    }
    problems = []
    if want_fragments != have_fragments:
        problems.append(
            f"client search index: {len(want_fragments - have_fragments)} fragments missing, "
            f"{len(have_fragments - want_fragments)} left over"
        )
    if want_counts != have_counts:
        wrong = {
            k
            for k in want_counts.keys() | have_counts.keys()
            if want_counts.get(k) != have_counts.get(k)
        }
        problems.append(f"client search index: {len(wrong)} counts wrong, e.g. {sorted(wrong)[:3]}")
    return problems
