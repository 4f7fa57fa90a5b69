"""A drill's own picture refused in a Spanish builder: a file that is no picture and a GIF are
said in Spanish (services/drill_images names its rules, ui/refusals says them), nothing is
stored; an English window keeps the English words."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services import clients
from mobileathlete_desktop.services import drill_images as drill_image_service
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.i18n import install_translations, remove_translations
from mobileathlete_desktop.ui.program_builder import ProgramBuilder
from tests.ui.test_program_builder import open_builder


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[str]:
    language = install_translations(qapp, "es")
    yield language
    remove_translations(qapp)


def _builder(ctx: ServiceContext, qtbot: QtBot, tmp_path: Path) -> ProgramBuilder:
    client_id = clients.create_client(ctx, clients.ClientInput("P-1", "Pia", "Pacer")).id
    store = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    return open_builder(ctx, client_id, store, qtbot)


def _chosen(
    builder: ProgramBuilder, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, file: Path
) -> str:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(file), ""))
    qtbot.mouseClick(builder.own_picture_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "⚠" in builder.status.text())
    return builder.status.text()


def _gif(tmp_path: Path) -> Path:
    from PIL import Image

    path = tmp_path / "dibujo.gif"
    Image.new("RGB", (40, 30), (200, 40, 40)).save(path, "GIF")
    return path


def test_files_that_are_no_png_or_jpeg_are_refused_in_spanish(
    spanish: str,
    ctx: ServiceContext,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    builder = _builder(ctx, qtbot, tmp_path)
    fake = tmp_path / "notas.png"
    fake.write_text("no es una imagen")
    said = _chosen(builder, qtbot, monkeypatch, fake)
    assert said.endswith("notas.png: no es una imagen PNG o JPEG legible"), said
    assert "not a readable" not in said
    said = _chosen(builder, qtbot, monkeypatch, _gif(tmp_path))
    assert said.endswith("dibujo.gif: es una imagen GIF; use PNG o JPEG"), said
    assert drill_image_service.drill_images(builder.ctx) == {}


def test_the_same_refusal_reads_english_in_an_english_window(
    ctx: ServiceContext, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    builder = _builder(ctx, qtbot, tmp_path)
    said = _chosen(builder, qtbot, monkeypatch, _gif(tmp_path))
    assert said.endswith("dibujo.gif is a GIF picture: use PNG or JPEG"), said
