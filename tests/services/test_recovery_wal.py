"""A damaged clinic file left with its write-ahead log (a crash) is set aside byte for byte,
-wal and -shm included: before, opening it folded the log into the damaged file and deleted
it, and every value saved since the last checkpoint was gone from what was kept."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from mobileathlete_desktop.services.recovery import DamagedSetAside, open_with_recovery
from mobileathlete_desktop.storage.database import DatabaseDamagedError, open_database
from tests.conftest import ClinicTemplates

WAL_HEADER, FRAME_HEADER = 32, 24


def pages_in_log(wal: Path, page_size: int) -> set[int]:
    data = wal.read_bytes()
    found, at = set(), WAL_HEADER
    while at + FRAME_HEADER + page_size <= len(data):
        found.add(int.from_bytes(data[at : at + 4], "big"))
        at += FRAME_HEADER + page_size
    return found


@pytest.fixture
def crashed(tmp_path: Path, clinic_templates: ClinicTemplates) -> Path:
    """A clinic as a crash leaves it (saves in its -wal, not yet in the file), then one page
    of the file (not one the log holds) overwritten."""
    source = clinic_templates.copy(tmp_path / "source" / "clinic.sqlite3", clients=6)
    conn = sqlite3.connect(source)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("UPDATE client SET given_name = 'Saved-after-checkpoint'")
    conn.commit()
    path = tmp_path / "clinic.sqlite3"
    for suffix in ("", "-wal", "-shm"):  # copied while it is open: what a crash leaves
        shutil.copyfile(f"{source}{suffix}", f"{path}{suffix}")
    conn.close()
    page_size = int.from_bytes(path.read_bytes()[16:18], "big")
    logged = pages_in_log(Path(f"{path}-wal"), page_size)
    assert logged, "the log holds the update"
    data = bytearray(path.read_bytes())
    pages = len(data) // page_size
    victim = max(p for p in range(2, pages + 1) if p not in logged)
    start = (victim - 1) * page_size
    data[start : start + page_size] = b"\xa5" * page_size
    path.write_bytes(bytes(data))
    return path


def test_a_damaged_file_is_set_aside_with_its_log_byte_for_byte(crashed: Path) -> None:
    originals = {s: Path(f"{crashed}{s}").read_bytes() for s in ("", "-wal", "-shm")}
    with pytest.raises(DamagedSetAside) as caught:
        open_with_recovery(str(crashed))
    moved = caught.value.recovery.moved_to
    for suffix, content in originals.items():
        kept = Path(f"{moved}{suffix}")
        assert kept.exists(), f"the {suffix or 'file'} was not kept"
        assert kept.read_bytes() == content, f"the {suffix or 'file'} set aside was changed"
    assert not crashed.exists() and not Path(f"{crashed}-wal").exists()


def test_opening_a_damaged_file_with_a_log_leaves_both_as_they_were(crashed: Path) -> None:
    """`check` and every other opener: the damage is reported, nothing folded in or deleted."""
    originals = {s: Path(f"{crashed}{s}").read_bytes() for s in ("", "-wal", "-shm")}
    with pytest.raises(DatabaseDamagedError):
        open_database(crashed, migrate=False)
    for suffix, content in originals.items():
        assert Path(f"{crashed}{suffix}").read_bytes() == content
