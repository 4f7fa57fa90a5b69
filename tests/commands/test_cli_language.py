"""The command line's words: plurals through the catalogue, --lang limited to the shipped
languages, and the Spanish count of `exercises --lang es`."""

from __future__ import annotations

from pathlib import Path

import pytest

from mobileathlete_desktop.cli import main
from mobileathlete_desktop.domain.exercises import default_exercise_library


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "demo.sqlite3")
    code, _, _ = run(capsys, "--db", path, "demo", "--clients", "2", "--seed", "3")
    assert code == 0
    return path


def test_client_counts_say_one_and_two(demo_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", demo_db, "clients")
    assert code == 0 and out.splitlines()[-1] == "2 clients"
    code, out, _ = run(capsys, "--db", demo_db, "clients", "--search", "DEMO-0002")
    assert code == 0 and out.splitlines()[-1] == "1 client"


@pytest.mark.parametrize(("lang", "word"), [("en", "drills"), ("es", "ejercicios")])
def test_exercises_counts_drills_in_the_listings_language(
    lang: str, word: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "exercises", "--lang", lang)
    assert code == 0
    assert out.splitlines()[-1] == f"{len(default_exercise_library())} {word}"


@pytest.mark.parametrize("command", ["handout", "program", "exercises"])
def test_lang_offers_only_the_shipped_languages(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = {"handout": ["DEMO-0001", "--out", str(tmp_path / "h.pdf")], "program": ["DEMO-0001"]}
    with pytest.raises(SystemExit) as stop:
        main([command, *argv.get(command, []), "--lang", "fr"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "invalid choice: 'fr'" in err and "--lang {en,es}" in err
