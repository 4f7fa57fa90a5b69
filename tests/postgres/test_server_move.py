"""Moving a clinic's SQLite database onto a PostgreSQL server: everything, ids kept, verified."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from mobileathlete_desktop.cli import main
from mobileathlete_desktop.services import clients
from mobileathlete_desktop.services.audit import verify_chain
from mobileathlete_desktop.services.context import InputError, ServiceContext
from mobileathlete_desktop.services.demo import create_demo_clinic
from mobileathlete_desktop.services.exports import export_csv
from mobileathlete_desktop.services.server_move import move_to_server
from mobileathlete_desktop.storage.database import open_database
from mobileathlete_desktop.storage.models import AuditEvent, Base

pytestmark = pytest.mark.postgres


def counts(ctx: ServiceContext) -> dict[str, int]:
    with ctx.db.session() as session:
        return {
            t.name: session.execute(select(func.count()).select_from(t)).scalar_one()
            for t in Base.metadata.sorted_tables
        }


def test_a_demo_clinic_moves_with_ids_and_a_valid_audit_chain(
    admin_ctx: ServiceContext, pg_url: str, tmp_path: Path
) -> None:
    ctx = admin_ctx
    create_demo_clinic(ctx, clients=4, seed=5)
    export_csv(ctx, tmp_path / "before.csv")
    before = counts(ctx)
    report = move_to_server(ctx, pg_url)
    assert report.rows == before
    server = ServiceContext(db=open_database(pg_url), actor=ctx.actor)
    try:
        moved = counts(server)
        # Both sides then log the move itself.
        assert moved == {**before, "audit_event": before["audit_event"] + 1}
        export_csv(server, tmp_path / "after.csv")
        assert (tmp_path / "after.csv").read_text() == (tmp_path / "before.csv").read_text()
        with server.db.session() as session:
            assert verify_chain(session) == []
            last = session.execute(select(AuditEvent).order_by(AuditEvent.id.desc())).scalars()
            assert [e.action for e in last][:2] == ["data.export", "data.move"]
        # Sequences were moved past the copied ids: new rows get fresh ids.
        made = clients.create_client(server, clients.ClientInput("T-NEW", "Testa", "Runnerton"))
        assert made.id > max(c.id for c in clients.search_clients(ctx))
    finally:
        server.db.dispose()


def test_a_target_holding_data_is_refused_and_left_alone(
    admin_ctx: ServiceContext, pg_url: str
) -> None:
    ctx = admin_ctx
    clients.create_client(ctx, clients.ClientInput("T-001", "Testa", "Runnerton"))
    other = ServiceContext(db=open_database(pg_url), actor=ctx.actor)
    clients.create_client(other, clients.ClientInput("S-001", "Probe", "Striderson"))
    other.db.dispose()
    with pytest.raises(InputError, match="already holds data"):
        move_to_server(ctx, pg_url)
    server = ServiceContext(db=open_database(pg_url), actor=ctx.actor)
    try:
        assert [c.chart_number for c in clients.search_clients(server)] == ["S-001"]
    finally:
        server.db.dispose()


def test_migrate_to_on_the_command_line(
    db_path: Path, pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(db_path), "demo", "--clients", "2"]) == 0
    capsys.readouterr()
    assert main(["--db", str(db_path), "migrate-to", pg_url]) == 0
    out = capsys.readouterr().out
    assert "row counts verified" in out
    assert main(["--db", str(db_path), "migrate-to", pg_url]) == 2
    assert "already holds data" in capsys.readouterr().err


def test_the_command_line_works_end_to_end_on_a_server(
    pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", pg_url, "demo", "--clients", "3", "--seed", "2"]) == 0
    assert main(["--db", pg_url, "clients", "--json"]) == 0
    out = capsys.readouterr().out
    chart = out.split('"chart_number": "', 1)[1].split('"', 1)[0]
    assert main(["--db", pg_url, "summary", chart]) == 0
    # Sound, but this test's login is the server's superuser: check says it is no login
    # for a workstation (tests/postgres/test_server_roles.py).
    assert main(["--db", pg_url, "check"]) == 1
    problems = [x for x in capsys.readouterr().out.splitlines() if x.startswith("PROBLEM")]
    assert len(problems) == 1 and "server login postgres is a superuser" in problems[0]
    out_csv = tmp_path / "server.csv"
    assert main(["--db", pg_url, "export", "csv", "--out", str(out_csv)]) == 0
    assert main(["--db", pg_url, "import", "assessments", str(out_csv), "--dry-run"]) == 0
    assert "0 new values, 0 changed" in capsys.readouterr().out
