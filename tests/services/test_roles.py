"""What each role may do, checked through the services themselves (not only the table)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from mobileathlete_desktop.domain.permissions import PermissionDenied
from mobileathlete_desktop.services import accounts, assessments, audit, backups, clients, imports
from mobileathlete_desktop.services.context import ServiceContext

SAMPLE = clients.ClientInput("R-1", "Testa", "Runnerton", date(1990, 5, 5), "female")


@pytest.fixture
def setup(ctx: ServiceContext, tmp_path: Path) -> dict[str, Any]:
    client = clients.create_client(ctx, SAMPLE)
    draft = assessments.create_assessment(ctx, client.id, date(2026, 3, 1))
    csv = tmp_path / "in.csv"
    csv.write_text(
        "chart_number,date,measure,side,mode,value\nR-1,2026-03-02,wblt.distance,left,none,9\n"
    )
    return {"client": client.id, "draft": draft.id, "csv": csv, "out": tmp_path / "b.sqlite3"}


ACTIONS: dict[str, Callable[[ServiceContext, dict[str, Any]], object]] = {
    "search clients": lambda c, s: clients.search_clients(c),
    "open a client": lambda c, s: clients.get_client(c, s["client"]),
    "edit a client": lambda c, s: clients.update_client(
        c, s["client"], clients.ClientInput("R-1", "Testa", "Runnerton-Smith")
    ),
    "archive a client": lambda c, s: clients.archive_client(c, s["client"]),
    "record a value": lambda c, s: assessments.set_value(
        c, s["draft"], "wblt.distance", "left", "none", 10.0
    ),
    "start an assessment": lambda c, s: assessments.create_assessment(c, s["client"]),
    "sign an assessment": lambda c, s: assessments.sign_assessment(c, s["draft"]),
    "read the history": lambda c, s: assessments.load_history(c, s["client"]),
    "import a file": lambda c, s: imports.import_assessments(c, s["csv"]),
    "add a user": lambda c, s: accounts.create_user(c, "newbie", "", "therapist", "secret"),
    "list users": lambda c, s: accounts.list_users(c),
    "take a backup": lambda c, s: backups.make_backup(c, s["out"]),
    "read the audit trail": lambda c, s: audit.find_events(c),
}

# (action, therapist may, admin may)
TABLE = [
    ("search clients", True, True),
    ("open a client", True, True),
    ("edit a client", True, True),
    ("archive a client", False, True),
    ("record a value", True, False),
    ("start an assessment", True, False),
    ("sign an assessment", True, False),
    ("read the history", True, True),
    ("import a file", False, True),
    ("add a user", False, True),
    ("list users", False, True),
    ("take a backup", False, True),
    ("read the audit trail", False, True),
]


@pytest.mark.parametrize(("action", "therapist", "admin"), TABLE, ids=[t[0] for t in TABLE])
@pytest.mark.parametrize("role", ["therapist", "admin"])
def test_each_role_may_do_only_its_own_work(
    setup: dict[str, Any],
    therapist_ctx: ServiceContext,
    admin_ctx: ServiceContext,
    role: str,
    action: str,
    therapist: bool,
    admin: bool,
) -> None:
    ctx = therapist_ctx if role == "therapist" else admin_ctx
    allowed = therapist if role == "therapist" else admin
    if allowed:
        ACTIONS[action](ctx, setup)
    else:
        with pytest.raises(PermissionDenied, match="may not"):
            ACTIONS[action](ctx, setup)
