"""A search's first page on a clinic server in one request: the counts and the page together.

A search with no plan kept (services.client_search._known_plan: a new word, or a word too
common to fetch by, typed on) reads the count table to choose which way to fetch (through
its rarest word's fragments, or in the list's order), then the page that way: two waits on a
clinic LAN. Here the choice is made on the server by the same rule: each candidate way's page
is sent gated by the words' counts (scalar subqueries: PostgreSQL evaluates such a condition
once, before the plan under it, and runs nothing under it when it is false), beside the read
of those counts, in one request and one snapshot (storage.server_pipeline.read_in_one_snapshot:
the counts the gates read are the counts the program reads). Exactly one page runs on the
server; the counts give the plan the next keystrokes type on from.

The rule is `client_search._plan`'s: a word's rarity is its clients in the count table; for a
word too long to be counted, its rarest counted piece's when that is few enough to fetch by,
else its fragments counted up to one past the limit; the rarest word (the first of equals)
drives when it has at most `_DRIVE` clients. Any count above `_DRIVE` means the same ("too
many"), so the probe's cap stands for every larger figure. The plan chooses which rows are
read, never which match: every gated page holds all the search's conditions.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, Integer, and_, bindparam, case, func, select
from sqlalchemy.orm import Session

from mobileathlete_desktop.domain.records import ClientRecord
from mobileathlete_desktop.services import client_search as cs
from mobileathlete_desktop.services.errors import sent_on
from mobileathlete_desktop.storage import search_index
from mobileathlete_desktop.storage.server_pipeline import read_in_one_snapshot

Page = tuple[cs.SearchOrder, bool, int | None, int]
# How the index reads a word: None (nothing to look up), "counted" (its own count), or the
# number of counted pieces of a longer word with the fragment kinds its probe reads.
Rarity = None | str | tuple[int, tuple[str, ...]]


def applies(connection: Connection) -> bool:
    """Whether this connection reaches a clinic server (PostgreSQL)."""
    return connection.dialect.name == "postgresql"


def decides(text: str) -> bool:
    """Whether a search has a way to choose (a word the index can look up); without one its
    page is read in the list's order, one request as it is."""
    return any(w.lookup for w in (cs._Word(t, f) for t, f in cs._search_words(text)))


def _rarity(word: cs._Word) -> Rarity:
    if not word.lookup:
        return None
    windows = cs._windows(word.lookup)
    return (len(windows), word.kinds) if windows else "counted"


@lru_cache(maxsize=256)
def _rarities(rarity: tuple[Rarity, ...], include_archived: bool) -> tuple[Any, ...]:
    """Each word's rarity as an expression over the count table (None: no candidate)."""
    drive = bindparam("drive", type_=Integer)
    found: list[Any] = []
    for k, how in enumerate(rarity):
        if how is None:
            found.append(None)
        elif how == "counted":
            found.append(search_index.clients_holding(f"ck{k}", f"ct{k}", include_archived))
        else:
            assert isinstance(how, tuple)
            pieces, kinds = how
            held = [
                search_index.clients_holding(f"ck{k}", f"ct{k}_{j}", include_archived)
                for j in range(pieces)
            ]
            least = func.least(*held)
            probe = search_index.fragments_up_to(kinds, f"pl{k}", f"ph{k}", "most")
            found.append(case((least <= drive, least), else_=probe))
    return tuple(found)


@lru_cache(maxsize=256)
def _counts_statement(rarity: tuple[Rarity, ...], include_archived: bool) -> Any:
    """The words' rarities, one column each (the candidates only)."""
    return select(*(e for e in _rarities(rarity, include_archived) if e is not None))


@lru_cache(maxsize=512)
def _gated_page(
    shape: tuple[tuple[bool, bool], ...],
    rarity: tuple[Rarity, ...],
    include_archived: bool,
    driver: int | None,
    kinds: tuple[str, ...] | None,
    page: Page,
) -> Any:
    """The page read through word `driver`'s fragments of `kinds` (None: in the list's
    order), run only when the rule chooses that way."""
    drive = bindparam("drive", type_=Integer)
    seen = _rarities(rarity, include_archived)
    candidates = [k for k, e in enumerate(seen) if e is not None]
    if driver is None:
        gate = [seen[j] > drive for j in candidates]
    else:
        own = seen[driver]
        gate = [own <= drive]
        gate += [seen[j] > own for j in candidates if j < driver]
        gate += [seen[j] >= own for j in candidates if j > driver]
    stmt = cs._indexed_statement(shape, include_archived, kinds, page)
    return stmt.where(and_(*gate)) if gate else stmt


def first_page(
    session: Session, text: str, include_archived: bool, page: Page
) -> tuple[cs._Plan, list[ClientRecord]]:
    """The search's page (its rows as `search_clients` gives them) and the plan the server
    chose by, in one request, in the read unit `session`."""
    words = [cs._Word(w, f) for w, f in cs._search_words(text)]
    rarity = tuple(_rarity(w) for w in words)
    shape, values = cs._word_values(text)
    drive = cs._DRIVE
    values["drive"], values["most"] = drive, drive + 1
    for k, (word, how) in enumerate(zip(words, rarity, strict=True)):
        if how is None:
            continue
        values[f"ck{k}"] = word.count_kind
        if how == "counted":
            values[f"ct{k}"] = word.lookup
        else:
            for j, piece in enumerate(cs._windows(word.lookup)):
                values[f"ct{k}_{j}"] = piece
            values[f"pl{k}"], values[f"ph{k}"] = search_index.prefix_range(word.lookup)
    candidates = [k for k, how in enumerate(rarity) if how is not None]
    statements: list[tuple[Any, dict[str, Any]]] = []
    if candidates:
        statements.append((_counts_statement(rarity, include_archived), values))
    ways: list[int | None] = [None, *candidates]
    for way in ways:
        these, kinds = values, None
        if way is not None:
            these, kinds = dict(values), words[way].kinds
            these["low"], these["high"] = search_index.prefix_range(words[way].lookup)
        stmt = _gated_page(shape, rarity, include_archived, way, kinds, page)
        statements.append((stmt, these))
    found = _read(session, statements)
    pages = found[1:] if candidates else found
    rows = [row for rows in pages for row in rows]  # one way ran: the others read nothing
    names = [c.name for c in cs._RECORD_COLUMNS]
    records = [ClientRecord(**dict(zip(names, row, strict=True))) for row in rows]
    chosen: cs._Word | None = None
    if candidates:
        counts = [min(int(n), drive + 1) for n in found[0][0]]
        rarest = min(counts)
        if rarest <= drive:
            chosen = words[candidates[counts.index(rarest)]]
    return cs._Plan(chosen, None), records


def _read(session: Session, statements: list[tuple[Any, dict[str, Any]]]) -> list[list[Any]]:
    """The statements' rows; a driver error said as the StorageError it means."""
    return sent_on(session, lambda conn: read_in_one_snapshot(conn, statements))
