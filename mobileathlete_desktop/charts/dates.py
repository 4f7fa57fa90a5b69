"""Date axes in the chart's language: matplotlib's concise labels with Babel's month names.

matplotlib writes month names with `strftime`, which follows the C library's locale: whatever
the process last set (Qt sets the system's at start-up), for every thread at once. The
labels here keep matplotlib's choice of what to show (month, day, year, the offset) but
write each month through Babel for the chart's language, so a Spanish chart reads "dic"
and an English one "Dec" whatever the machine's locale, and in the order the language
writes a date ("Dec 2026", "Dec 8"; "dic 2026", "8 dic"), never matplotlib's "2026-Dec".
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from matplotlib.dates import ConciseDateFormatter

from mobileathlete_desktop.support.i18n import texts

_MONTH = "\x01%m\x01"
"""strftime writes the month's number between these marks; Babel's name replaces it."""
_MARKED = re.compile("\x01(\\d\\d)\x01")
_DAY = "\x02%d\x02"
"""strftime writes the day of the month between these marks; it is written without a leading
zero ("Oct 8", "8 oct"; strftime's "%-d" is not portable)."""
_DAY_MARKED = re.compile("\x02(\\d\\d)\x02")

# matplotlib's own formats (years, months, days, hours, minutes, seconds) with the month and
# the day marked, each written as the language writes a date: English month first ("Oct 8",
# "Oct 2026", "Oct 8, 2026"), never matplotlib's ISO-like "2026-Oct" or "Oct-08".
_FORMATS = {
    "en": (
        ["%Y", _MONTH, _DAY, "%H:%M", "%H:%M", "%S.%f"],
        ["", "%Y", _MONTH, f"{_MONTH} {_DAY}", "%H:%M", "%H:%M"],
        [
            "",
            "%Y",
            f"{_MONTH} %Y",
            f"{_MONTH} {_DAY}, %Y",
            f"{_MONTH} {_DAY}, %Y",
            f"{_MONTH} {_DAY}, %Y %H:%M",
        ],
    ),
    # Day before month, and the year last ("dic 2026", "8 dic 2026"), as Spanish writes them.
    "other": (
        ["%Y", _MONTH, _DAY, "%H:%M", "%H:%M", "%S.%f"],
        ["", "%Y", _MONTH, f"{_DAY} {_MONTH}", "%H:%M", "%H:%M"],
        [
            "",
            "%Y",
            f"{_MONTH} %Y",
            f"{_DAY} {_MONTH} %Y",
            f"{_DAY} {_MONTH} %Y",
            f"{_DAY} {_MONTH} %Y %H:%M",
        ],
    ),
}


TITLE_DATE_STYLE = "medium"


def title_date(on: date, lang: str) -> str:
    """A date in a chart's title as the reports write a visit's date (`Texts.date`, its
    month in words: "Nov 3, 2026", "3 nov 2026"), never ISO (2026-11-03)."""
    return texts(lang).date(on, TITLE_DATE_STYLE)


def month_abbreviation(month: int, lang: str) -> str:
    """A month's short name in `lang` ("Dec", "dic"), as it stands alone on an axis."""
    return texts(lang).date(date(2000, month, 1), "LLL")


class MonthDateFormatter(ConciseDateFormatter):
    """`ConciseDateFormatter` whose month names are `lang`'s (see the module's docstring)."""

    def __init__(self, locator: Any, lang: str = "en") -> None:
        self.lang = texts(lang).lang
        formats, zero_formats, offset_formats = _FORMATS["en" if self.lang == "en" else "other"]
        super().__init__(  # type: ignore[no-untyped-call]
            locator, formats=formats, zero_formats=zero_formats, offset_formats=offset_formats
        )

    def _named(self, text: str) -> str:
        text = _DAY_MARKED.sub(lambda m: str(int(m.group(1))), text)
        return _MARKED.sub(lambda m: month_abbreviation(int(m.group(1)), self.lang), text)

    def format_ticks(self, values: Any) -> list[str]:
        """The tick labels, each month written by Babel."""
        labels = super().format_ticks(values)  # type: ignore[no-untyped-call]
        return [self._named(label) for label in labels]

    def get_offset(self) -> str:
        """The offset beside the axis ("Dec 2026", "dic 2026")."""
        return self._named(super().get_offset())  # type: ignore[no-untyped-call]

    def __call__(self, x: Any, pos: Any = None) -> str:
        return self._named(super().__call__(x, pos))  # type: ignore[no-untyped-call]

    def format_data_short(self, value: Any) -> str:
        return self._named(super().format_data_short(value))  # type: ignore[no-untyped-call]


def month_date_formatter(locator: Any, lang: str = "en") -> MonthDateFormatter:
    """The date labels of a chart in `lang` for `locator`'s ticks."""
    return MonthDateFormatter(locator, lang)
