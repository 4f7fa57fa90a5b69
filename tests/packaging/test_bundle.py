"""The frozen bundle starts and works on a machine without the project's virtualenv.

Builds the Linux bundle with PyInstaller once per session (cached in build/ by a hash of the
sources, so a second run within the same sources takes seconds), then runs it under `env -i`
with only PATH, HOME and QT_QPA_PLATFORM=offscreen. Adding a subcommand to the check is one row
in COMMANDS.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="builds the Linux bundle"),
]

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "build" / "test-bundle"
HASHED = (
    "mobileathlete_desktop",
    "packaging",
    "pyproject.toml",
)
BUILD_TIMEOUT_S = 900
RUN_TIMEOUT_S = 120

# (name, arguments after the program, expected exit code, text expected on stdout).
# "{tmp}" is the test's own folder. Rows run in order, on the same folder: each may use the
# databases made by the rows before it. The commands sign in as the demo admin (SIGN_IN).
COMMANDS = [
    ("version", ["--version"], 0, "Mobile Athlete "),
    (
        "first admin",
        ["--db", "{tmp}/fresh.sqlite3", "users", "add", "boss", "--role", "admin"],
        0,
        "boss (admin) created",
    ),
    (
        "fresh database",
        ["--db", "{tmp}/fresh.sqlite3", "--user", "boss", "clients"],
        0,
        "0 clients",
    ),
    ("check fresh", ["--db", "{tmp}/fresh.sqlite3", "--user", "boss", "check"], 0, "ok: integrity"),
    ("catalogue", ["catalogue"], 0, "hip.flexion"),
    ("demo", ["--db", "{tmp}/x.sqlite3", "demo", "--clients", "3"], 0, "3 clients"),
    ("clients", ["--db", "{tmp}/x.sqlite3", "clients"], 0, "3 clients"),
    ("check demo", ["--db", "{tmp}/x.sqlite3", "check"], 0, "ok: integrity"),
    ("summary", ["--db", "{tmp}/x.sqlite3", "summary", "DEMO-0001"], 0, "DEMO-0001"),
    (
        "report",
        ["--db", "{tmp}/x.sqlite3", "report", "DEMO-0001", "--out", "{tmp}/r.pdf"],
        0,
        "r.pdf",
    ),
    (
        "handout",
        ["--db", "{tmp}/x.sqlite3", "handout", "DEMO-0001", "--lang", "es", "--out", "{tmp}/h.pdf"],
        0,
        "h.pdf",
    ),
]
# The demo clinic's accounts; "boss" gets an admin's password (10+ characters) when created.
SIGN_IN = {
    "MOBILEATHLETE_USER": "admin",
    "MOBILEATHLETE_PASSWORD": "demo",
    "MOBILEATHLETE_NEW_PASSWORD": "boss-password",
}
BOSS = {"MOBILEATHLETE_PASSWORD": "boss-password"}

# Files that prove the bundle carries what it needs at run time.
BUNDLED_FILES = [
    "_internal/mobileathlete_desktop/resources/catalogue.toml",
    "_internal/mobileathlete_desktop/resources/exercises.toml",
    "_internal/mobileathlete_desktop/resources/icons/mobileathlete.svg",
    "_internal/mobileathlete_desktop/storage/migrations/env.py",
    "_internal/mobileathlete_desktop/storage/migrations/versions/0001_initial_schema.py",
    "_internal/PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "_internal/PySide6/Qt/plugins/platforms/libqxcb.so",
    "_internal/PySide6/Qt/plugins/imageformats/libqsvg.so",
    "_internal/PySide6/Qt/plugins/iconengines/libqsvgicon.so",
    "_internal/matplotlib/mpl-data/fonts/ttf/DejaVuSans.ttf",
    "_internal/reportlab/fonts/Vera.ttf",
    "_internal/pypdfium2_raw/libpdfium.so",  # the PDF renderer (preview, print)
    "mobileathlete.desktop",
]


def source_hash() -> str:
    """A hash of everything that goes into the bundle (code, resources, spec, dependencies)."""
    digest = hashlib.sha256()
    for name in HASHED:
        path = ROOT / name
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for f in files:
            if f.is_file() and "__pycache__" not in f.parts:
                digest.update(str(f.relative_to(ROOT)).encode())
                digest.update(f.read_bytes())
    return digest.hexdigest()[:16]


@pytest.fixture(scope="session")
def bundle() -> Path:
    """The built bundle folder (dist/mobileathlete), rebuilt only when the sources changed."""
    if shutil.which("bash") is None:
        pytest.skip("bash is needed to run packaging/build.sh")
    key = source_hash()
    target = DIST / key / "mobileathlete"
    if (target / "mobileathlete").is_file():
        return target
    shutil.rmtree(DIST, ignore_errors=True)
    env = {**os.environ, "PYTHON": sys.executable, "DIST": str(DIST / key)}
    result = subprocess.run(
        ["bash", str(ROOT / "packaging" / "build.sh")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT_S,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert (target / "mobileathlete").is_file(), result.stdout[-2000:]
    return target


@pytest.fixture(scope="module")
def machine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A home folder for a machine that has never seen the project."""
    return tmp_path_factory.mktemp("clinic-pc")


def run_bundled(
    bundle: Path, home: Path, args: list[str], extra_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Runs the bundled program with an empty environment (no virtualenv, no PYTHONPATH)."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "QT_QPA_PLATFORM": "offscreen", **SIGN_IN}
    env.update(extra_env or {})
    return subprocess.run(
        ["env", "-i", *(f"{k}={v}" for k, v in env.items()), str(bundle / "mobileathlete"), *args],
        cwd=home,
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT_S,
    )


@pytest.mark.parametrize("relative", BUNDLED_FILES)
def test_bundle_carries_its_files(bundle: Path, relative: str) -> None:
    assert (bundle / relative).is_file(), f"{relative} is missing from the bundle"


@pytest.mark.parametrize(
    ("name", "args", "code", "expected"), COMMANDS, ids=[c[0] for c in COMMANDS]
)
def test_bundled_command_runs_without_the_virtualenv(
    bundle: Path, machine: Path, name: str, args: list[str], code: int, expected: str
) -> None:
    env = BOSS if "boss" in args else None
    result = run_bundled(bundle, machine, [a.replace("{tmp}", str(machine)) for a in args], env)
    assert result.returncode == code, f"{name}: {result.stderr[-2000:]}"
    assert expected in result.stdout, result.stdout[-2000:]
    assert "Traceback" not in result.stderr


def test_bundled_window_opens_offscreen_with_the_demo_clinic(bundle: Path, machine: Path) -> None:
    result = run_bundled(bundle, machine, ["--demo"], {"MOBILEATHLETE_BENCH_READY": "1"})
    assert result.returncode == 0, result.stderr[-2000:]
    assert "MOBILEATHLETE_READY" in result.stdout, result.stdout + result.stderr[-2000:]
    assert "clients=0" not in result.stdout


def test_bundled_pdfs_are_real_documents_with_fonts_and_pictures(
    bundle: Path, machine: Path
) -> None:
    for name in ("r.pdf", "h.pdf"):
        if not (machine / name).exists():  # the command rows make them; run alone, make them
            chart = ["--db", str(machine / "x.sqlite3")]
            if not (machine / "x.sqlite3").exists():
                run_bundled(bundle, machine, [*chart, "demo", "--clients", "3"])
            command = "report" if name == "r.pdf" else "handout"
            run_bundled(
                bundle, machine, [*chart, command, "DEMO-0001", "--out", str(machine / name)]
            )
        data = (machine / name).read_bytes()
        assert data.startswith(b"%PDF"), name
        assert b"/FontFile2" in data, f"{name}: no embedded TrueType font (accents need one)"
        assert b"/Image" in data or b"/Form" in data, f"{name}: no pictures or charts"


def test_bundled_renderer_draws_every_page_of_a_report(bundle: Path, machine: Path) -> None:
    """The preview's and the printer's renderer (PDFium) runs inside the bundle: the entry
    script's render check draws each page of a report the bundle wrote."""
    pdf = machine / "rendered-report.pdf"
    chart = ["--db", str(machine / "x.sqlite3")]
    if not (machine / "x.sqlite3").exists():
        run_bundled(bundle, machine, [*chart, "demo", "--clients", "3"])
    made = run_bundled(bundle, machine, [*chart, "report", "DEMO-0001", "--out", str(pdf)])
    assert made.returncode == 0, made.stderr[-2000:]
    result = run_bundled(bundle, machine, [], {"MOBILEATHLETE_RENDER_CHECK": str(pdf)})
    assert result.returncode == 0, result.stderr[-2000:]
    pages = [line for line in result.stdout.splitlines() if line.startswith("page ")]
    assert pages, result.stdout + result.stderr[-2000:]
    assert f"rendered {len(pages)} pages" in result.stdout
    for line in pages:  # an A4 page at 72 dpi with something drawn on it
        assert ": 595x842," in line or ": 596x842," in line, line
        assert int(line.split(", ")[1].split()[0]) > 1000, f"blank page: {line}"


def test_bundled_program_draws_a_chart_in_its_chart_process(bundle: Path, machine: Path) -> None:
    """The Progress tab's charts are drawn by a spawned copy of the bundled executable (the
    chart process): the entry script's chart check has one draw a Spanish progress chart,
    with no fallback to drawing in the asking process."""
    result = run_bundled(bundle, machine, [], {"MOBILEATHLETE_CHART_CHECK": "1"})
    assert result.returncode == 0, result.stdout + result.stderr[-2000:]
    line = next(x for x in result.stdout.splitlines() if x.startswith("chart drawn by process"))
    drawn_by, here = line.split("process ")[1].split(" (this one ")
    assert drawn_by != here.split(")")[0], line  # another process drew it
    assert "800x450" in line and "1 axes" in line and "Flexión de cadera" in line, line
    assert int(line.split(", ")[1].split()[0]) > 100_000, f"a blank chart: {line}"
    assert "Traceback" not in result.stderr


def test_bundled_data_goes_to_the_user_data_folder(bundle: Path, machine: Path) -> None:
    result = run_bundled(bundle, machine, ["users", "add", "boss", "--role", "admin"])
    assert result.returncode == 0, result.stderr
    assert list(machine.glob(".local/share/MobileAthlete/clinic.sqlite3"))
