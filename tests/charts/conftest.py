"""A synthetic runner and a small catalogue shared by the chart tests."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from mobileathlete_desktop.domain.catalogue import Catalogue, parse_catalogue
from mobileathlete_desktop.domain.records import (
    AssessmentRecord,
    ClientHistory,
    ClientRecord,
    MeasurementRecord,
    OutcomeRecord,
)

SOURCES = [
    {"id": s, "citation": s}
    for s in ("cdc-rom-2011", "gonio", "chisholm-2012", "binkley-1999", "farrar-2001")
]


@pytest.fixture
def catalogue() -> Catalogue:
    return parse_catalogue(catalogue_data())


def catalogue_data() -> dict[str, Any]:
    """The chart tests' catalogue as raw data (a test may add to it before parsing)."""
    return {
        "version": "test",
        "sources": SOURCES,
        "measures": [
            {
                "code": "ankle.df",
                "label": {"en": "Ankle dorsiflexion"},
                "kind": "rom",
                "unit": "deg",
                "bounds": [0, 60],
                "bilateral": True,
                "norms": [{"age_min": 20, "age_max": 44, "mean": 40, "source": "cdc-rom-2011"}],
                "errors": [{"mdc95": 4, "source": "gonio"}],
                "asymmetry": {"kind": "absolute", "threshold": 5, "source": "chisholm-2012"},
            },
            {
                "code": "hallux.extension",
                "label": {"en": "Hallux extension"},
                "kind": "rom",
                "unit": "deg",
                "bounds": [0, 120],
                "bilateral": True,
            },
            {
                "code": "nprs",
                "label": {"en": "NPRS"},
                "kind": "score",
                "unit": "score",
                "bounds": [0, 10],
                "higher_is_better": False,
                "errors": [{"mdc95": 2, "source": "farrar-2001"}],
            },
            {
                "code": "lefs.total",
                "label": {"en": "LEFS"},
                "kind": "score",
                "unit": "score",
                "bounds": [0, 80],
                "errors": [{"mdc95": 9, "source": "binkley-1999"}],
            },
        ],
    }


def runner(dob: date | None = date(1992, 5, 4)) -> ClientRecord:
    return ClientRecord(1, "T-001", "Testa", "Runnerton", dob, "female")


def visit(
    aid: int, when: date, status: str, *values: MeasurementRecord, lefs: int | None = None
) -> AssessmentRecord:
    outcomes = () if lefs is None else (OutcomeRecord("lefs", (lefs // 20,) * 20),)
    return AssessmentRecord(
        aid, 1, when, "reassessment", status, measurements=values, outcomes=outcomes
    )  # type: ignore[arg-type]


def m(code: str, side: str, value: float) -> MeasurementRecord:
    return MeasurementRecord(code, side, "none", value)  # type: ignore[arg-type]


@pytest.fixture
def history() -> ClientHistory:
    """Three visits (two signed, one draft), right ankle recovering, pain falling."""
    rows = [(24, 38, 7, 40), (29, 39, 5, 60), (36, 39, 2, 80)]
    visits = tuple(
        visit(
            i,
            date(2024, i, 8),
            "draft" if i == 3 else "signed",
            m("ankle.df", "right", r),
            m("ankle.df", "left", left),
            m("hallux.extension", "left", 60),
            m("nprs", "none", pain),
            lefs=lefs,
        )
        for i, (r, left, pain, lefs) in enumerate(rows, start=1)
    )
    return ClientHistory(runner(), visits)
