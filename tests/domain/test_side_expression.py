"""Left against right said as the catalogue says it: a limb symmetry index for hop tests, a
difference in the measure's unit for angles and values near or across zero (a Thomas angle of
1° against 4° is a 3° difference, never "25%"), judged against its threshold or error."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from mobileathlete_desktop.domain.catalogue import (
    CatalogueError,
    default_catalogue,
    parse_catalogue,
)
from mobileathlete_desktop.domain.interpretation import (
    compare_sides,
    interpret_assessment,
    side_difference_words,
    side_verdict_words,
)
from mobileathlete_desktop.domain.records import (
    AssessmentRecord,
    ClientHistory,
    ClientRecord,
    MeasurementRecord,
)
from mobileathlete_desktop.support.i18n import texts

EN, ES = texts("en"), texts("es")


def test_thomas_1_against_4_is_a_3_degree_difference_within_the_error() -> None:
    thomas = default_catalogue()["thomas.hip_extension"]
    sides = compare_sides(thomas, 1, 4, "passive")
    assert sides.expressed == "difference"
    assert sides.lsi is None  # no "25%"
    assert (sides.difference, sides.weaker_side) == (3, "left")
    # No published side-to-side threshold: the goniometer's measurement error judges it, and
    # 3° is within it (the smallest error the catalogue could hold for a goniometer is 4°).
    error = thomas.error_for(thomas.instrument, "intra")
    assert error is not None and error.smallest_real_change is not None
    assert sides.threshold_kind == "error"
    assert sides.threshold == error.smallest_real_change
    assert not sides.asymmetric
    assert side_difference_words(EN, thomas, sides) == "3° difference, left less"
    assert side_difference_words(ES, thomas, sides) == "3° menos a la izquierda"
    verdict = side_verdict_words(EN, thomas, sides)
    assert verdict.startswith("within the ") and verdict.endswith("° measurement error")
    assert side_verdict_words(ES, thomas, sides).startswith("dentro del error de medición")
    assert "%" not in sides.reason
    assert "3° less than right" in sides.reason


def test_hop_80_against_100_stays_a_limb_symmetry_index_of_80_percent() -> None:
    hop = default_catalogue()["hop.single"]
    sides = compare_sides(hop, 80, 100)
    assert sides.expressed == "percent"
    assert sides.lsi == pytest.approx(80)
    assert sides.asymmetric and sides.weaker_side == "left"
    assert side_difference_words(EN, hop, sides) == "LSI 80%"
    assert side_difference_words(ES, hop, sides) == "LSI 80%"
    assert side_verdict_words(EN, hop, sides) == "under the 90% threshold"
    assert side_verdict_words(ES, hop, sides) == "por debajo del umbral de 90%"
    assert "LSI 80%" in sides.reason


def _measure(code: str, **extra: Any) -> dict[str, Any]:
    return {
        "code": code,
        "label": {"en": code},
        "kind": "rom",
        "unit": "deg",
        "bounds": [0, 100],
        "bilateral": True,
        **extra,
    }


def _catalogue(*measures: dict[str, Any]) -> Any:
    sources = [{"id": "src", "citation": "A source"}]
    return parse_catalogue({"version": "t", "sources": sources, "measures": list(measures)})


@pytest.mark.parametrize(
    ("extra", "expressed"),
    [
        ({"bounds": [-60, 45]}, "difference"),  # a range across zero: a signed angle
        ({}, "difference"),  # an angle
        ({"kind": "distance", "unit": "cm"}, "percent"),  # a distance without a rule
        (
            {
                "kind": "distance",
                "unit": "cm",
                "asymmetry": {"kind": "absolute", "threshold": 1.5, "source": "src"},
            },
            "difference",
        ),
        (
            {
                "kind": "distance",
                "unit": "cm",
                "asymmetry": {"kind": "lsi", "threshold": 90, "source": "src"},
            },
            "percent",
        ),
        ({"kind": "distance", "unit": "cm", "asymmetry_as": "difference"}, "difference"),
        ({"asymmetry_as": "percent"}, "percent"),
    ],
)
def test_how_a_measure_says_its_sides_comes_from_the_catalogue(
    extra: dict[str, Any], expressed: str
) -> None:
    measure = _catalogue(_measure("m", **extra))["m"]
    assert measure.side_expression == expressed
    sides = compare_sides(measure, 40, 50)
    assert sides.expressed == expressed
    assert (sides.lsi is None) == (expressed == "difference")


@pytest.mark.parametrize(
    "extra",
    [
        {"asymmetry_as": "ratio"},
        {
            "asymmetry_as": "difference",
            "asymmetry": {"kind": "lsi", "threshold": 90, "source": "src"},
        },
        {
            "asymmetry_as": "percent",
            "asymmetry": {"kind": "absolute", "threshold": 5, "source": "src"},
        },
    ],
)
def test_a_contradictory_or_unknown_expression_is_refused(extra: dict[str, Any]) -> None:
    with pytest.raises(CatalogueError, match="asymmetry_as"):
        _catalogue(_measure("m", **extra))


def test_a_difference_beyond_the_measurement_error_is_an_asymmetry_in_degrees() -> None:
    angle = _catalogue(_measure("m", bounds=[-60, 45], errors=[{"mdc95": 4, "source": "src"}]))
    measure = angle["m"]
    within, beyond = compare_sides(measure, 1, 4), compare_sides(measure, 8, 1)
    assert not within.asymmetric and beyond.asymmetric
    assert side_difference_words(EN, measure, beyond) == "7° difference, right less"
    assert side_difference_words(ES, measure, beyond) == "7° menos a la derecha"
    assert side_verdict_words(EN, measure, beyond) == "beyond the 4° measurement error"
    assert side_verdict_words(EN, measure, within) == "within the 4° measurement error"
    assert side_verdict_words(ES, measure, beyond) == "más allá del error de medición de 4°"


def test_without_an_error_the_difference_is_not_judged() -> None:
    measure = _catalogue(_measure("m", bounds=[-60, 45]))["m"]
    sides = compare_sides(measure, 1, 4)
    assert sides.threshold_kind == "none" and not sides.asymmetric
    assert side_verdict_words(EN, measure, sides).startswith("not judged")
    assert side_difference_words(EN, measure, compare_sides(measure, 2, 2)) == "no difference"


def _visit(*values: tuple[str, str, str, float]) -> ClientHistory:
    client = ClientRecord(1, "R-1", "Rue", "Runner", date(1990, 1, 1), "female")
    visit = AssessmentRecord(
        id=1,
        client_id=1,
        date=date(2026, 3, 1),
        kind="initial",
        status="draft",
        measurements=tuple(MeasurementRecord(c, s, m, v) for c, s, m, v in values),  # type: ignore[arg-type]
    )
    return ClientHistory(client, (visit,))


def test_an_assessment_exports_no_percentage_for_a_thomas_angle() -> None:
    history = _visit(
        ("thomas.hip_extension", "left", "passive", 1),
        ("thomas.hip_extension", "right", "passive", 4),
        ("hop.single", "left", "none", 80),
        ("hop.single", "right", "none", 100),
    )
    result = interpret_assessment(history, None, default_catalogue())
    thomas = result.row("thomas.hip_extension", "left", "passive")
    hop = result.row("hop.single", "left", "none")
    assert thomas is not None and hop is not None
    assert thomas.to_json_dict()["lsi"] is None
    assert thomas.to_json_dict()["side_expressed"] == "difference"
    assert thomas.to_json_dict()["side_difference"] == 3
    assert hop.to_json_dict()["lsi"] == pytest.approx(80)
    assert "asymmetry" in hop.flags and "asymmetry" not in thomas.flags


@pytest.mark.parametrize(
    ("code", "expressed"),
    [
        ("thomas.hip_extension", "difference"),  # a range across zero
        ("ober.hip_adduction", "difference"),
        ("knee.extension", "difference"),
        ("hip.internal_rotation", "difference"),  # an angle
        ("wblt.distance", "difference"),  # an absolute rule, 1.5 cm
        ("ybalance.anterior", "difference"),  # an absolute rule, 4 cm
        ("ybalance.posteromedial", "difference"),  # the catalogue's asymmetry_as
        ("ybalance.posterolateral", "difference"),
        ("hop.single", "percent"),  # an LSI rule
        ("hop.timed_6m", "percent"),
        ("calf.heel_rise", "percent"),
        ("hip.abduction.strength", "percent"),
    ],
)
def test_the_shipped_catalogue_says_each_pair_as_its_convention(code: str, expressed: str) -> None:
    assert default_catalogue()[code].side_expression == expressed
