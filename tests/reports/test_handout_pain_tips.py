"""A drill's tip that allows some pain ("Mild discomfort is fine; sharp pain is not." on heel
drops) is not printed beside the pain caution ("Keep it pain-free — stop before it hurts.")
the same drill carries when it loads a test painful at the latest visit; it is printed when
nothing hurts. Review DEMO-0001: heel drops while knee-bent dorsiflexion hurts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from mobileathlete_desktop.domain.catalogue import Side
from mobileathlete_desktop.domain.programs import ProgramItemRecord, ProgramRecord
from mobileathlete_desktop.services.assessments import create_assessment, set_value
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.programs import save_program
from mobileathlete_desktop.services.reports import write_client_handout
from tests.reports.helpers import add_runner, pdf_pages

VISIT = date(2026, 10, 6)
CAUTION = {"en": "Keep it pain-free", "es": "Hazlo sin provocar dolor"}
ALLOWS = {
    "en": ("Mild discomfort is fine", "Pain should stay at 3 out of 10"),
    "es": ("Una molestia leve es aceptable", "El dolor no debe pasar de 3 de 10"),
}
KEPT = {"en": "Take three to four seconds to lower.", "es": "Tarda de tres a cuatro segundos"}


def _flat(pages: list[str]) -> str:
    return " ".join(" ".join(pages).split())


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("painful", [True, False], ids=["painful", "pain-free"])
def test_the_tip_allowing_pain_is_not_printed_beside_the_pain_caution(
    ctx: ServiceContext, tmp_path: Path, lang: str, painful: bool
) -> None:
    client = add_runner(ctx, f"TIP-{lang}-{painful}")
    visit = create_assessment(ctx, client.id, VISIT, therapist="Pat Physio, PT")
    sides: tuple[tuple[Side, bool], ...] = (("left", painful), ("right", False))
    for side, hurts in sides:
        set_value(ctx, visit.id, "ankle.dorsiflexion.knee_flexed", side, "passive", 30, pain=hurts)
        set_value(ctx, visit.id, "knee.flexion", side, "passive", 140, pain=hurts)
    items = tuple(
        ProgramItemRecord(code, 3, 10, sessions_per_week=7)
        for code in ("strength.eccentric_heel_drop", "strength.wall_sit")
    )
    save_program(ctx, ProgramRecord(None, client.id, VISIT, "Saved", items))
    out = tmp_path / "handout.pdf"
    write_client_handout(ctx, client.id, out, lang=lang)
    said = _flat(pdf_pages(out))
    assert KEPT[lang] in said  # the drill's other tips are printed either way
    assert (CAUTION[lang] in said) is painful
    for tip in ALLOWS[lang]:
        assert (tip in said) is not painful, tip
