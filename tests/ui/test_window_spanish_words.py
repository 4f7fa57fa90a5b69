"""The window's Spanish uses the same Latin-American words as the client's handouts."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import mobileathlete_desktop
from tests.domain.test_spanish import SPAIN_ONLY

TRANSLATIONS = Path(mobileathlete_desktop.__file__).parent / "ui" / "translations"


def _translations() -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for ts in sorted(TRANSLATIONS.glob("*_es.ts")):
        for message in ET.parse(ts).getroot().iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None:
                continue
            forms = [f.text or "" for f in translation.iter("numerusform")] or [
                translation.text or ""
            ]
            found += [(f"{ts.name}: {source}", text) for text in forms]
    return found


def test_the_window_says_evaluacion_and_computadora_as_the_handouts_do() -> None:
    texts = _translations()
    assert len(texts) > 500
    forbidden = [re.compile(rf"\b({p})\b", re.IGNORECASE) for p in SPAIN_ONLY]
    wrong = [
        f"{where} -> {text!r} ({SPAIN_ONLY[pattern.pattern[3:-3]]})"
        for where, text in texts
        for pattern in forbidden
        if pattern.search(text)
    ]
    assert wrong == []
