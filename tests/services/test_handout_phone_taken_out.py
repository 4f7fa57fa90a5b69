"""The phone handout keeps page 1 flowing: the calm box naming the drills taken out for the
runner's complaint starts on page 1 under the check-in's review box and goes on over page 2
when it does not fit whole, rather than move to page 2 and leave page 1 half empty (DEMO-0004:
the review box for bird dog, the soleus stretch taken out for insertional Achilles pain)."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date

import pytest

from mobileathlete_desktop.domain.programs import ProgramItemRecord, ProgramRecord
from mobileathlete_desktop.reports.handout import write_handout
from mobileathlete_desktop.services import clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.programs import save_program
from mobileathlete_desktop.services.reports.handouts import build_handout
from tests.reports.helpers import add_runner, pdf_pages

SOLEUS = ProgramItemRecord("stretch.soleus_wall", 3, hold_s=30, per_side=True, sessions_per_week=7)
STRAIGHT_KNEE = ProgramItemRecord("strength.calf_raise_straight_knee", 3, 15, sessions_per_week=3)

# The check-in's review box as DEMO-0004's handout says it.
REVIEW = {
    "en": "Bird dog scored 6/10 for pain or difficulty at your check-in; we've taken it out for "
    "now. Call us on +00 000 000 000 before you next do your exercises.",
    "es": "Perro de caza (bird dog): le diste 6/10 de dolor o dificultad en tu seguimiento; por "
    "ahora quitamos ese ejercicio de tu programa. Llámanos al +00 000 000 000 antes de volver a "
    "hacer tus ejercicios.",
}
OPENS = {"en": "We've taken out “Bent-knee calf", "es": "Por ahora quitamos «estiramiento"}
ENDS = {"en": "Please leave it out until we talk.", "es": "No lo hagas hasta que lo hablemos."}


def _flat(value: str) -> str:
    """A page's words in one line, without its footer ("Page 1 of 5", "Página 1 de 5")."""
    return re.sub(r"(Page|Página) \d+ (of|de) \d+", " ", " ".join(value.split())).strip()


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_taken_out_box_starts_on_page_one_under_the_review_box(
    therapist_ctx: ServiceContext, lang: str
) -> None:
    client = add_runner(therapist_ctx, f"PT-1{lang}")
    save_program(
        therapist_ctx,
        ProgramRecord(None, client.id, date(2026, 9, 1), "Home", (SOLEUS, STRAIGHT_KNEE)),
    )
    data = clients.input_from_record(clients.get_client(therapist_ctx, client.id))
    clients.update_client(
        therapist_ctx, client.id, replace(data, complaint_code="achilles_insertional")
    )
    handout, _, _ = build_handout(therapist_ctx, client.id, lang=lang)
    handout = replace(handout, review=REVIEW[lang])
    (line,) = handout.taken_out
    buffer = io.BytesIO()
    write_handout(buffer, handout, phone=True)
    pages = [_flat(p) for p in pdf_pages(buffer.getvalue())]
    # Page 1: the review box, then the start of the taken-out box (not a half-empty page).
    assert _flat(REVIEW[lang])[:40] in pages[0]
    assert OPENS[lang] in pages[0]
    # ...said whole, ending before the findings and the drills, its last words never alone.
    everything = " ".join(pages)
    assert line in everything
    assert ENDS[lang] not in pages[0]
    last = ENDS[lang].split()[-1]
    on_two = pages[1][: pages[1].index(last) + len(last)].split()
    assert len(on_two) > 3, on_two  # was "talk." alone atop page 2
    assert everything.index(ENDS[lang]) < everything.index(handout.drills[0].name)
