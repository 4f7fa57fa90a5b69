"""The sign-in dialog is on screen before the clinic's catalogue is loaded: its refusals' words
(ui/refusals) import the domain's validation only when a refusal is said (issue 22: the
catalogue's 24 ms of imports before the first frame put start_ratio over 1.5×)."""

from __future__ import annotations

import subprocess
import sys


def test_the_sign_in_dialog_loads_without_the_catalogue() -> None:
    probe = (
        "import sys\n"
        "import mobileathlete_desktop.ui.sign_in_dialog\n"
        "print(sorted(m for m in sys.modules if m.startswith('mobileathlete_desktop.domain')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True
    )
    loaded = done.stdout.strip().splitlines()[-1]
    assert "mobileathlete_desktop.domain.catalogue" not in loaded, loaded


def test_a_refusal_still_finds_the_domains_rule() -> None:
    from mobileathlete_desktop.domain.validation import InvalidValue
    from mobileathlete_desktop.ui.refusals import refused_value

    refusal = InvalidValue("Name is too long")
    try:
        raise ValueError("cannot save") from refusal
    except ValueError as error:
        assert refused_value(error) is refusal
