"""The main window's modules, loaded while the sign-in is up, no Qt class made off the UI thread.

(This module imports no Qt itself: the sign-in's worker uses `plan`.)

Importing a module that defines a Qt class makes that class (and PySide's lazy types) on the
importing thread; made on a worker while the UI thread runs its event loop, that crashed a
test worker once (matplotlib's Qt backend, see ui/chart_canvas.py). So the sign-in's worker
imports only what is free of Qt, and the UI thread imports the rest one module per turn of
its event loop (a few milliseconds each: the dialog keeps answering keys).

`plan(roots)` reads the ui package's source files only (no import): it follows the
module-level imports of `roots` (ui modules) through the ui package, in dependency order for
the UI thread, and collects the package's modules outside ui they import for the worker.
Those never import Qt: import-linter's "The core never imports Qt" and "Support ... needs no
Qt" contracts hold for every layer a ui module may import (pyproject.toml).
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

PACKAGE = "mobileathlete_desktop"
ROOT = Path(__file__).resolve().parent.parent
UI_PACKAGE = f"{PACKAGE}.ui"


@dataclass(frozen=True)
class Plan:
    """The modules to import, in dependency order: on a worker, then on the UI thread."""

    background: tuple[str, ...]
    ui_thread: tuple[str, ...]


def plan(roots: Iterable[str]) -> Plan:
    """What importing the ui modules `roots` imports of the package, split by thread."""
    ui: list[str] = []
    core: dict[str, None] = {}
    seen: set[str] = set()

    def visit(name: str) -> None:
        if name in seen:
            return
        seen.add(name)
        for dependency in _imports(name):
            if _in_ui(dependency):
                visit(dependency)
            else:
                core.setdefault(dependency)
        ui.append(name)  # after what it imports

    for root in roots:
        if not _in_ui(root):
            raise ValueError(f"{root} is not in {UI_PACKAGE}")
        visit(root)
    return Plan(background=tuple(core), ui_thread=tuple(ui))


def _in_ui(name: str) -> bool:
    return name == UI_PACKAGE or name.startswith(UI_PACKAGE + ".")


def _source(name: str) -> Path | None:
    parts = name.split(".")[1:]
    module = ROOT.joinpath(*parts)
    for path in (module.with_suffix(".py"), module / "__init__.py"):
        if path.is_file():
            return path
    return None


def _imports(name: str) -> list[str]:
    """The package's modules `name` imports at module level (its own package first): the
    import statements at the start of a line (one inside a function, an `if TYPE_CHECKING:`
    or a `try:` is indented and left out; the UI thread imports what is left out anyway)."""
    path = _source(name)
    if path is None:
        return []
    is_package = path.name == "__init__.py"
    parent = name.rpartition(".")[0]
    found: list[str] = [parent] if parent else []  # a submodule's package runs first
    for match in _IMPORT.finditer(path.read_text(encoding="utf-8")):
        if match["plain"]:
            modules = [(item.split()[0], "") for item in match["plain"].split(",")]
        else:
            base = _absolute(match["base"], name, is_package)
            modules = [(base, match["names"])]
        for module, names in modules:
            if module != PACKAGE and not module.startswith(PACKAGE + "."):
                continue
            found.append(module)
            for member in re.findall(r"\b(\w+)\b(?:\s+as\s+\w+)?", names):
                if _source(f"{module}.{member}") is not None:  # `from package import module`
                    found.append(f"{module}.{member}")
    return [module for module in dict.fromkeys(found) if module != name]


_IMPORT = re.compile(
    r"^(?:from[ \t]+(?P<base>\.*[\w.]*)[ \t]+import[ \t]+(?P<names>\([^)]*\)|[^\n#]*)"
    r"|import[ \t]+(?P<plain>[\w.]+(?:[ \t]*,[ \t]*[\w.]+)*))",
    re.MULTILINE,
)


def _absolute(base: str, name: str, is_package: bool) -> str:
    level = len(base) - len(base.lstrip("."))
    if not level:
        return base
    parts = name.split(".") if is_package else name.split(".")[:-1]
    parts = parts[: len(parts) - (level - 1)]
    rest = base.lstrip(".")
    return ".".join(parts + ([rest] if rest else []))


def import_all(names: Iterable[str]) -> None:
    """Imports `names` in order (on the thread that calls it)."""
    for name in names:
        if name not in sys.modules:
            importlib.import_module(name)


def import_in_slices(
    names: Iterable[str],
    schedule: Callable[[Callable[[], None]], None],
    done: Callable[[], None],
    failed: Callable[[str, Exception], None],
) -> None:
    """Imports `names` one per call of `schedule` (a turn of the event loop), then `done()`.
    A module that fails to import is said to `failed(name, error)` instead of `done()`, and
    the rest is left to whoever imports it next."""
    pending = [name for name in names if name not in sys.modules]

    def step() -> None:
        while pending:
            name = pending.pop(0)
            if name in sys.modules:
                continue
            try:
                importlib.import_module(name)
            except Exception as exc:
                failed(name, exc)
                return
            schedule(step)
            return
        done()

    schedule(step)
