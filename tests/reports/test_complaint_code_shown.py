"""The coded presenting complaint (domain.records.COMPLAINT_CODES) is printed where the free-text
complaint is: the summary's episode line, the full record's details and the letter's header, as
"Presenting complaint" / "Cuadro clínico" (the window's word for it) and the code's words;
a client whose complaint is not coded gets nothing new (sports-PT review)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from mobileathlete_desktop.domain.complaint_labels import COMPLAINT_LABELS, complaint_label
from mobileathlete_desktop.domain.records import COMPLAINT_CODES
from mobileathlete_desktop.services.clients import ClientInput, create_client
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.reports.batch import write_batch
from tests.reports.helpers import add_clinic, pdf_pages

VISIT = {date(2026, 3, 2): {("hip.flexion", "left", "active"): 110.0}}


def test_every_code_has_words_in_both_languages() -> None:
    assert set(COMPLAINT_LABELS) == set(COMPLAINT_CODES)
    assert complaint_label("itb", "en") == "Iliotibial band syndrome"
    assert complaint_label("lateral_hip_gluteal", "es") == (
        "Dolor lateral de cadera (tendinopatía glútea)"
    )
    assert all(complaint_label(code, "es") != COMPLAINT_LABELS[code] for code in COMPLAINT_CODES)
    assert complaint_label("", "es") == ""


def _documents(ctx: ServiceContext, tmp_path: Path, code: str, lang: str) -> dict[str, str]:
    from mobileathlete_desktop.services.assessments import create_assessment, set_value

    add_clinic(ctx)
    client = create_client(
        ctx,
        ClientInput(
            "CC-1",
            "Ada",
            "Heelstrike",
            complaint="Left heel pain on first steps",
            referral="GP",
            complaint_code=code,
        ),
    )
    for on, values in VISIT.items():
        visit = create_assessment(ctx, client.id, on, therapist="Pat Physio, PT")
        for (measure, side, mode), value in values.items():
            set_value(ctx, visit.id, measure, side, mode, value)  # type: ignore[arg-type]
    said = {}
    for kind in ("summary", "full", "letter"):
        out = tmp_path / f"{kind}.pdf"
        write_batch(ctx, [client.id], out, kind=kind, lang=lang)
        said[kind] = re.sub(r"\s+", " ", " ".join(pdf_pages(out)))
    return said


@pytest.mark.parametrize(
    ("lang", "label", "words"),
    [
        ("en", "Presenting complaint", "Plantar heel pain"),
        ("es", "Cuadro clínico", "Dolor plantar del talón"),
    ],
)
def test_the_documents_print_the_coded_complaint(
    ctx: ServiceContext, tmp_path: Path, lang: str, label: str, words: str
) -> None:
    said = _documents(ctx, tmp_path, "plantar_heel", lang)
    assert f"{label}: {words}." in said["summary"]
    assert f"{label} {words}" in said["full"]  # a details row: label, then its value
    assert f"{label}: {words}" in said["letter"]
    for text in said.values():
        assert "Left heel pain on first steps" in text or "left heel pain on first steps" in text


def test_an_uncoded_complaint_prints_nothing_new(ctx: ServiceContext, tmp_path: Path) -> None:
    said = _documents(ctx, tmp_path, "", "en")
    assert not any("Presenting complaint" in text for text in said.values())


def test_the_readme_describes_the_column_and_every_code() -> None:
    from mobileathlete_desktop.services.imports.parsing import CLIENT_COLUMNS

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Clients:", 1)[1].split("\n### ", 1)[0]
    assert "complaint_code" in CLIENT_COLUMNS and "`complaint_code`" in section
    assert all(f"`{code}`" in section for code in COMPLAINT_CODES)
