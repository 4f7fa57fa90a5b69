"""A visit's values survive the program being killed mid-entry (SIGKILL, as in a power cut)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from mobileathlete_desktop.services import assessments, clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.storage.database import open_database
from tests.conftest import THERAPIST

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_values_typed_before_a_kill_are_there_after_it(db_path: Path) -> None:
    database = open_database(db_path)
    ctx = ServiceContext(db=database, actor=THERAPIST)
    client = clients.create_client(
        ctx, clients.ClientInput("K-1", "Testa", "Runnerton", date(1990, 1, 1), "female")
    )
    draft = assessments.create_assessment(ctx, client.id, date(2026, 3, 3), template="hip")
    database.dispose()

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.editor_child", str(db_path), str(draft.id)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ENTERED"
        child.send_signal(signal.SIGKILL)
        assert child.wait(timeout=30) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
        if child.stdout is not None:
            child.stdout.close()

    reopened = open_database(db_path)
    try:
        record = assessments.get_assessment(ServiceContext(db=reopened, actor=THERAPIST), draft.id)
        assert record.value("hip.flexion", "left", "active") == 121
        assert record.value("hip.flexion", "left", "passive") == 131
        assert record.value("hip.flexion", "right", "active") == 119
        assert record.status == "draft"
    finally:
        reopened.dispose()
