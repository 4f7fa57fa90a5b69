"""The clinic's own drill pictures: one put on a drill (PNG or JPEG, audited) in place of its
drawn figure, in the builder and on handouts, and read back by drill code."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from mobileathlete_desktop.services.audit import record_event
from mobileathlete_desktop.services.context import NotFound, ServiceContext, refusal
from mobileathlete_desktop.services.programs import exercise_library

MAX_DRILL_IMAGE_BYTES = 5 * 1024 * 1024
DRILL_IMAGE_FORMATS = ("PNG", "JPEG")


def set_drill_image(ctx: ServiceContext, code: str, image: bytes | None, name: str = "") -> None:
    """Puts the clinic's own picture on a drill (PNG or JPEG), or with None goes back to the
    drawn figure. The picture replaces the figure in the builder and on handouts; audited."""
    import io

    from PIL import Image, UnidentifiedImageError

    from mobileathlete_desktop.storage.models import Exercise as ExerciseRow

    ctx.actor.require("programs.write")
    library = exercise_library()
    if library is not None and library.get(code) is None:
        raise NotFound(f"No drill with code {code!r} (see `mobileathlete exercises`)")
    if image is not None:
        if len(image) > MAX_DRILL_IMAGE_BYTES:
            size = f"{len(image) / 1e6:.1f} MB"
            said = f"The picture is {size}: at most 5 MB, please"
            raise refusal(said, "drill_picture_bytes", size=len(image) / 1e6, limit=5.0)
        try:
            with Image.open(io.BytesIO(image)) as probe:
                kind = probe.format or ""
                probe.verify()
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
            said = f"{name or 'The file'} is not a readable PNG or JPEG picture"
            what = name or "The file"
            raise refusal(said, "drill_picture_unreadable", cause=exc, what=what)  # noqa: B904
        if kind not in DRILL_IMAGE_FORMATS:
            said = f"{name or 'The file'} is a {kind} picture: use PNG or JPEG"
            raise refusal(said, "drill_picture_format", what=name or "The file", found=kind)
    with ctx.db.session() as session:
        row = session.execute(
            select(ExerciseRow).where(ExerciseRow.code == code)
        ).scalar_one_or_none()
        if row is None:
            row = ExerciseRow(code=code, builtin=True, definition={})
            session.add(row)
        row.image = image
        row.image_name = name if image is not None else ""
        record_event(
            session,
            ctx.actor,
            "exercise.image_set" if image is not None else "exercise.image_cleared",
            entity="exercise",
            entity_id=code,
            detail={"file": name} if image is not None else {},
        )


def drill_images(ctx: ServiceContext, codes: Sequence[str] | None = None) -> dict[str, bytes]:
    """The clinic's own drill pictures by drill code, of every drill or of `codes` only
    (drills without one use the drawn figure)."""
    from mobileathlete_desktop.storage.models import Exercise as ExerciseRow

    if codes is not None and not codes:
        return {}
    query = select(ExerciseRow.code, ExerciseRow.image).where(ExerciseRow.image.is_not(None))
    if codes is not None:
        query = query.where(ExerciseRow.code.in_(list(codes)))
    with ctx.db.reading() as session:
        return {str(code): bytes(image) for code, image in session.execute(query).all() if image}
