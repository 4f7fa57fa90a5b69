"""`mobileathlete chart --lang es`: the chart's words in Spanish; English stays the default."""

from __future__ import annotations

from pathlib import Path

import pytest

from mobileathlete_desktop.domain.catalogue import default_catalogue
from tests.commands.test_summary_chart_cmd import MEASURE, demo_db, run

__all__ = ["demo_db"]  # the fixture, shared with the chart command's other tests


def test_chart_lang_es_draws_spanish_words(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spanish, english = tmp_path / "es.svg", tmp_path / "en.svg"
    chart = ("--db", demo_db, "chart", "DEMO-0002", MEASURE)
    assert run(capsys, *chart, "--lang", "es", "--out", str(spanish))[:1] == (0,)
    assert run(capsys, *chart, "--out", str(english))[:1] == (0,)
    measure = default_catalogue().get(MEASURE)
    assert measure is not None
    drawn = spanish.read_text(encoding="utf-8")  # matplotlib keeps each text as a comment
    assert measure.label_in("es") in drawn and "Fecha de la consulta" in drawn
    assert "Visit date" not in drawn and measure.label not in drawn
    assert "Visit date" in english.read_text(encoding="utf-8")


def test_chart_refuses_a_language_it_does_not_ship(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "fr.png"
    code, _, err = run(
        capsys, "--db", demo_db, "chart", "DEMO-0002", "profile", "--lang", "fr", "--out", str(out)
    )
    assert code == 2 and "--lang" in err and not out.exists()
