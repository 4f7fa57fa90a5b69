"""A chart's title writes its visit's date as the documents do (its month in words, in the
chart's language), never ISO: "Limb symmetry — Testa Runnerton, 2026-11-03" (sports-PT
review)."""

from __future__ import annotations

from datetime import date

import pytest

from mobileathlete_desktop.charts.dates import title_date


def test_a_chart_title_date_is_written_out() -> None:
    on = date(2026, 11, 3)
    assert title_date(on, "en") == "Nov 3, 2026"
    assert title_date(on, "es") == "3 nov 2026"
    assert on.isoformat() not in title_date(on, "es")


def _words(figure: object) -> str:
    texts = [t.get_text() for t in figure.texts]  # type: ignore[attr-defined]
    texts += [ax.get_title() for ax in figure.axes]  # type: ignore[attr-defined]
    return " ".join(texts)


@pytest.mark.parametrize(
    ("lang", "said"), [("en", "Jan 8, 2024"), ("es", "8 ene 2024")], ids=["en", "es"]
)
def test_the_profile_and_symmetry_charts_title_their_visit_in_words(lang: str, said: str) -> None:
    from mobileathlete_desktop.charts.asymmetry import asymmetry_figure
    from mobileathlete_desktop.charts.profile import profile_figure
    from mobileathlete_desktop.domain.catalogue import parse_catalogue
    from mobileathlete_desktop.domain.records import ClientHistory
    from tests.charts.conftest import catalogue_data, m, runner, visit

    record = visit(
        1,
        date(2024, 1, 8),
        "signed",
        m("ankle.df", "left", 30),
        m("ankle.df", "right", 38),
    )
    history = ClientHistory(runner(), (record,))
    known = parse_catalogue(catalogue_data())
    for figure in (
        profile_figure(history, known, lang=lang),
        asymmetry_figure(history, known, lang=lang),
    ):
        words = _words(figure)
        assert said in words, words
        assert "2024-01-08" not in words
