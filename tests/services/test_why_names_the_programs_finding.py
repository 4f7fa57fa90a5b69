"""The summary's Why column and `mobileathlete program` name the same finding (measure and
side) for a drill of a recommended program.

Review: they did not: the program's reason was the finding the recommender's round-robin
picked the drill for, the Why the first of `findings_for(drill, ...)`. In the demo clinic (12
clients, seed 7) DEMO-0007's quadruped hip circle read "Hip abduction, right" in the program and
"Hip abduction, left" in the summary, DEMO-0010's single-leg arm swing "Step-down test, right"
and "Single-leg squat, left". The planner now gives each drill the reason of `findings_for`'s
first finding (domain.recommendations.planner.plan).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.reports import program_listing
from mobileathlete_desktop.services.reports.progress import client_ids_for_charts
from mobileathlete_desktop.services.reports.summary import build_summary_report
from mobileathlete_desktop.storage.database import Database, open_database
from tests.conftest import ADMIN, ClinicTemplates


@pytest.fixture
def demo(clinic_templates: ClinicTemplates, tmp_path: Path) -> Iterator[ServiceContext]:
    database: Database = open_database(
        clinic_templates.copy(tmp_path / "demo.sqlite3", clients=12, seed=7)
    )
    yield ServiceContext(db=database, actor=ADMIN)
    database.dispose()


def _where_program(reason: str) -> str:
    """ "Hip abduction, right" of a recommender's reason ("Hip abduction, right: active 32°,
    passive 37° (gap 5°, ...)")."""
    return reason.split(":", 1)[0].strip()


def _where_why(why: str) -> str:
    """ "Hip abduction, right" of a Why ("Control deficit: Hip abduction, right")."""
    return why.split(":", 1)[1].strip() if ":" in why else ""


def test_the_summarys_why_names_the_finding_the_program_names(demo: ServiceContext) -> None:
    charts = [f"DEMO-{n:04d}" for n in range(1, 13)]
    differ = []
    compared = 0
    for chart, client_id in zip(charts, client_ids_for_charts(demo, charts), strict=True):
        listing = program_listing(demo, client_id)
        if not listing.program.recommended:
            continue  # a saved program keeps the reasons it was saved with (a check-in's)
        summary = build_summary_report(demo, client_id, charts=False)
        for drill, line in zip(listing.drills, summary.program, strict=True):
            said, why = _where_program(drill.item.reason), _where_why(line.why)
            if not why:
                continue  # a drill for no finding ("Movement control")
            compared += 1
            if "," not in said:  # an asymmetry names no side: "FMS hurdle step: left 2, ..."
                why = why.rsplit(", ", 1)[0]
            if said != why:
                differ.append(f"{chart} {drill.code}: program {said!r}, summary {why!r}")
    assert compared >= 10
    assert differ == []
