"""The builder says at once when a drill added is one the client's coded complaint holds back
(the handout's own warning, in the window's language) and marks such drills in the library;
the therapist may still add it. An uncoded client sees nothing of it."""

from __future__ import annotations

import threading
from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services import clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.i18n import install_translations, remove_translations
from mobileathlete_desktop.ui.program_builder import ProgramBuilder, complaint_hold
from mobileathlete_desktop.ui.program_builder import program_saving as saving
from mobileathlete_desktop.ui.program_builder.drill_pictures import ICON
from tests.reports.helpers import add_runner
from tests.ui.test_program_builder import add_by_keyboard, open_builder, store

__all__ = ["store"]  # the fixture, used by name

SOLEUS = "stretch.soleus_wall"
WHY = {
    "en": "Bent-knee calf stretch (soleus) held back for the client's complaint, insertional "
    "Achilles pain: it takes the loaded ankle to end-range dorsiflexion (a calf stretch, an "
    "ankle rock, a heel drop below the step, a deep squat, a deep forward reach on one leg), "
    "which compresses the Achilles insertion (Pringels 2025; Jonsson 2008); left out of the "
    "handout while this complaint is coded",
    "es": "Estiramiento de sóleo con la rodilla doblada en pausa por el cuadro clínico del "
    "cliente, dolor del tendón de Aquiles en su inserción: lleva el tobillo en carga al final "
    "del rango de flexión dorsal (un estiramiento de pantorrilla, un balanceo del tobillo hacia "
    "adelante, una bajada del talón por debajo del escalón, una sentadilla profunda, un alcance "
    "profundo hacia adelante sobre una pierna), lo que comprime la inserción del tendón de "
    "Aquiles (Pringels 2025; Jonsson 2008); fuera de la hoja de ejercicios mientras este cuadro "
    "clínico esté codificado",
}
MARK = {"en": "held back for the complaint", "es": "en pausa por el cuadro clínico"}


def _client(ctx: ServiceContext, chart: str, complaint: str) -> int:
    client = add_runner(ctx, chart)
    if complaint:
        data = clients.input_from_record(clients.get_client(ctx, client.id))
        clients.update_client(ctx, client.id, replace(data, complaint_code=complaint))
    return client.id


def _library_row(builder: ProgramBuilder, code: str) -> Any:
    model = builder.library_model
    row = next(r for r, e in enumerate(model.exercises) if e.code == code)
    return model.index(row, 0)


def _adds_the_soleus_stretch(builder: ProgramBuilder, qtbot: QtBot, lang: str) -> None:
    add_by_keyboard(builder, qtbot, "bent-knee calf" if lang == "en" else "estiramiento de soleo")
    qtbot.waitUntil(lambda: bool(builder.model.items))
    assert builder.model.items[-1].exercise_code == SOLEUS  # the therapist's choice stands


@pytest.mark.parametrize("lang", ["en", "es"])
def test_adding_a_drill_the_complaint_holds_back_says_why_at_once(
    ctx: ServiceContext,
    store: QSettings,
    qtbot: QtBot,
    qapp: QApplication,
    lang: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if lang == "es":
        install_translations(qapp, "es")
    try:
        threads: list[int] = []
        real = saving.complaint_hold_of

        def watched(*args: Any) -> complaint_hold.ComplaintHold:
            threads.append(threading.get_ident())
            return real(*args)

        monkeypatch.setattr(saving, "complaint_hold_of", watched)
        client_id = _client(ctx, f"CH-1{lang}", "achilles_insertional")
        builder = open_builder(ctx, client_id, store, qtbot)
        assert threads and threading.get_ident() not in threads  # read on the pool, once

        # Marked in the library: muted, the words beside the name, why in the tooltip.
        soleus = _library_row(builder, SOLEUS)
        qtbot.waitUntil(lambda: MARK[lang] in soleus.data(Qt.ItemDataRole.DisplayRole))
        assert WHY[lang] in soleus.data(Qt.ItemDataRole.ToolTipRole)
        assert soleus.data(Qt.ItemDataRole.ForegroundRole) is not None
        assert MARK[lang] in soleus.data(Qt.ItemDataRole.AccessibleTextRole)
        # Its icon carries an amber badge in the corner (seen however far the name is elided).
        badge = soleus.data(Qt.ItemDataRole.DecorationRole).pixmap(ICON).toImage()
        assert badge.pixelColor(35, 13).name() == "#b45309"
        plank = _library_row(builder, "strength.plank")
        assert MARK[lang] not in plank.data(Qt.ItemDataRole.DisplayRole)

        _adds_the_soleus_stretch(builder, qtbot, lang)
        qtbot.waitUntil(lambda: WHY[lang] in builder.status.text())
        assert builder.status.text().startswith("Added " if lang == "en" else "Añadido")

        # Dragged in from the library: said the same.
        builder._say("")
        dropped = builder.library_model.mimeData([_library_row(builder, SOLEUS)])
        builder.model.dropMimeData(dropped, Qt.DropAction.CopyAction, 0, 0, QModelIndex())
        qtbot.waitUntil(lambda: WHY[lang] in builder.status.text())
        assert builder.model.items[0].exercise_code == SOLEUS

        # A drill it does not hold back: added, nothing more said.
        add_by_keyboard(builder, qtbot, "front plank" if lang == "en" else "plancha frontal")
        qtbot.waitUntil(lambda: builder.model.items[-1].exercise_code == "strength.plank")
        assert "⚠" not in builder.status.text()
    finally:
        if lang == "es":
            remove_translations(qapp)


def test_an_uncoded_client_gets_no_warning_and_no_mark(
    ctx: ServiceContext, store: QSettings, qtbot: QtBot
) -> None:
    builder = open_builder(ctx, _client(ctx, "CH-2", ""), store, qtbot)
    soleus = _library_row(builder, SOLEUS)
    assert soleus.data(Qt.ItemDataRole.DisplayRole) == "Bent-knee calf stretch (soleus)"
    assert soleus.data(Qt.ItemDataRole.ForegroundRole) is None
    plain = soleus.data(Qt.ItemDataRole.DecorationRole).pixmap(ICON).toImage()
    assert plain.pixelColor(35, 13).name() != "#b45309"
    _adds_the_soleus_stretch(builder, qtbot, "en")
    assert builder.status.text() == "Added Bent-knee calf stretch (soleus)"


def test_a_complaint_coded_after_the_builder_was_given_the_client_is_read_as_saved(
    ctx: ServiceContext, store: QSettings, qtbot: QtBot
) -> None:
    """The page's record may predate the code: the builder reads the complaint as saved."""
    client_id = _client(ctx, "CH-3", "")
    page_record = clients.get_client(ctx, client_id)
    data = clients.input_from_record(page_record)
    clients.update_client(ctx, client_id, replace(data, complaint_code="achilles_insertional"))
    builder = ProgramBuilder(ctx, client_id, store=store, client=page_record)
    qtbot.addWidget(builder, before_close_func=lambda w: setattr(w, "dirty", False))
    builder.show()
    qtbot.waitUntil(lambda: builder.loading is None)
    _adds_the_soleus_stretch(builder, qtbot, "en")
    qtbot.waitUntil(lambda: WHY["en"] in builder.status.text())
