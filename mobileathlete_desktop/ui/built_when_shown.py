"""A panel whose widgets are made when it first shows, or as soon as any of them is asked
for: for the editor's tabs it never opens on (Treatment, Motor control), whose widgets made
with the window froze its opening (issue 22)."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QShowEvent


class BuiltWhenShown:
    """Mix in before the Qt widget class; the panel sets `self._built = False` in its
    `__init__` and makes its widgets in `build()`, which sets `_built`. Until then an attribute
    the panel does not have (a widget made by `build`) makes them first."""

    _built: bool

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_") or self.__dict__.get("_built", True):
            raise AttributeError(name)
        self.build()
        return getattr(self, name)

    def showEvent(self, event: QShowEvent) -> None:
        if not self._built:
            self.build()
        super().showEvent(event)  # type: ignore[misc]

    def build(self) -> None:
        raise NotImplementedError
