"""Bad input, PDFs: a day's batch of progress reports and a handout print any name, as
typed: markup (`<b>`, `&`) is text, mathtext (`$\\frac{`) is text, and a name far longer than
its column (an old record, an import, a direct edit) is shortened rather than stopping the
whole batch."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import update

from mobileathlete_desktop.reports.handout import Handout, write_handout
from mobileathlete_desktop.reports.pdf import ClinicHeader
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.reports import write_batch
from mobileathlete_desktop.storage.models import Client, Clinic
from tests.reports.helpers import add_clinic, add_runner, pdf_pages

DAY = date(2025, 5, 6)
VALUES = {DAY: {("ankle.dorsiflexion.knee_flexed", "left", "passive"): 30.0}}
NAMES = [
    ("Jo $\\frac{", "Smith$"),
    ("<i & <b>x</b>", "&amp; O'Brien"),
    ("A" * 5000, "B" * 5000),
]


def _store_raw(ctx: ServiceContext, client_id: int, given: str, family: str) -> None:
    """Names as an old record or a direct edit may hold them (entry would refuse these)."""
    with ctx.db.session() as session:
        names = {"given_name": given, "family_name": family}
        session.execute(update(Client).where(Client.id == client_id).values(**names))


@pytest.mark.parametrize("per_client", [False, True])
def test_a_days_batch_prints_every_name(
    ctx: ServiceContext, tmp_path: Path, per_client: bool
) -> None:
    add_clinic(ctx)
    with ctx.db.session() as session:
        session.execute(update(Clinic).values(name="<Clinic> & $\\frac{ " + "C" * 3000))
    ids = []
    for number, (given, family) in enumerate(NAMES, start=1):
        client = add_runner(ctx, f"R-{number}", visits=VALUES)
        _store_raw(ctx, client.id, given, family)
        ids.append(client.id)
    out = tmp_path if per_client else tmp_path / "day.pdf"
    result = write_batch(ctx, ids, out, label=DAY.isoformat())
    assert len(result.chart_numbers) == 3
    text = "\n".join("\n".join(pdf_pages(f)) for f in result.files)
    assert "Jo $\\frac{ Smith$" in text
    assert "<i & <b>x</b> &amp; O'Brien" in text
    assert "AAAAAAAAAA" in text and "A" * 200 not in text.replace("\n", "")


def test_a_handout_prints_any_name() -> None:
    for name in ("Jo $\\frac{ Smith$", "<i & <b>x</b>", "A" * 5000):
        buffer = io.BytesIO()
        write_handout(
            buffer,
            Handout(
                clinic=ClinicHeader("<Clinic> & $x$ " + "C" * 3000),
                client_name=name,
                chart_number="R-1",
                on=DAY,
                therapist="<Pat> $\\frac{",
                drills=(),
                lang="en",
            ),
        )
        text = "\n".join(pdf_pages(buffer.getvalue()))
        assert name[:40] in text
