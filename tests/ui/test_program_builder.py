"""The program builder: keyboard and drag editing, recommendations, saving, templates, handouts."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QAbstractItemView, QFileDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.domain.programs import ProgramItemRecord, ProgramRecord
from mobileathlete_desktop.services import clients
from mobileathlete_desktop.services import drill_images as drill_image_service
from mobileathlete_desktop.services import programs as program_service
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.program_builder import NAME, SETS, ProgramBuilder
from tests.conftest import ADMIN, THERAPIST
from tests.reports.helpers import pdf_pages
from tests.ui.keys import focused, press, type_text


@pytest.fixture
def client_id(ctx: ServiceContext) -> int:
    made = clients.create_client(
        ctx, clients.ClientInput("PB-1", "Lena", "Swiftmoor", date(1992, 5, 4), "female")
    )
    return made.id


@pytest.fixture
def store(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def open_builder(
    ctx: ServiceContext, client_id: int, store: QSettings, qtbot: QtBot, actor: Any = THERAPIST
) -> ProgramBuilder:
    builder = ProgramBuilder(ctx.as_actor(actor), client_id, store=store)
    # Closing at teardown must not stop on the "unsaved program" question.
    qtbot.addWidget(builder, before_close_func=lambda w: setattr(w, "dirty", False))
    builder.show()
    builder.activateWindow()
    qtbot.waitUntil(builder.isActiveWindow)
    qtbot.waitUntil(lambda: builder.loading is None)  # the latest saved program, read on the pool
    return builder


def save_and_wait(builder: ProgramBuilder, qtbot: QtBot) -> ProgramRecord:
    """Saves (Ctrl+S's path, on the thread pool) and waits for the program saved."""
    with qtbot.waitSignal(builder.saved, timeout=10_000) as blocker:
        assert builder.save() is not None
    saved = blocker.args[0]
    assert isinstance(saved, ProgramRecord)
    return saved


@pytest.fixture
def builder(ctx: ServiceContext, client_id: int, store: QSettings, qtbot: QtBot) -> ProgramBuilder:
    return open_builder(ctx, client_id, store, qtbot)


def names(builder: ProgramBuilder) -> list[str]:
    return [builder.model.name_of(i.exercise_code) for i in builder.model.items]


def add_by_keyboard(builder: ProgramBuilder, qtbot: QtBot, words: str) -> None:
    qtbot.keyClick(builder, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert builder.search.hasFocus()
    type_text(qtbot, words)
    press(qtbot, Qt.Key.Key_Return)


def test_drills_added_by_keyboard_appear_in_order(builder: ProgramBuilder, qtbot: QtBot) -> None:
    add_by_keyboard(builder, qtbot, "side to side")
    add_by_keyboard(builder, qtbot, "bird dog")
    add_by_keyboard(builder, qtbot, "knee-to-wall")
    assert names(builder) == ["Leg swings, side to side", "Bird dog", "Knee-to-wall ankle rocks"]
    # The library default dosage comes along (a suggestion to edit).
    first = builder.model.items[0]
    assert first.sets and (first.reps or first.hold_s) and first.frequency


def test_spanish_words_and_filters_narrow_the_library(
    builder: ProgramBuilder, qtbot: QtBot
) -> None:
    everything = builder.library_model.rowCount()
    builder.category.setCurrentIndex(builder.category.findData("strength"))
    strength = builder.library_model.rowCount()
    assert 0 < strength < everything
    builder.category.setCurrentIndex(0)
    builder.region.setCurrentIndex(builder.region.findData("ankle"))
    assert 0 < builder.library_model.rowCount() < everything
    builder.region.setCurrentIndex(0)
    qtbot.keyClicks(builder.search, "rotacion")  # accents ignored, Spanish names searched
    assert builder.library_model.rowCount() >= 1
    qtbot.keyClicks(builder.search, " zzzz")
    assert builder.library_model.rowCount() == 0
    press(qtbot, Qt.Key.Key_Return)  # nothing to add: nothing happens
    assert builder.model.rowCount() == 0


def test_arrow_keys_pick_a_result_and_double_click_adds(
    builder: ProgramBuilder, qtbot: QtBot
) -> None:
    builder.search.setFocus()
    type_text(qtbot, "leg swings")
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    assert names(builder) == ["Leg swings, side to side"]
    index = builder.library_model.index(0, 0)
    rect = builder.library_list.visualRect(index)
    # A real double-click: press and release, then the double-click event.
    viewport = builder.library_list.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert names(builder) == ["Leg swings, side to side", "Leg swings, front to back"]


def test_delete_removes_and_ctrl_up_down_reorder(builder: ProgramBuilder, qtbot: QtBot) -> None:
    builder.add_drills(["control.bird_dog", "mobility.leg_swing_front_back"])
    codes = [i.exercise_code for i in builder.model.items]
    builder.add_drills([builder.library.codes()[5]])  # type: ignore[union-attr]
    third = builder.model.items[2].exercise_code
    builder.table.setFocus()
    builder.table.setCurrentIndex(builder.model.index(2, NAME))
    press(qtbot, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert [i.exercise_code for i in builder.model.items] == [third, *codes]
    assert builder.table.currentIndex().row() == 0  # the moved drill stays selected
    press(qtbot, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert [i.exercise_code for i in builder.model.items] == [codes[0], third, codes[1]]
    press(qtbot, Qt.Key.Key_Delete)
    assert [i.exercise_code for i in builder.model.items] == [codes[0], codes[1]]


def test_drag_from_library_and_within_program(builder: ProgramBuilder) -> None:
    builder.add_drills(["control.bird_dog", "mobility.leg_swing_front_back"])
    library_index = builder.library_model.index(2, 0)
    dragged = builder.library_model.mimeData([library_index])
    builder.model.dropMimeData(dragged, Qt.DropAction.CopyAction, 1, 0, builder.model.index(0, 0))
    code = builder.library_model.itemFromIndex(library_index).data(Qt.ItemDataRole.UserRole)
    assert [i.exercise_code for i in builder.model.items][1] == code
    rows = builder.model.mimeData([builder.model.index(0, 0)])
    builder.model.dropMimeData(rows, Qt.DropAction.MoveAction, 3, 0, builder.model.index(-1, -1))
    assert builder.model.items[-1].exercise_code == "control.bird_dog"
    assert builder.model.rowCount() == 3


def test_dosage_typed_in_the_grid_is_saved_and_the_program_reloads(
    ctx: ServiceContext,
    client_id: int,
    store: QSettings,
    builder: ProgramBuilder,
    qtbot: QtBot,
) -> None:
    add_by_keyboard(builder, qtbot, "bird dog")
    add_by_keyboard(builder, qtbot, "clamshell")
    builder.table.setFocus()
    builder.table.setCurrentIndex(builder.model.index(0, SETS))
    type_text(qtbot, "4")  # any key starts editing the cell
    press(qtbot, Qt.Key.Key_Return)  # the delegate commits on the next turn of the event loop
    qtbot.waitUntil(lambda: builder.table.state() != QAbstractItemView.State.EditingState)
    assert builder.model.items[0].sets == 4
    builder.table.setCurrentIndex(builder.model.index(1, SETS))
    type_text(qtbot, "900")  # out of range: refused, the value stays
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: builder.table.state() != QAbstractItemView.State.EditingState)
    assert builder.model.items[1].sets != 900
    builder.notes.setPlainText("Stop if pain goes above 3/10")
    with qtbot.waitSignal(builder.saved):  # saved on the thread pool
        qtbot.keyClick(builder, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert builder.program is not None and not builder.dirty
    saved = program_service.latest_program(ctx, client_id)
    assert saved is not None and saved.date == date.today()
    assert [i.exercise_code for i in saved.items] == [i.exercise_code for i in builder.model.items]
    assert saved.items[0].sets == 4
    builder.close()

    again = open_builder(ctx, client_id, store, qtbot)
    assert names(again) == ["Bird dog", "Clamshell with band"]
    assert again.model.items[0].sets == 4
    assert again.notes.toPlainText() == "Stop if pain goes above 3/10"
    assert not again.dirty


def test_a_dose_out_of_range_is_refused_in_words(builder: ProgramBuilder, qtbot: QtBot) -> None:
    add_by_keyboard(builder, qtbot, "bird dog")
    builder.table.setFocus()
    builder.table.setCurrentIndex(builder.model.index(0, SETS))
    kept = builder.model.items[0].sets
    type_text(qtbot, "999")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "not stored" in builder.status.text())
    assert builder.model.items[0].sets == kept
    text = builder.status.text()
    assert "Sets '999' not stored for Bird dog" in text
    assert "1 to 600" in text


def fake_recommendation(ctx: ServiceContext, client_id: int, *, lang: str = "en") -> Any:
    program, _ = real_recommendation(ctx, client_id, lang=lang)
    items = (
        ProgramItemRecord(
            "mobility.knee_to_wall_rock",
            sets=2,
            reps=12,
            per_side=True,
            frequency="daily",
            reason="Right ankle dorsiflexion 28°, 10° less than left: ankle mobility",
        ),
        ProgramItemRecord(
            "control.bird_dog",
            sets=3,
            reps=8,
            frequency="daily",
            reason="Trunk control: rotary stability 1/3",
        ),
    )
    summary = "\n".join(i.reason for i in items)
    return replace(program, items=items, summary=summary), []


real_recommendation = program_service.recommended_program


def test_recommend_adds_drills_with_reasons_without_forcing_them(
    builder: ProgramBuilder, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(program_service, "recommended_program", fake_recommendation)
    builder.add_drills(["control.bird_dog"])  # chosen by the therapist first: kept, not doubled
    qtbot.mouseClick(builder.recommend_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: builder.recommending is None)  # worked out on the thread pool
    codes = [i.exercise_code for i in builder.model.items]
    assert codes == ["control.bird_dog", "mobility.knee_to_wall_rock"]
    why = builder.model.index(1, builder.model.columnCount() - 1).data()
    assert "Right ankle dorsiflexion 28°" in why
    assert "ankle mobility" in builder.summary.text() and builder.summary.isVisible()
    assert "suggestion" in builder.status.text()
    # The therapist may remove a recommended drill and save the rest.
    builder.table.setFocus()
    builder.table.setCurrentIndex(builder.model.index(1, NAME))
    press(qtbot, Qt.Key.Key_Delete)
    saved = save_and_wait(builder, qtbot)
    assert [i.exercise_code for i in saved.items] == ["control.bird_dog"]


def test_recommend_for_a_client_without_assessment_says_so(
    builder: ProgramBuilder, qtbot: QtBot
) -> None:
    builder.recommend()
    qtbot.waitUntil(lambda: builder.recommending is None)
    assert builder.model.rowCount() > 0
    assert all(i.reason for i in builder.model.items)
    assert all(not i.frequency.startswith("<") for i in builder.model.items)
    assert "no assessment yet" in builder.status.text()


def test_template_saved_and_loaded_for_another_client(
    ctx: ServiceContext,
    builder: ProgramBuilder,
    store: QSettings,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    builder.add_drills(["mobility.leg_swing_front_back", "control.bird_dog"])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Runner hip program", True))
    assert builder.save_template() is not None  # saved on the thread pool
    assert builder.status.text() == "Saving the template…"
    qtbot.waitUntil(lambda: builder.templating is None)
    assert builder.status.text() == "Saved template “Runner hip program” with 2 drills"
    (saved,) = program_service.list_templates(ctx)
    assert saved.is_template and saved.title == "Runner hip program"

    other = clients.create_client(ctx, clients.ClientInput("PB-2", "Otto", "Pacer"))
    second = open_builder(ctx, other.id, store, qtbot)
    second.add_drills(["mobility.knee_to_wall_rock"])
    monkeypatch.setattr(
        QInputDialog, "getItem", lambda _p, _t, _l, items, *a, **k: (items[0], True)
    )
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    second.load_template()  # the templates, then the one chosen, read on the thread pool
    qtbot.waitUntil(lambda: "Loaded template" in second.status.text())
    assert [i.exercise_code for i in second.model.items] == [
        "mobility.leg_swing_front_back",
        "control.bird_dog",
    ]
    assert second.title_edit.text() == "Runner hip program" and second.dirty


def pdf_printer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, first_page_only: bool) -> Path:
    out = tmp_path / "printed.pdf"

    def exec_(dialog: QPrintDialog) -> int:
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        if first_page_only:
            printer.setPrintRange(QPrinter.PrintRange.PageRange)
            printer.setFromTo(1, 1)
        return QPrintDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", exec_)
    return out


def test_print_handout_saves_first_then_prints_in_spanish(
    ctx: ServiceContext,
    client_id: int,
    builder: ProgramBuilder,
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = pdf_printer(tmp_path, monkeypatch, first_page_only=False)
    asked: list[str] = []

    def question(_parent: Any, title: str, *_a: Any, **_k: Any) -> QMessageBox.StandardButton:
        asked.append(title)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    builder.add_drills(["mobility.leg_swing_front_back", "control.bird_dog"])
    builder.language.setCurrentIndex(builder.language.findData("es"))
    qtbot.keyClick(builder, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert asked == ["Save before printing?"]
    # Saved, then the handout written, off the UI thread; the buttons wait meanwhile.
    assert builder.writing is not None and not builder.print_button.isEnabled()
    qtbot.waitUntil(lambda: builder.saving is None)
    assert program_service.latest_program(ctx, client_id) is not None
    assert builder.writing is not None and not builder.print_button.isEnabled()
    qtbot.waitUntil(lambda: "Printed" in builder.status.text(), timeout=20_000)
    assert builder.print_button.isEnabled()
    text = "\n".join(pdf_pages(out))
    assert "Lena Swiftmoor" in text
    assert "Balanceo de pierna hacia adelante y hacia atrás" in " ".join(text.split())
    assert "Printed" in builder.status.text()


def test_print_a_page_range_to_a_pdf_printer(
    builder: ProgramBuilder, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = pdf_printer(tmp_path, monkeypatch, first_page_only=True)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    builder.add_drills(builder.library.codes()[:8])  # type: ignore[union-attr]
    assert builder.print_handout()
    qtbot.waitUntil(lambda: "Printed" in builder.status.text(), timeout=20_000)
    assert len(pdf_pages(out)) == 1


def test_save_handout_pdf_remembers_the_folder(
    builder: ProgramBuilder,
    qtbot: QtBot,
    store: QSettings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = tmp_path / "handouts"
    folder.mkdir()
    seen: list[str] = []

    def ask(_parent: Any, _title: str, start: str, _filter: str) -> tuple[str, str]:
        seen.append(start)
        return str(folder / "lena"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    builder.add_drills(["control.bird_dog"])
    assert builder.save_handout_pdf()
    path = folder / "lena.pdf"
    qtbot.waitUntil(lambda: builder.status.text() == f"Saved {path}", timeout=20_000)
    assert "Bird dog" in "\n".join(pdf_pages(path))
    builder.save_handout_pdf()
    assert Path(seen[1]).parent == folder
    qtbot.waitUntil(lambda: builder.writing is None, timeout=20_000)


def test_declining_to_save_prints_nothing(
    builder: ProgramBuilder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = pdf_printer(tmp_path, monkeypatch, first_page_only=False)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    builder.add_drills(["control.bird_dog"])
    assert not builder.print_handout()
    assert not out.exists()


def test_admin_sees_the_program_but_cannot_change_it(
    ctx: ServiceContext, client_id: int, store: QSettings, qtbot: QtBot
) -> None:
    viewer = open_builder(ctx, client_id, store, qtbot, actor=ADMIN)
    assert not viewer.recommend_button.isEnabled()
    assert not viewer.save_button.isEnabled()
    assert viewer.print_button.isEnabled()
    viewer.search.setFocus()
    type_text(qtbot, "bird dog")
    press(qtbot, Qt.Key.Key_Return)
    assert viewer.model.rowCount() == 0
    assert focused() is viewer.search


def test_closing_with_unsaved_drills_asks_and_cancel_keeps_the_builder_open(
    builder: ProgramBuilder, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_by_keyboard(builder, qtbot, "bird dog")
    asked: list[str] = []

    def question(_parent: Any, title: str, *_a: Any, **_k: Any) -> QMessageBox.StandardButton:
        asked.append(title)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", question)
    qtbot.keyClick(builder, Qt.Key.Key_Escape)
    assert asked == ["Unsaved program"]
    assert builder.isVisible()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Save)
    builder.close()
    assert builder.isVisible() and "Saving" in builder.status.text()  # closes once saved
    qtbot.waitUntil(lambda: not builder.isVisible())
    saved = program_service.latest_program(builder.ctx, builder.client_id)
    assert saved is not None and [i.exercise_code for i in saved.items] == [
        i.exercise_code for i in builder.model.items
    ]


def test_the_clinic_can_put_its_own_picture_on_a_drill_and_go_back(
    builder: ProgramBuilder, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PIL import Image

    photo = tmp_path / "our bird dog.png"
    Image.new("RGB", (60, 40), "red").save(photo)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(photo), ""))
    builder.search.setFocus()
    type_text(qtbot, "bird dog")
    qtbot.waitUntil(lambda: not builder.pictures.reading)  # drawn on the thread pool
    drawn = builder.detail_picture.pixmap().toImage()
    assert not builder.drawn_picture_button.isEnabled()
    builder.own_picture_button.click()
    assert "our bird dog.png is now the picture for Bird dog" in builder.status.text()
    shown = builder.detail_picture.pixmap().toImage()
    assert shown != drawn
    assert shown.pixelColor(shown.width() // 2, shown.height() // 2).red() > 200
    assert drill_image_service.drill_images(builder.ctx) == {"control.bird_dog": photo.read_bytes()}
    assert builder.drawn_picture_button.isEnabled()
    builder.drawn_picture_button.click()
    assert drill_image_service.drill_images(builder.ctx) == {}
    assert builder.detail_picture.pixmap().toImage() == drawn


def test_a_file_that_is_not_a_picture_is_refused_in_words(
    builder: ProgramBuilder, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = tmp_path / "notes.png"
    fake.write_text("not a picture")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(fake), ""))
    builder.own_picture_button.click()
    assert "Picture not used" in builder.status.text()
    assert "not a readable PNG or JPEG" in builder.status.text()
    assert drill_image_service.drill_images(builder.ctx) == {}


def test_a_handout_into_a_missing_folder_is_refused_in_words(
    builder: ProgramBuilder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "gone" / "lena.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert not builder.save_handout_pdf()
    assert "does not exist" in builder.status.text()
    assert builder.writing is None and not target.parent.exists()
