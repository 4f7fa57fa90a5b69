"""Home programs: saving in order, the latest one, templates, and the audit trail."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from mobileathlete_desktop.domain.permissions import PermissionDenied
from mobileathlete_desktop.domain.programs import ProgramItemRecord, ProgramRecord, dosage_text
from mobileathlete_desktop.services.context import InputError, ServiceContext
from mobileathlete_desktop.services.programs import (
    latest_program,
    list_templates,
    program_from_template,
    save_program,
)
from mobileathlete_desktop.storage.models import AuditEvent
from tests.reports.helpers import add_runner

DRILL_A = "control.glute_bridge"

ITEMS = (
    ProgramItemRecord("control.glute_bridge", 3, 10, frequency="daily", reason="Hip control"),
    ProgramItemRecord("strength.calf_raise_straight_knee", 3, 15, per_side=True),
)


def test_saved_program_keeps_order_and_is_the_latest(therapist_ctx: ServiceContext) -> None:
    client = add_runner(therapist_ctx.as_actor(therapist_ctx.actor), "P-1")
    first = save_program(
        therapist_ctx, ProgramRecord(None, client.id, date(2026, 1, 5), "Week 1", ITEMS)
    )
    reordered = (ITEMS[1], ITEMS[0])
    save_program(
        therapist_ctx, ProgramRecord(None, client.id, date(2026, 2, 5), "Week 5", reordered)
    )
    latest = latest_program(therapist_ctx, client.id)
    assert latest is not None and latest.title == "Week 5"
    assert [i.exercise_code for i in latest.items] == [
        "strength.calf_raise_straight_knee",
        "control.glute_bridge",
    ]
    assert first.items[0].reason == "Hip control"
    with therapist_ctx.db.session() as session:
        actions = session.execute(select(AuditEvent.action)).scalars().all()
    assert actions.count("program.save") == 2


def test_template_reused_for_a_client(therapist_ctx: ServiceContext) -> None:
    client = add_runner(therapist_ctx, "P-2")
    template = save_program(
        therapist_ctx,
        ProgramRecord(None, None, None, "Runner hip program", ITEMS, is_template=True),
    )
    assert [t.title for t in list_templates(therapist_ctx)] == ["Runner hip program"]
    assert template.id is not None
    draft = program_from_template(therapist_ctx, template.id, client.id, date(2026, 3, 1))
    saved = save_program(therapist_ctx, draft)
    assert saved.client_id == client.id and not saved.is_template
    assert latest_program(therapist_ctx, client.id) == saved


@pytest.mark.parametrize(
    ("program", "message"),
    [
        (ProgramRecord(None, None, None, "", ITEMS), "needs a client"),
        (ProgramRecord(None, None, None, " ", ITEMS, is_template=True), "needs a name"),
        (
            ProgramRecord(
                None,
                None,
                None,
                "T",
                (ProgramItemRecord("control.glute_bridge", 0),),
                is_template=True,
            ),
            "sets must be 1–600",
        ),
    ],
)
def test_bad_programs_are_refused(
    therapist_ctx: ServiceContext, program: ProgramRecord, message: str
) -> None:
    with pytest.raises(InputError, match=message):
        save_program(therapist_ctx, program)


def test_admin_may_not_write_programs(admin_ctx: ServiceContext) -> None:
    with pytest.raises(PermissionDenied):
        save_program(admin_ctx, ProgramRecord(None, None, None, "T", ITEMS, is_template=True))


@pytest.mark.parametrize(
    ("item", "lang", "text"),
    [
        (ProgramItemRecord("a", 3, 10), "en", "3 sets × 10 reps"),
        (ProgramItemRecord("a", 1, None, 30, True), "en", "1 set, hold 30 s, each side"),
        (
            ProgramItemRecord("a", 2, 12, frequency="a diario"),
            "es",
            "2 series × 12 repeticiones — a diario",
        ),
        (ProgramItemRecord("a", hold_s=45), "es", "mantén 45 s"),
        (
            ProgramItemRecord("a", 1, None, 30, True, frequency="3 times a week"),
            "es",
            "1 serie, mantén 30 s por lado — 3 veces por semana",
        ),
        (
            ProgramItemRecord("a", 2, 8, frequency="before runs, 2–3 times a week"),
            "es",
            "2 series × 8 repeticiones — antes de correr, 2 o 3 veces por semana",
        ),
        (
            ProgramItemRecord("a", 2, 8, frequency="2 o 3 veces por semana"),
            "en",
            "2 sets × 8 reps — 2–3 times a week",
        ),
        (
            ProgramItemRecord("a", 2, 8, frequency="after the school run"),
            "es",
            "2 series × 8 repeticiones — after the school run",
        ),
    ],
)
def test_dosage_in_words(item: ProgramItemRecord, lang: str, text: str) -> None:
    assert dosage_text(item, lang) == text


def _png(color: str = "red") -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), color).save(buffer, format="PNG")
    return buffer.getvalue()


def test_a_clinic_picture_replaces_the_drawn_figure_on_the_handout(
    therapist_ctx: ServiceContext, tmp_path: object
) -> None:
    from pathlib import Path

    from pypdf import PdfReader

    from mobileathlete_desktop.services.drill_images import drill_images, set_drill_image
    from mobileathlete_desktop.services.reports import write_client_handout

    client = add_runner(therapist_ctx, "IMG-1")
    save_program(
        therapist_ctx,
        ProgramRecord(None, client.id, date(2026, 5, 1), "P", (ProgramItemRecord(DRILL_A),)),
    )
    set_drill_image(therapist_ctx, DRILL_A, _png(), "our-photo.png")
    assert drill_images(therapist_ctx) == {DRILL_A: _png()}
    out = Path(str(tmp_path)) / "h.pdf"
    result = write_client_handout(therapist_ctx, client.id, out)
    assert not any("illustration" in w for w in result.warnings)
    assert len(PdfReader(out).pages[0].images) >= 1  # the photo, not a vector drawing
    set_drill_image(therapist_ctx, DRILL_A, None)
    assert drill_images(therapist_ctx) == {}
    with therapist_ctx.db.session() as session:
        actions = session.scalars(select(AuditEvent.action)).all()
    assert "exercise.image_set" in actions and "exercise.image_cleared" in actions


@pytest.mark.parametrize(
    ("code", "data", "words"),
    [
        (DRILL_A, b"not a picture at all", "not a readable PNG or JPEG"),
        ("mobility.no_such_drill", _png(), "No drill with code"),
    ],
)
def test_bad_drill_pictures_are_refused(
    therapist_ctx: ServiceContext, code: str, data: bytes, words: str
) -> None:
    from mobileathlete_desktop.services.drill_images import drill_images, set_drill_image

    with pytest.raises(LookupError if "No drill" in words else InputError, match=words):
        set_drill_image(therapist_ctx, code, data, "x.png")
    assert drill_images(therapist_ctx) == {}


def test_a_painful_limited_measure_is_recommended_for_its_limit_not_its_pain(
    therapist_ctx: ServiceContext,
) -> None:
    from mobileathlete_desktop.services.assessments import create_assessment, set_value
    from mobileathlete_desktop.services.clients import ClientInput, create_client
    from mobileathlete_desktop.services.programs import recommended_program

    # A man of 36: inside the group Mosler 2017 measured (male, 18-40), so its norm judges
    # him (for a woman it is a context-only fallback and chooses no drill).
    client = create_client(
        therapist_ctx, ClientInput("WHY-1", "Testo", "Runnerton", date(1990, 4, 2), sex="male")
    )
    visit = create_assessment(therapist_ctx, client.id, date(2026, 5, 1))
    set_value(therapist_ctx, visit.id, "hip.abduction", "left", "active", 20, pain=True)
    program, _ = recommended_program(therapist_ctx, client.id)
    reasons = {item.reason for item in program.items}
    assert reasons, "a limited hip abduction gets drills"
    for reason in reasons:
        assert reason.startswith("Hip abduction, left: active 20°")
        # The limit against Mosler 2017's 50 ± 7.3° (catalogue 2026.6), not the pain.
        assert "(usual range 38° to 62°)" in reason and "pain during" not in reason
        assert reason.endswith(
            ": hip abduction range and hip abductor control — active control only while it hurts"
            " (keep it pain-free)"
        )
