"""`check` names every system library Qt's X11 plugin needs that is missing, with its package."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mobileathlete_desktop.cli import main
from mobileathlete_desktop.commands import qt_libraries

LDD_MISSING = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibQt6XcbQpa.so.6 => /opt/ma/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f43)
\tlibxcb-cursor.so.0 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxcb-util.so.1 => /lib/x86_64-linux-gnu/libxcb-util.so.1 (0x00007f43)
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxcb-frobnicate.so.7 => not found
"""


def test_ldd_output_gives_each_missing_library_once() -> None:
    assert qt_libraries.missing_from_ldd(LDD_MISSING) == [
        "libxcb-cursor.so.0",
        "libxcb-icccm.so.4",
        "libxcb-keysyms.so.1",
        "libxcb-frobnicate.so.7",
    ]
    assert qt_libraries.missing_from_ldd("\tlibc.so.6 => /lib/libc.so.6 (0x1)\n") == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux only")
def test_check_names_every_missing_library_and_its_package(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = str(tmp_path / "clinic.sqlite3")
    assert main(["--db", db, "demo", "--clients", "2", "--seed", "1"]) == 0
    capsys.readouterr()
    monkeypatch.setattr(qt_libraries, "_ldd", lambda _plugin: LDD_MISSING)
    code = main(["--db", db, "check"])
    out = capsys.readouterr().out
    assert code == 0  # the database is healthy; the window's needs are a warning
    assert "ok: integrity, schema and audit trail" in out
    [warning] = [line for line in out.splitlines() if line.startswith("warning:")]
    assert "libxcb-cursor.so.0, libxcb-icccm.so.4, libxcb-keysyms.so.1" in warning
    assert warning.endswith(
        "sudo apt install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-frobnicate.so.7)"
    )


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux only")
def test_without_ldd_each_known_library_is_loaded_by_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(qt_libraries, "_ldd", lambda _plugin: None)
    absent = {"libxcb-icccm.so.4", "libxcb-keysyms.so.1"}
    monkeypatch.setattr(qt_libraries, "_cannot_load", lambda soname: soname in absent)
    assert qt_libraries.missing_libraries() == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("ldd") is None, reason="needs ldd"
)
def test_the_package_list_covers_every_x11_library_the_installed_plugin_uses() -> None:
    plugin = qt_libraries.xcb_plugin()
    assert plugin is not None
    output = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True).stdout
    names = [line.split()[0] for line in output.splitlines() if "=>" in line]
    x11 = [
        n for n in names if n.startswith(("libxcb", "libX11", "libxkbcommon", "libGL", "libEGL"))
    ]
    assert x11, output
    assert [n for n in x11 if n not in qt_libraries.PACKAGES] == []
