"""The gettext catalogues: complete, compiled from the committed .po, and covering the code."""

from __future__ import annotations

import ast
import importlib.util
import shutil
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from mobileathlete_desktop.support import i18n
from mobileathlete_desktop.support.languages import DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "mobileathlete_desktop"
LOCALE = PACKAGE / "locale"
TRANSLATED = [lang for lang in SUPPORTED_LANGUAGES if lang != DEFAULT_LANGUAGE]


def po_path(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / f"{i18n.DOMAIN}.po"


def read_catalogue(path: Path) -> Catalog:
    with path.open("rb") as fh:
        return read_po(fh)


def catalogue_texts(lang: str) -> list[tuple[str, str]]:
    """Every translated text of a language's catalogue, with the msgid it translates."""
    out: list[tuple[str, str]] = []
    for message in read_catalogue(po_path(lang)):
        if not message.id:
            continue
        msgid = message.id if isinstance(message.id, str) else message.id[0]
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        out += [(msgid, text) for text in strings]
    return out


def _keys(catalogue: Catalog) -> set[tuple[str | None, str]]:
    return {
        (m.context, m.id if isinstance(m.id, str) else "\x00".join(m.id)) for m in catalogue if m.id
    }


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_message_is_translated_and_none_is_fuzzy(lang: str) -> None:
    catalogue = read_catalogue(po_path(lang))
    assert len(catalogue) > 60
    for message in catalogue:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings), f"{lang}: untranslated {message.id!r}"
        assert not message.fuzzy, f"{lang}: fuzzy {message.id!r}"
        # Every {placeholder} of the English is in the translation (or the text breaks).
        source = message.id if isinstance(message.id, str) else message.id[-1]
        for name in {n.split("}")[0] for n in source.split("{")[1:]} - {"count"}:
            assert all("{" + name + "}" in s for s in strings), (lang, message.id, name)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_committed_mo_is_compiled_from_the_committed_po(lang: str, tmp_path: Path) -> None:
    catalogue = read_catalogue(po_path(lang))
    fresh = tmp_path / "fresh.mo"
    with fresh.open("wb") as fh:
        write_mo(fh, catalogue)
    committed = po_path(lang).with_suffix(".mo")
    assert committed.read_bytes() == fresh.read_bytes(), "run `make catalogs`"


def _load_build_script() -> object:
    spec = importlib.util.spec_from_file_location(
        "build_catalogs", ROOT / "scripts/build_catalogs.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_catalogs", module)
    spec.loader.exec_module(module)
    return module


def test_every_marked_string_in_the_code_is_in_the_catalogues(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """pybabel extract (as `make catalogs` runs it) finds exactly the messages of the .pot and
    of every language's .po: nothing marked in the code is left untranslated."""
    monkeypatch.chdir(ROOT)
    build = _load_build_script()
    pot = tmp_path / "fresh.pot"
    build.extract(pot)  # type: ignore[attr-defined]
    extracted = _keys(read_catalogue(pot))
    assert ("side of the body", "left") in extracted
    assert "{count} set\x00{count} sets" in {key for _, key in extracted}
    assert _keys(read_catalogue(LOCALE / f"{i18n.DOMAIN}.pot")) == extracted
    for lang in TRANSLATED:
        assert _keys(read_catalogue(po_path(lang))) == extracted, lang


def test_make_catalogs_rewrites_nothing_when_no_message_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`make catalogs` on the committed catalogues (a copy) leaves every .pot, .po and .mo byte
    for byte as committed: no fresh POT-Creation-Date in files whose messages did not change."""
    monkeypatch.chdir(ROOT)
    build = _load_build_script()
    copy = tmp_path / "locale"
    shutil.copytree(LOCALE, copy)
    build.main(copy)  # type: ignore[attr-defined]
    committed = {p.relative_to(LOCALE): p.read_bytes() for p in LOCALE.rglob("*") if p.is_file()}
    rebuilt = {p.relative_to(copy): p.read_bytes() for p in copy.rglob("*") if p.is_file()}
    assert rebuilt.keys() == committed.keys()
    changed = [str(path) for path in committed if rebuilt[path] != committed[path]]
    assert not changed, "run `make catalogs` and commit what it changes"


def _gettext_calls() -> Iterator[tuple[Path, int, str]]:
    """Every gettext/ngettext/pgettext call with a literal message, f-strings included (which
    pybabel extract does not look inside before Python 3.12)."""
    for path in PACKAGE.rglob("*.py"):
        if "ui" in path.relative_to(PACKAGE).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            index = {"gettext": 0, "ngettext": 0, "pgettext": 1, "N_": 0}.get(name)
            if index is None or len(node.args) <= index:
                continue
            arg = node.args[index]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                yield path, node.lineno, arg.value


def test_no_marked_string_hides_where_extraction_cannot_see_it() -> None:
    known = {msgid for lang in TRANSLATED for msgid, _ in catalogue_texts(lang)}
    calls = list(_gettext_calls())
    assert len(calls) > 60
    missing = [(str(p.relative_to(ROOT)), line, m) for p, line, m in calls if m not in known]
    assert not missing


def test_an_unknown_or_regional_language_follows_the_one_rule() -> None:
    on = date(2026, 12, 2)
    for lang in ("fr", "de_DE", "", None, "xx-YY"):
        tr = i18n.texts(lang)
        assert tr.lang == "en"
        assert tr.gettext("Your drills") == "Your drills"
        assert tr.date(on) == "December 2, 2026"
    spanish = i18n.texts("es_MX.UTF-8")
    assert spanish.gettext("Your drills") == "Tus ejercicios"
    assert spanish.date(on) == "2 de diciembre de 2026"
    assert spanish.number(1.5) == "1,5"


@pytest.mark.parametrize(
    ("lang", "one", "two", "million"),
    [
        ("en", "1 drill", "2 drills", "1000000 drills"),
        ("es", "1 ejercicio", "2 ejercicios", "1000000 ejercicios"),
    ],
)
def test_plurals_follow_the_languages_rule(lang: str, one: str, two: str, million: str) -> None:
    tr = i18n.texts(lang)
    said = [tr.ngettext("{count} drill", "{count} drills", n) for n in (1, 2, 1_000_000)]
    assert said == [one, two, million]
    _, ngettext = i18n.gettext_for(lang)
    assert ngettext("{count} drill", "{count} drills", 0).format(count=0) == two.replace("2", "0")


def test_a_missing_catalogue_reads_english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n, "catalogue_path", lambda lang: "locale/none/missing.mo")
    i18n._translation.cache_clear()
    try:
        assert i18n.translation("es").gettext("Your drills") == "Your drills"
    finally:
        monkeypatch.undo()
        i18n._translation.cache_clear()
    assert i18n.translation("es").gettext("Your drills") == "Tus ejercicios"


def test_the_dose_line_is_said_by_the_catalogue() -> None:
    """Dosage.describe has no language branch: the Spanish order and words ("por lado (mantén
    la posición)") are the catalogue's translation of the English message."""
    from mobileathlete_desktop.domain.exercises import Dosage

    dose = Dosage(sets=2, frequencies={"en": "daily", "es": "a diario"}, hold_s=30, per_side=True)
    spanish = i18n.texts("es").gettext("{sets} × {amount} hold each side", sets=2, amount="30 s")
    assert spanish == "2 × 30 s por lado (mantén la posición)"
    assert dose.describe("es") == f"{spanish}, a diario"
    assert dose.describe("fr") == dose.describe("en") == "2 × 30 s hold each side, daily"
