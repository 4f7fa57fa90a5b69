"""The one rule for languages: base code, supported or English."""

from __future__ import annotations

import pytest

from mobileathlete_desktop.support.languages import language_code, pick


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("es", "es"),
        ("ES", "es"),
        ("es_MX.UTF-8", "es"),
        ("es-ES", "es"),
        ("en_GB", "en"),
        ("fr_FR.UTF-8", "en"),
        ("", "en"),
        (None, "en"),
        ("C", "en"),
    ],
)
def test_a_locale_name_becomes_a_supported_language(code: str | None, expected: str) -> None:
    assert language_code(code) == expected


def test_a_table_gives_the_language_then_english() -> None:
    table = {"en": "Hip flexion", "es": "Flexión de cadera"}
    assert pick(table, "es_AR") == "Flexión de cadera"
    assert pick(table, "fr") == "Hip flexion"
    assert pick({"en": "Hip flexion", "es": ""}, "es") == "Hip flexion"
    assert pick({"es": "Sólo español"}, "en") == "Sólo español"
