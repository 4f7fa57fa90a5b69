"""The Image/video window of an assessment (issue 19): open a photo or a phone video, measure
an angle or a distance on it, and save the value into the assessment with the still.

Files are read, pictures checked and values saved off the UI thread (ui.jobs); stepping
through a video decodes on the UI thread (a frame takes milliseconds; see bench/video_step.py).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QImage, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from mobileathlete_desktop.domain.catalogue import Measure
from mobileathlete_desktop.domain.image_angles import TOOLS, Annotation, Reading, Tool
from mobileathlete_desktop.services import assessments as assessment_service
from mobileathlete_desktop.services import media as media_service
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.jobs import Job
from mobileathlete_desktop.ui.measure_grid.markers import window_lang
from mobileathlete_desktop.ui.media import guidance
from mobileathlete_desktop.ui.media.canvas import AngleCanvas
from mobileathlete_desktop.ui.media.handles import reading_text
from mobileathlete_desktop.ui.media.player import VideoPlayer
from mobileathlete_desktop.ui.media.stills_list import StillsList
from mobileathlete_desktop.ui.media.tools import TOOL_HINTS, TOOL_NAMES, png_bytes
from mobileathlete_desktop.ui.media.video import VIDEO_SUFFIXES, VideoReader
from mobileathlete_desktop.ui.refusals import refusal_text, refused_value
from mobileathlete_desktop.ui.screen_fit import fit_to_screen, scrolling


class MediaWindow(QWidget):
    """Measure on a photo or a video frame and save the value with its still."""

    saved = Signal(int)  # assessment id: a value and its still were stored

    def __init__(
        self,
        ctx: ServiceContext,
        assessment_id: int,
        cell: tuple[str, str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self.assessment_id = assessment_id
        self.lang = window_lang()
        self.setWindowTitle(self.tr("Image/video — measure on a picture"))
        self.source_bytes: bytes | None = None
        self.source_kind: media_service.MediaKind = "photo"
        self._job: Job[object] | None = None

        self.canvas = AngleCanvas()
        self.canvas.changed.connect(self._show_reading)
        self.player = VideoPlayer()
        self.player.frame_shown.connect(self._frame_shown)
        self.player.still_taken.connect(self._still_taken)
        self.player.still_released.connect(self._still_released)
        self.canvas.step_requested.connect(self.player.step)
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.canvas, 1)
        left.addWidget(self.player)
        panel = scrolling(self._build_panel())
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(panel, 1)
        right.addWidget(self.target_box)  # always in view, whatever the screen
        right.addWidget(self.status)
        side = QWidget()
        side.setLayout(right)
        side.setMinimumWidth(260)
        side.setMaximumWidth(330)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addWidget(side)

        open_action = QAction(self, shortcut=QKeySequence(QKeySequence.StandardKey.Open))
        open_action.triggered.connect(self.choose_file)
        self.addAction(open_action)
        self._set_up_target(cell)
        self._check_writable()
        self.player.hide()
        self.stills.refresh(read_only=bool(self.read_only_reason))
        fit_to_screen(self, QSize(1280, 760))

    # -- building --------------------------------------------------------------------------

    def _build_panel(self) -> QWidget:
        panel = QWidget()
        column = QVBoxLayout(panel)
        self.open_button = QPushButton(self.tr("&Open photo or video…"))
        self.open_button.clicked.connect(self.choose_file)
        column.addWidget(self.open_button)

        self.guidance_box = QGroupBox(self.tr("Setting up the camera"))
        guide_layout = QVBoxLayout(self.guidance_box)
        self.guidance_text = QLabel(guidance.guidance_html())
        self.guidance_text.setWordWrap(True)
        self.guidance_text.setTextFormat(Qt.TextFormat.RichText)
        self.got_it = QPushButton(self.tr("Got it"))
        self.got_it.clicked.connect(self._guidance_read)
        guide_layout.addWidget(self.guidance_text)
        guide_layout.addWidget(self.got_it)
        column.addWidget(self.guidance_box)
        self.guidance_button = QPushButton(self.tr("Camera set-up…"))
        self.guidance_button.clicked.connect(lambda: self.show_guidance(True))
        column.addWidget(self.guidance_button)

        tools = QGroupBox(self.tr("Tool"))
        tool_layout = QVBoxLayout(tools)
        self.tool_group = QButtonGroup(self)
        self.tool_buttons: dict[Tool, QRadioButton] = {}
        for tool in TOOLS:
            button = QRadioButton(self.tr(TOOL_NAMES[tool]))
            self.tool_buttons[tool] = button
            self.tool_group.addButton(button)
            tool_layout.addWidget(button)
            button.toggled.connect(lambda on, t=tool: self._tool_toggled(on, t))
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        tool_layout.addWidget(self.hint)
        column.addWidget(tools)

        readings = QGroupBox(self.tr("Reading"))
        read_layout = QVBoxLayout(readings)
        self.reading_label = QLabel("—")
        font = self.reading_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.reading_label.setFont(font)
        self.reading_label.setAccessibleName(self.tr("Reading"))
        self.signed_box = QCheckBox(self.tr("Signed (+ counter-clockwise)"))
        self.supplementary_box = QCheckBox(self.tr("Supplementary (180° − angle)"))
        for box in (self.signed_box, self.supplementary_box):
            box.toggled.connect(self._choices_changed)
        self.clear_button = QPushButton(self.tr("Clear points"))
        self.clear_button.clicked.connect(self.canvas.clear_points)
        read_layout.addWidget(self.reading_label)
        read_layout.addWidget(self.signed_box)
        read_layout.addWidget(self.supplementary_box)
        read_layout.addWidget(self.clear_button)
        column.addWidget(readings)

        calibration = QGroupBox(self.tr("Calibration (distances)"))
        cal_layout = QFormLayout(calibration)
        self.reference_button = QPushButton(self.tr("Mark reference line"))
        self.reference_button.clicked.connect(self.canvas.start_reference)
        self.reference_cm = QDoubleSpinBox()
        self.reference_cm.setRange(0, 500)
        self.reference_cm.setDecimals(1)
        self.reference_cm.setSuffix(" cm")
        self.reference_cm.valueChanged.connect(self.canvas.set_reference_cm)
        cal_layout.addRow(self.reference_button)
        cal_layout.addRow(self.tr("Its length:"), self.reference_cm)
        column.addWidget(calibration)

        self.stills = StillsList(self.ctx, self.assessment_id)
        self.stills.open_requested.connect(self.reopen)
        column.addWidget(self.stills)
        column.addStretch(1)
        target = QGroupBox(self.tr("Into the assessment"))
        form = QFormLayout(target)
        self.measure_combo = QComboBox()
        self.measure_combo.currentIndexChanged.connect(self._measure_chosen)
        self.side_combo = QComboBox()
        self.mode_combo = QComboBox()
        for combo in (self.measure_combo, self.side_combo, self.mode_combo):
            # Long measure names shrink to the room there is rather than push the labels out.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
        form.addRow(self.tr("Measure:"), self.measure_combo)
        form.addRow(self.tr("Side:"), self.side_combo)
        form.addRow(self.tr("Mode:"), self.mode_combo)
        self.save_button = QPushButton(self.tr("&Save to assessment"))
        self.save_button.clicked.connect(self.save)
        form.addRow(self.save_button)
        self.target_box = target

        self.status = QLabel()
        self.status.setWordWrap(True)

        self.tool_buttons["three_point"].setChecked(True)
        return panel

    # -- the cell the value goes into --------------------------------------------------------

    def _measures(self, unit: str) -> list[Measure]:
        """The measures a reading in `unit` can go into, then the gait and motor-control
        observations, which keep the still (and its angle) beside their findings."""
        values = [
            m
            for m in self.ctx.catalogue.measures.values()
            if m.unit == unit and not m.computed and m.kind in ("rom", "distance")
        ]
        seen = [m for m in self.ctx.catalogue.measures.values() if media_service.is_observation(m)]
        return values + seen

    def _set_up_target(self, cell: tuple[str, str, str] | None) -> None:
        self._wanted = cell
        self._fill_measures()

    def _fill_measures(self) -> None:
        unit = "cm" if self.canvas.tool == "distance" else "deg"
        current = self.measure_combo.currentData()
        wanted = self._wanted[0] if self._wanted else current
        self.measure_combo.blockSignals(True)
        self.measure_combo.clear()
        for m in self._measures(unit):
            label = m.label_in(self.lang)
            if media_service.is_observation(m):
                label = self.tr("{test} (still beside the findings)").format(test=label)
            self.measure_combo.addItem(label, m.code)
        index = self.measure_combo.findData(wanted)
        self.measure_combo.setCurrentIndex(max(index, 0))
        self.measure_combo.blockSignals(False)
        self._measure_chosen()

    def _measure_chosen(self, _index: int = 0) -> None:
        code = self.measure_combo.currentData()
        measure = self.ctx.catalogue.measures.get(code) if code else None
        self.side_combo.clear()
        self.mode_combo.clear()
        if measure is None:
            return
        sides = ("left", "right") if measure.bilateral else ("none",)
        side_words = {"left": self.tr("left"), "right": self.tr("right"), "none": self.tr("—")}
        mode_words = {
            "active": self.tr("active"),
            "passive": self.tr("passive"),
            "none": self.tr("—"),
        }
        for s in sides:
            self.side_combo.addItem(side_words[s], s)
        for m in measure.modes:
            self.mode_combo.addItem(mode_words[m], m)
        if self._wanted and self._wanted[0] == code:
            self.side_combo.setCurrentIndex(max(0, self.side_combo.findData(self._wanted[1])))
            self.mode_combo.setCurrentIndex(max(0, self.mode_combo.findData(self._wanted[2])))
        self.show_guidance(not guidance.seen(code))

    def choose_cell(self, code: str, side: str, mode: str) -> None:
        """Points the value at a measure cell (as the editor's current cell)."""
        self._wanted = (code, side, mode)
        self._fill_measures()

    def _guidance_read(self) -> None:
        code = self.measure_combo.currentData()
        if code:
            guidance.mark_seen(code)
        self.show_guidance(False)

    def show_guidance(self, shown: bool) -> None:
        """Shows the camera set-up steps (or only the button that brings them back)."""
        self.guidance_box.setVisible(shown)
        self.guidance_button.setVisible(not shown)

    def _check_writable(self) -> None:
        record = assessment_service.get_assessment(self.ctx, self.assessment_id)
        why = ""
        if record.status == "signed":
            why = self.tr("This assessment is signed: measure, but values cannot be saved here.")
        elif not self.ctx.actor.can("assessments.write"):
            why = self.tr("Only a therapist saves values into an assessment.")
        self.read_only_reason = why
        self.save_button.setEnabled(not why)
        if why:
            self.say(why)

    # -- tools -------------------------------------------------------------------------------

    def set_tool(self, tool: Tool) -> None:
        """Chooses the measuring tool (the measures offered follow its unit)."""
        was_distance = self.canvas.tool == "distance"
        self.canvas.set_tool(tool)
        self.tool_buttons[tool].setChecked(True)
        self.hint.setText(self.tr(TOOL_HINTS[tool]))
        angle = tool != "distance"
        self.signed_box.setEnabled(angle)
        self.supplementary_box.setEnabled(angle)
        if was_distance != (tool == "distance"):
            self._fill_measures()

    def _tool_toggled(self, on: bool, tool: Tool) -> None:
        if on:
            self.set_tool(tool)

    def _choices_changed(self) -> None:
        self.canvas.set_reading_choices(
            signed=self.signed_box.isChecked(), supplementary=self.supplementary_box.isChecked()
        )

    def _show_reading(self) -> None:
        read = self.canvas.reading()
        self.reading_label.setText(reading_text(read) if read else "—")

    def reading(self) -> Reading | None:
        """What the tool reads now."""
        return self.canvas.reading()

    # -- opening -----------------------------------------------------------------------------

    def choose_file(self) -> None:
        """Asks for a photo or a video and opens it."""
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open a photo or a video"),
            "",
            self.tr("Photos and videos (*.jpg *.jpeg *.png *.mp4 *.mov *.m4v);;All files (*)"),
        )
        if path:
            self.open_file(Path(path))

    def open_file(self, path: Path) -> Job[object]:
        """Opens a photo or a video off the UI thread; returns the job (tests wait on it)."""
        self.player.pause()
        self.say(self.tr("Opening {name}…").format(name=path.name))
        if path.suffix.lower() in VIDEO_SUFFIXES:

            def open_video(_control: object) -> object:
                reader = VideoReader.open(path)
                return reader, reader.frame(0)

            self._job = Job(self, open_video, self._video_opened)
        else:

            def read_photo(_control: object) -> object:
                return media_service.prepare_image(path.read_bytes(), path.name)

            self._job = Job(self, read_photo, self._photo_opened)
        self._job.failure(lambda exc: self.say(refusal_text(exc), error=True)).run()
        return self._job

    def _photo_opened(self, prepared: object) -> None:
        assert isinstance(prepared, media_service.PreparedImage)
        self._close_video()
        image = QImage.fromData(prepared.data)
        self.source_bytes, self.source_kind = prepared.data, "photo"
        self.canvas.set_image(image)
        self.player.hide()
        self.say(
            self.tr("Photo {w} × {h}: place the points.").format(w=image.width(), h=image.height())
        )

    def _video_opened(self, opened: object) -> None:
        assert isinstance(opened, tuple)
        reader: VideoReader = opened[0]
        first: QImage = opened[1]
        self.source_kind, self.source_bytes = "video", None
        self.canvas.set_image(first)  # a new picture: the points of the last one go
        self.player.load(reader, first)
        self.player.show()
        self.say(
            self.tr(
                "Video {w} × {h}, {n} frames: step to the frame, then “Use this frame”."
            ).format(w=first.width(), h=first.height(), n=reader.frame_count)
        )

    def _close_video(self) -> None:
        self.player.close_video()

    @property
    def video(self) -> VideoReader | None:
        """The open video, if a video is shown."""
        return self.player.video

    def _frame_shown(self, image: QImage) -> None:
        self.canvas.set_image(image, keep_points=True)

    def _still_taken(self, index: int, seconds: float) -> None:
        self.source_bytes = png_bytes(self.canvas.image, "JPEG", 92)
        self.say(
            self.tr("Still: frame {n} at {t:.2f} s. Place the points, then save.").format(
                n=index + 1, t=seconds
            )
        )

    def _still_released(self) -> None:
        self.source_bytes = None

    def reopen(self, still: media_service.ImageRecord) -> None:
        """Shows a kept still again: its picture, the points as placed, its cell."""
        source = media_service.image_bytes(self.ctx, still.id, "source")
        annotation = Annotation.from_json(still.annotation)
        self._close_video()
        self.player.hide()
        self.source_bytes, self.source_kind = source, still.kind
        self.canvas.set_image(QImage.fromData(source))
        self.tool_buttons[annotation.tool].setChecked(True)
        self.choose_cell(still.code, still.side, still.mode)
        self.signed_box.setChecked(annotation.signed)
        self.supplementary_box.setChecked(annotation.use_supplementary)
        if annotation.calibration is not None:
            self.reference_cm.setValue(annotation.calibration.cm)
        self.canvas.show_annotation(annotation)
        self.say(self.tr("The still as it was measured; move a point to measure again."))

    # -- saving ------------------------------------------------------------------------------

    def say(self, text: str, *, error: bool = False) -> None:
        """A line under the tools (a signed visit's reason stays said after it)."""
        reason = getattr(self, "read_only_reason", "")
        if reason and not error and text != reason:
            text = f"{text} {reason}"
        self.status.setText(("⚠ " if error else "") + text)
        self.status.setStyleSheet("color: #b00020;" if error else "")

    def save(self) -> Job[object] | None:
        """Stores the reading in the chosen cell with the still (off the UI thread)."""
        read = self.reading()
        if self.read_only_reason:
            self.say(self.read_only_reason, error=True)
            return None
        still = self.player.still_frame
        if self.video is not None and still is None:
            self.say(self.tr("Choose the frame first: “Use this frame”."), error=True)
            return None
        code = self.measure_combo.currentData()
        measure = self.ctx.catalogue.measures.get(code) if code else None
        observation = measure is not None and media_service.is_observation(measure)
        if self.source_bytes is None or (read is None and not observation):
            self.say(self.tr("Place every point of the tool first."), error=True)
            return None
        side, mode = self.side_combo.currentData(), self.mode_combo.currentData()
        annotation = self.canvas.annotation()
        if self.video is not None and still is not None:
            annotation = replace(annotation, frame_time=self.video.time_of(still))
        annotated = png_bytes(self.canvas.render_annotated())
        source, kind = self.source_bytes, self.source_kind
        label = self.measure_combo.currentText()

        def work(_control: object) -> object:
            return media_service.attach_still(
                self.ctx,
                self.assessment_id,
                code,
                side,
                mode,
                kind=kind,
                source=source,
                annotated_png=annotated,
                annotation=annotation,
            )

        def done(_result: object) -> None:
            if observation:
                self.say(
                    self.tr("Still kept with {test} ({side}).").format(
                        test=label, side=self.side_combo.currentText()
                    )
                )
            else:
                self.say(
                    self.tr("Saved {value} to {measure} ({side}, {mode}) with the still.").format(
                        value=reading_text(read) if read else "",
                        measure=label,
                        side=self.side_combo.currentText(),
                        mode=self.mode_combo.currentText(),
                    )
                )
            self.save_button.setEnabled(True)
            self.stills.refresh(read_only=False)
            self.saved.emit(self.assessment_id)

        def failed(exc: Exception) -> None:
            refused = refused_value(exc)
            # A measure that does not take this tool's unit, named as the window names it.
            named = refused is not None and refused.kind == "tool_unit"
            self.say(refusal_text(exc, what=label) if named else refusal_text(exc), error=True)
            self.save_button.setEnabled(True)

        self.save_button.setEnabled(False)
        self._job = Job(self, work, done).failure(failed).run()
        return self._job

    def closeEvent(self, event: QCloseEvent) -> None:
        self._close_video()
        super().closeEvent(event)
