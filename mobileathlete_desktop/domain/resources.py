"""Where the program's data files (catalogue, exercises, illustrations, fonts, icons) live."""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path


class MissingResourceError(FileNotFoundError):
    """A data file the program ships with is not where it should be."""


@cache
def resources_dir() -> Path:
    """The `resources/` folder: beside the package in a checkout, inside a bundle when frozen."""
    override = os.environ.get("MOBILEATHLETE_RESOURCES")
    candidates = []
    if override:
        candidates.append(Path(override))
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "resources")
    package = Path(__file__).resolve().parent.parent
    candidates += [package.parent / "resources", package / "resources"]
    for candidate in candidates:
        if (candidate / "catalogue.toml").is_file():
            return candidate
    raise MissingResourceError(
        "The program's resources folder was not found (looked in "
        + ", ".join(str(c) for c in candidates)
        + ")"
    )


def resource_path(*parts: str) -> Path:
    """The path of a shipped data file, e.g. resource_path("catalogue.toml")."""
    return resources_dir().joinpath(*parts)
