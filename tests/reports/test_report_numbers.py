"""Numbers in the document's language: Spanish reports and handouts write a decimal comma
("9,5 cm", "mancuerna de 2,5 kg", "22,5 km por semana"), English ones a point; a DOI, a code
or a check-in's "(39 %)" is left as it is."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from mobileathlete_desktop.domain.programs import ProgramItemRecord, ProgramRecord
from mobileathlete_desktop.reports.numbers import decimal_marks
from mobileathlete_desktop.services.assessments import create_assessment, set_value
from mobileathlete_desktop.services.clients import ClientInput, create_client
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.programs import save_program
from mobileathlete_desktop.services.reports import write_client_handout, write_report
from mobileathlete_desktop.support.i18n import texts
from tests.reports.helpers import add_clinic, pdf_pages

# A decimal number written with a point: what a Spanish document must not print.
POINT = re.compile(r"(?<![\w.])\d+\.\d+(?![\w.])")
COMMA = re.compile(r"(?<![\w.])\d+,\d+(?![\w.])")


def _flat(pages: list[str]) -> str:
    return " ".join(" ".join(pages).split())


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", ["7.5", "28", "0.17", "2.20", "+0.5", "-0.5", "1500"]),
        ("es", ["7,5", "28", "0,17", "2,20", "+0,5", "-0,5", "1500"]),
    ],
)
def test_a_number_is_written_with_the_languages_decimal_mark(lang: str, said: list[str]) -> None:
    tr = texts(lang)
    shown = [
        tr.number(7.5),
        tr.number(28.0),
        tr.number(0.17),
        tr.number(2.2, 2),
        tr.number(0.5, signed=True),
        tr.number(-0.5, signed=True),
        tr.number(1500.0),
    ]
    assert shown == said


def test_worded_values_take_the_spanish_comma_and_nothing_else_changes() -> None:
    es, en = texts("es"), texts("en")
    worded = "Tobillo 10.6°, salto 2.59 s → 2.39 s (error de medición 49.2 cm); LSI 82.2%."
    assert decimal_marks(worded, es) == (
        "Tobillo 10,6°, salto 2,59 s → 2,39 s (error de medición 49,2 cm); LSI 82,2\u00a0%."
    )
    assert decimal_marks(worded, en) == worded
    for kept in (
        "doi:10.1016/j.otsr.2011.08.015",  # a citation's DOI is no number
        "v1.2.3",
        "farrar-2001",
    ):
        assert decimal_marks(kept, es) == kept


@pytest.fixture
def runner(ctx: ServiceContext) -> int:
    """A runner of 22.5 km a week and 1.5 years, whose lunge test went from 6 to 9.5 cm
    (beyond its 1.9 cm measurement error), on a program with a 2.5 kg dumbbell."""
    add_clinic(ctx)
    client = create_client(
        ctx,
        ClientInput(
            "NUM-1",
            "Testa",
            "Runnerton",
            date(1990, 4, 2),
            sex="female",
            weekly_distance_km=22.5,
            years_running=1.5,
        ),
    )
    for on, right, left in ((date(2025, 3, 1), 6.0, 11.0), (date(2025, 4, 1), 9.5, 11.5)):
        visit = create_assessment(ctx, client.id, on, therapist="Pat Physio, PT")
        set_value(ctx, visit.id, "wblt.distance", "right", "none", right)
        set_value(ctx, visit.id, "wblt.distance", "left", "none", left)
    item = ProgramItemRecord("strength.eccentric_heel_drop", 3, 10, load="2.5 kg dumbbell")
    save_program(ctx, ProgramRecord(None, client.id, date(2025, 4, 1), "Saved", (item,)))
    return client.id


@pytest.mark.parametrize("kind", ["summary", "full", "letter"])
def test_a_spanish_report_writes_its_decimals_with_a_comma(
    ctx: ServiceContext, runner: int, tmp_path: Path, kind: str
) -> None:
    out = tmp_path / f"{kind}.pdf"
    write_report(ctx, runner, out, kind=kind, lang="es")
    said = _flat(pdf_pages(out))
    assert POINT.findall(said) == []
    assert "9,5 cm" in said or kind == "letter"  # the letter names no values
    assert "22,5 km por semana" in said


@pytest.mark.parametrize("kind", ["summary", "full"])
def test_an_english_report_keeps_its_decimal_point(
    ctx: ServiceContext, runner: int, tmp_path: Path, kind: str
) -> None:
    out = tmp_path / f"{kind}.pdf"
    write_report(ctx, runner, out, kind=kind, lang="en")
    said = _flat(pdf_pages(out))
    assert COMMA.findall(said) == []
    assert "9.5 cm" in said and "22.5 km a week" in said


@pytest.mark.parametrize(("lang", "load"), [("es", "mancuerna de 2,5 kg"), ("en", "2.5 kg")])
def test_the_handout_says_a_typed_load_with_the_languages_decimal_mark(
    ctx: ServiceContext, runner: int, tmp_path: Path, lang: str, load: str
) -> None:
    out = tmp_path / "handout.pdf"
    write_client_handout(ctx, runner, out, lang=lang)
    said = _flat(pdf_pages(out))
    assert load in said
    assert (POINT if lang == "es" else COMMA).findall(said) == []


def test_a_percent_is_written_one_way_in_each_language() -> None:
    """The reviewer read "93,4%" in one place and "39 %" in another of the same Spanish
    summary: Spanish writes a (no-break) space before the sign, English none, whoever worded
    the number (the reports' own Texts.percent, or the domain's words through decimal_marks)."""
    es, en = texts("es"), texts("en")
    assert es.percent(93.4) == "93,4\u00a0%" and en.percent(93.4) == "93.4%"
    assert es.percent(39) == "39\u00a0%" and en.percent(39) == "39%"
    checkin = "done 11 of 28 sessions (39 %); LSI 93.4%"
    assert decimal_marks(checkin, en) == "done 11 of 28 sessions (39%); LSI 93.4%"
    assert decimal_marks("hecho 11 de 28 sesiones (39 %); LSI 93.4%", es) == (
        "hecho 11 de 28 sesiones (39\u00a0%); LSI 93,4\u00a0%"
    )
