"""CSV `faults` column (motor-control findings) and computed scores that never go stale."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from mobileathlete_desktop.domain.interpretation import ybalance_composite
from mobileathlete_desktop.domain.records import AssessmentRecord, FindingRecord
from mobileathlete_desktop.services import assessments, clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.imports import ImportFailed, import_assessments

DAY = "2025-03-01"
HEADER = "chart_number,date,measure,side,mode,value,pain,faults\n"
OLD_HEADER = "chart_number,date,measure,side,mode,value,pain\n"


def write(tmp_path: Path, text: str, name: str = "values.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def visit(ctx: ServiceContext, chart: str = "T-001") -> AssessmentRecord:
    history = assessments.load_history(ctx, clients.find_by_chart(ctx, chart).id)
    assert len(history.assessments) == 1
    return history.assessments[0]


def finding(record: AssessmentRecord, code: str, side: str) -> FindingRecord | None:
    return next((f for f in record.findings if (f.test_code, f.side) == (code, side)), None)


# --- faults -----------------------------------------------------------------------------


def test_a_motor_control_row_is_stored_as_the_tests_finding(
    ctx: ServiceContext, admin_ctx: ServiceContext, tmp_path: Path
) -> None:
    text = HEADER + (
        f"T-001,{DAY},sls,left,none,2,no,knee_valgus;pelvic_drop\n"
        f"T-001,{DAY},stepdown,right,none,,no,trunk_lean\n"
        f"T-001,{DAY},hip.flexion,left,active,110,no,\n"
    )
    report = import_assessments(admin_ctx, write(tmp_path, text), create_clients=True)
    assert report.values_added == 3
    record = visit(ctx)
    sls = finding(record, "sls", "left")
    assert sls is not None and (sls.rating, sls.faults) == ("poor", ("knee_valgus", "pelvic_drop"))
    step = finding(record, "stepdown", "right")
    assert step is not None and (step.rating, step.faults) == ("", ("trunk_lean",))
    # The finding is the test's record: no second copy of the rating as a value.
    assert record.value("sls", "left") is None
    assert [str(c) for c in report.changes][1] == (
        f"line 2: T-001 {DAY} sls left: 2 (poor) faults knee_valgus;pelvic_drop"
    )


@pytest.mark.parametrize(
    ("cell", "faults"),
    [
        (" knee_valgus ; pelvic_drop ", ("knee_valgus", "pelvic_drop")),  # stray spaces
        ("PELVIC_DROP;knee_valgus;", ("pelvic_drop", "knee_valgus")),  # case, trailing ;
        ("trunk_lean;trunk_lean", ("trunk_lean",)),  # given twice
        ("", ()),  # empty cell: none seen
        (" ; ", ()),
    ],
)
def test_fault_cells_are_forgiving_about_spacing_case_and_order(
    ctx: ServiceContext,
    admin_ctx: ServiceContext,
    tmp_path: Path,
    cell: str,
    faults: tuple[str, ...],
) -> None:
    text = HEADER + f'T-001,{DAY},sls,right,none,1,no,"{cell}"\n'
    import_assessments(admin_ctx, write(tmp_path, text), create_clients=True)
    found = finding(visit(ctx), "sls", "right")
    assert found is not None and (found.rating, found.faults) == ("fair", faults)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            f"T-001,{DAY},sls,left,none,2,no,knee_vlagus",
            "line 2: faults: 'knee_vlagus' is not a fault of sls; its faults are "
            "knee_valgus, pelvic_drop, trunk_lean, loss_of_balance",
        ),
        (
            f'T-001,{DAY},sls,left,none,2,no,"knee_valgus,pelvic_drop"',
            "'knee_valgus,pelvic_drop' is not a fault of sls \\(separate fault codes with ';'\\)",
        ),
        (
            f"T-001,{DAY},hip.flexion,left,active,110,no,knee_valgus",
            "line 2: faults: hip.flexion has no faults to record \\(only gait.running, sls, "
            "stepdown have faults\\); leave the cell empty",
        ),
        (
            f"T-001,{DAY},fms.deep_squat,none,none,2,no,trunk_lean",
            "fms.deep_squat has no faults to record",
        ),
        (f"T-001,{DAY},sls,left,none,3,no,", "Single-leg squat: 3 points is outside 0–2"),
        (f"T-001,{DAY},sls,left,none,1.5,no,", "'1.5' is not a rating \\(0 = good, 1 = fair"),
        (
            f"T-001,{DAY},sls,left,none,,no,",
            "Single-leg squat: empty \\(give a rating or faults\\)",
        ),
        (f"T-001,{DAY},sls,left,none,,yes,trunk_lean", "a painful test needs its rating"),
    ],
)
def test_bad_fault_cells_are_refused_per_row(
    ctx: ServiceContext, admin_ctx: ServiceContext, tmp_path: Path, row: str, message: str
) -> None:
    text = HEADER + row + "\n"
    with pytest.raises(ImportFailed, match=message):
        import_assessments(admin_ctx, write(tmp_path, text), create_clients=True)
    assert clients.search_clients(ctx) == []


def test_every_bad_fault_is_listed_with_its_line(
    ctx: ServiceContext, admin_ctx: ServiceContext, tmp_path: Path
) -> None:
    text = HEADER + (
        f"T-001,{DAY},sls,left,none,2,no,knee_valgus\n"
        f"T-001,{DAY},sls,right,none,2,no,valgus\n"
        f"T-001,{DAY},stepdown,left,none,0,no,wobble;trunk_lean\n"
    )
    with pytest.raises(ImportFailed) as caught:
        import_assessments(admin_ctx, write(tmp_path, text), create_clients=True)
    assert [e.line for e in caught.value.errors] == [3, 4]
    assert "'wobble' is not a fault of stepdown" in str(caught.value.errors[1])


def test_a_rating_word_is_accepted_for_the_value(
    ctx: ServiceContext, admin_ctx: ServiceContext, tmp_path: Path
) -> None:
    text = HEADER + f"T-001,{DAY},sls,left,none,Fair,no,trunk_lean\n"
    import_assessments(admin_ctx, write(tmp_path, text), create_clients=True)
    found = finding(visit(ctx), "sls", "left")
    assert found is not None and found.rating == "fair"


def test_an_old_file_without_the_column_imports_and_keeps_stored_faults(
    ctx: ServiceContext, admin_ctx: ServiceContext, tmp_path: Path
) -> None:
    first = HEADER + f"T-001,{DAY},sls,left,none,2,no,knee_valgus\n"
    import_assessments(admin_ctx, write(tmp_path, first, "first.csv"), create_clients=True)
    old = OLD_HEADER + f"T-001,{DAY},sls,left,none,1,no\nT-001,{DAY},sls,right,none,0,no\n"
    report = import_assessments(admin_ctx, write(tmp_path, old, "old.csv"))
    record = visit(ctx)
    left, right = finding(record, "sls", "left"), finding(record, "sls", "right")
    assert left is not None and (left.rating, left.faults) == ("fair", ("knee_valgus",))
    assert right is not None and (right.rating, right.faults) == ("good", ())
    assert (report.values_added, report.values_changed) == (1, 1)
    # The same file again changes nothing.
    again = import_assessments(admin_ctx, write(tmp_path, old, "old.csv"))
    assert (again.values_added, again.values_changed, again.changes) == (0, 0, [])


def test_a_painful_test_keeps_its_pain_on_a_value_that_agrees_with_the_rating(
    ctx: ServiceContext, admin_ctx: ServiceContext, tmp_path: Path
) -> None:
    text = HEADER + f"T-001,{DAY},stepdown,left,none,2,yes,pelvic_drop\n"
    import_assessments(admin_ctx, write(tmp_path, text), create_clients=True)
    record = visit(ctx)
    cell = record.measurement("stepdown", "left")
    assert cell is not None and (cell.value, cell.pain) == (2, True)
    # The editor changes the rating: the value follows in the same save.
    assessments.set_finding(ctx, record.id, "stepdown", "left", faults=(), rating="good")
    assert visit(ctx).value("stepdown", "left") == 0


def test_a_signed_assessment_takes_its_own_findings_again_but_no_other_faults(
    ctx: ServiceContext, admin_ctx: ServiceContext, tmp_path: Path
) -> None:
    text = HEADER + f"T-001,{DAY},sls,left,none,2,no,knee_valgus\n"
    import_assessments(admin_ctx, write(tmp_path, text, "a.csv"), create_clients=True)
    assessments.sign_assessment(ctx, visit(ctx).id)
    same = import_assessments(admin_ctx, write(tmp_path, text, "a.csv"))
    assert (same.values_added, same.values_changed) == (0, 0)
    other = HEADER + f"T-001,{DAY},sls,left,none,2,no,knee_valgus;trunk_lean\n"
    with pytest.raises(
        ImportFailed, match="line 2: the assessment of T-001 on 2025-03-01 is signed"
    ):
        import_assessments(admin_ctx, write(tmp_path, other, "b.csv"))


# --- computed scores --------------------------------------------------------------------

YBAL = "chart_number,date,measure,side,mode,value\n"


def reaches(anterior: float = 60, limb: float = 85, composite: float | None = None) -> str:
    rows = [
        f"T-001,{DAY},ybalance.anterior,left,none,{anterior:g}",
        f"T-001,{DAY},ybalance.posteromedial,left,none,100",
        f"T-001,{DAY},ybalance.posterolateral,left,none,95",
        f"T-001,{DAY},limb.length,left,none,{limb:g}",
    ]
    if composite is not None:
        rows.append(f"T-001,{DAY},ybalance.composite,left,none,{composite:g}")
    return YBAL + "\n".join(rows) + "\n"


def test_a_stored_composite_follows_a_reimported_reach(
    ctx: ServiceContext, admin_ctx: ServiceContext, tmp_path: Path
) -> None:
    first = import_assessments(
        admin_ctx, write(tmp_path, reaches(composite=100), "a.csv"), create_clients=True
    )
    assert first.recomputed == 0  # (60 + 100 + 95) / (3 × 85) × 100 = 100.0: agrees
    assert visit(ctx).value("ybalance.composite", "left") == 100.0
    changed = YBAL + f"T-001,{DAY},ybalance.anterior,left,none,69\n"
    report = import_assessments(admin_ctx, write(tmp_path, changed, "b.csv"))
    expected = round(ybalance_composite(69, 100, 95, 85), 1)
    assert visit(ctx).value("ybalance.composite", "left") == expected == 103.5
    assert report.recomputed == 1
    assert (
        f"line 2: T-001 {DAY} ybalance.composite left recomputed from its inputs: 100 → 103.5"
        in [str(c) for c in report.changes]
    )
    assert report.describe().endswith("1 computed score updated")


def test_a_changed_limb_length_moves_the_composite_too(
    ctx: ServiceContext, admin_ctx: ServiceContext, tmp_path: Path
) -> None:
    import_assessments(
        admin_ctx, write(tmp_path, reaches(composite=100), "a.csv"), create_clients=True
    )
    import_assessments(admin_ctx, write(tmp_path, reaches(limb=90), "b.csv"))
    assert visit(ctx).value("ybalance.composite", "left") == round(255 / 270 * 100, 1)


def test_a_composite_in_the_file_that_disagrees_with_its_inputs_is_recomputed(
    ctx: ServiceContext, admin_ctx: ServiceContext, tmp_path: Path
) -> None:
    report = import_assessments(
        admin_ctx, write(tmp_path, reaches(composite=92), "a.csv"), create_clients=True
    )
    assert visit(ctx).value("ybalance.composite", "left") == 100.0
    assert report.recomputed == 1
    assert (
        f"line 6: T-001 {DAY} ybalance.composite left disagrees with its inputs, recomputed: "
        "92 in the file → 100"
    ) in [str(c) for c in report.changes]


def test_a_dry_run_shows_the_recomputation_and_stores_nothing(
    ctx: ServiceContext, admin_ctx: ServiceContext, tmp_path: Path
) -> None:
    report = import_assessments(
        admin_ctx, write(tmp_path, reaches(composite=92)), create_clients=True, dry_run=True
    )
    assert report.recomputed == 1 and report.describe().startswith("Would import 5 rows")
    assert clients.search_clients(ctx) == []


def test_a_composite_without_its_inputs_is_refused(
    ctx: ServiceContext, admin_ctx: ServiceContext, tmp_path: Path
) -> None:
    text = YBAL + f"T-001,{DAY},ybalance.composite,left,none,95\n"
    with pytest.raises(
        ImportFailed,
        match=r"line 2: ybalance\.composite \(left\) is computed from the three Y-balance "
        r"reaches and the limb length of that side, which this assessment lacks",
    ):
        import_assessments(admin_ctx, write(tmp_path, text), create_clients=True)


def test_an_fms_total_in_the_file_is_recomputed_from_the_tests(
    ctx: ServiceContext, admin_ctx: ServiceContext, tmp_path: Path
) -> None:
    rows = [
        "fms.deep_squat,none,2",
        "fms.hurdle_step,left,2",
        "fms.hurdle_step,right,3",
        "fms.inline_lunge,left,2",
        "fms.inline_lunge,right,2",
        "fms.shoulder_mobility,left,3",
        "fms.shoulder_mobility,right,3",
        "fms.aslr,left,2",
        "fms.aslr,right,2",
        "fms.trunk_stability_pushup,none,2",
        "fms.rotary_stability,left,2",
        "fms.rotary_stability,right,2",
        "fms.total,none,21",
    ]
    text = YBAL + "".join(
        f"T-001,{DAY},{code},{side},none,{value}\n"
        for code, side, value in (r.split(",") for r in rows)
    )
    report = import_assessments(admin_ctx, write(tmp_path, text), create_clients=True)
    assert visit(ctx).value("fms.total") == 15
    assert report.recomputed == 1


def test_a_lefs_total_that_disagrees_with_the_answers_is_recomputed(
    ctx: ServiceContext, admin_ctx: ServiceContext, tmp_path: Path
) -> None:
    made = clients.create_client(ctx, clients.ClientInput("T-001", "Testa", "Runnerton"))
    a = assessments.create_assessment(ctx, made.id, date(2025, 3, 1))
    assessments.set_lefs_answers(ctx, a.id, [3] * 20)
    text = YBAL + f"T-001,{DAY},lefs.total,none,none,70\n"
    report = import_assessments(admin_ctx, write(tmp_path, text))
    assert visit(ctx).value("lefs.total") == 60
    assert report.recomputed == 1


def test_a_lefs_total_without_answers_is_an_input_and_kept(
    ctx: ServiceContext, admin_ctx: ServiceContext, tmp_path: Path
) -> None:
    text = YBAL + f"T-001,{DAY},lefs.total,none,none,70\n"
    report = import_assessments(admin_ctx, write(tmp_path, text), create_clients=True)
    assert visit(ctx).value("lefs.total") == 70 and report.recomputed == 0


def test_saving_a_reach_recomputes_the_stored_composite_in_the_same_save(
    ctx: ServiceContext, admin_ctx: ServiceContext, tmp_path: Path
) -> None:
    import_assessments(admin_ctx, write(tmp_path, reaches(composite=100)), create_clients=True)
    a = visit(ctx)
    assessments.set_value(ctx, a.id, "ybalance.anterior", "left", "none", 69)
    assert visit(ctx).value("ybalance.composite", "left") == 103.5
    assessments.set_value(ctx, a.id, "limb.length", "left", "none", None)
    assert visit(ctx).value("ybalance.composite", "left") is None


def test_a_computed_score_cannot_be_typed_in(
    ctx: ServiceContext, admin_ctx: ServiceContext, tmp_path: Path
) -> None:
    import_assessments(admin_ctx, write(tmp_path, reaches()), create_clients=True)
    with pytest.raises(Exception, match="computed from its inputs"):
        assessments.set_value(ctx, visit(ctx).id, "ybalance.composite", "left", "none", 80)


def test_a_value_stored_by_an_older_import_is_kept_in_agreement_with_the_finding(
    ctx: ServiceContext, admin_ctx: ServiceContext, tmp_path: Path
) -> None:
    from mobileathlete_desktop.storage.models import Measurement

    made = clients.create_client(ctx, clients.ClientInput("T-001", "Testa", "Runnerton"))
    a = assessments.create_assessment(ctx, made.id, date(2025, 3, 1))
    with ctx.db.session() as session:  # what an import before the faults column stored
        session.add(Measurement(assessment_id=a.id, code="sls", side="left", value=2.0))
    rated = HEADER + f"T-001,{DAY},sls,left,none,1,no,trunk_lean\n"
    report = import_assessments(admin_ctx, write(tmp_path, rated, "a.csv"))
    assert [str(c) for c in report.changes] == [
        f"line 2: T-001 {DAY} sls left: 2 (poor) → 1 (fair) faults trunk_lean"
    ]
    record = visit(ctx)
    assert record.value("sls", "left") == 1
    unrated = HEADER + f"T-001,{DAY},sls,left,none,,no,trunk_lean\n"
    import_assessments(admin_ctx, write(tmp_path, unrated, "b.csv"))
    record = visit(ctx)
    found = finding(record, "sls", "left")
    assert record.value("sls", "left") is None
    assert found is not None and (found.rating, found.faults) == ("", ("trunk_lean",))
