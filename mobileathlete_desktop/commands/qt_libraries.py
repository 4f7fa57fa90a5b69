"""The Linux system libraries Qt's X11 (xcb) plugin needs, and which of them are missing."""

from __future__ import annotations

import ctypes
import re
import shutil
import subprocess
import sys
from pathlib import Path

# What Qt 6's libqxcb.so (and libQt6XcbQpa, which it loads) link against outside the
# program folder (`ldd` on the plugin in PySide6/Qt/plugins/platforms), with the Debian and
# Ubuntu package that provides each.
PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libGLdispatch.so.0": "libglvnd0",
    "libEGL.so.1": "libegl1",
    "libXau.so.6": "libxau6",
    "libXdmcp.so.6": "libxdmcp6",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
}
NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)


def xcb_plugin() -> Path | None:
    """Qt's X11 platform plugin as installed with the program (None when absent)."""
    try:
        from PySide6.QtCore import QLibraryInfo
    except ImportError:
        return None
    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    plugin = plugins / "platforms" / "libqxcb.so"
    return plugin if plugin.is_file() else None


def missing_from_ldd(output: str) -> list[str]:
    """The libraries `ldd` reports as "not found", in its order, each once."""
    return list(dict.fromkeys(NOT_FOUND.findall(output)))


def _ldd(plugin: Path) -> str | None:
    ldd = shutil.which("ldd")
    if ldd is None:
        return None
    try:
        done = subprocess.run(
            [ldd, str(plugin)], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout


def _cannot_load(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
    except OSError:
        return True
    return False


def missing_libraries() -> list[str]:
    """The system libraries Qt's X11 plugin needs that this Linux computer lacks.

    `ldd` on the plugin when there is one and ldd runs (every library, exactly); otherwise
    each library of the known list is loaded by name. Empty on other systems.
    """
    if not sys.platform.startswith("linux"):
        return []
    plugin = xcb_plugin()
    output = _ldd(plugin) if plugin is not None else None
    if output is not None:
        return missing_from_ldd(output)
    return [soname for soname in PACKAGES if _cannot_load(soname)]


def packages_for(libraries: list[str]) -> list[str]:
    """The Debian/Ubuntu packages that provide the libraries (a library's own name when
    its package is not known), each once, in order."""
    return list(dict.fromkeys(PACKAGES.get(name, name) for name in libraries))


def advice(libraries: list[str]) -> str:
    """One line naming every missing library's package and the command that installs them."""
    packages = packages_for(libraries)
    return (
        "the window needs Qt system libraries missing here: "
        + ", ".join(libraries)
        + f" (on Debian or Ubuntu: sudo apt install {' '.join(packages)})"
    )
