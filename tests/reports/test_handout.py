"""The handout PDF: names, drills and dosage in English and Spanish, pictures, page numbers."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import pytest
from pypdf import PdfReader

from mobileathlete_desktop.reports.handout import Handout, write_handout
from mobileathlete_desktop.reports.handout_drill import HandoutDrill
from mobileathlete_desktop.reports.pdf import ClinicHeader
from mobileathlete_desktop.support.i18n import texts


def figure() -> object:
    from reportlab.graphics.shapes import Circle, Drawing, Line

    d = Drawing(120, 100)
    d.add(Circle(60, 80, 10))
    d.add(Line(60, 70, 60, 30))
    return d


def drills(lang: str, n: int = 5, picture: bool = True) -> tuple[HandoutDrill, ...]:
    name = "Balanceo de tobillo a la pared" if lang == "es" else "Knee-to-wall ankle rock"
    dose = "3 series × 10 repeticiones" if lang == "es" else "3 sets × 10 reps"
    return tuple(
        HandoutDrill(
            code=f"d{i}",
            name=f"{name} {i}",
            dosage=dose,
            steps=("Step one.", "Step two."),
            cues=("Keep the heel down.",),
            drawing=figure() if picture else None,
        )
        for i in range(1, n + 1)
    )


def render(handout: Handout) -> PdfReader:
    buffer = io.BytesIO()
    write_handout(buffer, handout)
    return PdfReader(io.BytesIO(buffer.getvalue()))


def handout(lang: str, items: tuple[HandoutDrill, ...], **kw: object) -> Handout:
    return Handout(
        clinic=ClinicHeader("Clínica Testville", phone="+00 111 222"),
        client_name=str(kw.get("name", "Testa Runnerton")),
        chart_number="TR-1",
        on=date(2026, 3, 2),
        therapist="Pat Physio, PT",
        drills=items,
        lang=lang,
        summary=("Tobillo derecho 28°, 10° menos que el izquierdo",),
    )


def pictures_per_page(reader: PdfReader) -> list[int]:
    counts = []
    for page in reader.pages:
        xobjects = page.get("/Resources", {}).get("/XObject", {})
        counts.append(sum(1 for name in xobjects if "drill" in str(name)))
    return counts


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            [
                "Your home exercise program",
                "Knee-to-wall ankle rock 1",
                "3 sets × 10 reps",
                "Your tracker",
                "Week 2",
            ],
        ),
        (
            "es",
            [
                "Tu programa de ejercicios en casa",
                "Balanceo de tobillo a la pared 1",
                "3 series × 10 repeticiones",
                "Tu registro",
                "Qué encontramos",
                "Clínica Testville",
                "Página 1 de",
            ],
        ),
    ],
)
def test_text_in_each_language(lang: str, expected: list[str]) -> None:
    reader = render(handout(lang, drills(lang)))
    text = "\n".join(p.extract_text() for p in reader.pages)
    for phrase in expected:
        assert phrase in text
    assert "Testa Runnerton" in text and "Pat Physio, PT" in text
    assert ("2 de marzo de 2026" if lang == "es" else "March 2, 2026") in text


def test_every_page_numbered_and_every_drill_has_its_picture() -> None:
    reader = render(handout("en", drills("en", n=7)))
    pages = [p.extract_text() for p in reader.pages]
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page
    assert sum(pictures_per_page(reader)) == 7


def test_missing_picture_prints_a_placeholder() -> None:
    reader = render(handout("en", drills("en", n=2, picture=False)))
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert text.count("No picture") == 2 and sum(pictures_per_page(reader)) == 0


def test_empty_program_and_very_long_name_still_lay_out() -> None:
    long_name = "Testa " + "Runnerton-" * 30
    reader = render(handout("en", (), name=long_name))
    text = reader.pages[0].extract_text()
    assert "No drills have been chosen yet" in text and len(reader.pages) == 1


def test_clinic_logo_is_drawn(tmp_path: object) -> None:
    import matplotlib
    from matplotlib.figure import Figure

    assert matplotlib
    fig = Figure(figsize=(1, 1))
    fig.patch.set_facecolor("#1d6f8a")
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    with_logo = Handout(
        **{**handout("en", ()).__dict__, "clinic": ClinicHeader("X", logo=buffer.getvalue())}
    )
    reader = render(with_logo)
    assert len(reader.pages[0].images) == 1


@pytest.mark.parametrize("lang", ["en", "es"])
def test_painful_knee_handout_prints_keep_it_pain_free_by_each_knee_drill(lang: str) -> None:
    """The runner's knee: end-range knee bend hurts (118°) and the step-down lets the knee drift
    in. The recommended drills print with their pain note beside them; the quadriceps stretch and
    the side lunge are not there."""
    from mobileathlete_desktop.domain.exercises import default_exercise_library
    from mobileathlete_desktop.domain.recommendations import (
        PAIN_HANDOUT,
        Drill,
        Observation,
        recommend,
    )

    library = default_exercise_library()
    pool = [
        Drill(e.code, e.category, frozenset(e.targets), e.active, regions=frozenset(e.regions))
        for e in library
    ]
    findings = [
        Observation("knee.flexion", "right", frozenset({"below_norm", "pain"}), "Knee bend"),
        Observation(
            "stepdown", "right", frozenset({"faults"}), "Step-down", faults=("knee_valgus",)
        ),
    ]
    recs = recommend(findings, pool, lang=lang)
    items = tuple(
        HandoutDrill(
            code=r.exercise_code,
            name=library[r.exercise_code].name(lang),
            dosage=library[r.exercise_code].dosage.describe(lang),
            steps=library[r.exercise_code].steps(lang),
            notes=r.note,
        )
        for r in recs
    )
    reader = render(handout(lang, items))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    for absent in ("stretch.standing_quad", "mobility.lateral_lunge"):
        assert library[absent].name(lang) not in text
    note = texts(lang).gettext(PAIN_HANDOUT)
    knee = [i for i, r in enumerate(recs) if "knee" in library[r.exercise_code].regions]
    assert knee, "the step-down drills move the painful knee"
    starts = [text.index(f"{n}. {d.name}") for n, d in enumerate(items, start=1)]
    ends = [*starts[1:], len(text)]
    for index in knee:
        assert note in text[starts[index] : ends[index]]


@pytest.mark.parametrize(
    ("lang", "one", "two"),
    [
        ("en", "1 set × 1 rep, each side — 1 time a day", "2 sets × 2 reps — 2-3 times a week"),
        (
            "es",
            "1 serie × 1 repetición por lado — 1 vez al día",
            "2 series × 2 repeticiones — 2 o 3 veces por semana",
        ),
    ],
)
def test_a_handout_says_one_and_two_in_the_languages_plural(
    therapist_ctx: object, tmp_path: object, lang: str, one: str, two: str
) -> None:
    """A saved program of 1 × 1 and 2 × 2 prints singular and plural dose words ("1 reps"
    was printed before the catalogue's plural rules)."""
    from pathlib import Path

    from mobileathlete_desktop.domain.programs import ProgramItemRecord, ProgramRecord
    from mobileathlete_desktop.services.programs import save_program
    from mobileathlete_desktop.services.reports import write_client_handout
    from tests.reports.helpers import add_runner, pdf_pages

    ctx: Any = therapist_ctx
    client = add_runner(ctx, "PL-1", given="Lupita", family="Ramírez")
    items = (
        ProgramItemRecord(
            "control.single_leg_balance", 1, 1, per_side=True, frequency="1 time a day"
        ),
        ProgramItemRecord("stretch.calf_wall", 2, 2, frequency="2-3 times a week"),
    )
    save_program(ctx, ProgramRecord(None, client.id, date(2026, 12, 2), "Home", items))
    out = Path(str(tmp_path)) / "plural.pdf"
    write_client_handout(ctx, client.id, out, lang=lang)
    text = " ".join(" ".join(pdf_pages(out)).split())
    assert one in text and two in text
    assert ("2 de diciembre de 2026" if lang == "es" else "December 2, 2026") in text


@pytest.mark.parametrize("lang", ["fr", "de_DE", "xx"])
def test_a_language_the_program_does_not_ship_prints_the_english_handout(lang: str) -> None:
    english = render(handout("en", drills("en", 2)))
    other = render(handout(lang, drills("en", 2)))
    assert [p.extract_text() for p in other.pages] == [p.extract_text() for p in english.pages]
    assert "Your home exercise program" in other.pages[0].extract_text()


def test_the_handout_service_prints_english_for_a_language_not_shipped(
    therapist_ctx: object, tmp_path: object
) -> None:
    """Once an InputError ("choose en or es"); now the one rule: fr_CA reads English."""
    from pathlib import Path

    from mobileathlete_desktop.services.reports import write_client_handout
    from tests.reports.helpers import add_runner, pdf_pages

    ctx: Any = therapist_ctx
    client = add_runner(ctx, "FR-1", given="Amélie", family="Coureur")
    out = Path(str(tmp_path)) / "fr.pdf"
    result = write_client_handout(ctx, client.id, out, lang="fr_CA")
    text = " ".join(pdf_pages(result.path))
    assert "Your home exercise program" in text and "Tu programa" not in text


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_therapists_credential_never_wraps_alone_in_the_header(lang: str) -> None:
    """The review's Spanish handout: "Fisioterapeuta: Demo Therapist," with "PT" alone on the
    next line (the column's width depends on the clinic's letterhead; here a longer name does
    it). A short name moves under its label as one piece."""
    from dataclasses import replace

    shown = replace(handout(lang, drills(lang, 1)), therapist="Demo Therapistina Long, PT")
    page = render(shown).pages[0]
    lines = [line.strip() for line in page.extract_text().splitlines()]
    assert "PT" not in lines
    assert any(line.replace("\xa0", " ").endswith("Demo Therapistina Long, PT") for line in lines)
