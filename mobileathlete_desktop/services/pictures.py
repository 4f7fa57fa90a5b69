"""Pictures a person hands the program (a clinic's logo, a photo measured on): opened with
Pillow and checked the same way, every refusal one sentence naming the file."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import Any

from mobileathlete_desktop.services.context import InputError


def megabytes(size: int) -> str:
    """A byte count as people read it ("20.0 MB")."""
    return f"{size / (1024 * 1024):.1f} MB"


def open_picture(
    data: bytes,
    what: str,
    *,
    formats: Sequence[str],
    max_bytes: int,
    too_big: Callable[[int], str],
    noun: str = "picture",
) -> Any:
    """The picture opened (not yet decoded) from `data`: InputError for an empty file, one
    over `max_bytes` (`too_big(size)` says why), a decompression bomb, what Pillow cannot
    read, or a format not in `formats`. The caller checks the size in pixels, then calls
    `upright`."""
    from PIL import Image, UnidentifiedImageError

    if not data:
        raise InputError(f"{what} is an empty file")
    if len(data) > max_bytes:
        raise InputError(too_big(len(data)))
    kinds = " or ".join(formats)
    try:
        picture: Any = Image.open(io.BytesIO(data))
    except Image.DecompressionBombError as exc:
        raise InputError(f"{what} has too many pixels to open as a {noun}") from exc
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        raise InputError(f"{what} is not a {kinds} picture Mobile Athlete can read") from exc
    if (picture.format or "") not in formats:
        kind = picture.format or "different"
        picture.close()
        raise InputError(f"{what} is a {kind} picture: use {kinds}")
    return picture


def upright(picture: Any, what: str) -> Any:
    """The picture decoded in full and turned as the camera held it (EXIF orientation);
    InputError when its data is cut short or corrupt."""
    from PIL import Image, ImageOps

    try:
        picture.load()
        return ImageOps.exif_transpose(picture)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
        raise InputError(f"{what} is damaged: its picture data is cut short or corrupt") from exc
