"""`mobileathlete handout --phone`: the same handout on phone-sized pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from mobileathlete_desktop.domain.programs import program_code, shown_code
from tests.commands.test_program_cmd import clinic_db, run  # noqa: F401 (the fixture)


@pytest.mark.parametrize("phone", [False, True])
def test_handout_phone_option(
    clinic_db: str,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    phone: bool,
) -> None:
    out = tmp_path / "handout.pdf"
    argv = ["--db", clinic_db, "handout", "S-2", "--lang", "es", "--out", str(out)]
    code, printed, err = run(capsys, *argv, *(["--phone"] if phone else []))
    assert code == 0, err
    assert printed.strip() == str(out)
    reader = PdfReader(out)
    width_mm = round(float(reader.pages[0].mediabox.width) * 25.4 / 72)
    assert width_mm == (90 if phone else 210)
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert shown_code(program_code(1)) in text and "Tu registro" in text
    assert "Unos" in text and "minutos por semana" in text
