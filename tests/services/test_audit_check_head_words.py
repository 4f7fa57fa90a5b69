"""What `check` says of a clinic server's audit head on a workstation that has none: a trail
begun elsewhere gets no head file here (services.audit_seal.plan_head starts one only for a
trail with no sealed events), so 'written with the next change' was never true there."""

from __future__ import annotations

from sqlalchemy.engine import make_url

from mobileathlete_desktop.services.audit_check import head_findings
from mobileathlete_desktop.services.audit_key import audit_key

SERVER = make_url("postgresql+psycopg://pt@clinic-server/clinic")


def test_a_workstation_joining_a_sealed_trail_is_told_no_head_is_kept_here() -> None:
    problems, state = head_findings(None, SERVER, audit_key(), own_sealed=12)  # type: ignore[arg-type]
    assert problems == []
    assert state and "begun on another workstation" in state[0]
    assert "next change" not in state[0]


def test_a_new_trail_on_a_server_gets_its_head_with_the_next_change() -> None:
    problems, state = head_findings(None, SERVER, audit_key(), own_sealed=0)  # type: ignore[arg-type]
    assert problems == [] and state == [
        "audit head on this workstation: none yet (written with the next change)"
    ]
