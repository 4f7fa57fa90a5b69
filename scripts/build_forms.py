"""Compiles the Qt Designer forms (mobileathlete_desktop/ui/forms/*.ui) to Python with pyside6-uic.

Writes ui_<name>.py beside each .ui file (or into --out). Run it (`make forms`) after editing a
form in Designer and commit both files; tests/ui/test_forms.py fails while they disagree.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

FORMS = Path(__file__).resolve().parent.parent / "mobileathlete_desktop" / "ui" / "forms"


def uic_command() -> list[str]:
    """pyside6-uic from the running Python's environment (or the PATH)."""
    folder = Path(sys.executable).parent
    for name in ("pyside6-uic", "pyside6-uic.exe"):
        if (folder / name).is_file():
            return [str(folder / name)]
    found = shutil.which("pyside6-uic")
    if found is None:
        raise SystemExit("pyside6-uic was not found: install PySide6-Essentials in this Python")
    return [found]


def compile_form(ui: Path, out: Path) -> None:
    """Writes the Python module for one .ui file."""
    subprocess.run([*uic_command(), "--generator", "python", str(ui), "-o", str(out)], check=True)


def build_forms(out_dir: Path = FORMS) -> list[Path]:
    """Compiles every form; returns the modules written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for ui in sorted(FORMS.glob("*.ui")):
        target = out_dir / f"ui_{ui.stem}.py"
        compile_form(ui, target)
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=FORMS, help="folder for the modules")
    args = parser.parse_args(argv)
    for path in build_forms(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
