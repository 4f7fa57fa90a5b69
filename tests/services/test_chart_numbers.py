"""Chart numbers are one number whatever their case: DEMO-0002 and demo-0002 cannot both be
stored, and `check` reports clashes stored before this was refused, without changing them."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from mobileathlete_desktop.cli import main
from mobileathlete_desktop.domain.permissions import Actor
from mobileathlete_desktop.services import clients
from mobileathlete_desktop.services.context import InputError, ServiceContext
from mobileathlete_desktop.storage.database import open_database
from mobileathlete_desktop.storage.models import Client

SAMPLE = clients.ClientInput("DEMO-0002", "Testa", "Runnerton")

THERAPIST = Actor(username="pt", display_name="Pat Physio", role="therapist")


def test_a_chart_number_in_another_case_is_refused_on_create(ctx: ServiceContext) -> None:
    clients.create_client(ctx, SAMPLE)
    with pytest.raises(InputError, match=r"demo-0002 .* as DEMO-0002 .*without regard to case"):
        clients.create_client(ctx, replace(SAMPLE, chart_number="demo-0002", given_name="Other"))
    assert [c.chart_number for c in clients.search_clients(ctx, "demo")] == ["DEMO-0002"]


def test_a_chart_number_in_another_case_is_refused_on_edit(ctx: ServiceContext) -> None:
    clients.create_client(ctx, SAMPLE)
    other = clients.create_client(ctx, replace(SAMPLE, chart_number="DEMO-0003"))
    with pytest.raises(InputError, match="already used"):
        clients.update_client(ctx, other.id, replace(SAMPLE, chart_number="Demo-0002"))
    # a client may change the case of its own number
    renamed = clients.update_client(ctx, other.id, replace(SAMPLE, chart_number="demo-0003"))
    assert renamed.chart_number == "demo-0003"


def _store_clash(path: Path) -> None:
    """Two clients whose numbers differ by case, as an older version let through."""
    db = open_database(path)
    ctx = ServiceContext(db, actor=THERAPIST)
    clients.create_client(ctx, SAMPLE)
    clients.create_client(ctx, replace(SAMPLE, chart_number="DEMO-0009"))
    with db.session() as session:
        row = session.execute(select(Client).where(Client.chart_number == "DEMO-0009")).scalar_one()
        row.chart_number = "demo-0002"
    db.dispose()


def test_check_reports_case_clashes_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "clinic.sqlite3"
    _store_clash(path)
    before = path.read_bytes()
    code = main(["--db", str(path), "check"])
    out = capsys.readouterr().out
    assert code == 1
    assert "PROBLEM: chart numbers differ only by case: DEMO-0002, demo-0002" in out
    assert path.read_bytes() == before
    db = open_database(path)
    try:
        with db.session() as session:
            assert clients.chart_number_clashes(session) == [("DEMO-0002", "demo-0002")]
    finally:
        db.dispose()


def test_check_of_a_clinic_without_clashes_says_ok(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "clinic.sqlite3"
    db = open_database(path)
    clients.create_client(ServiceContext(db, actor=THERAPIST), SAMPLE)
    db.dispose()
    assert main(["--db", str(path), "check"]) == 0
    assert "differ only by case" not in capsys.readouterr().out
