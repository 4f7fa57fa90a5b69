"""Stepping a 1080p phone-like clip frame by frame (issue 19: under 100 ms a step).

A 1920×1080 H.264 clip (60 frames at 30 fps, a key frame every 30, moving content so the
encoder cannot skip work) is written with PyAV, then the Image/video window's reader
(ui/media/video.py) steps it forward one frame at a time, as the Right arrow does, and back
one frame (served from the frames it keeps), and jumps back 20 frames (a seek and decode
forward). Each step includes the conversion to the QImage the canvas shows.

Registered in bench/measures.py with:

    @measure("video step (1080p)")
    def video_step(bench: Bench) -> dict[str, Any]:
        from bench.video_step import video_step_ms
        return video_step_ms()

and in bench/run.py: "video_step_ms" in KEYS, and
Target("Video step, 1080p, median", "video_step_ms", "ms", 100, "< 100 ms").
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

WIDTH, HEIGHT, FPS, FRAMES = 1920, 1080, 30, 60


def write_clip(path: Path) -> Path:
    """A 1080p H.264 clip with a gradient that moves every frame."""
    import av
    import numpy as np

    x = np.arange(WIDTH, dtype=np.uint16)[None, :]
    y = np.arange(HEIGHT, dtype=np.uint16)[:, None]
    with av.open(str(path), "w") as out:
        stream = out.add_stream("libx264", rate=FPS)
        stream.width, stream.height, stream.pix_fmt = WIDTH, HEIGHT, "yuv420p"
        stream.options = {"g": "30", "preset": "veryfast"}
        for i in range(FRAMES):
            pixels = np.empty((HEIGHT, WIDTH, 3), dtype=np.uint8)
            pixels[..., 0] = (x + 8 * i) % 256
            pixels[..., 1] = (y + 5 * i) % 256
            pixels[..., 2] = ((x + y) // 4 + 3 * i) % 256
            for packet in stream.encode(av.VideoFrame.from_ndarray(pixels, format="rgb24")):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    return path


def video_step_ms(folder: Path | None = None) -> dict[str, Any]:
    """Median milliseconds of a step forward, the slowest forward step, a step back, and a
    jump 20 frames back, on a 1080p clip."""
    from mobileathlete_desktop.ui.media.video import VideoReader

    where = folder or Path(tempfile.mkdtemp(prefix="mobileathlete-bench-video-"))
    clip = write_clip(where / "clip_1080p.mp4")
    reader = VideoReader.open(clip)
    try:
        reader.frame(0)
        forward: list[float] = []
        for i in range(1, 40):
            started = time.perf_counter()
            image = reader.frame(i)
            forward.append((time.perf_counter() - started) * 1000)
            assert reader.index == i and image.width() == WIDTH
        back: list[float] = []
        for i in range(38, 30, -1):
            started = time.perf_counter()
            reader.frame(i)
            back.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        reader.frame(10)
        jump = (time.perf_counter() - started) * 1000
        assert reader.index == 10
    finally:
        reader.close()
    return {
        "video_step_ms": statistics.median(forward),
        "video_step_max_ms": max(forward),
        "video_step_back_ms": statistics.median(back),
        "video_jump_ms": jump,
    }


if __name__ == "__main__":
    for key, value in video_step_ms().items():
        print(f"{key}: {value:.1f}")
