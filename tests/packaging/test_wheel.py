"""The built wheel carries everything the program needs and declares everything it imports.

Builds the wheel from a copy of the sources, installs it with --no-deps into a new venv whose
dependencies come from the project's venv through a .pth line (fast, and offline), and runs
`catalogue`, `demo` and `handout` from a folder outside the checkout. The checkout's editable
install must not be what runs: the test asserts the imported package lives in the new venv.
"""

from __future__ import annotations

import ast
import json
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path
from typing import Any

import pytest

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="uses the POSIX venv layout (bin/)"),
]

ROOT = Path(__file__).resolve().parents[2]
DIST_NAME = "mobileathlete-desktop"
TIMEOUT_S = 300
SIGN_IN = {"MOBILEATHLETE_USER": "therapist", "MOBILEATHLETE_PASSWORD": "demo"}
# Requirements that may serve run-time imports: the base ones and the optional features'.
RUNTIME_EXTRAS = {None, "postgres", "encryption"}


def run(args: list[str | Path], **kwargs: Any) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, timeout=TIMEOUT_S, **kwargs
    )
    assert result.returncode == 0, f"{args}:\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}"
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel, built from a copy of the sources (setuptools' build/ cache in the checkout
    could carry files that no longer exist)."""
    work = tmp_path_factory.mktemp("wheel-build")
    source = work / "src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    shutil.copytree(
        ROOT / "mobileathlete_desktop",
        source / "mobileathlete_desktop",
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
    )
    out = work / "dist"
    pip_wheel = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q"]
    run([*pip_wheel, "-w", out, source], cwd=work)
    (built,) = out.glob("mobileathlete_desktop-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new venv with the wheel installed (no deps); the dependencies come from this venv."""
    folder = tmp_path_factory.mktemp("clean") / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", folder])
    python = folder / "bin" / "python"
    pip_install = [sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps"]
    run([*pip_install, "--no-index", wheel])
    purelib = run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"])
    # Only a path line: the project venv's .pth files (its editable install of the checkout)
    # are not processed for a directory added this way.
    deps = sysconfig.get_paths()["purelib"]
    (Path(purelib.stdout.strip()) / "_project_dependencies.pth").write_text(deps + "\n")
    return folder


@pytest.fixture(scope="module")
def clinic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A working folder and home outside the checkout."""
    return tmp_path_factory.mktemp("clinic-pc")


def in_venv(venv: Path, clinic: Path, args: list[str | Path]) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": f"{venv / 'bin'}:/usr/bin:/bin",
        "HOME": str(clinic),
        "QT_QPA_PLATFORM": "offscreen",
        **SIGN_IN,
    }
    return run(args, cwd=clinic, env=env)


def test_the_wheel_carries_the_data_files(wheel: Path) -> None:
    import zipfile

    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "mobileathlete_desktop/py.typed",
        "mobileathlete_desktop/resources/catalogue.toml",
        "mobileathlete_desktop/resources/exercises.toml",
        "mobileathlete_desktop/resources/templates.toml",
        "mobileathlete_desktop/resources/icons/mobileathlete.svg",
        "mobileathlete_desktop/ui/forms/ui_client_dialog.py",
        "mobileathlete_desktop/storage/migrations/env.py",
        "mobileathlete_desktop/storage/migrations/script.py.mako",
        "mobileathlete_desktop/storage/migrations/versions/0001_initial_schema.py",
    ):
        assert needed in names, f"{needed} is missing from {wheel.name}"


def test_the_installed_wheel_is_what_runs_not_the_checkout(venv: Path, clinic: Path) -> None:
    found = in_venv(
        venv, clinic, ["python", "-c", "import mobileathlete_desktop as m; print(m.__file__)"]
    )
    location = Path(found.stdout.strip()).resolve()
    assert location.is_relative_to(venv.resolve()), location
    assert not location.is_relative_to(ROOT), location


def test_catalogue_demo_and_handout_run_from_the_wheel(venv: Path, clinic: Path) -> None:
    catalogue = in_venv(venv, clinic, ["mobileathlete", "catalogue"])
    assert "hip.flexion" in catalogue.stdout
    db = clinic / "wheel.sqlite3"
    demo = in_venv(
        venv, clinic, ["mobileathlete", "--db", db, "demo", "--clients", "2", "--seed", "1"]
    )
    assert "2 clients" in demo.stdout
    pdf = clinic / "handout.pdf"
    in_venv(venv, clinic, ["mobileathlete", "--db", db, "handout", "DEMO-0001", "--out", pdf])
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and b"/FontFile2" in data
    pages = in_venv(
        venv,
        clinic,
        [
            "python",
            "-c",
            "from mobileathlete_desktop.ui import print_support as p;"
            f"print(p.page_count({str(pdf)!r}))",
        ],
    )
    assert int(pages.stdout) >= 1


def third_party_imports(package: Path) -> dict[str, set[str]]:
    """Top-level names the package imports at run time (not under `if TYPE_CHECKING:`), with
    the files that import them; the standard library and the package itself left out."""
    found: dict[str, set[str]] = {}
    for path in package.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skipped = {
            id(inner)
            for node in ast.walk(tree)
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
            for inner in ast.walk(node)
        }
        for node in ast.walk(tree):
            if id(node) in skipped:
                continue
            if isinstance(node, ast.Import):
                tops = [alias.name.split(".")[0] for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                tops = [node.module.split(".")[0]]
            else:
                continue
            for top in tops:
                if top not in sys.stdlib_module_names and top != package.name:
                    found.setdefault(top, set()).add(str(path.relative_to(package.parent)))
    return found


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_every_import_is_a_declared_dependency_of_the_wheel(venv: Path, clinic: Path) -> None:
    script = (
        "import json, importlib.metadata as md, mobileathlete_desktop as m;"
        f"print(json.dumps({{'requires': md.requires({DIST_NAME!r}) or [],"
        " 'owners': md.packages_distributions(), 'file': m.__file__}))"
    )
    facts = json.loads(in_venv(venv, clinic, ["python", "-c", script]).stdout)
    declared: set[str] = set()
    for requirement in facts["requires"]:
        name = normalise(re.split(r"[\s;\[<>=!~]", requirement, maxsplit=1)[0])
        extra = re.search(r"""extra\s*==\s*["']([^"']+)["']""", requirement)
        if (extra.group(1) if extra else None) in RUNTIME_EXTRAS:
            declared.add(name)
    imports = third_party_imports(Path(facts["file"]).parent)
    assert {"PySide6", "sqlalchemy", "pypdfium2", "PIL"} <= imports.keys()  # the scan works
    missing = {}
    for top, files in sorted(imports.items()):
        owners = {normalise(d) for d in facts["owners"].get(top, [])}
        if not owners & declared:
            missing[top] = (sorted(owners) or ["no installed distribution"], sorted(files)[:3])
    assert not missing, f"imported but not declared in the wheel's metadata: {missing}"
