"""A package's names imported from their modules when first asked for (PEP 562).

Importing any module of a package runs the package's __init__ first. An __init__ that imported
every module of its package (to offer `from package import Name`) made the first module of it
that ui.prewarm imported load the whole package in one turn of the UI thread (up to 45 ms):
the window packages give their names through `names_of` instead."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def names_of(package: str, where: Mapping[str, str]) -> Callable[[str], Any]:
    """A module `__getattr__` for `package`: each name of `where` (name: the module of the
    package that defines it) imported from that module when first asked for, then kept."""

    def __getattr__(name: str) -> Any:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{module}"), name)
        setattr(importlib.import_module(package), name, value)
        return value

    return __getattr__
