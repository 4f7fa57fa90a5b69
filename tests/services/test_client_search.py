"""Client search folds accents and case and reads "Family, Given", on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest

from mobileathlete_desktop.services import clients
from mobileathlete_desktop.services.context import ServiceContext

PEOPLE = [
    ("S-1", "Nicolás", "Peñalver"),
    ("S-2", "Nicolas", "Dubois"),
    ("S-3", "Zoë", "Ørsted"),
    ("S-4", "Testa", "Runnerton"),
    ("S-5", "Runnerton", "Testafield"),
    ("S-6", "ÉMILE", "Łukasiewicz"),
    ("S-7", "Ann", "O'Brien-Smith"),
    ("S-8", "Per_cent", "Star*[x]"),
]


@pytest.fixture
def clinic(backend_ctx: ServiceContext) -> ServiceContext:
    for chart, given, family in PEOPLE:
        clients.create_client(
            backend_ctx, clients.ClientInput(chart, given, family, date(1990, 1, 1))
        )
    return backend_ctx


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("nicolas", ["S-1", "S-2"]),
        ("NICOLÁS", ["S-1", "S-2"]),
        ("penalver", ["S-1"]),
        ("peñ", ["S-1"]),
        ("zoe orsted", ["S-3"]),
        ("émile", ["S-6"]),
        ("emile lukas", ["S-6"]),
        ("Runnerton, Testa", ["S-4"]),
        ("runnerton,testa", ["S-4"]),
        ("Runnerton,", ["S-4"]),
        ("Testa Runnerton", ["S-4", "S-5"]),
        ("o'brien-smith", ["S-7"]),
        ("per_", ["S-8"]),
        ("per%", []),
        ("star*[x]", ["S-8"]),
        ("s-6", ["S-6"]),
        ("1990-01", [p[0] for p in PEOPLE]),
    ],
)
def test_search_folds_accents_and_reads_family_comma_given(
    clinic: ServiceContext, text: str, expected: list[str]
) -> None:
    found = clients.search_clients(clinic, text)
    assert sorted(c.chart_number for c in found) == expected
    assert clients.count_clients(clinic, text) == len(expected)
