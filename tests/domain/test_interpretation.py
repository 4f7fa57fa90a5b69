"""Tests for domain/interpretation.py: each rule pinned on a worked example, edges included."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from mobileathlete_desktop.domain.catalogue import Catalogue, Side, parse_catalogue
from mobileathlete_desktop.domain.interpretation import (
    BELOW_NORM_PERCENT,
    FLAGS,
    AssessmentInterpretation,
    compare_sides,
    compare_with_norm,
    fms_total,
    interpret_assessment,
    judge_change,
    lefs_total,
    summary_rows,
    ybalance_composite,
)
from mobileathlete_desktop.domain.records import (
    AssessmentRecord,
    ClientHistory,
    ClientRecord,
    FindingRecord,
    MeasurementRecord,
    OutcomeRecord,
)

SOURCES = [
    {"id": "cdc-rom-2011", "citation": "Soucie 2011"},
    {"id": "gonio-error", "citation": "Goniometer reliability"},
    {"id": "chisholm-2012", "citation": "Chisholm 2012"},
    {"id": "plisky-2006", "citation": "Plisky 2006"},
    {"id": "shaffer-2013", "citation": "Shaffer 2013"},
    {"id": "binkley-1999", "citation": "Binkley 1999"},
    {"id": "farrar-2001", "citation": "Farrar 2001"},
    {"id": "hop-rts", "citation": "Hop test RTS"},
]


def measure(code: str, **extra: Any) -> dict[str, Any]:
    """A catalogue entry with sensible defaults: bilateral ROM in degrees."""
    base: dict[str, Any] = {
        "code": code,
        "label": {"en": extra.pop("label", code.replace(".", " ").capitalize())},
        "kind": "rom",
        "unit": "deg",
        "bounds": [0, 200],  # a true zero: percent of norm shown (signed: tests below)
        "bilateral": True,
    }
    base.update(extra)
    return base


def make_catalogue(*measures: dict[str, Any]) -> Catalogue:
    return parse_catalogue({"version": "test", "sources": SOURCES, "measures": list(measures)})


# Ankle dorsiflexion: norm 40° for everyone 20–44, MDC95 4°, asymmetry > 5° (absolute).
ANKLE = measure(
    "ankle.df",
    label="Ankle dorsiflexion (knee flexed)",
    norms=[{"sex": "any", "age_min": 20, "age_max": 44, "mean": 40, "source": "cdc-rom-2011"}],
    errors=[{"mdc95": 4, "source": "gonio-error"}],
    asymmetry={"kind": "absolute", "threshold": 5, "source": "chisholm-2012"},
)
# Hip flexion: CDC-style sex and age bands, MDC95 6°, no asymmetry rule, active and passive.
HIP = measure(
    "hip.flexion",
    label="Hip flexion",
    modes=["active", "passive"],
    norms=[
        {"sex": "female", "age_min": 9, "age_max": 19, "mean": 140, "source": "cdc-rom-2011"},
        {"sex": "female", "age_min": 20, "age_max": 44, "mean": 137, "source": "cdc-rom-2011"},
        {"sex": "female", "age_min": 45, "age_max": 69, "mean": 130, "source": "cdc-rom-2011"},
        {"sex": "male", "age_min": 20, "age_max": 44, "mean": 130, "source": "cdc-rom-2011"},
    ],
    errors=[{"mdc95": 6, "source": "gonio-error"}],
)
HOP = measure(
    "hop.single",
    kind="distance",
    unit="cm",
    bounds=[0, 400],
    asymmetry={"kind": "lsi", "threshold": 90, "source": "hop-rts"},
)
NOERR = measure("hallux.extension", label="Hallux extension")
NPRS = measure(
    "nprs",
    label="NPRS",
    kind="score",
    unit="score",
    bounds=[0, 10],
    bilateral=False,
    higher_is_better=False,
    errors=[{"mdc95": 2, "source": "farrar-2001", "note": "MCID"}],
)
LEFS = measure(
    "lefs.total",
    label="LEFS",
    kind="score",
    unit="score",
    bounds=[0, 80],
    bilateral=False,
    errors=[{"mdc95": 9, "source": "binkley-1999", "note": "MCID = MDC"}],
)
YBAL = [
    measure(
        "ybalance.anterior",
        label="Y-Balance anterior reach",
        kind="distance",
        unit="cm",
        bounds=[0, 150],
        errors=[{"mdc95": 3.5, "source": "shaffer-2013"}],
        asymmetry={"kind": "absolute", "threshold": 4, "source": "plisky-2006"},
    ),
    measure("ybalance.posteromedial", kind="distance", unit="cm", bounds=[0, 200]),
    measure("ybalance.posterolateral", kind="distance", unit="cm", bounds=[0, 200]),
    measure("limb.length", kind="distance", unit="cm", bounds=[40, 130]),
    measure(
        "ybalance.composite",
        label="Y-Balance composite",
        kind="ratio",
        unit="percent",
        bounds=[0, 200],
        computed=True,
    ),
]
FMS = [
    measure(
        code,
        kind="score",
        unit="score",
        bounds=[0, 3],
        bilateral=code in ("fms.hurdle_step", "fms.inline_lunge", "fms.shoulder_mobility"),
    )
    for code in (
        "fms.deep_squat",
        "fms.hurdle_step",
        "fms.inline_lunge",
        "fms.shoulder_mobility",
        "fms.aslr",
        "fms.trunk_stability_pushup",
        "fms.rotary_stability",
        "fms.total",
    )
]
CAT = make_catalogue(ANKLE, HIP, HOP, NOERR, NPRS, LEFS, *YBAL, *FMS)


def client(dob: date | None = date(1990, 6, 15), sex: str = "female") -> ClientRecord:
    return ClientRecord(
        id=1,
        chart_number="T-001",
        given_name="Testa",
        family_name="Runnerton",
        date_of_birth=dob,
        sex=sex,  # type: ignore[arg-type]
    )


def m(code: str, side: Side, value: float, mode: str = "none", **kw: Any) -> MeasurementRecord:
    return MeasurementRecord(code=code, side=side, mode=mode, value=value, **kw)  # type: ignore[arg-type]


def visit(aid: int, when: date, *values: MeasurementRecord, **kw: Any) -> AssessmentRecord:
    return AssessmentRecord(
        id=aid,
        client_id=1,
        date=when,
        kind="initial" if aid == 1 else "reassessment",
        status=kw.pop("status", "signed"),
        measurements=values,
        **kw,
    )


def interpret(
    *visits: AssessmentRecord, who: ClientRecord | None = None
) -> AssessmentInterpretation:
    return interpret_assessment(ClientHistory(who or client(), visits), catalogue=CAT)


D1, D2, D3 = date(2024, 1, 10), date(2024, 2, 10), date(2024, 3, 10)


# --- Norms ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "flag", "percent"),
    [
        (40, "within", 100.0),
        (36, "within", 90.0),  # exactly 90%: not below
        (35.9, "below", 89.75),  # under 90% and 4.1° short: beyond the 4° MDC
        (30, "below", 75.0),
        (44, "within", 110.0),  # exactly 110%: not above
        (50, "above", 125.0),
    ],
)
def test_norm_flag_by_percent_and_error(value: float, flag: str, percent: float) -> None:
    result = compare_with_norm(CAT["ankle.df"], value, "female", 30)
    assert result.flag == flag
    assert result.percent_of_norm == pytest.approx(percent)
    assert "cdc-rom-2011" in result.reason


@pytest.mark.parametrize(
    ("value", "flag"), [(90, "within"), (89.9, "below"), (110, "within"), (110.1, "above")]
)
def test_norm_percentage_threshold_exactly(value: float, flag: str) -> None:
    # Norm 100, MDC 4: the error guard is passed, so the percentage alone decides.
    cat = make_catalogue(
        measure(
            "knee.flexion",
            norms=[{"mean": 100, "source": "cdc-rom-2011"}],
            errors=[{"mdc95": 4, "source": "gonio-error"}],
        )
    )
    assert compare_with_norm(cat["knee.flexion"], value, "male", 50).flag == flag


def test_shortfall_within_error_is_never_below_norm() -> None:
    # 27° against a 30° norm is 90%-: under the percentage, but only 3° short with MDC 4°.
    cat = make_catalogue(
        measure(
            "hip.extension",
            norms=[{"mean": 30, "source": "cdc-rom-2011"}],
            errors=[{"mdc95": 4, "source": "gonio-error"}],
        )
    )
    result = compare_with_norm(cat["hip.extension"], 26.5, None, 30)
    assert result.percent_of_norm is not None
    assert result.percent_of_norm < BELOW_NORM_PERCENT
    assert result.flag == "within"


def test_below_norm_reason_says_it_is_a_clinic_convention() -> None:
    result = compare_with_norm(CAT["ankle.df"], 30, None, 30)
    assert "clinic convention" in result.reason
    assert "gonio-error" in result.reason


@pytest.mark.parametrize(
    ("dob", "on", "expected_mean"),
    [
        (date(2000, 3, 15), date(2020, 3, 14), 140),  # 19 the day before the birthday
        (date(2000, 3, 15), date(2020, 3, 15), 137),  # 20 on the birthday
        (date(1975, 3, 15), date(2020, 3, 14), 137),  # 44
        (date(1975, 3, 15), date(2020, 3, 15), 130),  # 45
    ],
)
def test_age_band_boundaries(dob: date, on: date, expected_mean: float) -> None:
    result = interpret(visit(1, on, m("hip.flexion", "left", 120, "passive")), who=client(dob))
    row = result.row("hip.flexion", "left", "passive")
    assert row is not None and row.norm.norm is not None
    assert row.norm.norm.mean == expected_mean


@pytest.mark.parametrize(
    ("who", "words"),
    [
        (client(dob=None), "no date of birth"),
        (client(sex="unknown"), "sex-specific"),
        (client(dob=date(1930, 1, 1)), "no norm for age 94"),
    ],
)
def test_missing_norm_says_why(who: ClientRecord, words: str) -> None:
    result = interpret(visit(1, D1, m("hip.flexion", "left", 120, "passive")), who=who)
    row = result.row("hip.flexion", "left", "passive")
    assert row is not None
    assert row.norm.flag == "no_norm"
    assert row.norm.text == "—"
    assert any(words in r for r in row.reasons)


def test_client_without_dob_or_sex_is_noted() -> None:
    result = interpret(visit(1, D1, m("ankle.df", "left", 30)), who=client(dob=None, sex="unknown"))
    assert any("date of birth" in n for n in result.notes)
    assert any("No sex recorded" in n for n in result.notes)


def test_sex_specific_norm_is_chosen() -> None:
    result = interpret(
        visit(1, D1, m("hip.flexion", "left", 125, "passive")), who=client(sex="male")
    )
    row = result.row("hip.flexion", "left", "passive")
    assert row is not None and row.norm.norm is not None
    assert (row.norm.norm.sex, row.norm.norm.mean) == ("male", 130)


# --- Sides ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("left", "right", "asymmetric", "weaker"),
    [
        (38, 28, True, "right"),
        (33, 28, False, "right"),  # exactly 5°: not more than the threshold
        (33.1, 28, True, "right"),
        (28, 28, False, None),
        (20, 30, True, "left"),
    ],
)
def test_absolute_asymmetry_rule(
    left: float, right: float, asymmetric: bool, weaker: str | None
) -> None:
    result = compare_sides(CAT["ankle.df"], left, right)
    assert result.asymmetric is asymmetric
    assert result.weaker_side == weaker
    assert result.threshold_kind == "absolute"
    assert "chisholm-2012" in result.reason


def test_asymmetry_reason_reads_like_a_therapist_wrote_it() -> None:
    result = interpret(visit(1, D1, m("ankle.df", "left", 38), m("ankle.df", "right", 28)))
    row = result.row("ankle.df", "right")
    assert row is not None
    assert "asymmetry" in row.flags
    assert (
        "Right ankle dorsiflexion (knee flexed) 28°, 10° less than left "
        "(threshold 5°, chisholm-2012)."
    ) in row.reasons
    left_row = result.row("ankle.df", "left")
    assert left_row is not None and "asymmetry" not in left_row.flags


@pytest.mark.parametrize(
    ("left", "right", "lsi", "asymmetric"),
    [
        (200, 180, 90.0, False),  # exactly 90%: passes
        (200, 179, 89.5, True),
        (150, 200, 75.0, True),
        (0, 0, None, False),
    ],
)
def test_lsi_rule(left: float, right: float, lsi: float | None, asymmetric: bool) -> None:
    result = compare_sides(CAT["hop.single"], left, right)
    assert result.lsi == (pytest.approx(lsi) if lsi is not None else None)
    assert result.asymmetric is asymmetric
    assert result.threshold_kind == "lsi"


@pytest.mark.parametrize(
    ("left", "right", "asymmetric"),
    [(120, 114, False), (120, 113.5, True)],  # MDC95 6°: exactly 6° is within error
)
def test_without_rule_the_error_decides(left: float, right: float, asymmetric: bool) -> None:
    result = compare_sides(CAT["hip.flexion"], left, right)
    assert result.threshold_kind == "error"
    assert result.asymmetric is asymmetric
    assert "no asymmetry threshold in the catalogue" in result.reason


def test_without_rule_or_error_the_difference_is_not_judged() -> None:
    result = compare_sides(CAT["hallux.extension"], 70, 50)
    assert result.asymmetric is False
    assert result.threshold_kind == "none"
    assert "no asymmetry threshold or measurement error" in result.reason


def test_higher_is_better_false_makes_the_larger_value_weaker() -> None:
    cat = make_catalogue(
        measure(
            "hop.time",
            kind="time",
            unit="s",
            bounds=[0, 30],
            higher_is_better=False,
            asymmetry={"kind": "lsi", "threshold": 90, "source": "hop-rts"},
        )
    )
    result = compare_sides(cat["hop.time"], 2.0, 2.5)
    assert result.weaker_side == "right"
    assert result.lsi == pytest.approx(80.0)
    assert result.asymmetric
    assert "0.5 s more than left" in result.reason


def test_one_side_only_is_said_not_crashed() -> None:
    result = interpret(visit(1, D1, m("ankle.df", "left", 30)))
    row = result.row("ankle.df", "left")
    assert row is not None and row.sides is None
    assert any("only the left side was recorded" in r for r in row.reasons)


# --- Active against passive ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("active", "passive", "deficit"),
    [(110, 130, True), (124, 130, False), (123.9, 130, True)],  # MDC 6°: a 6° gap is error
)
def test_active_passive_gap(active: float, passive: float, deficit: bool) -> None:
    result = interpret(
        visit(
            1,
            D1,
            m("hip.flexion", "left", active, "active"),
            m("hip.flexion", "left", passive, "passive"),
        )
    )
    row = result.row("hip.flexion", "left", "active")
    assert row is not None and row.gap is not None
    assert row.gap.gap == pytest.approx(passive - active)
    assert row.gap.control_deficit is deficit
    assert ("control_deficit" in row.flags) is deficit
    if deficit:
        # 20° against a 6° error is clearly a deficit; 6.1° is only just beyond the error:
        # left to clinical judgement in words (results.CLEAR_GAP_FACTOR), flagged all the same.
        words = (
            "control deficit, not a flexibility limit"
            if row.gap.gap > 12
            else "healthy runners show some gap too: judge clinically"
        )
        assert any(words in r for r in row.reasons)
    passive_row = result.row("hip.flexion", "left", "passive")
    assert passive_row is not None and "control_deficit" not in passive_row.flags


def test_no_gap_when_only_one_mode_was_taken() -> None:
    result = interpret(visit(1, D1, m("hip.flexion", "left", 110, "active")))
    row = result.row("hip.flexion", "left", "active")
    assert row is not None and row.gap is None


# --- Change since the last visit -----------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "before", "after", "verdict"),
    [
        ("ankle.df", 28, 33, "improved"),
        ("ankle.df", 28, 32, "unchanged"),  # exactly the 4° MDC: not a real change
        ("ankle.df", 28, 24, "unchanged"),
        ("ankle.df", 28, 23.5, "worse"),
        ("nprs", 7, 4, "improved"),  # pain going down is better
        ("nprs", 4, 7, "worse"),
        ("nprs", 6, 4, "unchanged"),  # 2 points: equal to the MCID, not more
        ("lefs.total", 50, 59, "unchanged"),  # 9 points: equal to MCID
        ("lefs.total", 50, 60, "improved"),
        ("lefs.total", 60, 50, "worse"),
    ],
)
def test_change_against_mdc(code: str, before: float, after: float, verdict: str) -> None:
    side: Side = "left" if CAT[code].bilateral else "none"
    result = interpret(visit(1, D1, m(code, side, before)), visit(2, D2, m(code, side, after)))
    row = result.row(code, side)
    assert row is not None
    assert row.change.verdict == verdict
    assert row.change.previous_value == before
    assert row.change.delta == pytest.approx(after - before)
    assert ("improved" in row.flags) is (verdict == "improved")
    assert ("worse" in row.flags) is (verdict == "worse")
    assert row.change.source in row.change.reason


def test_float_noise_does_not_turn_equal_into_more() -> None:
    # 11.0 - 9.4 is 1.6000000000000014 in binary floating point.
    cat = make_catalogue(
        measure("wblt", unit="cm", errors=[{"mdc95": 1.6, "source": "gonio-error"}])
    )
    verdict, mdc, _ = judge_change(cat["wblt"], 9.4, 11.0)
    assert (verdict, mdc) == ("unchanged", 1.6)


def test_no_previous_visit() -> None:
    result = interpret(visit(1, D1, m("ankle.df", "left", 30)))
    row = result.row("ankle.df", "left")
    assert row is not None
    assert row.change.verdict == "no_previous"
    assert any("No earlier assessment" in n for n in result.notes)


def test_previous_is_the_latest_earlier_visit_holding_that_value() -> None:
    result = interpret(
        visit(1, D1, m("ankle.df", "left", 20)),
        visit(2, D2, m("hip.flexion", "left", 120, "active")),  # no ankle value here
        visit(3, D3, m("ankle.df", "left", 30)),
    )
    row = result.row("ankle.df", "left")
    assert row is not None
    assert (row.change.previous_assessment_id, row.change.previous_value) == (1, 20)


def test_an_earlier_assessment_can_be_interpreted() -> None:
    result = interpret_assessment(
        ClientHistory(
            client(),
            (visit(1, D1, m("ankle.df", "left", 20)), visit(2, D2, m("ankle.df", "left", 30))),
        ),
        assessment_id=1,
        catalogue=CAT,
    )
    assert result.assessment is not None and result.assessment.id == 1
    row = result.row("ankle.df", "left")
    assert row is not None and row.change.verdict == "no_previous"


def test_unknown_assessment_id_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        interpret_assessment(ClientHistory(client(), ()), assessment_id=9, catalogue=CAT)


def test_change_without_error_is_undetermined() -> None:
    result = interpret(
        visit(1, D1, m("hallux.extension", "left", 50)),
        visit(2, D2, m("hallux.extension", "left", 70)),
    )
    row = result.row("hallux.extension", "left")
    assert row is not None
    assert row.change.verdict == "undetermined"
    assert "no measurement error" in row.change.reason


# --- Pain, unknown codes, empty history -----------------------------------------------------


def test_pain_flag() -> None:
    result = interpret(visit(1, D1, m("ankle.df", "left", 38, pain=True)))
    row = result.row("ankle.df", "left")
    assert row is not None and "pain" in row.flags


def test_unknown_code_is_reported_not_crashed() -> None:
    result = interpret(visit(1, D1, m("mystery.test", "none", 3)))
    row = result.row("mystery.test")
    assert row is not None and not row.known
    assert any("not in the catalogue" in r for r in row.reasons)


def test_empty_history() -> None:
    result = interpret()
    assert result.assessment is None and result.rows == ()
    assert result.notes == ("No assessments recorded yet.",)
    json.dumps(result.to_json_dict())


# --- Y-Balance ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "pm", "pl", "ll", "composite"),
    [
        (60, 100, 98, 86, 100.0),  # (258) / (3 × 86) × 100
        (62, 100, 96, 90, 95.555_555),
        (50, 80, 80, 100, 70.0),
    ],
)
def test_ybalance_composite_formula(
    a: float, pm: float, pl: float, ll: float, composite: float
) -> None:
    assert ybalance_composite(a, pm, pl, ll) == pytest.approx(composite)


def test_ybalance_composite_needs_a_limb_length() -> None:
    with pytest.raises(ValueError):
        ybalance_composite(60, 100, 98, 0)


def test_ybalance_rows_are_computed_and_anterior_asymmetry_uses_4cm() -> None:
    values = []
    for side, anterior in (("left", 64.0), ("right", 59.5)):
        values += [
            m("ybalance.anterior", side, anterior),  # type: ignore[arg-type]
            m("ybalance.posteromedial", side, 100),  # type: ignore[arg-type]
            m("ybalance.posterolateral", side, 98),  # type: ignore[arg-type]
            m("limb.length", side, 86),  # type: ignore[arg-type]
        ]
    result = interpret(visit(1, D1, *values))
    left = result.row("ybalance.composite", "left")
    right = result.row("ybalance.composite", "right")
    assert left is not None and right is not None and left.computed
    assert left.value == pytest.approx(101.6, abs=0.05)
    assert right.value == pytest.approx(99.8, abs=0.05)
    anterior = result.row("ybalance.anterior", "right")
    assert anterior is not None and "asymmetry" in anterior.flags  # 4.5 cm > 4 cm
    assert any("plisky-2006" in r for r in anterior.reasons)


def test_ybalance_one_reach_missing_gives_no_composite() -> None:
    result = interpret(
        visit(1, D1, m("ybalance.anterior", "left", 60), m("limb.length", "left", 86))
    )
    assert result.row("ybalance.composite", "left") is None


# --- FMS -------------------------------------------------------------------------------------


FULL_FMS: dict[str, dict[Side, int]] = {
    "fms.deep_squat": {"none": 2},
    "fms.hurdle_step": {"left": 3, "right": 2},
    "fms.inline_lunge": {"left": 2, "right": 2},
    "fms.shoulder_mobility": {"left": 3, "right": 3},
    "fms.aslr": {"left": 2, "right": 1},
    "fms.trunk_stability_pushup": {"none": 3},
    "fms.rotary_stability": {"left": 2, "right": 2},
}


def test_fms_scores_the_lower_side_and_lists_asymmetries() -> None:
    result = fms_total(FULL_FMS)
    assert result.scores["fms.hurdle_step"] == 2
    assert result.scores["fms.aslr"] == 1
    assert result.total == 2 + 2 + 2 + 3 + 1 + 3 + 2
    assert result.asymmetric_tests == ("fms.hurdle_step", "fms.aslr")


@pytest.mark.parametrize(
    ("clearing", "zeroed", "total"),
    [
        ({"fms.clear.shoulder": True}, "fms.shoulder_mobility", 15 - 3),
        ({"fms.clear.spinal_extension": True}, "fms.trunk_stability_pushup", 15 - 3),
        ({"fms.clear.spinal_flexion": True}, "fms.rotary_stability", 15 - 2),
    ],
)
def test_fms_painful_clearing_test_forces_zero(
    clearing: dict[str, bool], zeroed: str, total: int
) -> None:
    result = fms_total(FULL_FMS, clearing)
    assert result.scores[zeroed] == 0
    assert result.zeroed_by_clearing == (zeroed,)
    assert result.total == total


def test_fms_negative_clearing_changes_nothing() -> None:
    assert fms_total(FULL_FMS, {"fms.clear.shoulder": False}).total == 15


def test_fms_incomplete_has_no_total() -> None:
    partial = {k: v for k, v in FULL_FMS.items() if k != "fms.aslr"}
    result = fms_total(partial)
    assert result.total is None and result.missing == ("fms.aslr",)


@pytest.mark.parametrize(
    ("scores", "clearing"),
    [
        ({"fms.deep_squat": {"none": 4}}, {}),
        ({"fms.deep_squat": {"none": -1}}, {}),
        ({}, {"fms.clear.knee": True}),
    ],
)
def test_fms_rejects_bad_input(
    scores: dict[str, dict[Side, int]], clearing: dict[str, bool]
) -> None:
    with pytest.raises(ValueError):
        fms_total(scores, clearing)


def test_fms_total_row_in_an_assessment_with_clearing_finding() -> None:
    values = [
        m(code, side, score) for code, sides in FULL_FMS.items() for side, score in sides.items()
    ]
    result = interpret(
        visit(
            1,
            D1,
            *values,
            findings=(FindingRecord("fms.clear.shoulder", "none", rating="positive"),),
        )
    )
    row = result.row("fms.total")
    assert row is not None and row.value == 12
    # The asymmetry is flagged on each test's lower side, not on the total.
    assert "asymmetry" not in row.flags
    asymmetric = {(r.code, r.side) for r in result.flagged("asymmetry")}
    assert asymmetric and all(code in FULL_FMS for code, _ in asymmetric)
    assert any("scored 0" in r and "clearing" in r for r in row.reasons)


def test_fms_incomplete_is_noted() -> None:
    result = interpret(visit(1, D1, m("fms.deep_squat", "none", 2)))
    assert result.row("fms.total") is None
    assert any("FMS incomplete" in n for n in result.notes)


# --- LEFS ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answers", "total"),
    [
        ([4] * 20, 80),
        ([0] * 20, 0),
        ([3] * 10 + [2] * 10, 50),
        ([3] * 19, None),  # one item short
        ([3] * 19 + [None], None),
        ([], None),
    ],
)
def test_lefs_total(answers: list[int | None], total: int | None) -> None:
    assert lefs_total(answers) == total


@pytest.mark.parametrize("answers", [[5] + [0] * 19, [-1] + [0] * 19, [0] * 21])
def test_lefs_rejects_impossible_answers(answers: list[int]) -> None:
    with pytest.raises(ValueError):
        lefs_total(answers)


def test_lefs_from_answers_against_its_mcid() -> None:
    result = interpret(
        visit(1, D1, outcomes=(OutcomeRecord("lefs", (2,) * 20),)),
        visit(2, D2, outcomes=(OutcomeRecord("lefs", (3,) * 10 + (2,) * 10),)),
    )
    row = result.row("lefs.total")
    assert row is not None and row.computed
    assert (row.change.previous_value, row.value) == (40, 50)
    assert row.change.verdict == "improved"  # +10 > MCID 9
    assert "binkley-1999" in row.change.reason


def test_incomplete_lefs_is_noted() -> None:
    result = interpret(visit(1, D1, outcomes=(OutcomeRecord("lefs", (2,) * 15),)))
    assert result.row("lefs.total") is None
    assert any("LEFS incomplete (15 of 20" in n for n in result.notes)


# --- Rows for the CLI and the report ----------------------------------------------------------


def test_summary_rows_and_json() -> None:
    result = interpret(
        visit(1, D1, m("ankle.df", "left", 30), m("ankle.df", "right", 38)),
        visit(2, D2, m("ankle.df", "left", 36), m("ankle.df", "right", 38), m("nprs", "none", 3)),
    )
    rows = summary_rows(result)
    assert [(r.code, r.side) for r in rows] == [
        ("ankle.df", "left"),
        ("ankle.df", "right"),
        ("nprs", "none"),
    ]
    left = rows[0]
    assert left.value_text == "36°"
    assert left.norm_text == "40° (20–44, cdc-rom-2011)"
    assert left.flags == ("improved",)
    for row in rows:
        assert set(row.flags) <= set(FLAGS)
    data = json.loads(json.dumps(result.to_json_dict()))
    assert data["rows"][0]["change"]["verdict"] == "improved"
    assert set(data["sources"]) == {"cdc-rom-2011", "gonio-error", "chisholm-2012"}
    assert json.loads(json.dumps([r.to_json_dict() for r in rows]))[2]["code"] == "nprs"
