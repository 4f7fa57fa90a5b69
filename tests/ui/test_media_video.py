"""Stepping a phone video in the Image/video window: a clip generated here with PyAV (64×48,
30 frames, each showing its own number as five black/white stripes) is stepped with the arrow
keys and the buttons, jumped to a time, a frame taken as the still, measured and saved."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services import assessments, clients
from mobileathlete_desktop.services import media as media_service
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.media import guidance
from mobileathlete_desktop.ui.media.video import VideoError, VideoReader, to_qimage
from mobileathlete_desktop.ui.media.window import MediaWindow

av = pytest.importorskip("av")
np = pytest.importorskip("numpy")

FRAMES, WIDTH, HEIGHT, FPS = 30, 64, 48, 30


def make_clip(path: Path, codec: str = "libx264") -> Path:
    """Frame i shows i in binary: stripe `bit` (12 px wide) is white when bit is set."""
    with av.open(str(path), "w") as out:
        stream = out.add_stream(codec, rate=FPS)
        stream.width, stream.height, stream.pix_fmt = WIDTH, HEIGHT, "yuv420p"
        # A key frame every 10: jumps must seek and decode on.
        stream.options = (
            {"x265-params": "keyint=10:log-level=none"} if codec == "libx265" else {"g": "10"}
        )
        for i in range(FRAMES):
            pixels = np.zeros((HEIGHT, WIDTH, 3), dtype=np.uint8)
            for bit in range(5):
                if i >> bit & 1:
                    pixels[:, bit * 12 : bit * 12 + 12] = 255
            for packet in stream.encode(av.VideoFrame.from_ndarray(pixels, format="rgb24")):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    return path


def number_in(image: QImage) -> int:
    """The frame number drawn in a frame (or in a still made from it)."""
    return sum(1 << bit for bit in range(5) if image.pixelColor(bit * 12 + 6, 24).red() > 128)


@pytest.fixture(autouse=True)
def guidance_seen(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(guidance, "seen", lambda code: True)
    yield


@pytest.fixture(params=[("run.mp4", "libx264"), ("run.mov", "libx265")], ids=["h264", "hevc"])
def clip(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """A phone-like clip: H.264 in MP4, and HEVC in MOV where this PyAV can encode it."""
    name, codec = request.param
    if codec not in av.codecs_available:
        pytest.skip(f"this PyAV has no {codec} encoder to make the clip")
    return make_clip(tmp_path / name, codec)


@pytest.fixture
def window(ctx: ServiceContext, qtbot: QtBot, clip: Path) -> MediaWindow:
    client = clients.create_client(ctx, clients.ClientInput("VI-1", "Vid", "Runner"))
    visit = assessments.create_assessment(ctx, client.id, date(2026, 3, 3)).id
    win = MediaWindow(ctx, visit, ("knee.flexion", "left", "active"))
    qtbot.addWidget(win)
    win.resize(1000, 700)
    win.show()
    qtbot.waitExposed(win)
    win.open_file(clip)
    qtbot.waitUntil(lambda: win.video is not None, timeout=10_000)
    return win


def shown(window: MediaWindow) -> int:
    return number_in(window.canvas.image)


def test_frames_step_with_the_arrow_keys_and_buttons_and_jump_to_a_time(
    window: MediaWindow, qtbot: QtBot
) -> None:
    assert window.video is not None and window.video.frame_count == FRAMES
    assert window.player.isVisible() and shown(window) == 0
    window.canvas.setFocus()
    for expected in (1, 2, 3):
        qtbot.keyClick(window.canvas, Qt.Key.Key_Right)
        assert shown(window) == expected
    qtbot.keyClick(window.canvas, Qt.Key.Key_Left)
    assert shown(window) == 2
    qtbot.keyClick(window.canvas, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert shown(window) == 12
    window.player.back_button.click()
    assert shown(window) == 11 and window.player.frame_label.text() == "Frame 12 / 30"
    window.player.go_to_time(0.5)
    assert shown(window) == 15
    window.player.go_to_time(0.1)  # backwards past a key frame
    assert shown(window) == 3
    for _ in range(40):  # stepping stops at the last frame
        window.player.next_button.click()
    assert shown(window) == FRAMES - 1


def test_play_runs_on_and_pause_stops(window: MediaWindow, qtbot: QtBot) -> None:
    window.player.play_button.click()
    qtbot.waitUntil(lambda: shown(window) >= 5, timeout=10_000)
    window.player.play_button.click()
    stopped = shown(window)
    qtbot.wait(200)
    assert shown(window) == stopped and window.player.play_button.text() == "Play"


def test_a_picked_frame_is_the_still_stored_with_the_value(
    window: MediaWindow, qtbot: QtBot, ctx: ServiceContext
) -> None:
    window.player.go_to_time(0.5)
    window.player.still_button.click()
    assert not window.player.next_button.isEnabled()
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, Qt.Key.Key_Right)  # the still stays put
    assert shown(window) == 15
    for x, y in ((10, 40), (32, 10), (54, 40)):
        window.canvas.place(QPointF(x, y))
    with qtbot.waitSignal(window.saved, timeout=10_000):
        window.save_button.click()
    [m] = assessments.get_assessment(ctx, window.assessment_id).measurements
    assert m.instrument == "video"
    [still] = media_service.list_stills(ctx, window.assessment_id)
    assert still.kind == "video" and still.annotation["frame_time"] == pytest.approx(0.5)
    source = QImage.fromData(media_service.image_bytes(ctx, still.id, "source"))
    assert number_in(source) == 15  # the frame picked, not the clip
    assert media_service.image_bytes(ctx, still.id, "source")[:3] == b"\xff\xd8\xff"


def test_a_gait_frame_is_kept_beside_the_findings_without_a_value(
    window: MediaWindow, qtbot: QtBot, ctx: ServiceContext
) -> None:
    window.player.go_to_time(0.3)
    window.player.still_button.click()
    index = window.measure_combo.findData("gait.running")
    assert index >= 0 and "still beside the findings" in window.measure_combo.itemText(index)
    window.measure_combo.setCurrentIndex(index)
    window.side_combo.setCurrentIndex(window.side_combo.findData("right"))
    with qtbot.waitSignal(window.saved, timeout=10_000):
        window.save_button.click()  # no point placed: the frame alone is the evidence
    assert assessments.get_assessment(ctx, window.assessment_id).measurements == ()
    [still] = media_service.list_stills(ctx, window.assessment_id)
    assert (still.code, still.side, still.value) == ("gait.running", "right", None)
    source = QImage.fromData(media_service.image_bytes(ctx, still.id, "source"))
    assert number_in(source) == 9
    assert "kept with" in window.status.text()


def test_not_a_video_is_said_in_the_window(
    window: MediaWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    bad = tmp_path / "broken.mp4"
    bad.write_bytes(b"\x00\x00\x00\x18ftypmp42 this is not a video")
    window.open_file(bad)
    qtbot.waitUntil(lambda: "not a video" in window.status.text(), timeout=10_000)
    with pytest.raises(VideoError):
        VideoReader.open(bad)


class PortraitFrame:
    """A decoded frame as a phone filming in portrait stores it: landscape pixels (a white
    band along the left edge) and a display rotation of -90 (turn it clockwise to show)."""

    rotation = -90

    def to_ndarray(self, format: str) -> object:
        pixels = np.zeros((48, 64, 3), dtype=np.uint8)
        pixels[:, :16] = 255
        return pixels


def test_a_portrait_phone_video_is_shown_upright() -> None:
    image = to_qimage(PortraitFrame())
    assert (image.width(), image.height()) == (48, 64)
    assert image.pixelColor(24, 5).red() == 255  # the left band is now along the top
    assert image.pixelColor(24, 60).red() == 0
