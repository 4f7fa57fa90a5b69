"""The findings that matter and what changed, as the summary and the letter print them."""

from __future__ import annotations

from datetime import date

import pytest

from mobileathlete_desktop.domain.catalogue import default_catalogue
from mobileathlete_desktop.domain.interpretation import interpret_assessment
from mobileathlete_desktop.domain.interpretation.changes import (
    change_lines,
    episode_interpretation,
)
from mobileathlete_desktop.domain.interpretation.highlights import (
    HIGHLIGHT_ORDER,
    KIND_ASYMMETRY,
    KIND_CONTROL,
    KIND_PAIN,
    KIND_RESTRICTION,
    highlights,
)
from mobileathlete_desktop.domain.records import (
    AssessmentRecord,
    ClientHistory,
    ClientRecord,
    MeasurementRecord,
)

# A 35-year-old female runner: the passive hip rotation norm of runners applies (16-40).
CLIENT = ClientRecord(1, "SYN-1", "Testa", "Runnerton", date(1990, 4, 2), "female")
FIRST, SECOND, THIRD = date(2025, 3, 1), date(2025, 4, 1), date(2025, 5, 1)

Value = tuple[str, str, str, float] | tuple[str, str, str, float, bool]


def _visit(ident: int, when: date, *values: Value) -> AssessmentRecord:
    return AssessmentRecord(
        id=ident,
        client_id=1,
        date=when,
        kind="initial" if ident == 1 else "reassessment",
        status="signed",
        measurements=tuple(
            MeasurementRecord(v[0], v[1], v[2], v[3], pain=len(v) > 4 and bool(v[4]))  # type: ignore[arg-type, misc]
            for v in values
        ),
    )


# The worked case: a hip control deficit (passive internal rotation within the runners' norm,
# active 15° short), a painful hip flexion below its norm, a calf lunge asymmetry, pain on
# the NPRS falling from 6 to 2 (beyond the 2-point MDC and the 2-point/30% MCID).
LATEST = (
    ("hip.internal_rotation", "right", "active", 25.0),
    ("hip.internal_rotation", "right", "passive", 40.0),
    ("hip.flexion", "left", "active", 95.0, True),
    ("wblt.distance", "left", "none", 11.0),
    ("wblt.distance", "right", "none", 6.0),
    ("nprs", "none", "none", 2.0),
)


def _history(*visits: AssessmentRecord) -> ClientHistory:
    return ClientHistory(CLIENT, visits)


def _worked() -> ClientHistory:
    return _history(
        _visit(1, FIRST, ("nprs", "none", "none", 6.0), ("wblt.distance", "right", "none", 3.0)),
        _visit(2, SECOND, ("nprs", "none", "none", 3.0), ("wblt.distance", "right", "none", 5.5)),
        _visit(3, THIRD, *LATEST),
    )


def test_the_worked_case_reads_as_a_therapist_would_say_it() -> None:
    cat = default_catalogue()
    found = highlights(interpret_assessment(_worked(), catalogue=cat), "en", cat)
    by_kind = {h.kind: h for h in found}
    assert by_kind[KIND_CONTROL].text == (
        "Hip internal rotation, right: passive 40° is within the norm (46° ± 9.1°, "
        "hip-rotation-runners-ijspt) but active reaches only 25°: a control deficit, not a "
        "flexibility limit (gap 15°, more than the 8.6° measurement error, gradoz-2018)."
    )
    assert by_kind[KIND_PAIN].text.startswith("Hip flexion, left: active 95°, below the norm (")
    assert by_kind[KIND_PAIN].text.endswith(
        "and painful during the test: pain may be what limits it."
    )
    assert by_kind[KIND_ASYMMETRY].text == (
        "Weight-bearing lunge (knee to wall): right 6 cm against left 11 cm, a difference of "
        "5 cm (threshold 1.5 cm, chisholm-2012)."
    )
    assert by_kind[KIND_ASYMMETRY].side == "right"  # the weaker side


def test_findings_are_ranked_by_kind_and_the_control_deficit_is_not_repeated_as_a_restriction() -> (
    None
):
    cat = default_catalogue()
    found = highlights(interpret_assessment(_worked(), catalogue=cat), "en", cat)
    rank = [HIGHLIGHT_ORDER.index(h.kind) for h in found]
    assert rank == sorted(rank)
    assert found[0].kind == KIND_CONTROL
    # The short active hip rotation is below its norm too: the control deficit says why.
    assert not [
        h for h in found if h.kind == KIND_RESTRICTION and h.code == "hip.internal_rotation"
    ]
    # The painful hip flexion is one "pain" finding, not also a restriction.
    assert [h.kind for h in found if h.code == "hip.flexion"] == [KIND_PAIN]


HIP_ABDUCTION_GAP = (
    ("hip.abduction", "right", "active", 32.0),
    ("hip.abduction", "right", "passive", 37.0),
    ("hip.abduction", "left", "active", 36.0),
    ("hip.abduction", "left", "passive", 37.0),
)


def test_a_passive_range_below_its_norm_with_an_active_gap_is_one_finding_titled_both() -> None:
    """Review M4 (DEMO-0001): a man of 36 (inside Mosler 2017's male footballers 18-40),
    hip abduction right passive 37° below the norm's usual range (50 ± 7.3°: under 38°) and
    active 32° (gap 5° beyond the 4° error): one finding, "Restriction and control deficit",
    its sentence saying both, no restriction row of the same place (the summary, the letter
    and the full record read these highlights). The other side, passive below norm without a
    gap, stays a restriction."""
    cat = default_catalogue()
    man = ClientRecord(1, "SYN-1", "Testo", "Runnerton", date(1990, 4, 2), "male")
    visit = _visit(1, FIRST, *HIP_ABDUCTION_GAP)
    result = interpret_assessment(ClientHistory(man, (visit,)), catalogue=cat)
    found = highlights(result, "en", cat)
    right = [h for h in found if h.code == "hip.abduction" and h.side == "right"]
    assert [(h.kind, h.title()) for h in right] == [
        (KIND_CONTROL, "Restriction and control deficit")
    ]
    # The 5° gap is only just beyond the 4° error: the sentence says the restriction and
    # leaves the gap to clinical judgement (results.CLEAR_GAP_FACTOR); the flag, and so the
    # title, stay.
    assert "a restriction, and active short of passive by more than the measurement" in (
        right[0].text
    )
    assert "judge clinically" in right[0].text
    left = [h for h in found if h.code == "hip.abduction" and h.side == "left"]
    assert [(h.kind, h.title()) for h in left] == [(KIND_RESTRICTION, "Restriction")]
    spanish = [h for h in highlights(result, "es", cat) if h.side == "right"]
    assert [h.title("es") for h in spanish] == ["Restricción y déficit de control"]


def test_a_womans_hip_abduction_against_the_mens_fallback_is_no_restriction() -> None:
    """The same values for a woman of 36: Mosler's 50 ± 7.3° was measured in male
    footballers, so for her it is a reference shown as context, never a restriction (no
    finding, no drill, nothing on the handout). The gap rule still applies: right active 32°
    against passive 37° is beyond the goniometer's 4° error, a control deficit only."""
    cat = default_catalogue()
    result = interpret_assessment(_history(_visit(1, FIRST, *HIP_ABDUCTION_GAP)), catalogue=cat)
    passive = result.row("hip.abduction", "right", "passive")
    assert passive is not None and passive.norm.flag == "not_judged"
    assert "below_norm" not in passive.flags
    found = highlights(result, "en", cat)
    assert [(h.code, h.side, h.kind) for h in found] == [("hip.abduction", "right", KIND_CONTROL)]
    assert found[0].title() == "Control deficit"


def test_above_norm_is_not_a_finding() -> None:
    cat = default_catalogue()
    visit = _visit(1, FIRST, ("hip.flexion", "left", "active", 150.0))
    result = interpret_assessment(_history(visit), catalogue=cat)
    assert "above_norm" in result.rows[0].flags
    assert highlights(result, "en", cat) == []


def test_a_limit_keeps_one_finding_of_every_kind_first() -> None:
    cat = default_catalogue()
    extra = (
        ("hip.flexion", "left", "passive", 90.0),
        ("hip.flexion", "right", "passive", 92.0),
        ("knee.flexion", "left", "passive", 100.0),
    )
    history = _history(_visit(1, FIRST, *LATEST, *extra))
    found = highlights(interpret_assessment(history, catalogue=cat), "en", cat)
    assert len([h for h in found if h.kind == KIND_RESTRICTION]) >= 2
    kinds = {h.kind for h in found}
    three = highlights(interpret_assessment(history, catalogue=cat), "en", cat, limit=3)
    assert [h.kind for h in three] == [k for k in HIGHLIGHT_ORDER if k in kinds][:3]


def test_changes_keep_measurement_error_and_clinical_importance_apart() -> None:
    cat = default_catalogue()
    history = _worked()
    since_first = {c.code: c for c in change_lines(episode_interpretation(history, cat), "en", cat)}
    assert since_first["nprs"].text == (
        "Pain (NPRS 0-10): 6 points → 2 points, improved: beyond the measurement error "
        "(2 points); clinically important (MCID 2 points or 30%, farrar-2001)."
    )
    # The lunge has no MCID in the catalogue: only the error is said.
    wblt = next(c for c in since_first.values() if c.code == "wblt.distance")
    assert wblt.important is None and "clinically" not in wblt.text
    assert "Right weight-bearing" not in wblt.text and "3 cm → 6 cm, improved" in wblt.text
    # Since the last visit, NPRS 3 → 2 is a third less but 1 point: within the 2-point
    # error, and the 30% is not applied from a pain of 3 or less (catalogue 2026.7). It was
    # listed as "improved ... clinically important"; a change within the error is not listed
    # now, and the row says why.
    last = interpret_assessment(history, catalogue=cat)
    assert "nprs" not in {c.code for c in change_lines(last, "en", cat)}
    row = last.row("nprs", "none", "none")
    assert row is not None
    assert (row.change.verdict, row.change.important) == ("unchanged", False)
    assert "short of the 2 points clinically important difference" in row.change.reason


def test_a_change_within_the_error_and_short_of_the_mcid_is_not_listed() -> None:
    cat = default_catalogue()
    history = _history(
        _visit(1, FIRST, ("nprs", "none", "none", 6.0)),
        _visit(2, SECOND, ("nprs", "none", "none", 5.0)),
    )
    assert change_lines(episode_interpretation(history, cat), "en", cat) == []


def test_worse_comes_first() -> None:
    cat = default_catalogue()
    history = _history(
        _visit(1, FIRST, ("nprs", "none", "none", 2.0), ("wblt.distance", "left", "none", 6.0)),
        _visit(2, SECOND, ("nprs", "none", "none", 6.0), ("wblt.distance", "left", "none", 11.0)),
    )
    lines = change_lines(episode_interpretation(history, cat), "en", cat)
    assert [c.verdict for c in lines] == ["worse", "improved"]


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        (
            KIND_CONTROL,
            "Rotación interna de cadera, lado derecho: el pasivo 40° está dentro de la norma "
            "(46° ± 9.1°, hip-rotation-runners-ijspt), pero el activo solo llega a 25°: un "
            "déficit de control, no una limitación de flexibilidad (diferencia de 15°, mayor "
            "que el error de medición de 8.6°, gradoz-2018).",
        ),
        (
            KIND_ASYMMETRY,
            "Prueba de rodilla a la pared (tobillo con peso): lado derecho 6 cm frente a lado "
            "izquierdo 11 cm, una diferencia de 5 cm (umbral 1.5 cm, chisholm-2012).",
        ),
    ],
)
def test_spanish_findings(kind: str, expected: str) -> None:
    cat = default_catalogue()
    found = highlights(interpret_assessment(_worked(), catalogue=cat), "es", cat)
    assert next(h for h in found if h.kind == kind).text == expected


def test_spanish_change_line() -> None:
    cat = default_catalogue()
    lines = change_lines(episode_interpretation(_worked(), cat), "es", cat)
    nprs = next(c for c in lines if c.code == "nprs")
    assert nprs.text == (
        "Dolor (escala numérica 0-10): 6 puntos → 2 puntos, mejoró: más allá del error de "
        "medición (2 puntos); clínicamente importante (DMCI 2 puntos o 30%, farrar-2001)."
    )
