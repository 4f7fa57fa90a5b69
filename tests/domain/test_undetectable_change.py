"""The reviewer's point on changes a test cannot show, as worked cases: a change within an
error larger than the healthy spread (the Thomas angle by goniometer, Peeler 2007) is "this
test cannot show a change of this size", never "unchanged", in both languages.
"""

from __future__ import annotations

from mobileathlete_desktop.domain.interpretation.rules import (
    change_undetectable,
)
from mobileathlete_desktop.domain.interpretation.wording import _change_reason
from mobileathlete_desktop.support.i18n import texts
from tests.domain.worked_visits import CAT, V1, V2
from tests.domain.worked_visits import client as _client
from tests.domain.worked_visits import read as _read
from tests.domain.worked_visits import row as _row
from tests.domain.worked_visits import visit as _visit

# --- 3. A change the instrument cannot show; the Thomas test is passive ---------------------


def test_thomas_by_goniometer_cannot_show_a_change_of_this_size() -> None:
    """A man of 30, Thomas hip angle by goniometer, left −10° then +5°: up 15°, within the
    30.5° error (Peeler 2007: SEM 11°, x 1.96 x sqrt 2). The healthy spread is 9.61° (Ferber
    2010): the usual range reaches 15.8° either side of the mean, less than the error, so no
    plausible change can show. Not "unchanged": the test cannot show a change this size."""
    result = _read(
        _client("male", 30),
        _visit(
            1,
            V1,
            ("thomas.hip_extension", "left", "passive", -10),
            instrument="goniometer.long_arm",
        ),
        _visit(
            2, V2, ("thomas.hip_extension", "left", "passive", 5), instrument="goniometer.long_arm"
        ),
    )
    row = _row(result, "thomas.hip_extension", "left", "passive")
    assert row.change.verdict == "undetectable"
    assert not {"improved", "worse"} & set(row.flags)
    said = row.change.reason
    assert said == (
        "Left Thomas test (hip angle) (passive) 5°, up 15° since 2026-03-02: within the 30.5° "
        "measurement error (peeler-2007): this test cannot show a change of this size by "
        "goniometer."
    )
    assert "unchanged" not in said
    measure = CAT["thomas.hip_extension"]
    err = measure.error_for("goniometer.long_arm")
    spanish = _change_reason(texts("es"), measure, "Prueba de Thomas", "5°", row.change, err)
    assert "esta prueba no puede mostrar un cambio de este tamaño con goniómetro" in spanish
    assert "sin cambios" not in spanish


def test_thomas_by_inclinometer_can_show_the_same_change() -> None:
    """The same 15° by inclinometer (the instrument's 6° estimate, Hancock 2018): improved."""
    result = _read(
        _client("male", 30),
        _visit(1, V1, ("thomas.hip_extension", "left", "passive", -10), instrument="inclinometer"),
        _visit(2, V2, ("thomas.hip_extension", "left", "passive", 5), instrument="inclinometer"),
    )
    assert _row(result, "thomas.hip_extension", "left", "passive").change.verdict == "improved"


def test_only_an_error_beyond_the_healthy_spread_is_undetectable() -> None:
    """The rule read off the catalogue: hip internal rotation by goniometer (8.6°, Gradoz
    2018, against an SD of 9.19°) can show a change; the Thomas angle by goniometer cannot;
    knee flexion (its norm has no spread) and pain (it has an MCID) are not covered."""

    def covered(code: str, instrument: str) -> bool:
        measure = CAT[code]
        return change_undetectable(measure, measure.error_for(instrument))

    assert covered("thomas.hip_extension", "goniometer.long_arm")
    assert not covered("thomas.hip_extension", "inclinometer")
    assert not covered("hip.internal_rotation", "goniometer.long_arm")
    assert not covered("knee.flexion", "goniometer.long_arm")
    assert not covered("nprs", "")


def test_a_small_knee_flexion_change_is_still_unchanged() -> None:
    result = _read(
        _client("male", 30),
        _visit(1, V1, ("knee.flexion", "left", "passive", 130)),
        _visit(2, V2, ("knee.flexion", "left", "passive", 133)),
    )
    assert _row(result, "knee.flexion", "left", "passive").change.verdict == "unchanged"


def test_thomas_by_goniometer_the_same_angle_twice_is_not_called_unchanged() -> None:
    """A woman of 28, Thomas hip angle by goniometer, right 8° at both visits (sports-PT
    review, point 2: the line was said to go missing on "no change"). The same angle twice
    shows no more than a 15° move does against a 30.5° error: "no change since ...: this test
    cannot show a change of this size by goniometer", never "unchanged", in both languages;
    no flag (nothing improved or got worse)."""
    result = _read(
        _client("female", 28),
        _visit(
            1, V1, ("thomas.hip_extension", "right", "passive", 8), instrument="goniometer.long_arm"
        ),
        _visit(
            2, V2, ("thomas.hip_extension", "right", "passive", 8), instrument="goniometer.long_arm"
        ),
    )
    row = _row(result, "thomas.hip_extension", "right", "passive")
    assert row.change.verdict == "undetectable"
    assert row.change.delta == 0
    assert row.flags == ()
    assert row.change.reason == (
        "Right Thomas test (hip angle) (passive) 8°, no change since 2026-03-02: within the "
        "30.5° measurement error (peeler-2007): this test cannot show a change of this size by "
        "goniometer."
    )
    assert row.change.reason in row.reasons
    measure = CAT["thomas.hip_extension"]
    err = measure.error_for("goniometer.long_arm")
    spanish = _change_reason(texts("es"), measure, "Prueba de Thomas", "8°", row.change, err)
    assert spanish == (
        "Prueba de Thomas: 8°, sin cambio desde el 2026-03-02: dentro del error de medida de "
        "30.5° (peeler-2007): esta prueba no puede mostrar un cambio de este tamaño con "
        "goniómetro."
    )
