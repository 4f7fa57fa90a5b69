"""The command line signs in: `users add` for the first admin, --user, wrong passwords, lock-out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mobileathlete_desktop.cli import main
from mobileathlete_desktop.commands import common
from mobileathlete_desktop.services.accounts import sign_in
from mobileathlete_desktop.services.clients import find_by_chart, get_client
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.storage.database import open_database
from tests.conftest import ClinicTemplates


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo_db(tmp_path: Path, clinic_templates: ClinicTemplates) -> str:
    """What `demo --clients 2` makes (built once, copied per test)."""
    return str(clinic_templates.copy(tmp_path / "demo.sqlite3", clients=2))


@pytest.fixture
def new_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A path for a brand-new clinic, with no sign-in in the environment."""
    monkeypatch.delenv("MOBILEATHLETE_USER")
    monkeypatch.delenv("MOBILEATHLETE_PASSWORD")
    return str(tmp_path / "new.sqlite3")


def test_first_admin_then_sign_in(
    new_db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MOBILEATHLETE_NEW_PASSWORD", "first-pass")
    code, out, err = run(
        capsys, "--db", new_db, "users", "add", "Boss", "--role", "admin", "--clinic", "North PT"
    )
    assert code == 0 and "User boss (admin) created" in out, err
    # Now the database has a user: nobody gets in without signing in.
    code, _, err = run(capsys, "--db", new_db, "users", "add", "tess", "--role", "therapist")
    assert code == 2 and "--user" in err
    monkeypatch.setenv("MOBILEATHLETE_PASSWORD", "first-pass")
    code, out, err = run(
        capsys, "--db", new_db, "--user", "boss", "users", "add", "tess", "--role", "therapist"
    )
    assert code == 0, err
    code, out, _ = run(capsys, "--db", new_db, "--user", "boss", "users", "list", "--json")
    assert [(u["username"], u["role"]) for u in json.loads(out)] == [
        ("boss", "admin"),
        ("tess", "therapist"),
    ]


def test_first_user_must_be_an_admin(
    new_db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MOBILEATHLETE_NEW_PASSWORD", "first-pass")
    code, _, err = run(capsys, "--db", new_db, "users", "add", "tess", "--role", "therapist")
    assert code == 2 and "first user must be an admin" in err


@pytest.mark.parametrize("command", [["clients"], ["import", "assessments", "x.csv"], ["audit"]])
def test_a_database_with_no_users_is_not_an_open_door(
    new_db: str, capsys: pytest.CaptureFixture[str], command: list[str], tmp_path: Path
) -> None:
    (tmp_path / "x.csv").write_text("chart_number,date,measure,side,mode,value\n")
    code, _, err = run(
        capsys, "--db", new_db, *[str(tmp_path / c) if c == "x.csv" else c for c in command]
    )
    assert code == 2 and "create the first admin" in err and err.count("\n") == 1


def test_wrong_password_exits_2_in_one_line_and_is_audited(
    demo_db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MOBILEATHLETE_PASSWORD", "not-demo")
    code, out, err = run(capsys, "--db", demo_db, "--user", "therapist", "clients")
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "sign-in failed: Wrong user name or password" in err
    monkeypatch.setenv("MOBILEATHLETE_PASSWORD", "demo")
    code, out, _ = run(capsys, "--db", demo_db, "audit", "--action", "signin.failed", "--json")
    assert code == 0
    assert [(e["user"], e["detail"]["reason"]) for e in json.loads(out)] == [
        ("therapist", "wrong password")
    ]


def test_five_wrong_passwords_lock_the_account(
    demo_db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MOBILEATHLETE_PASSWORD", "guess")
    for _ in range(5):
        assert run(capsys, "--db", demo_db, "--user", "therapist", "clients")[0] == 2
    monkeypatch.setenv("MOBILEATHLETE_PASSWORD", "demo")
    code, _, err = run(capsys, "--db", demo_db, "--user", "therapist", "clients")
    assert code == 2 and "locked" in err
    assert run(capsys, "--db", demo_db, "users", "unlock", "therapist")[0] == 0
    assert run(capsys, "--db", demo_db, "--user", "therapist", "clients")[0] == 0


def test_password_prompt_when_not_in_the_environment(
    demo_db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MOBILEATHLETE_PASSWORD")
    asked: list[str] = []

    def fake_read_password(prompt: str) -> str:
        asked.append(prompt)
        return "demo"

    monkeypatch.setattr(common, "read_password", fake_read_password)
    code, out, _ = run(capsys, "--db", demo_db, "clients")
    assert code == 0 and "2 clients" in out
    assert asked == ["Password for admin: "]


def test_no_terminal_and_no_password_is_a_clear_error(
    demo_db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MOBILEATHLETE_PASSWORD")
    code, _, err = run(capsys, "--db", demo_db, "clients")
    assert code == 2 and "MOBILEATHLETE_PASSWORD" in err


@pytest.mark.parametrize(
    ("user", "command", "allowed"),
    [
        ("therapist", ["users", "list"], False),
        ("therapist", ["audit"], False),
        ("therapist", ["backup"], False),
        ("admin", ["users", "list"], True),
        ("therapist", ["clients"], True),
    ],
)
def test_roles_on_the_command_line(
    demo_db: str, capsys: pytest.CaptureFixture[str], user: str, command: list[str], allowed: bool
) -> None:
    code, _, err = run(capsys, "--db", demo_db, "--user", user, *command)
    assert (code == 0) is allowed, err
    if not allowed:
        assert code == 2 and "may not" in err


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (
            ["--user", "therapist"],
            [("therapist", "signin"), ("therapist", "client.open"), ("therapist", "client.open")],
        ),
        (["--client", "DEMO-0002"], [("therapist", "client.open")]),
        (["--since", "2999-01-01"], []),
    ],
)
def test_audit_filters(
    demo_db: str,
    capsys: pytest.CaptureFixture[str],
    filters: list[str],
    expected: list[tuple[str, str]],
) -> None:
    db = open_database(demo_db)
    ctx = ServiceContext.system(db)  # signing in, as the program does
    therapist = ctx.as_actor(sign_in(ctx, "therapist", "demo"))
    get_client(therapist, find_by_chart(therapist, "DEMO-0001").id)
    get_client(therapist, find_by_chart(therapist, "DEMO-0002").id)
    db.dispose()
    code, out, err = run(capsys, "--db", demo_db, "audit", "--json", *filters)
    assert code == 0, err
    found = [(e["user"], e["action"]) for e in json.loads(out)]
    assert found == expected


def test_audit_with_a_bad_date_is_usage_error(
    demo_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", demo_db, "audit", "--since", "yesterday"])
    assert exit_info.value.code == 2
