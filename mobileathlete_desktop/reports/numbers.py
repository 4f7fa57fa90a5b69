"""Numbers in a document's language: "7,5°", "1,2 kg" and "93,4 %" in Spanish, "7.5°" and
"93.4%" in English.

A number the reports and handouts format themselves goes through `Texts.number` (the one
rule: support.i18n). Values and sentences the domain words for them ("10.6°", "beyond the
measurement error (2.5 points)") come with a point: `decimal_marks` says them with the
document's mark, for those texts only (never a citation, whose DOI "10.1016/j..." is no
number, nor what a therapist typed).
"""

from __future__ import annotations

import re

from mobileathlete_desktop.support.i18n import Texts

# A decimal number standing on its own: not inside a longer token such as a DOI
# ("10.1016/j.otsr.2011.08.015"), a version or a code, which a letter, a point, a slash or a
# colon beside it gives away (a sentence's full stop after a number is no such point).
_DECIMAL = re.compile(r"(?<![\w.:/])(\d+)\.(\d+)(?![\w:/]|\.\w)")


# A number's percent sign, with or without a space before it ("93.4%", "39 %").
_PERCENT = re.compile(r"(\d)[ \u00a0\u202f]?%")


def decimal_marks(text: str, tr: Texts) -> str:
    """`text`, worded with points as decimal marks, with the language of `tr`'s mark
    ("Tobillo 10.6°" → "Tobillo 10,6°" in Spanish), and its percentages written as the
    language writes them (`Texts.percent`: "93,4 %" and "39 %" in Spanish, "93.4%" and
    "39%" in English, however the domain worded them)."""
    text = _PERCENT.sub(rf"\1{tr.percent_gap}%", text)
    mark = tr.decimal_mark
    if mark == ".":
        return text
    return _DECIMAL.sub(rf"\1{mark}\2", text)
