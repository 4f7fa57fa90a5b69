"""Shared test data for reports: a synthetic clinic and runners with a few visits."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from mobileathlete_desktop.domain.records import ClientRecord
from mobileathlete_desktop.services.assessments import create_assessment, set_value
from mobileathlete_desktop.services.clients import ClientInput, create_client
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.storage.models import Clinic

CLINIC = "Testville Runners' Physio"


def add_clinic(ctx: ServiceContext, logo: bytes | None = None) -> None:
    """The clinic, with an admin "admin" (password "demo", as tests/conftest.py signs in).

    Stored as the demo clinic stores its accounts: "demo" is shorter than the program lets
    an admin choose.
    """
    from mobileathlete_desktop.services.accounts import hash_password
    from mobileathlete_desktop.storage.models import User

    with ctx.db.session() as session:
        session.add(Clinic(name=CLINIC, phone="+00 111 222", address="2 Track Lane", logo=logo))
        session.add(
            User(
                username="admin",
                display_name="Ada Admin",
                role="admin",
                password_hash=hash_password("demo"),
            )
        )


def add_runner(
    ctx: ServiceContext,
    chart: str,
    given: str = "Testa",
    family: str = "Runnerton",
    visits: dict[date, dict[tuple[str, str, str], float]] | None = None,
) -> ClientRecord:
    client = create_client(
        ctx,
        ClientInput(
            chart_number=chart,
            given_name=given,
            family_name=family,
            date_of_birth=date(1990, 4, 2),
            sex="female",
            complaint="Right calf tightness on hills",
            referral="Coach",
        ),
    )
    for on, values in (visits or {}).items():
        a = create_assessment(ctx, client.id, on, therapist="Pat Physio, PT")
        for (code, side, mode), value in values.items():
            set_value(ctx, a.id, code, side, mode, value)  # type: ignore[arg-type]
    return client


def pdf_pages(path: Path | bytes) -> list[str]:
    from pypdf import PdfReader

    source = io.BytesIO(path) if isinstance(path, bytes) else path
    return [page.extract_text() or "" for page in PdfReader(source).pages]
