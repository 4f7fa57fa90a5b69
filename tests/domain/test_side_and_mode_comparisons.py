"""What is compared and what is not: a Thomas angle read "active" beside the passive one is
no control deficit (the test is passive by nature), and the dynamometer's lever arm (a set-up
length) is never a left-right finding; the hip's own ranges still are both."""

from __future__ import annotations

from datetime import date

from mobileathlete_desktop.domain.catalogue import default_catalogue
from mobileathlete_desktop.domain.interpretation import FLAG_CONTROL_DEFICIT, interpret_assessment
from mobileathlete_desktop.domain.records import (
    AssessmentRecord,
    ClientHistory,
    ClientRecord,
    MeasurementRecord,
)


def _history(values: list[tuple[str, str, str, float]]) -> ClientHistory:
    client = ClientRecord(
        id=1,
        chart_number="R-1",
        given_name="Rue",
        family_name="Runner",
        sex="female",
        date_of_birth=date(1990, 1, 1),
    )
    visit = AssessmentRecord(
        id=1,
        client_id=1,
        date=date(2026, 3, 1),
        kind="initial",
        status="draft",
        measurements=tuple(
            MeasurementRecord(code=c, side=s, mode=m, value=v) for c, s, m, v in values
        ),
    )
    return ClientHistory(client=client, assessments=(visit,))


def _flags(
    values: list[tuple[str, str, str, float]],
) -> dict[tuple[str, str, str], tuple[str, ...]]:
    result = interpret_assessment(_history(values), None, default_catalogue())
    return {(r.code, r.side, r.mode): tuple(r.flags) for r in result.rows}


def test_a_thomas_angle_read_active_is_no_control_deficit_but_the_hip_range_is() -> None:
    flags = _flags(
        [
            ("thomas.hip_extension", "left", "passive", 5.0),
            ("thomas.hip_extension", "left", "active", -8.0),
            ("hip.internal_rotation", "left", "passive", 40.0),
            ("hip.internal_rotation", "left", "active", 22.0),
        ]
    )
    assert FLAG_CONTROL_DEFICIT not in flags[("thomas.hip_extension", "left", "active")]
    assert FLAG_CONTROL_DEFICIT in flags[("hip.internal_rotation", "left", "active")]


def test_a_lever_arm_is_never_compared_side_to_side_but_the_force_is() -> None:
    values = [
        ("hip.abduction.lever_arm", "left", "none", 0.80),
        ("hip.abduction.lever_arm", "right", "none", 0.95),
        ("hip.abduction.force", "left", "none", 160.0),
        ("hip.abduction.force", "right", "none", 210.0),
    ]
    result = interpret_assessment(_history(values), None, default_catalogue())
    rows = {(r.code, r.side): r for r in result.rows}
    # Not compared at all: no limb symmetry bar, no "not judged" line in the reasons.
    assert rows[("hip.abduction.lever_arm", "left")].sides is None
    assert rows[("hip.abduction.lever_arm", "right")].sides is None
    assert rows[("hip.abduction.force", "left")].sides is not None
    cat = default_catalogue()
    assert not cat["hip.abduction.lever_arm"].compare_sides
    assert not cat["thomas.hip_extension"].compare_modes and cat["hip.flexion"].compare_modes
