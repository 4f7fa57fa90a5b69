"""The Thomas test is passive by nature: no new active values, old ones still load and read."""

from __future__ import annotations

import pytest

from mobileathlete_desktop.domain.validation import InvalidValue, check_cell
from tests.domain.worked_visits import CAT, V1
from tests.domain.worked_visits import client as _client
from tests.domain.worked_visits import read as _read
from tests.domain.worked_visits import row as _row
from tests.domain.worked_visits import visit as _visit


def test_the_thomas_test_takes_no_new_active_value_but_old_ones_still_read() -> None:
    """The Thomas test is passive by nature: an active value is refused on entry, and an
    active value saved before still loads and is interpreted (never a control deficit)."""
    thomas = CAT["thomas.hip_extension"]
    assert thomas.modes == ("passive",) and thomas.retired_modes == ("active",)
    with pytest.raises(InvalidValue):
        check_cell(thomas, "left", "active")
    check_cell(thomas, "left", "passive")
    result = _read(
        _client("male", 30),
        _visit(
            1,
            V1,
            ("thomas.hip_extension", "left", "active", -8),
            ("thomas.hip_extension", "left", "passive", 2),
        ),
    )
    old = _row(result, "thomas.hip_extension", "left", "active")
    assert old.value == -8 and "control_deficit" not in old.flags
