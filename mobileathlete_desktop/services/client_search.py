"""Finding clients: the search box's words, answered through the search index.

A word matches when it is inside a client's family name, given name or chart number (folded:
no accents, any case), or, for digits and dashes, the date of birth; every word must match;
"Family, Given" puts the words before the comma in the family name. `_search_filter` says
that as conditions on the client table (a scan); the search sends the same conditions and
lets storage/search_index.py choose which rows are read (tests compare the two).
"""

from __future__ import annotations

import re
import threading
import time
import weakref
from collections import OrderedDict
from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Any, Literal

from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    Integer,
    Select,
    String,
    bindparam,
    cast,
    func,
    or_,
    select,
)

from mobileathlete_desktop.domain.records import ClientRecord
from mobileathlete_desktop.domain.search_text import SEPARATOR, fold
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.storage import search_index
from mobileathlete_desktop.storage.models import Client

SearchOrder = Literal["name", "chart", "born"]
_RECORD_COLUMNS = [
    c for c in Client.__table__.columns if c.name in {f.name for f in fields(ClientRecord)}
]
# Up to this many clients, the rarest word's clients are fetched by id and sorted; beyond it
# the list's order index is read (stopping at the page, at worst one pass over the index).
# At 50,000 clients, fetching and sorting 2,000 costs about one such pass (bench/large.py).
_DRIVE = 2_000


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


def _pattern(word: str, family_only: bool) -> str:
    # The stored key is "family␟given␟chart", folded: a word followed by two separators is in
    # the family name; otherwise anywhere (one LIKE a word, on any database).
    return f"%{_like(word)}%{SEPARATOR}%{SEPARATOR}%" if family_only else f"%{_like(word)}%"


def _may_be_a_date(word: str, family_only: bool) -> bool:
    return not family_only and bool(re.fullmatch(r"[\d-]{2,10}", word))


def _search_filter(
    stmt: Select[Any], text: str, include_archived: bool, archived_index: bool = True
) -> Select[Any]:
    """The search's meaning, as conditions on the client table: a scan of every client
    (the reference the indexed search is tested against)."""
    if not include_archived:
        stmt = stmt.where(Client.archived.is_(False))
    for word, family_only in _search_words(text):
        condition: ColumnElement[bool] = Client.search_text.like(
            _pattern(word, family_only), escape="\\"
        )
        if _may_be_a_date(word, family_only):
            condition = or_(condition, cast(Client.date_of_birth, String).like(f"%{word}%"))
        stmt = stmt.where(condition)
    return stmt


def _order_keys(order: SearchOrder) -> list[Any]:
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
    return [*keys, Client.id]


def _search_statement(
    text: str, include_archived: bool, order: SearchOrder = "name", descending: bool = False
) -> Select[Any]:
    """The scan's page: every client tested, sorted as the list shows them."""
    # Plain columns, not ORM entities: building thousands of identity-mapped objects per
    # keystroke was most of the search time at clinic scale (bench/).
    stmt = _search_filter(select(*_RECORD_COLUMNS), text, include_archived)
    return stmt.order_by(*(k.desc() if descending else k for k in _order_keys(order)))


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


def _probe(connection: Connection, word: _Word) -> int | None:
    """How many fragments a word too long to be counted has (an upper bound of its clients),
    or None beyond _DRIVE (too many to fetch by id)."""
    fragments = search_index.matching_ids(word.kinds, word.lookup).limit(_DRIVE + 1)
    found = int(
        connection.execute(select(func.count()).select_from(fragments.subquery())).scalar_one()
    )
    return None if found > _DRIVE else found


def _windows(lookup: str) -> list[str]:
    """The counted pieces of a word too long to be counted itself: every piece of
    COUNTED_LENGTH characters in it (a client holding the word holds each of them)."""
    size = search_index.COUNTED_LENGTH
    if len(lookup) <= size:
        return []
    return [lookup[i : i + size] for i in range(len(lookup) - size + 1)]


def _bound(got: dict[tuple[str, str], int], word: _Word) -> int | None:
    """For a word too long to be counted: its rarest counted piece's clients, an upper bound
    of its own, read with the other counts (no probe, one request fewer) when it is small
    enough to fetch by; None when it is not (the probe then counts the word's fragments)."""
    pieces = [got.get((word.count_kind, t)) for t in _windows(word.lookup)]
    known = [n for n in pieces if n is not None]
    least = min(known, default=None)
    return least if least is not None and least <= _DRIVE else None


@dataclass(frozen=True)
class _Plan:
    """How a search reads the clinic: through the index from its rarest word, or in order."""

    driver: _Word | None
    matches: int | None  # the search's exact count, when the index gives it in one read


def _plan(connection: Connection, text: str, include_archived: bool, *, count: bool) -> _Plan:
    """Chooses how to find the matches: through the rarest word's fragments when it has few
    clients (cost: their number), else in the list's order through its index, which holds
    the searched columns (cost: until a page matched; at worst one pass over the index, even
    when every match sorts last). The words' counts come from the count table in one read.
    With no words (or none the index can look up) there is nothing to choose: the count
    table is read only when `count` asks for the number of clients (the list's first page,
    at sign-in or when the search box is cleared, is one request on a clinic server, not
    two).
    """
    words = [_Word(w, f) for w, f in _search_words(text)]
    if not count and not any(w.lookup for w in words):
        return _Plan(None, None)  # no word to fetch by: nothing to choose
    every = (search_index.EVERY, "")
    asked = [every]
    for w in words:
        asked += [(w.count_kind, w.lookup), *((w.count_kind, t) for t in _windows(w.lookup))]
    got = search_index.counted(connection, asked, include_archived)
    if not words:
        return _Plan(None, got[every])
    counts: list[int | None] = []
    for word in words:
        if not word.lookup:
            counts.append(None)
        elif (word.count_kind, word.lookup) in got:
            counts.append(got[(word.count_kind, word.lookup)])
        else:
            bound = _bound(got, word)
            counts.append(_probe(connection, word) if bound is None else bound)
    first = words[0]
    exact = len(words) == 1 and first.exact and (first.count_kind, first.lookup) in got
    known = [(n, w) for n, w in zip(counts, words, strict=True) if n is not None]
    if not known:
        return _Plan(None, None)
    rarest, driver = min(known, key=lambda pair: pair[0])
    return _Plan(driver if rarest <= _DRIVE else None, counts[0] if exact else None)


PLAN_FRESH_S = 30.0
"""How long a search's plan is used again for the same words, or for words typed on from
them, instead of reading the count table first (one request fewer per keystroke)."""
_PLANS_KEPT = 64
_PLANS: weakref.WeakKeyDictionary[Engine, OrderedDict[tuple[bool, str], tuple[float, _Plan]]] = (
    weakref.WeakKeyDictionary()
)
_PLANS_LOCK = threading.Lock()


def _remember_plan(engine: Engine, text: str, include_archived: bool, plan: _Plan) -> None:
    with _PLANS_LOCK:
        plans = _PLANS.setdefault(engine, OrderedDict())
        plans[(include_archived, text)] = (time.monotonic(), plan)
        plans.move_to_end((include_archived, text))
        while len(plans) > _PLANS_KEPT:
            plans.popitem(last=False)


def _known_plan(engine: Engine, text: str, include_archived: bool) -> _Plan | None:
    """A plan for `text` without reading the count table, when one read moments ago holds:
    the same words' (a key typed back), or, for words typed on from an earlier search's
    (each word as it was or continued at its end, or words added after them), that search's
    driver continued as typed. A continued word is held by no more clients than the word it
    continues (its fragments are among the word's), so a driver that was rare enough still is;
    words added only narrow the matches. The plan chooses which rows are read, never which
    match: one the clinic's changes made stale costs time, not a wrong list."""
    now = time.monotonic()
    with _PLANS_LOCK:
        plans = list((_PLANS.get(engine) or {}).items())
    words = [_Word(w, f) for w, f in _search_words(text)]
    for (archived, typed), (when, plan) in reversed(plans):
        if archived != include_archived or now - when > PLAN_FRESH_S:
            continue
        if typed == text:
            return plan
        continued = _continued(plan, [_Word(w, f) for w, f in _search_words(typed)], words)
        if continued is not None:
            return continued
    return None


def _continued(plan: _Plan, before: list[_Word], words: list[_Word]) -> _Plan | None:
    """`plan` (for the words `before`) carried over to `words` typed on from them, or None
    when it does not carry (no driver, or the words are not a continuation)."""
    driver = plan.driver
    if driver is None or not before or len(words) < len(before):
        return None
    moved: _Word | None = None
    for old, new in zip(before, words, strict=False):
        if old.family_only != new.family_only or old.kinds != new.kinds:
            return None
        if not new.lookup.startswith(old.lookup) or not old.lookup:
            return None
        if old == driver and moved is None:
            moved = new
    if moved is None:
        return None
    return _Plan(moved, None)


@lru_cache(maxsize=256)
def _indexed_statement(
    shape: tuple[tuple[bool, bool], ...],
    include_archived: bool,
    driver: tuple[str, ...] | None,
    page: tuple[SearchOrder, bool, int | None, int] | None,
) -> Select[Any]:
    """The search's statement for words of this shape ((family only, may be a date) each),
    its values left as parameters: built once per shape, not per keystroke (building and
    keying a statement cost as much as the database's answer). `driver`: the fragment kinds
    the rarest word is fetched through; `page`: (order, descending, limit, offset), or None
    for the count."""
    stmt = select(*_RECORD_COLUMNS) if page is not None else select(func.count(Client.id))
    if not include_archived:
        # Fetching by id, the archived test is worded so that no index serves it (CAST):
        # SQLite, without statistics, would otherwise walk every everyday client in name
        # order and test each against the word's few clients.
        stmt = stmt.where(
            Client.archived.is_(False) if driver is None else cast(Client.archived, Integer) == 0
        )
    for i, (_family_only, may_be_a_date) in enumerate(shape):
        condition: ColumnElement[bool] = Client.search_text.like(
            bindparam(f"w{i}", type_=String), escape="\\"
        )
        if may_be_a_date:
            born = cast(Client.date_of_birth, String).like(bindparam(f"d{i}", type_=String))
            condition = or_(condition, born)
        stmt = stmt.where(condition)
    if driver is not None:
        fragment = search_index.ClientSearchFragment
        stmt = stmt.where(
            Client.id.in_(
                select(fragment.client_id).where(
                    fragment.kind.in_(driver),
                    fragment.fragment >= bindparam("low", type_=String),
                    fragment.fragment < bindparam("high", type_=String),
                )
            )
        )
    if page is None:
        return stmt
    order, descending, limit, offset = page
    stmt = stmt.order_by(*(k.desc() if descending else k for k in _order_keys(order)))
    if limit is not None:
        stmt = stmt.limit(limit)
    return stmt.offset(offset) if offset else stmt


def _run(
    connection: Connection,
    text: str,
    include_archived: bool,
    plan: _Plan,
    page: tuple[SearchOrder, bool, int | None, int] | None,
) -> Any:
    shape, values = _word_values(text)
    driver = plan.driver
    if driver is not None:
        values["low"], values["high"] = search_index.prefix_range(driver.lookup)
    stmt = _indexed_statement(shape, include_archived, driver.kinds if driver else None, page)
    return connection.execute(stmt, values)


def _word_values(text: str) -> tuple[tuple[tuple[bool, bool], ...], dict[str, Any]]:
    """The words' shape for `_indexed_statement` and the values of their parameters."""
    words = _search_words(text)
    values: dict[str, Any] = {}
    for i, (word, family_only) in enumerate(words):
        values[f"w{i}"] = _pattern(word, family_only)
        if _may_be_a_date(word, family_only):
            values[f"d{i}"] = f"%{word}%"
    return tuple((f, _may_be_a_date(w, f)) for w, f in words), values


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
    from mobileathlete_desktop.services import client_search_server as server  # reads this one

    ctx.actor.require("clients.read")
    engine = ctx.db.engine
    with ctx.db.reading() as session:
        connection = session.connection()  # Core: the rows are plain columns, not objects
        plan = _known_plan(engine, text, include_archived)
        page = (order, descending, limit, offset)
        if plan is None and server.applies(connection) and server.decides(text):
            # A clinic server: the counts and the page they choose in one request.
            plan, records = server.first_page(session, text, include_archived, page)
            _remember_plan(engine, text, include_archived, plan)
            return records
        if plan is None:
            plan = _plan(connection, text, include_archived, count=False)
            _remember_plan(engine, text, include_archived, plan)
        rows = _run(connection, text, include_archived, plan, page)
        return [ClientRecord(**row._asdict()) for row in rows]


def count_clients(ctx: ServiceContext, text: str = "", *, include_archived: bool = True) -> int:
    """How many clients a search finds (all of the clinic's, archived included, by default)."""
    ctx.actor.require("clients.read")
    with ctx.db.reading() as session:
        connection = session.connection()
        plan = _plan(connection, text, include_archived, count=True)
        if plan.matches is not None:
            return plan.matches
        return int(_run(connection, text, include_archived, plan, None).scalar_one())
