"""The recommended program through the services: movement faults carried from the
interpretation, warnings for findings no drill answers, and the pain note on the handout."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from mobileathlete_desktop.domain.interpretation import GlanceLine
from mobileathlete_desktop.services.context import ServiceContext
from tests.reports.helpers import add_runner, pdf_pages


def _fake_glance(monkeypatch: pytest.MonkeyPatch, lines: list[GlanceLine]) -> None:
    """The interpretation answers with these glance lines (whatever the assessment holds)."""
    import mobileathlete_desktop.domain.interpretation as interpretation

    monkeypatch.setattr(interpretation, "glance", lambda *_a, **_k: list(lines))


def _visit(
    ctx: ServiceContext,
    chart: str,
    values: dict[tuple[str, str, str], tuple[float, bool]] | None = None,
    sex: str = "female",
) -> int:
    """A runner born 1990-04-02 with one visit holding these (code, side, mode) → (value,
    painful) readings."""
    from mobileathlete_desktop.services.assessments import create_assessment, set_value
    from mobileathlete_desktop.services.clients import ClientInput, create_client

    if sex == "female":
        client = add_runner(ctx, chart)
    else:
        client = create_client(
            ctx, ClientInput(chart, "Testo", "Runnerton", date(1990, 4, 2), sex=sex)
        )
    visit = create_assessment(ctx, client.id, date(2026, 5, 1))
    for (code, side, mode), (value, pain) in (values or {}).items():
        set_value(ctx, visit.id, code, side, mode, value, pain=pain)  # type: ignore[arg-type]
    return client.id


def test_observations_carry_the_movement_faults_of_the_glance_lines(
    therapist_ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mobileathlete_desktop.services.assessments import load_history
    from mobileathlete_desktop.services.programs import observations, recommended_program

    client_id = _visit(therapist_ctx, "FLT-1")
    _fake_glance(
        monkeypatch,
        [
            GlanceLine(
                "faults",
                "sls",
                "left",
                "none",
                "Single-leg squat, left: poor",
                short="Single-leg squat, left: poor (knee valgus, pelvic drop)",
                faults=("knee_valgus", "pelvic_drop"),
            ),
            GlanceLine("asymmetry", "sls", "left", "none", "Single-leg squat: left worse"),
        ],
    )
    (found,) = observations(therapist_ctx, load_history(therapist_ctx, client_id))
    assert found.faults == ("knee_valgus", "pelvic_drop")
    assert found.flags == {"faults", "asymmetry"}
    program, warnings = recommended_program(therapist_ctx, client_id)
    assert not warnings
    codes = [i.exercise_code for i in program.items]
    assert codes[0] == "control.single_leg_squat_to_box"
    assert "control.clamshell" in codes
    assert program.items[0].reason.endswith("(knee drifting inward, pelvis dropping)")


def test_a_finding_no_drill_answers_is_a_warning_and_maintenance_stands_in(
    therapist_ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mobileathlete_desktop.services.programs import recommended_program

    client_id = _visit(therapist_ctx, "GAP-1")
    _fake_glance(
        monkeypatch,
        [
            GlanceLine(
                "worse",
                "psfs.average",
                "none",
                "none",
                "PSFS average: 6.0 → 3.3, worse beyond the measurement error",
                short="PSFS average: 6.0 → 3.3 (worse)",
            )
        ],
    )
    program, warnings = recommended_program(therapist_ctx, client_id)
    assert program.items, "the runner still gets a program"
    assert warnings == [
        "No drill in the library answers: PSFS average: 6.0 → 3.3 (worse);"
        " the therapist should choose",
        "The general runner maintenance program is used meanwhile",
    ]
    assert all("General runner maintenance" in i.reason for i in program.items)


@pytest.mark.parametrize(
    ("lang", "note"),
    [
        ("en", "Keep it pain-free — stop before it hurts."),
        ("es", "Hazlo sin provocar dolor — detente antes de que duela."),
    ],
)
def test_the_handout_prints_keep_it_pain_free_by_each_drill_for_a_painful_motion(
    therapist_ctx: ServiceContext, tmp_path: Path, lang: str, note: str
) -> None:
    """Hip abduction 20° and painful, a man of 36 (Mosler 2017's own group, so below its
    norm): every drill through the hip says so on the handout."""
    from mobileathlete_desktop.domain.exercises import default_exercise_library
    from mobileathlete_desktop.services.programs import recommended_program
    from mobileathlete_desktop.services.reports import write_client_handout

    client_id = _visit(
        therapist_ctx, "PAIN-1", {("hip.abduction", "left", "active"): (20, True)}, sex="male"
    )
    program, _ = recommended_program(therapist_ctx, client_id, lang=lang)
    assert program.items
    library = default_exercise_library()
    for item in program.items:
        assert "hip" in library[item.exercise_code].regions
        assert item.notes == note
        # The reason is the therapist's, in English whatever the handout's language.
        assert item.reason.endswith("(keep it pain-free)")
        assert library[item.exercise_code].category not in ("strength", "running", "stretch")
    out = tmp_path / f"handout-{lang}.pdf"
    write_client_handout(therapist_ctx, client_id, out, lang=lang)
    text = " ".join(" ".join(pdf_pages(out)).split())
    # Each drill's block (from its numbered name to the next one) carries the note.
    starts = [
        text.index(f"{n}. {library[item.exercise_code].name(lang)}")
        for n, item in enumerate(program.items, start=1)
    ]
    ends = [*starts[1:], text.index("Stop and call us" if lang == "en" else "Detente y llámanos")]
    for start, end in zip(starts, ends, strict=True):
        assert note in text[start:end]


def test_pain_alone_gives_a_safe_maintenance_program_and_says_nothing_needs_special_work(
    therapist_ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mobileathlete_desktop.domain.exercises import default_exercise_library
    from mobileathlete_desktop.services.programs import recommended_program

    client_id = _visit(therapist_ctx, "QUIET-1")
    _fake_glance(
        monkeypatch,
        [GlanceLine("pain", "knee.flexion", "right", "active", "Knee flexion, right: pain")],
    )
    program, warnings = recommended_program(therapist_ctx, client_id)
    assert warnings == [
        "The assessment of 2026-05-01 flags nothing that needs special work: a general runner"
        " program is used (sparing what hurt: Knee flexion, right: pain)"
    ]
    library = default_exercise_library()
    for item in program.items:
        drill = library[item.exercise_code]
        assert item.reason.startswith("General runner maintenance")
        assert not ("knee" in drill.regions and drill.category in ("strength", "running"))
        assert item.exercise_code != "stretch.standing_quad"


def test_a_recorded_poor_single_leg_squat_drives_the_program_through_the_real_interpretation(
    therapist_ctx: ServiceContext,
) -> None:
    """No faked glance: the finding saved in the editor, interpreted, becomes the program."""
    from mobileathlete_desktop.domain.exercises import default_exercise_library
    from mobileathlete_desktop.services.assessments import (
        create_assessment,
        load_history,
        set_finding,
    )
    from mobileathlete_desktop.services.programs import observations, recommended_program

    client = add_runner(therapist_ctx, "SLS-REAL")
    visit = create_assessment(therapist_ctx, client.id, date(2026, 5, 1))
    set_finding(
        therapist_ctx, visit.id, "sls", "left", faults=("knee_valgus", "pelvic_drop"), rating="poor"
    )
    (found,) = observations(therapist_ctx, load_history(therapist_ctx, client.id))
    assert found.flags == {"faults"} and found.faults == ("knee_valgus", "pelvic_drop")
    program, warnings = recommended_program(therapist_ctx, client.id)
    assert not warnings
    library = default_exercise_library()
    codes = [i.exercise_code for i in program.items]
    assert codes[0] == "control.single_leg_squat_to_box"
    assert any(library[c].targets_any("hip.abduction") for c in codes)
    assert all(i.reason.endswith("(knee drifting inward, pelvis dropping)") for i in program.items)
