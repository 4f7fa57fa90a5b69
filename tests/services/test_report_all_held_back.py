"""When the runner's handout holds back every drill of the saved program (here the soleus
stretch alone, for coded insertional Achilles pain), the summary and the full record say that
the saved program has no drill to do now and that its drills are held back (the line under it
names the drill and why), never that no program was given or saved (en, es, in the PDF)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from mobileathlete_desktop.domain.programs import ProgramItemRecord, ProgramRecord
from mobileathlete_desktop.services import clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.programs import save_program
from mobileathlete_desktop.services.reports.batch import write_report
from tests.reports.helpers import add_runner, pdf_pages

SOLEUS = ProgramItemRecord("stretch.soleus_wall", 3, hold_s=30, per_side=True)

WORDS = {
    "en": (
        "The saved home program has no drill to do now: each of its drills is held back",
        "Held back from the home program: Bent-knee calf stretch (soleus)",
        ("No home program has been given yet.", "No home program has been saved."),
    ),
    "es": (
        "El programa de ejercicios en casa guardado no tiene ahora ningún ejercicio que hacer",
        "Fuera del programa de ejercicios en casa: estiramiento de sóleo",
        ("Todavía no se ha entregado un programa", "No se ha guardado ningún programa"),
    ),
}


def _flat(text: str) -> str:
    return " ".join(text.split())


def _only_held(ctx: ServiceContext, chart: str, complaint: str) -> int:
    client = add_runner(ctx, chart)
    save_program(ctx, ProgramRecord(None, client.id, date(2026, 9, 1), "Calf", (SOLEUS,)))
    if complaint:
        data = clients.input_from_record(clients.get_client(ctx, client.id))
        clients.update_client(ctx, client.id, replace(data, complaint_code=complaint))
    return client.id


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("kind", ["summary", "full"])
def test_every_drill_held_back_is_not_called_no_program(
    therapist_ctx: ServiceContext, tmp_path: Path, lang: str, kind: str
) -> None:
    client_id = _only_held(therapist_ctx, f"AHB-{kind}{lang}", "achilles_insertional")
    out = tmp_path / "r.pdf"
    write_report(therapist_ctx, client_id, out, kind=kind, lang=lang)
    shown = _flat(" ".join(pdf_pages(out)))
    says, held, never = WORDS[lang]
    assert says in shown
    assert held in shown
    # The sentence comes before the line naming the drill ("below").
    assert shown.index(says) < shown.index(held)
    for wrong in never:
        assert wrong not in shown


def test_a_program_with_a_drill_to_do_does_not_say_so(
    therapist_ctx: ServiceContext, tmp_path: Path
) -> None:
    """Uncoded: the soleus stretch is listed, and no sentence says every drill is held back."""
    client_id = _only_held(therapist_ctx, "AHB-uncoded", "")
    out = tmp_path / "r.pdf"
    for kind in ("summary", "full"):
        write_report(therapist_ctx, client_id, out, kind=kind)
        shown = _flat(" ".join(pdf_pages(out)))
        assert "Bent-knee calf stretch (soleus)" in shown
        assert WORDS["en"][0] not in shown
