"""packaging/requirements-lock.txt (what the bundle is built from) agrees with pyproject.toml:
every dependency the bundle needs is pinned, with hashes, at a version pyproject allows.
When this fails after a dependency change, run `bash packaging/lock.sh` and commit the lock."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
LOCK = ROOT / "packaging" / "requirements-lock.txt"
LOCKED_EXTRAS = ("postgres", "package")  # packaging/lock.sh's --extra options


def locked() -> dict[str, tuple[str, list[str]]]:
    """name -> (version, hashes) of every pin; one name may be pinned once per Python range,
    the first one is kept (the lock is for Python 3.11 and later)."""
    pins: dict[str, tuple[str, list[str]]] = {}
    text = LOCK.read_text(encoding="utf-8").replace("\\\n", " ")
    for line in text.splitlines():
        match = re.match(r"([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)", line)
        if match:
            hashes = re.findall(r"--hash=sha256:([0-9a-f]{64})", line)
            pins.setdefault(canonicalize_name(match[1]), (match[2], hashes))
    return pins


def wanted() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    return [
        Requirement(r)
        for r in project["dependencies"] + [r for e in LOCKED_EXTRAS for r in extras[e]]
    ]


def test_every_bundle_dependency_is_pinned_with_hashes_at_an_allowed_version() -> None:
    pins = locked()
    assert pins, "the lock file pins nothing"
    for requirement in wanted():
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{name} is not in the lock: run bash packaging/lock.sh"
        version, _ = pins[name]
        assert requirement.specifier.contains(version, prereleases=True), (
            f"{name}=={version} in the lock, pyproject asks {requirement.specifier}"
        )
    unhashed = [name for name, (_, hashes) in pins.items() if not hashes]
    assert not unhashed, f"pins without hashes (pip --require-hashes refuses them): {unhashed}"
