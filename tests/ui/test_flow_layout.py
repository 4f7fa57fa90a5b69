"""The wrapping button row (ui/flow_layout.py): its height for a width is the lines its
buttons need, the same however often Qt asks, and right again after a button changes."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.ui.flow_layout import FlowLayout

GAP = 6


def _row(qtbot: QtBot, texts: list[str]) -> tuple[QWidget, FlowLayout, list[QPushButton]]:
    page = QWidget()
    qtbot.addWidget(page)
    row = QWidget()
    flow = FlowLayout(row)
    flow.setContentsMargins(0, 0, 0, 0)
    buttons = [QPushButton(text) for text in texts]
    for button in buttons:
        flow.addWidget(button)
    column = QVBoxLayout(page)
    column.addWidget(row)
    column.addStretch(1)
    page.show()
    qtbot.waitExposed(page)
    return page, flow, buttons


def _lines(buttons: list[QPushButton], width: int) -> list[list[QPushButton]]:
    """The buttons shown, line by line, as they should wrap at `width`."""
    lines: list[list[QPushButton]] = [[]]
    used = 0
    for button in (b for b in buttons if not b.isHidden()):
        wide = button.sizeHint().width()
        if lines[-1] and used + GAP + wide > width:
            lines.append([])
            used = 0
        used += (GAP if lines[-1] else 0) + wide
        lines[-1].append(button)
    return lines


def _expected_height(buttons: list[QPushButton], width: int) -> int:
    lines = _lines(buttons, width)
    tallest = [max(b.sizeHint().height() for b in line) for line in lines]
    return sum(tallest) + GAP * (len(lines) - 1)


def test_height_for_a_width_is_the_lines_the_buttons_need(qtbot: QtBot) -> None:
    _page, flow, buttons = _row(qtbot, ["New assessment", "Edit client", "Report", "Archive"])
    one_line = flow.sizeHint().width()
    narrow = max(b.sizeHint().width() for b in buttons)
    assert len(_lines(buttons, one_line)) == 1
    assert len(_lines(buttons, narrow)) == len(buttons)
    for width in (one_line, one_line - 1, one_line // 2, narrow):
        expected = _expected_height(buttons, width)
        assert [flow.heightForWidth(width) for _ in range(3)] == [expected] * 3
    assert flow.heightForWidth(narrow) > flow.heightForWidth(one_line)


def test_height_follows_a_button_changed_hidden_or_added(qtbot: QtBot) -> None:
    _page, flow, buttons = _row(qtbot, ["New", "Edit", "Report", "Archive"])
    width = flow.sizeHint().width() + 10  # one line, a little room to spare
    one_line = flow.heightForWidth(width)
    assert one_line == _expected_height(buttons, width)

    buttons[0].setText("New assessment for this client (Ctrl+N)")  # too wide now: wraps
    assert flow.heightForWidth(width) == _expected_height(buttons, width) > one_line

    buttons[0].hide()  # the long one hidden: one line again
    assert flow.heightForWidth(width) == _expected_height(buttons, width) == one_line

    extra = QPushButton("Home program… (Ctrl+Shift+P)")
    flow.addWidget(extra)  # shown with the row a moment later, as Qt does
    qtbot.waitUntil(extra.isVisible)
    buttons.append(extra)
    assert flow.heightForWidth(width) == _expected_height(buttons, width) > one_line

    item = flow.takeAt(flow.count() - 1)
    assert item is not None and item.widget() is extra
    extra.setParent(None)
    buttons.pop()
    assert flow.heightForWidth(width) == one_line


def test_buttons_are_placed_where_the_height_said(qtbot: QtBot) -> None:
    page, flow, buttons = _row(qtbot, ["New assessment", "Edit client", "Report", "Archive"])
    width = max(b.sizeHint().width() for b in buttons) + 40
    page.resize(width + 20, 400)
    qtbot.waitUntil(lambda: page.width() == width + 20)
    row = buttons[0].parentWidget()
    assert row is not None
    qtbot.waitUntil(lambda: row.height() == flow.heightForWidth(row.width()))
    lines = _lines(buttons, row.width())
    assert len(lines) > 1
    tops = [{b.y() for b in line} for line in lines]
    assert all(len(top) == 1 for top in tops)  # each line's buttons side by side
    firsts = [min(top) for top in tops]
    assert firsts == sorted(set(firsts))  # each line under the one before
    bottom = max(b.geometry().bottom() for b in buttons) + 1
    assert bottom == flow.heightForWidth(row.width())
