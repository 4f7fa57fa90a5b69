"""Tab order for widgets a panel makes late (when first shown), in the place they would have
had if made with the panel.

Qt appends a widget made inside a window to the end of the window's focus chain, so a panel
that builds its controls when first shown (the editor's Treatment and Motor control tabs) would
put them after every other widget of the window: Tab from the last one would go to the top of
the window instead of on (the Treatment list to the Check-in button beside the tabs).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def in_place(panel: QWidget, made: Sequence[QWidget]) -> None:
    """Puts `made` (controls just made inside `panel`, in the order Tab should walk them)
    right after the last control before `panel` in its window's focus chain: where they were
    when the panel made them with itself."""
    anchor = panel.previousInFocusChain()
    while (
        anchor is not None
        and anchor is not panel
        and (anchor.focusPolicy() == Qt.FocusPolicy.NoFocus or panel.isAncestorOf(anchor))
    ):
        anchor = anchor.previousInFocusChain()
    chain = [w for w in made if w.focusPolicy() != Qt.FocusPolicy.NoFocus]
    if anchor is not None and anchor is not panel:
        chain.insert(0, anchor)
    for before, after in pairwise(chain):
        QWidget.setTabOrder(before, after)
