"""Where the program's data files (catalogue, exercises, illustrations, fonts, icons) live.

They are package data in `mobileathlete_desktop/resources/`, found with importlib.resources
the same way in a checkout, an installed wheel and a PyInstaller bundle. The environment
variable MOBILEATHLETE_RESOURCES points at another folder (to try out an edited catalogue).
"""

from __future__ import annotations

import os
from functools import cache
from importlib.resources import files
from pathlib import Path

PACKAGE = "mobileathlete_desktop"
MARKER = "catalogue.toml"


class MissingResourceError(FileNotFoundError):
    """A data file the program ships with is not where it should be."""


def packaged_resources() -> Path:
    """The `resources/` folder inside the installed package (a real folder on disk)."""
    root = files(PACKAGE) / "resources"
    if not isinstance(root, os.PathLike):  # a zipped install: nothing to hand out as a path
        raise MissingResourceError(f"The program's resources are not files on disk ({root})")
    return Path(os.fspath(root))


@cache
def resources_dir() -> Path:
    """The folder of shipped data: MOBILEATHLETE_RESOURCES when set, else the package's own."""
    override = os.environ.get("MOBILEATHLETE_RESOURCES")
    folder = Path(override) if override else packaged_resources()
    if not (folder / MARKER).is_file():
        source = "MOBILEATHLETE_RESOURCES" if override else "the installed package"
        raise MissingResourceError(
            f"The program's resources folder {folder} (from {source}) has no {MARKER}"
        )
    return folder


def resource_path(*parts: str) -> Path:
    """The path of a shipped data file, e.g. resource_path("catalogue.toml")."""
    return resources_dir().joinpath(*parts)
