"""Language tables in data: reading one follows the program's one rule for languages."""

from __future__ import annotations

import pytest

from mobileathlete_desktop.domain.language_tables import (
    LanguageTableError,
    missing_languages,
    pick_lines,
    text_lists_table,
    text_table,
)

STEPS = {"en": ("Stand.", "Swing."), "es": ("Párate.", "Balancea.")}


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("es", STEPS["es"]),
        ("es-419", STEPS["es"]),
        ("en", STEPS["en"]),
        ("fr", STEPS["en"]),
        ("pt_BR", STEPS["en"]),
        (None, STEPS["en"]),
    ],
)
def test_lists_are_picked_like_texts(lang: str | None, expected: tuple[str, ...]) -> None:
    assert pick_lines(STEPS, lang) == expected


def test_a_list_missing_in_a_language_falls_back_to_english_then_any() -> None:
    assert pick_lines({"en": ("a",), "es": ()}, "es") == ("a",)
    assert pick_lines({"es": ("b",)}, "en") == ("b",)
    assert pick_lines({}, "en") == ()


def test_tables_are_checked_and_trimmed() -> None:
    assert text_table({"en": " Hip flexion ", "es": "Flexión"}, "x") == {
        "en": "Hip flexion",
        "es": "Flexión",
    }
    assert text_lists_table({"en": ["a ", "b"]}, "x", (2, 3)) == {"en": ("a", "b")}
    with pytest.raises(LanguageTableError, match=r"x\.en has 1 entries, expected 2–3"):
        text_lists_table({"en": ["a"]}, "x", (2, 3))
    with pytest.raises(LanguageTableError, match="x has no English"):
        text_lists_table({"es": ["a", "b"]}, "x", (2, 3))


def test_missing_languages_names_each_gap() -> None:
    assert missing_languages({"en": "a", "es": "b"}) == ()
    assert missing_languages({"en": "a", "es": ""}) == ("es",)
    assert missing_languages({"en": "a"}, ("en", "es", "fr")) == ("es", "fr")
