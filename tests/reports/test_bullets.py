"""A bullet's wrapped lines hang under its text, not under the bullet (sports-PT review: the
handout's findings and the full record's lists ran their second line under the bullet)."""

from __future__ import annotations

from datetime import date

import pytest

from mobileathlete_desktop.reports.handout import Handout, handout_story
from mobileathlete_desktop.reports.handout_layout import Layout
from mobileathlete_desktop.reports.pdf import ClinicHeader, para


def _hangs(paragraph: object) -> bool:
    style = paragraph.style  # type: ignore[attr-defined]
    return (
        paragraph.bulletText == "•"  # type: ignore[attr-defined]
        and style.leftIndent > style.bulletIndent
        and not paragraph.text.lstrip().startswith("•")  # type: ignore[attr-defined]
    )


def test_a_report_bullet_hangs() -> None:
    assert _hangs(para("A long change that wraps over two lines of the full record", "bullet"))


@pytest.mark.parametrize("phone", [False, True], ids=["print", "phone"])
def test_the_handouts_findings_are_bullets_that_hang(phone: bool) -> None:
    handout = Handout(
        clinic=ClinicHeader("Clinic"),
        client_name="Testa Runnerton",
        chart_number="T-1",
        on=date(2026, 11, 3),
        therapist="Pat Physio, PT",
        drills=(),
        lang="es",
        summary=("Paso por encima de una valla, lado derecho: una diferencia clara",),
    )
    story = handout_story(handout, Layout(phone=phone))
    found = [
        f
        for f in story
        if "Paso por encima" in str(getattr(f, "text", ""))
        or any("Paso por encima" in str(getattr(g, "text", "")) for g in getattr(f, "_content", []))
    ]
    assert found
    first = found[0]
    inner = [g for g in getattr(first, "_content", [first]) if "Paso" in str(g.text)]
    assert _hangs(inner[0])
