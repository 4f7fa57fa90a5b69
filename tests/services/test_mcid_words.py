"""The full record's "What changed" line names the clinically important difference as it
applies to that change: Farrar's 30% counts for a fall in pain from over 3/10, never for a
rise (ImportantChange.percent_applies), so a rise is said against the 2 points alone."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from mobileathlete_desktop.services.assessments import create_assessment, set_value, sign_assessment
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.reports import write_report
from tests.reports.helpers import add_clinic, add_runner, pdf_pages


def _pain(ctx: ServiceContext, chart: str, first: float, latest: float) -> int:
    client = add_runner(ctx, chart)
    for when, value in ((date(2025, 3, 1), first), (date(2025, 5, 1), latest)):
        visit = create_assessment(ctx, client.id, when, therapist="Pat Physio, PT")
        set_value(ctx, visit.id, "nprs", "none", "none", value)
        sign_assessment(ctx, visit.id)
    return client.id


@pytest.mark.parametrize(
    ("first", "latest", "said", "not_said"),
    [
        (1.0, 4.0, "2-point MCID", "30%"),  # a rise: the points alone
        (7.0, 3.0, "2-point or 30% MCID", None),  # a fall from over 3: either
    ],
)
def test_the_mcid_is_named_as_it_applies_to_the_change(
    ctx: ServiceContext,
    tmp_path: Path,
    first: float,
    latest: float,
    said: str,
    not_said: str | None,
) -> None:
    add_clinic(ctx)
    client_id = _pain(ctx, f"MC-{int(first)}", first, latest)
    out = tmp_path / "full.pdf"
    write_report(ctx, client_id, out, kind="full")
    text = " ".join(" ".join(pdf_pages(out)).split())
    line = text[text.index("Pain (NPRS") :][:400]
    assert said in line, line
    if not_said is not None:
        assert not_said not in line, line
