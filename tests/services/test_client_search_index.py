"""The client search index finds exactly what a scan of every client finds, and follows every
write (create, edit, archive, restore, import, demo), on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from mobileathlete_desktop.services import client_search, clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.demo import create_demo_clinic
from mobileathlete_desktop.services.imports import import_assessments, import_clients
from mobileathlete_desktop.storage.models import Client
from mobileathlete_desktop.storage.search_index import index_problems

# (chart, given, family, born, archived): accents, ß/ø/ł, case, spaces, apostrophes, hyphens,
# LIKE's wildcards, chart numbers in mixed case, shared prefixes, dates that share digits.
PEOPLE = [
    ("S-1", "Nicolás", "Peñalver", date(1990, 1, 1), False),
    ("S-2", "Nicolas", "Dubois", date(1985, 7, 19), False),
    ("s-3", "Zoë", "Ørsted", date(1990, 11, 30), False),
    ("S-4", "Testa", "Runnerton", date(1979, 12, 1), False),
    ("S-5", "Runnerton", "Testafield", None, False),
    ("S-6", "ÉMILE", "Łukasiewicz", date(2001, 2, 28), True),
    ("S-7", "Ann", "O'Brien-Smith", date(1966, 6, 6), False),
    ("S-8", "Per_cent", "Star*[x]", date(1999, 9, 9), False),
    ("S-9", "Maria José", "García Márquez", date(1990, 1, 19), False),
    ("S-10", "José", "Garcia", date(1991, 10, 10), True),
    ("S-11", "Straße", "Strasser", date(1980, 5, 1), False),
    ("MA-0100", "Ana", "De la Cruz", date(2010, 3, 4), False),
    ("MA-0101", "Anabel", "Cruz", date(2010, 4, 3), False),
    ("MA-1990", "Björn", "Ahlström", date(1975, 1, 1), False),
    ("X.2/a_b", "Al", "50% Runner", date(1950, 5, 5), False),
]
WORDS = [
    "nicolas", "NICOLÁS", "penalver", "peñ", "zoe orsted", "émile", "emile lukas",
    "Runnerton, Testa", "runnerton,testa", "Runnerton,", "Testa Runnerton", "o'brien-smith",
    "per_", "per%", "_", "%", "star*[x]", "s-6", "S-1", "s", "a", "an", "ana", "cruz",
    "cruz, ana", "de la", "de cruz", "garcia", "garcía márquez", "jose", "maria jose garcia",
    "strasse", "straße", "ss", "1990", "1990-01", "90-1", "19", "1", "-", "10", "2010-0",
    "ma-", "MA-01", "ma-1990", "1990 ma", "x.2/a_b", "50%", "50", "ahlstrom", "björn",
    "noone", "zz", "a,", ", a", "¨", "e\u0301mile", "x" * 50, "runnerton testafield",
]  # fmt: skip


@pytest.fixture
def clinic(backend_ctx: ServiceContext) -> ServiceContext:
    for chart, given, family, born, archived in PEOPLE:
        made = clients.create_client(
            backend_ctx, clients.ClientInput(chart, given, family, date_of_birth=born)
        )
        if archived:
            clients.archive_client(backend_ctx, made.id)
    return backend_ctx


def _scan(ctx: ServiceContext, text: str, archived: bool, **page: Any) -> list[int]:
    """The search's meaning without the index: its conditions over every client."""
    stmt = client_search._search_statement(
        text, archived, page.get("order", "name"), page.get("descending", False)
    )
    if page.get("limit") is not None:
        stmt = stmt.limit(page["limit"])
    if page.get("offset"):
        stmt = stmt.offset(page["offset"])
    with ctx.db.reading() as session:
        return [row.id for row in session.execute(stmt)]


def _scan_count(ctx: ServiceContext, text: str, archived: bool) -> int:
    stmt = client_search._search_filter(select(func.count(Client.id)), text, archived)
    with ctx.db.reading() as session:
        return int(session.execute(stmt).scalar_one())


# Both ways of reading: every word fetched through its fragments (the clinic is small), and
# every word read in the list's order (none is rare enough to fetch).
WAYS = pytest.mark.parametrize("drive", [10**9, 0], ids=["through fragments", "in order"])


@WAYS
@pytest.mark.parametrize("archived", [False, True])
def test_indexed_search_finds_what_a_scan_finds(
    clinic: ServiceContext, archived: bool, drive: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(client_search, "_DRIVE", drive)
    for text in WORDS:
        found = [c.id for c in clients.search_clients(clinic, text, include_archived=archived)]
        assert found == _scan(clinic, text, archived), text
        assert clients.count_clients(clinic, text, include_archived=archived) == _scan_count(
            clinic, text, archived
        ), text


@WAYS
@pytest.mark.parametrize(
    "page",
    [
        {"limit": 1},
        {"limit": 2, "offset": 1},
        {"limit": 3, "order": "chart"},
        {"limit": 2, "order": "born", "descending": True},
        {"limit": 2, "offset": 2, "descending": True},
    ],
)
def test_a_page_of_a_search_is_the_scans_page(
    clinic: ServiceContext, page: dict[str, Any], drive: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(client_search, "_DRIVE", drive)
    for text in ("a", "s", "an", "1", "19", "", "ma-", "a e", "cruz", "garcia, jose"):
        for archived in (False, True):
            found = clients.search_clients(clinic, text, include_archived=archived, **page)
            assert [c.id for c in found] == _scan(clinic, text, archived, **page), (text, page)


def _in_step(ctx: ServiceContext) -> None:
    with ctx.db.reading() as session:
        assert index_problems(session) == []


def test_the_index_follows_edits_archiving_and_restoring(clinic: ServiceContext) -> None:
    _in_step(clinic)
    one = clients.find_by_chart(clinic, "S-4")
    assert clients.count_clients(clinic, "runnerton") == 2
    edited = clients.update_client(
        clinic,
        one.id,
        clients.ClientInput("S-4b", "Testa", "Quickstep", date_of_birth=date(1977, 3, 3)),
    )
    _in_step(clinic)
    assert [c.id for c in clients.search_clients(clinic, "quickst")] == [one.id]
    assert [c.id for c in clients.search_clients(clinic, "s-4b")] == [one.id]
    assert [c.id for c in clients.search_clients(clinic, "1977-03")] == [one.id]
    assert clients.count_clients(clinic, "runnerton") == 1
    assert clients.search_clients(clinic, "1979-12") == []
    clients.archive_client(clinic, edited.id)
    _in_step(clinic)
    assert clients.count_clients(clinic, "quickstep", include_archived=False) == 0
    assert clients.count_clients(clinic, "quickstep", include_archived=True) == 1
    clients.archive_client(clinic, edited.id, archived=False)  # restored to the list
    _in_step(clinic)
    assert [c.id for c in clients.search_clients(clinic, "quickstep")] == [edited.id]
    # An edit of a field the search does not read leaves the index as it was.
    clients.update_client(
        clinic,
        one.id,
        clients.ClientInput("S-4b", "Testa", "Quickstep", date(1977, 3, 3), phone="1"),
    )
    _in_step(clinic)


def test_the_index_follows_imports_and_the_demo(
    backend_ctx: ServiceContext, tmp_path: Path
) -> None:
    create_demo_clinic(backend_ctx, clients=12)
    _in_step(backend_ctx)
    path = tmp_path / "clients.csv"
    path.write_text(
        "chart_number,given_name,family_name,date_of_birth\n"
        "IMP-1,Íñigo,Zubizarreta,1988-08-08\n"
        "DEMO-0001,Renamed,Álvarez-Quick,1970-01-02\n",
        encoding="utf-8",
    )
    import_clients(backend_ctx, path, update=True)
    _in_step(backend_ctx)
    assert [c.chart_number for c in clients.search_clients(backend_ctx, "inigo zubi")] == ["IMP-1"]
    assert [c.chart_number for c in clients.search_clients(backend_ctx, "alvarez-q")] == [
        "DEMO-0001"
    ]
    values = tmp_path / "values.csv"
    values.write_text(
        "chart_number,date,measure,side,mode,value,unit\nNEW-77,2025-03-01,hip.flexion,left,active,110,\n",
        encoding="utf-8",
    )
    import_assessments(backend_ctx, values, create_clients=True)
    _in_step(backend_ctx)
    assert [c.chart_number for c in clients.search_clients(backend_ctx, "new-7")] == ["NEW-77"]
