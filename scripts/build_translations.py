"""Updates the window's Qt Linguist translations: pyside6-lupdate then pyside6-lrelease.

Each group of the window (core, clinical, admin) owns one source file,
mobileathlete_desktop/ui/translations/mobileathlete_<group>_<lang>.ts, extracted from the group's
Python modules and Designer forms listed in GROUPS below, and compiled to the .qm beside it.
Run it (`make translations`) after changing a text in the window, fill in the Spanish of every
new message (Qt Linguist: `.venv/bin/pyside6-linguist <ts>`, or by hand), run it again, and
commit both .ts and .qm; tests/ui/test_translations.py fails while they disagree or while a
text of the code is missing from the .ts.

    python scripts/build_translations.py            # every group: lupdate, then lrelease
    python scripts/build_translations.py core       # one group
    python scripts/build_translations.py --release  # lrelease only (after editing a .ts)
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "mobileathlete_desktop" / "ui"
TRANSLATIONS = UI / "translations"
LANGUAGES = ("es",)  # every supported language but English, the source language

# group -> the files its .ts is extracted from (paths relative to mobileathlete_desktop/ui;
# a folder stands for every .py in it, recursively). A file belongs to exactly one group.
GROUPS: dict[str, list[str]] = {
    "core": [
        "app.py",
        "i18n.py",
        "main_window.py",
        "client_page.py",
        "client_dialog.py",
        "client_list_model.py",
        "today_panel.py",
        "next_steps_panel.py",
        "sign_in_dialog.py",
        "first_run_dialog.py",
        "idle_lock.py",
        "about_dialog.py",
        "help_dialog.py",
        "crash_dialog.py",
        "recovery_dialog.py",
        "jobs.py",
        "date_field.py",
        "refusals.py",
        "refusal_words.py",
        "record_table.py",
        "screen_fit.py",
        "new_assessment_dialog.py",
        "flow_layout.py",
        "forms/assessment_editor.ui",
        "forms/client_dialog.ui",
        "forms/new_assessment.ui",
    ],
    # The clinical group: the assessment editor, its grids and panels, the progress view and
    # the program builder.
    "clinical": [
        "assessment_editor",
        "measure_grid",
        "findings_panel.py",
        "live_findings.py",
        "lefs_panel.py",
        "psfs_panel.py",
        "motor_control_panel.py",
        "treatment_panel.py",
        "treatment_entry.py",
        "value_problems.py",
        "media",
        "assessment_commands.py",
        "progress_view.py",
        "chart_canvas.py",
        "chart_data.py",
        "program_builder",
        "template_editor.py",
        "service_adapter.py",
    ],
    # The admin group: users, backups, import, the reports and audit views, printing.
    "admin": [
        "users_dialog.py",
        "backups_dialog.py",
        "import_dialog.py",
        "reports_view.py",
        "reports_batch.py",
        "audit_view.py",
        "print_support.py",
        "clinic_details_dialog.py",
        "forms/users_dialog.ui",
        "forms/new_user.ui",
        "forms/password.ui",
        "forms/backups_dialog.ui",
        "forms/import_dialog.ui",
        "forms/reports_view.ui",
    ],
}


def tool(name: str) -> str:
    """A PySide6 tool (pyside6-lupdate, pyside6-lrelease) from this Python's environment."""
    folder = Path(sys.executable).parent
    for candidate in (name, f"{name}.exe"):
        if (folder / candidate).is_file():
            return str(folder / candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} was not found: install PySide6-Essentials in this Python")
    return found


def sources(group: str) -> list[Path]:
    """The existing files of a group, folders expanded to their .py files."""
    files: list[Path] = []
    for name in GROUPS[group]:
        path = UI / name
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*.py") if "__pycache__" not in p.parts))
        elif path.is_file():
            files.append(path)
        else:
            raise SystemExit(f"{group}: {path} does not exist (update GROUPS)")
    return files


def ts_path(group: str, lang: str, folder: Path = TRANSLATIONS) -> Path:
    return folder / f"mobileathlete_{group}_{lang}.ts"


def lupdate(files: list[Path], ts: Path) -> None:
    """Extracts the texts of `files` into `ts`, keeping the translations it already has."""
    command = [tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none"]
    subprocess.run([*command, *map(str, files), "-ts", str(ts)], check=True, cwd=ROOT)


def lrelease(ts: Path, qm: Path) -> None:
    """Compiles `ts` into `qm` (unfinished messages are left out, so they read English)."""
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True, cwd=ROOT
    )


def build(groups: list[str], *, release_only: bool = False) -> list[Path]:
    """Updates and compiles the groups' translations; returns the .qm files written."""
    written = []
    for group in groups:
        files = sources(group)
        for lang in LANGUAGES:
            ts = ts_path(group, lang)
            if not files and not ts.exists():
                continue  # a group with no files yet has no translation
            if not release_only:
                lupdate(files, ts)
            qm = ts.with_suffix(".qm")
            lrelease(ts, qm)
            written.append(qm)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("groups", nargs="*", help=f"some of {', '.join(GROUPS)} (default: all)")
    parser.add_argument("--release", action="store_true", help="only compile the .ts files")
    args = parser.parse_args(argv)
    unknown = sorted(set(args.groups) - set(GROUPS))
    if unknown:
        parser.error(f"unknown group: {', '.join(unknown)}")
    for path in build(args.groups or list(GROUPS), release_only=args.release):
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
