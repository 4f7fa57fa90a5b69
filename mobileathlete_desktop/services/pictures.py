"""Pictures a person hands the program (a clinic's logo, a photo measured on): opened with
Pillow and checked the same way, every refusal one sentence naming the file."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import Any

from mobileathlete_desktop.services.context import refusal

MB = 1024 * 1024


def megabytes(size: int) -> str:
    """A byte count as people read it ("20.0 MB")."""
    return f"{size / MB:.1f} MB"


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
        raise refusal(f"{what} is an empty file", "picture_empty", what=what)
    if len(data) > max_bytes:
        size, limit = len(data) / MB, max_bytes / MB  # in MB, as `megabytes` says them
        kind = "logo_bytes" if noun == "logo" else "picture_bytes"
        raise refusal(too_big(len(data)), kind, what=what, size=size, limit=limit)
    kinds = " or ".join(formats)
    try:
        picture: Any = Image.open(io.BytesIO(data))
    # Each refusal is raised from its InvalidValue (the rule, for a window to say it in its
    # own language), itself raised from Pillow's error.
    except Image.DecompressionBombError as exc:
        raise refusal(  # noqa: B904
            f"{what} has too many pixels to open as a {noun}",
            "picture_pixels",
            cause=exc,
            what=what,
        )
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        raise refusal(  # noqa: B904
            f"{what} is not a {kinds} picture Mobile Athlete can read",
            "picture_unreadable",
            cause=exc,
            what=what,
            formats=tuple(formats),
        )
    if (picture.format or "") not in formats:
        kind = picture.format or "different"
        picture.close()
        raise refusal(
            f"{what} is a {kind} picture: use {kinds}",
            "picture_format",
            what=what,
            found=kind,
            formats=tuple(formats),
        )
    return picture


def upright(picture: Any, what: str) -> Any:
    """The picture decoded in full and turned as the camera held it (EXIF orientation);
    InputError when its data is cut short or corrupt."""
    from PIL import Image, ImageOps

    try:
        picture.load()
        return ImageOps.exif_transpose(picture)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
        raise refusal(  # noqa: B904 (raised from its InvalidValue, itself from exc)
            f"{what} is damaged: its picture data is cut short or corrupt",
            "picture_damaged",
            cause=exc,
            what=what,
        )
