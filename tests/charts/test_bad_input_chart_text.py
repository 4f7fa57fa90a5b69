"""Bad input, charts: any name draws, as typed. A name is never read as mathtext (`$…$`,
`\\frac{`) nor allowed to make a figure too big to draw."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest

from mobileathlete_desktop.charts.kinds import build_chart
from mobileathlete_desktop.charts.style import message_figure
from mobileathlete_desktop.domain.catalogue import Catalogue
from mobileathlete_desktop.domain.records import ClientHistory

NAMES = [
    ("Jo $\\frac{", "Smith$"),  # unbalanced mathtext: matplotlib raised ParseSyntaxException
    ("Jo $x", "Smith $"),  # balanced: "x Smith" was drawn in italics as a formula
    ("<b>Jo</b> & \\", "O'Brien \\$ %"),
    ("A" * 5000, "B" * 5000),  # longer than any column; old records or imports may hold it
]
KINDS = ["profile", "asymmetry", "outcomes", "active-passive", "ankle.df", "nprs"]


def _texts(fig) -> list:  # type: ignore[no-untyped-def]
    from matplotlib.text import Text

    return [t for t in fig.findobj(Text) if t.get_text()]


@pytest.mark.parametrize(("given", "family"), NAMES)
@pytest.mark.parametrize("what", KINDS)
def test_every_chart_draws_any_name_as_plain_text(
    history: ClientHistory, catalogue: Catalogue, what: str, given: str, family: str
) -> None:
    named = replace(history, client=replace(history.client, given_name=given, family_name=family))
    fig = build_chart(named, what, catalogue)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=40)
    assert buffer.getvalue().startswith(b"\x89PNG")
    width, height = fig.get_size_inches() * 40
    assert width < 2000 and height < 2000
    shown = [t for t in _texts(fig) if given[:20] in t.get_text()]
    assert shown, "the chart names the client"
    assert all(given[:100] not in t.get_text() for t in _texts(fig) if len(given) > 100)
    for text in _texts(fig):
        if "$" in text.get_text():
            assert not text.get_parse_math(), text.get_text()


def test_a_message_figure_draws_a_formula_like_title() -> None:
    fig = message_figure("Outcome scores — Jo $\\frac{ Smith$", "No assessments $yet$.")
    fig.savefig(io.BytesIO(), format="png", dpi=40)
    assert all(not t.get_parse_math() for t in _texts(fig) if "$" in t.get_text())
