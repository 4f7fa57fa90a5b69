"""A phone video read frame by frame (PyAV, imported only when a video is opened).

`VideoReader.open(path)` reads the container's first video stream; `frame(index)` gives that
frame as a QImage: the next frame is decoded straight on, any other is found by seeking to the
key frame before it and decoding forward, and the last few frames are kept so stepping back
and forth is instant. Frame numbers come from the frames' own times, so a clip whose first
frame does not start at 0 still numbers from 0.
"""

from __future__ import annotations

from collections import OrderedDict
from fractions import Fraction
from pathlib import Path
from typing import Any

from PySide6.QtGui import QImage, QTransform

VIDEO_SUFFIXES = (".mp4", ".mov", ".m4v", ".3gp")
KEPT_FRAMES = 24
"""Decoded frames kept for stepping back (1080p RGB: ~6 MB each)."""


def to_qimage(frame: Any) -> QImage:
    """A decoded frame as an RGB QImage, turned upright: a phone filming in portrait stores
    landscape pictures with a display rotation, which PyAV reports as `frame.rotation`
    (degrees counter-clockwise; Qt's rotate() turns clockwise)."""
    rgb = frame.to_ndarray(format="rgb24")
    height, width = rgb.shape[:2]
    image = QImage(rgb.data, width, height, 3 * width, QImage.Format.Format_RGB888).copy()
    turn = int(getattr(frame, "rotation", 0) or 0)
    if turn % 360:
        image = image.transformed(QTransform().rotate(-turn))
    return image


class VideoError(OSError):
    """The file is not a video this program can read (its message is for the user)."""


class VideoReader:
    """One open video file; not thread-safe (use it from one thread at a time)."""

    def __init__(self, container: Any, stream: Any, path: Path) -> None:
        self._container = container
        self._stream = stream
        self.path = path
        rate = stream.average_rate or stream.base_rate or stream.guessed_rate or Fraction(30)
        self.fps = float(rate)
        self._time_base = stream.time_base or Fraction(1, 90000)
        self._start = stream.start_time or 0
        duration = 0.0
        if stream.duration:
            duration = float(stream.duration * self._time_base)
        elif container.duration:
            duration = container.duration / 1_000_000
        self.duration = duration
        self.frame_count = max(1, int(stream.frames) or round(duration * self.fps))
        self.width = int(stream.codec_context.width)
        self.height = int(stream.codec_context.height)
        self.index = -1
        self._decoder: Any = None
        self._cache: OrderedDict[int, QImage] = OrderedDict()

    @classmethod
    def open(cls, path: Path | str) -> VideoReader:
        """Opens a video file (VideoError when it is not one, or has no video)."""
        import av  # lazily: PyAV and its FFmpeg libraries load only for a video

        where = Path(path)
        try:
            container = av.open(str(where))
        except (av.error.FFmpegError, OSError) as exc:
            raise VideoError(f"{where.name} is not a video Mobile Athlete can read") from exc
        if not container.streams.video:
            container.close()
            raise VideoError(f"{where.name} has no video picture")
        stream = container.streams.video[0]
        stream.thread_type = "AUTO"
        return cls(container, stream, where)

    def close(self) -> None:
        """Lets the file go."""
        self._decoder = None
        self._cache.clear()
        self._container.close()

    def time_of(self, index: int) -> float:
        """Seconds from the start of frame `index`."""
        return index / self.fps

    def index_at(self, seconds: float) -> int:
        """The frame shown at `seconds` from the start (clamped to the clip)."""
        return max(0, min(self.frame_count - 1, int(seconds * self.fps + 1e-6)))

    def _index_of(self, frame: Any) -> int:
        if frame.pts is None:
            return self.index + 1
        return round(float((frame.pts - self._start) * self._time_base) * self.fps)

    def _decode(self) -> tuple[int, QImage] | None:
        """The next frame of the running decoder (None at the end of the clip)."""
        import av

        if self._decoder is None:
            self._decoder = self._container.decode(self._stream)
        try:
            frame = next(self._decoder)
        except (StopIteration, av.error.EOFError):
            self._decoder = None
            return None
        image = to_qimage(frame)
        index = self._index_of(frame)
        self._cache[index] = image
        self._cache.move_to_end(index)
        while len(self._cache) > KEPT_FRAMES:
            self._cache.popitem(last=False)
        return index, image

    def frame(self, index: int) -> QImage:
        """Frame `index` (clamped to the clip) as an RGB QImage; `self.index` becomes it."""
        index = max(0, min(self.frame_count - 1, index))
        cached = self._cache.get(index)
        if cached is not None:
            self._cache.move_to_end(index)
            self.index = index
            return cached
        if self._decoder is not None and self.index < index <= self.index + 8:
            best = self._decode_to(index)  # just ahead: decode on
        else:
            best = None
            # Seek to the key frame at or before it, then decode forward. A container whose
            # times start late (B-frame delay, edit lists) can land after the frame asked
            # for: then seek a second earlier, and at last from the start.
            for back in (0.0, 1.0, None):
                start_at = 0.0 if back is None else max(0.0, index / self.fps - back)
                target = int(start_at / self._time_base) + self._start
                self._container.seek(target, stream=self._stream, backward=True, any_frame=False)
                self._decoder = None
                best = self._decode_to(index)
                if best is None or best[0] <= index:
                    break
        if best is None:
            raise VideoError(f"Frame {index + 1} of {self.path.name} could not be read")
        self.index = best[0]
        return best[1]

    def _decode_to(self, index: int) -> tuple[int, QImage] | None:
        """Decodes on to frame `index` (or the first after it, or the clip's last)."""
        best: tuple[int, QImage] | None = None
        while True:
            got = self._decode()
            if got is None:
                return best
            best = got
            if got[0] >= index:
                return best
