"""Choosing a chart by name, the measure picker's entries, and writing a chart file whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from mobileathlete_desktop.charts import style
from mobileathlete_desktop.charts.kinds import build_chart, measures_with_data
from mobileathlete_desktop.domain.catalogue import Catalogue
from mobileathlete_desktop.domain.records import ClientHistory
from tests.charts.conftest import runner


def test_measures_with_data_in_catalogue_order_with_visit_counts(
    history: ClientHistory, catalogue: Catalogue
) -> None:
    choices = measures_with_data(history, catalogue)
    assert [(c.code, c.points) for c in choices] == [
        ("ankle.df", 3),
        ("hallux.extension", 3),
        ("nprs", 3),
        ("lefs.total", 3),  # computed from the questionnaire's items
    ]
    assert choices[0].text == "Ankle dorsiflexion — 3 visits"


def test_measures_with_data_for_a_client_without_visits(catalogue: Catalogue) -> None:
    assert measures_with_data(ClientHistory(runner()), catalogue) == []


@pytest.mark.parametrize(
    ("what", "title"),
    [
        ("profile", "Percent of norm"),
        ("asymmetry", "Limb symmetry"),
        ("outcomes", "Outcome scores"),
        ("ankle.df", "Ankle dorsiflexion"),
    ],
)
def test_build_chart_by_name(
    history: ClientHistory, catalogue: Catalogue, what: str, title: str
) -> None:
    fig = build_chart(history, what, catalogue)
    titles = [ax.get_title() for ax in fig.axes] + [t.get_text() for t in fig.texts]
    assert any(t.startswith(title) for t in titles)


def test_build_chart_refuses_an_unknown_measure(
    history: ClientHistory, catalogue: Catalogue
) -> None:
    with pytest.raises(KeyError):
        build_chart(history, "ankle.nope", catalogue)


def test_a_failed_write_leaves_no_file(
    tmp_path: Path, history: ClientHistory, catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    fig = build_chart(history, "ankle.df", catalogue)
    target = tmp_path / "chart.png"
    target.write_bytes(b"the previous chart")

    def broken(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fig, "savefig", broken)
    with pytest.raises(style.ChartWriteError, match="No space left"):
        style.save_figure(fig, target)
    assert target.read_bytes() == b"the previous chart"  # untouched, no temp file left
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chart.png"]


def test_missing_folder_is_named(
    tmp_path: Path, history: ClientHistory, catalogue: Catalogue
) -> None:
    with pytest.raises(style.ChartWriteError, match="does not exist"):
        style.save_figure(build_chart(history, "profile", catalogue), tmp_path / "no" / "a.png")


def test_saving_keeps_the_figure_on_its_canvas(
    tmp_path: Path, history: ClientHistory, catalogue: Catalogue
) -> None:
    """A chart shown in the window must stay live after Export…: saving swaps no canvas."""
    fig = build_chart(history, "ankle.df", catalogue)
    canvas = fig.canvas
    for suffix in (".png", ".svg", ".pdf"):
        style.save_figure(fig, tmp_path / f"c{suffix}")
    assert fig.canvas is canvas


def test_a_long_note_is_wrapped_to_the_figure(history: ClientHistory, catalogue: Catalogue) -> None:
    fig = style.new_figure()
    ax = fig.add_subplot()
    style.note(ax, "word " * 80)
    (text,) = style.figure_messages(fig)
    assert max(len(line) for line in text.splitlines()) <= 7 * 14
