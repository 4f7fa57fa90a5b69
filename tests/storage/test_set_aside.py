"""Setting a damaged clinic aside keeps the file and its log together, whenever it is cut off."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from mobileathlete_desktop.storage import backup
from mobileathlete_desktop.storage.backup import link_aside, set_aside_damaged
from mobileathlete_desktop.storage.clinic_files import set_aside_note_path

MAIN, WAL, SHM = b"damaged main file", b"its write-ahead log", b"shared memory"


def clinic(tmp_path: Path) -> Path:
    path = tmp_path / "clinic.sqlite3"
    path.write_bytes(MAIN)
    path.with_name(path.name + "-wal").write_bytes(WAL)
    path.with_name(path.name + "-shm").write_bytes(SHM)
    return path


def names(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def test_set_aside_moves_the_file_with_its_log_and_leaves_a_note(tmp_path: Path) -> None:
    path = clinic(tmp_path)
    moved = set_aside_damaged(path, "malformed")
    assert moved.read_bytes() == MAIN
    assert moved.with_name(moved.name + "-wal").read_bytes() == WAL
    assert not path.exists() and not path.with_name(path.name + "-wal").exists()
    note = json.loads(set_aside_note_path(path).read_text())
    assert note["moved_to"] == str(moved)


def test_cut_off_after_the_second_names_both_sets_are_whole(tmp_path: Path) -> None:
    path = clinic(tmp_path)
    moved = link_aside(path, "damaged")  # a kill right after: nothing removed yet
    for base in (path, moved):
        assert base.read_bytes() == MAIN
        assert base.with_name(base.name + "-wal").read_bytes() == WAL
    assert os.path.samefile(path, moved)  # a second name, not a copy


def test_cut_off_while_dropping_the_originals_the_next_open_finishes_the_move(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mobileathlete_desktop.services.recovery import DamagedSetAside, open_with_recovery

    path = clinic(tmp_path)
    real_unlink = Path.unlink
    removed: list[str] = []

    def killed_after_the_first(self: Path, missing_ok: bool = False) -> None:
        if removed:
            raise KeyboardInterrupt("killed")  # stands in for SIGKILL at this moment
        removed.append(self.name)
        real_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", killed_after_the_first)
    with pytest.raises(KeyboardInterrupt):
        set_aside_damaged(path, "malformed")
    monkeypatch.setattr(Path, "unlink", real_unlink)
    # The logs go first: the main file never stands beside a log that is not its own.
    assert removed == ["clinic.sqlite3-shm"]
    note = json.loads(set_aside_note_path(path).read_text())
    moved = Path(note["moved_to"])
    assert moved.read_bytes() == MAIN
    assert moved.with_name(moved.name + "-wal").read_bytes() == WAL
    with pytest.raises(DamagedSetAside):
        open_with_recovery(str(path))  # the next start: nothing created, the move finished
    assert not path.exists()
    assert not path.with_name(path.name + "-wal").exists()
    assert moved.read_bytes() == MAIN
    assert moved.with_name(moved.name + "-wal").read_bytes() == WAL


def test_without_hard_links_the_files_are_renamed_main_last(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = clinic(tmp_path)

    def no_links(_src: object, _dst: object) -> None:
        raise OSError("hard links not supported on this drive")

    monkeypatch.setattr(backup.os, "link", no_links)
    moved = set_aside_damaged(path, "malformed")
    assert moved.read_bytes() == MAIN
    assert moved.with_name(moved.name + "-wal").read_bytes() == WAL
    assert "clinic.sqlite3" not in names(tmp_path)
