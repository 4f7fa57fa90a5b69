"""Draws every drill's illustration on a contact sheet (PDF, and PNG pages via pdftoppm)."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from mobileathlete_desktop.domain.resources import resource_path
from mobileathlete_desktop.illustrations.pose import Pose
from mobileathlete_desktop.illustrations.scene import build_scene
from mobileathlete_desktop.reports.illustration import scene_drawing


def main(out_dir: Path, only: str = "") -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    pdf = out_dir / "exercises.pdf"
    # Read the raw file, so a half-written library can still be looked at.
    with resource_path("exercises.toml").open("rb") as fh:
        exercises = [e for e in tomllib.load(fh)["exercises"] if only in e["code"]]
    width, height = A4
    cols, rows = 4, 4
    cell_w, cell_h = (width - 40) / cols, (height - 40) / rows
    c = canvas.Canvas(str(pdf), pagesize=A4)
    for i, exercise in enumerate(exercises):
        slot = i % (cols * rows)
        if i and slot == 0:
            c.showPage()
        col, row = slot % cols, slot // cols
        x = 20 + col * cell_w
        y = height - 20 - (row + 1) * cell_h
        c.setStrokeColorRGB(0.85, 0.85, 0.85)
        c.rect(x, y, cell_w, cell_h)
        c.setFont("Helvetica", 6.5)
        c.drawString(x + 4, y + cell_h - 10, exercise["code"])
        scene = build_scene(Pose.from_mapping(exercise["pose"], exercise["code"]))
        drawing = scene_drawing(scene, cell_w - 10, cell_h - 22)
        drawing.drawOn(c, x + 5, y + 5)
    c.save()
    subprocess.run(["pdftoppm", "-png", "-r", "110", str(pdf), str(out_dir / "sheet")], check=True)
    print(pdf)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/exercise-sheet"), *sys.argv[2:3])
