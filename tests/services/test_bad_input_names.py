"""Bad input, names: at entry a name is one line without control characters and no longer
than its column; too long is refused with a message that says so."""

from __future__ import annotations

import pytest

from mobileathlete_desktop.domain.programs import ProgramRecord
from mobileathlete_desktop.services import clients, programs, templates
from mobileathlete_desktop.services.accounts import (
    clinic_name,
    create_first_admin,
    create_user,
    list_users,
)
from mobileathlete_desktop.services.context import InputError, ServiceContext

ESCAPES = "Jo\x1b[31m\x07\u202eanna\tMaria\nX"


def test_a_client_name_is_cleaned_of_control_characters(ctx: ServiceContext) -> None:
    made = clients.create_client(ctx, clients.ClientInput("C-1", ESCAPES, "Smith\x00\x1b]0;x\x07"))
    assert made.given_name == "Jo[31manna Maria X"
    assert made.family_name == "Smith]0;x"


@pytest.mark.parametrize("field", ["given_name", "family_name"])
def test_a_client_name_longer_than_its_column_is_refused(ctx: ServiceContext, field: str) -> None:
    values = {"chart_number": "C-2", "given_name": "Ann", "family_name": "Lee"}
    values[field] = "A" * 5000
    data = clients.ClientInput(**values)  # type: ignore[arg-type]
    assert "too long: 5000 characters, at most 120" in data.problems()[field]
    with pytest.raises(InputError, match="too long: 5000 characters, at most 120"):
        clients.create_client(ctx, data)
    values[field] = "A" * 120
    clients.create_client(ctx, clients.ClientInput(**values))  # type: ignore[arg-type]


def test_a_name_with_math_and_markup_is_kept_as_typed(ctx: ServiceContext) -> None:
    made = clients.create_client(
        ctx, clients.ClientInput("C-3", "Jo $\\frac{", "<b>Smith</b> & $x")
    )
    assert (made.given_name, made.family_name) == ("Jo $\\frac{", "<b>Smith</b> & $x")


def test_user_display_names_and_the_clinic_name_are_limited_and_cleaned(
    ctx: ServiceContext,
) -> None:
    with pytest.raises(InputError, match="Clinic name is too long"):
        create_first_admin(ctx.db, "C" * 201, "boss", "Boss", "boss-secret")
    with pytest.raises(InputError, match="Display name is too long"):
        create_first_admin(ctx.db, "Clinic", "boss", "B" * 201, "boss-secret")
    admin = create_first_admin(ctx.db, "Good\x1b[2J Clinic", "boss", "Boss\x1b[0m", "boss-secret")
    assert admin.display_name == "Boss[0m"
    assert clinic_name(ctx.db) == "Good[2J Clinic"
    boss = ctx.as_actor(admin.actor())
    with pytest.raises(InputError, match="Display name is too long"):
        create_user(boss, "tess", "T" * 300, "therapist", "secret")
    create_user(boss, "tess", "Tess\u202eTherapist", "therapist", "secret")
    assert {u.display_name for u in list_users(boss)} == {"Boss[0m", "TessTherapist"}


def test_template_and_program_names_are_cleaned(ctx: ServiceContext) -> None:
    saved = templates.save_template(ctx, "Knee\x1b[31m screen", ["knee.extension"])
    assert saved.name == "Knee[31m screen"
    record = ProgramRecord(id=None, client_id=None, date=None, title="T" * 201, is_template=True)
    with pytest.raises(InputError, match="too long"):
        programs.save_program(ctx, record)
