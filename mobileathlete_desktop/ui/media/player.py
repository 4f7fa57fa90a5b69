"""The video bar under the picture: play/pause, a frame back or on, a slider, go to a time, and
'Use this frame' to take the frame shown as the still to measure on.

Frames are decoded on the UI thread: a step at 1080p takes milliseconds (bench/video_step.py);
opening the file happens before, off the UI thread (MediaWindow.open_file).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QImage, QKeySequence
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QWidget,
)

from mobileathlete_desktop.ui.media.video import VideoReader


class VideoPlayer(QWidget):
    """Steps an open video; says each frame shown and when a still is taken or let go."""

    frame_shown = Signal(QImage)
    still_taken = Signal(int, float)  # frame index, seconds
    still_released = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.video: VideoReader | None = None
        self.still_frame: int | None = None
        self.timer = QTimer(self)
        self.timer.timeout.connect(lambda: self.step(1, playing=True))
        bar = QHBoxLayout(self)
        bar.setContentsMargins(0, 0, 0, 0)
        self.back_button = QPushButton("◀")
        self.back_button.setToolTip(self.tr("Previous frame (Left arrow)"))
        self.back_button.setAccessibleName(self.tr("Previous frame (Left arrow)"))
        self.back_button.clicked.connect(lambda: self.step(-1))
        self.play_button = QPushButton(self.tr("Play"))
        self.play_button.setToolTip(self.tr("Play or pause (Space)"))
        self.play_button.setShortcut(QKeySequence(Qt.Key.Key_Space))
        self.play_button.clicked.connect(self.toggle_play)
        self.next_button = QPushButton("▶")
        self.next_button.setToolTip(self.tr("Next frame (Right arrow)"))
        self.next_button.setAccessibleName(self.tr("Next frame (Right arrow)"))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setAccessibleName(self.tr("Position in the video"))
        self.slider.valueChanged.connect(self._slider_moved)
        self.time_box = QDoubleSpinBox()
        self.time_box.setDecimals(2)
        self.time_box.setSuffix(" s")
        self.time_box.setAccessibleName(self.tr("Go to time (seconds)"))
        self.time_box.editingFinished.connect(lambda: self.go_to_time(self.time_box.value()))
        self.frame_label = QLabel()
        self.still_button = QPushButton(self.tr("Use this frame"))
        self.still_button.setToolTip(self.tr("Measure on this frame; it is kept with the value"))
        self.still_button.clicked.connect(self.use_this_frame)
        for w in (self.back_button, self.play_button, self.next_button):
            bar.addWidget(w)
        bar.addWidget(self.slider, 1)
        bar.addWidget(self.time_box)
        bar.addWidget(self.frame_label)
        bar.addWidget(self.still_button)

    def load(self, reader: VideoReader, first: QImage) -> None:
        """Shows an opened video from its first frame (the previous one is closed)."""
        self.close_video()
        self.video, self.still_frame = reader, None
        self.slider.blockSignals(True)
        self.slider.setRange(0, reader.frame_count - 1)
        self.slider.setValue(0)
        self.slider.blockSignals(False)
        self.time_box.setRange(0, max(0.0, reader.duration))
        self._set_controls(True)
        self._show_position()
        self.frame_shown.emit(first)

    def close_video(self) -> None:
        """Stops and lets the file go."""
        self.pause()
        if self.video is not None:
            self.video.close()
            self.video = None
        self.still_frame = None

    def step(self, frames: int, *, playing: bool = False) -> None:
        """Shows the frame `frames` on from the current one (nothing while a still is taken)."""
        if self.video is None or self.still_frame is not None:
            return
        if not playing:
            self.pause()
        target = self.video.index + frames
        if playing and target >= self.video.frame_count:
            self.pause()
            return
        self.show_frame(target)

    def show_frame(self, index: int) -> None:
        """Shows frame `index`."""
        if self.video is None:
            return
        image = self.video.frame(index)
        self.slider.blockSignals(True)
        self.slider.setValue(self.video.index)
        self.slider.blockSignals(False)
        self._show_position()
        self.frame_shown.emit(image)

    def go_to_time(self, seconds: float) -> None:
        """Jumps to the frame shown at `seconds`."""
        if self.video is not None and self.still_frame is None:
            self.pause()
            self.show_frame(self.video.index_at(seconds))

    def _slider_moved(self, value: int) -> None:
        if self.video is not None and self.still_frame is None:
            self.show_frame(value)

    def _show_position(self) -> None:
        assert self.video is not None
        i = self.video.index
        self.frame_label.setText(
            self.tr("Frame {n} / {total}").format(n=i + 1, total=self.video.frame_count)
        )
        self.time_box.blockSignals(True)
        self.time_box.setValue(self.video.time_of(i))
        self.time_box.blockSignals(False)

    def toggle_play(self) -> None:
        """Plays from the current frame, or pauses."""
        if self.timer.isActive():
            self.pause()
        elif self.video is not None and self.still_frame is None:
            self.timer.start(max(1, round(1000 / self.video.fps)))
            self.play_button.setText(self.tr("Pause"))

    def pause(self) -> None:
        """Stops playing."""
        self.timer.stop()
        self.play_button.setText(self.tr("Play"))

    def use_this_frame(self) -> None:
        """Takes the frame shown as the still (again: back to the video)."""
        if self.video is None:
            return
        if self.still_frame is not None:
            self.still_frame = None
            self._set_controls(True)
            self.still_released.emit()
            return
        self.pause()
        self.still_frame = self.video.index
        self._set_controls(False)
        self.still_taken.emit(self.still_frame, self.video.time_of(self.still_frame))

    def _set_controls(self, on: bool) -> None:
        for w in (self.back_button, self.play_button, self.next_button, self.slider, self.time_box):
            w.setEnabled(on)
        self.still_button.setText(self.tr("Use this frame") if on else self.tr("Back to the video"))
