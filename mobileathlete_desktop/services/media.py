"""Stills a value was measured on (issue 19): kept in the clinic database with the value.

A therapist measures an angle or a distance on a photo or a video frame (ui/media); the
reading goes into the chosen measure, side and mode with the instrument `photo` or `video`
(so interpretation judges it with that method's published error), and the still goes with it:
the source picture (the photo, or the frame picked, never the whole clip) and the annotated
PNG with the points drawn, so the annotation can be opened again.

Health-data rules: attaching and removing go through the assessment's guard (a therapist,
never on a signed visit) and are audited with sizes and SHA-256, never the bytes; both roles
may view; exporting the pictures as files needs the admin role and is audited. A signed
visit's content hash covers its stills (services.assessments.signatures). Each stored picture
is at most 2000 px a side and 8 MB; a bigger one is refused with a clear message.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import select

from mobileathlete_desktop.domain.catalogue import Measure, Mode, Side
from mobileathlete_desktop.domain.image_angles import (
    MAX_IMAGE_BYTES,
    MAX_SIDE_PX,
    Annotation,
    GeometryError,
    Reading,
    fit_within,
)
from mobileathlete_desktop.domain.records import MeasurementRecord
from mobileathlete_desktop.domain.validation import InvalidValue, check_cell
from mobileathlete_desktop.services.assessments import set_value
from mobileathlete_desktop.services.assessments.records import assessment_unit
from mobileathlete_desktop.services.audit import record_event
from mobileathlete_desktop.services.context import InputError, NotFound, ServiceContext, refusal
from mobileathlete_desktop.services.pictures import MB, megabytes, open_picture
from mobileathlete_desktop.services.pictures import upright as turned_upright
from mobileathlete_desktop.storage.models import Assessment, MeasurementImage

MediaKind = Literal["photo", "video"]
MEDIA_KINDS: tuple[MediaKind, ...] = ("photo", "video")
MAX_INPUT_BYTES = 40 * 1024 * 1024
"""A picture file bigger than this is refused before it is read (a phone photo is 2-8 MB)."""
MAX_INPUT_PIXELS = 60_000_000
"""Pixels a picture may have to be opened at all (a 48-megapixel phone photo fits)."""
THUMBNAIL_PX = 480
"""The longest side of a report's thumbnail."""


@dataclass(frozen=True)
class PreparedImage:
    """A picture made ready to store: upright, at most 2000 px a side, JPEG or PNG."""

    data: bytes
    media_type: Literal["image/jpeg", "image/png"]
    width: int
    height: int
    scale: float
    """Stored size over the size read (1.0 when it already fitted)."""

    @property
    def sha256(self) -> str:
        """The picture's SHA-256 (how the audit trail and signatures name it)."""
        return hashlib.sha256(self.data).hexdigest()


@dataclass(frozen=True)
class ImageRecord:
    """A stored still, without its bytes (`image_bytes` reads them)."""

    id: int
    assessment_id: int
    code: str
    side: Side
    mode: Mode
    kind: MediaKind
    source_type: str
    width: int
    height: int
    byte_size: int
    sha256: str
    annotated_sha256: str
    annotation: Mapping[str, Any]
    value: float | None
    created_at: datetime
    created_by: str


@dataclass(frozen=True)
class StillRecord:
    """A still as a report prints it: small, beside its value, with the date."""

    image_id: int
    date: date
    code: str
    label: str
    side: Side
    mode: Mode
    value: float | None
    value_text: str
    kind: MediaKind
    png: bytes
    """The annotated still as a thumbnail (PNG, at most THUMBNAIL_PX a side)."""


def prepare_image(data: bytes, what: str = "The picture") -> PreparedImage:
    """A JPEG or PNG made ready to store: read in full, turned upright (EXIF), scaled down to
    at most 2000 px a side, kept JPEG (a photo) or PNG; InputError says what is wrong,
    including a picture still over 8 MB once prepared."""
    from PIL import Image

    picture = open_picture(
        data,
        what,
        formats=("JPEG", "PNG"),
        max_bytes=MAX_INPUT_BYTES,
        too_big=lambda size: (
            f"{what} is {megabytes(size)}: a picture may be at most {megabytes(MAX_INPUT_BYTES)} "
            "(take it at a lower resolution)"
        ),
    )
    with picture:
        kind = picture.format
        width, height = picture.size
        if width * height > MAX_INPUT_PIXELS:
            said = f"{what} is {width} × {height} pixels: too large to open"
            raise refusal(said, "photo_too_large", what=what, width=width, height=height)
        upright = turned_upright(picture, what)
        upright_width, upright_height = upright.size
        size = fit_within(upright_width, upright_height, max_side=MAX_SIDE_PX)
        changed = size != upright.size or upright is not picture
        if size != upright.size:
            upright = upright.resize(size, Image.Resampling.LANCZOS)
        scale = size[0] / width if size != (width, height) else 1.0
        if kind == "JPEG":
            if changed:
                out = io.BytesIO()
                upright.convert("RGB").save(out, "JPEG", quality=90)
                data = out.getvalue()
            media_type: Literal["image/jpeg", "image/png"] = "image/jpeg"
        else:
            if changed:
                out = io.BytesIO()
                upright.save(out, "PNG", optimize=True)
                data = out.getvalue()
            media_type = "image/png"
    if len(data) > MAX_IMAGE_BYTES:
        raise refusal(
            f"{what} is {megabytes(len(data))} even at {size[0]} × {size[1]} pixels: a stored "
            f"picture may be at most {megabytes(MAX_IMAGE_BYTES)} (save it as JPEG)",
            "stored_picture_bytes",
            what=what,
            size=len(data) / MB,
            limit=MAX_IMAGE_BYTES / MB,
            width=size[0],
            height=size[1],
        )
    return PreparedImage(data, media_type, size[0], size[1], scale)


def is_observation(measure: Measure) -> bool:
    """Whether a still of this measure is evidence beside findings (a gait or motor-control
    observation with faults), not a value for the grid."""
    return measure.kind == "test" and bool(measure.faults)


def to_record(row: MeasurementImage) -> ImageRecord:
    """The frozen record of a stored still."""
    return ImageRecord(
        id=row.id,
        assessment_id=row.assessment_id,
        code=row.code,
        side=row.side,  # type: ignore[arg-type]
        mode=row.mode,  # type: ignore[arg-type]
        kind=row.kind,  # type: ignore[arg-type]
        source_type=row.source_type,
        width=row.width,
        height=row.height,
        byte_size=row.byte_size,
        sha256=row.sha256,
        annotated_sha256=row.annotated_sha256,
        annotation=dict(row.annotation or {}),
        value=row.value,
        # SQLite hands a stored time back without its zone: every time stored is UTC.
        created_at=row.created_at if row.created_at.tzinfo else row.created_at.replace(tzinfo=UTC),
        created_by=row.created_by,
    )


def _audit_facts(row: MeasurementImage) -> dict[str, Any]:
    """What the audit trail says of a still: where, what, how big and its hashes (no bytes)."""
    return {
        "image": row.id,
        "code": row.code,
        "side": row.side,
        "mode": row.mode,
        "kind": row.kind,
        "bytes": row.byte_size,
        "sha256": row.sha256,
        "annotated_sha256": row.annotated_sha256,
    }


def attach_still(
    ctx: ServiceContext,
    assessment_id: int,
    code: str,
    side: Side,
    mode: Mode,
    *,
    kind: MediaKind,
    source: bytes,
    annotated_png: bytes,
    annotation: Annotation,
) -> tuple[MeasurementRecord | None, ImageRecord]:
    """Stores the reading of `annotation` into the cell (instrument `photo`/`video`) and the
    still with it: the source picture and the annotated PNG (InputError when either is not a
    picture, too big, the reading's unit is not the measure's, or the value is refused).

    The pictures are checked before anything is saved; the value is saved first (through
    `set_value`, with its own checks and audit), then the still, audited as `media.attach`.

    A motor-control or gait observation (a measure of kind "test" with faults, such as
    gait.running) takes the still as evidence beside its findings: no value is stored in the
    grid, and the angle drawn on it (if every point is placed) is kept with the still only.
    """
    if kind not in MEDIA_KINDS:
        raise InputError(f"Unknown kind of picture {kind!r}")
    ctx.actor.require("assessments.write")
    measure = ctx.catalogue.measures.get(code)
    if measure is None:
        raise InputError(f"Unknown measure {code!r}")
    observation = is_observation(measure)
    try:
        check_cell(measure, side, mode)
    except InvalidValue as exc:
        raise InputError(str(exc)) from exc
    try:
        read: Reading | None = annotation.reading()
    except GeometryError as exc:
        if not observation:
            raise InputError(str(exc)) from exc
        read = None
    if read is not None and not observation and measure.unit != read.unit:
        shown = {"deg": "an angle", "cm": "a distance in cm"}[read.unit]
        raise refusal(
            f"{measure.label} is recorded in {measure.unit_label or measure.unit}; "
            f"this tool measures {shown}",
            "tool_unit",
            what=measure.label,
            code=measure.code,
            unit=measure.unit,
            reading=read.unit,
        )
    prepared = prepare_image(source, "The picture")
    drawn = prepare_image(annotated_png, "The annotated still")
    if drawn.media_type != "image/png":
        raise InputError("The annotated still must be a PNG")
    stored_annotation = annotation.scaled(prepared.scale)
    saved = None
    if read is not None and not observation:
        saved = set_value(ctx, assessment_id, code, side, mode, read.value, instrument=kind)
    with assessment_unit(ctx, assessment_id) as unit:
        row = MeasurementImage(
            assessment_id=assessment_id,
            code=code,
            side=side,
            mode=mode,
            kind=kind,
            source_type=prepared.media_type,
            source=prepared.data,
            annotated=drawn.data,
            width=prepared.width,
            height=prepared.height,
            byte_size=len(prepared.data) + len(drawn.data),
            sha256=prepared.sha256,
            annotated_sha256=drawn.sha256,
            annotation=stored_annotation.to_json(),
            value=None if read is None else read.value,
            created_by=ctx.actor.display_name or ctx.actor.username,
        )
        unit.session.add(row)
        unit.session.flush()
        unit.audit("media.attach", {**_audit_facts(row), "value": row.value})
        return saved, to_record(row)


def remove_still(ctx: ServiceContext, assessment_id: int, image_id: int) -> None:
    """Removes a still from a draft visit (audited with its size and hashes); the value it
    gave stays in its cell until cleared there."""
    with assessment_unit(ctx, assessment_id) as unit:
        row = unit.session.get(MeasurementImage, image_id)
        if row is None or row.assessment_id != assessment_id:
            raise NotFound(f"No picture {image_id} in assessment {assessment_id}")
        facts = _audit_facts(row)
        unit.session.delete(row)
        unit.session.flush()
        unit.audit("media.remove", facts)


def list_stills(ctx: ServiceContext, assessment_id: int) -> tuple[ImageRecord, ...]:
    """The stills of a visit, oldest first (both roles)."""
    with assessment_unit(ctx, assessment_id, "assessments.read", draft=False) as unit:
        rows = unit.session.execute(
            select(MeasurementImage)
            .where(MeasurementImage.assessment_id == assessment_id)
            .order_by(MeasurementImage.id)
        ).scalars()
        return tuple(to_record(r) for r in rows)


def image_bytes(
    ctx: ServiceContext, image_id: int, which: Literal["source", "annotated"] = "annotated"
) -> bytes:
    """The bytes of a stored still: its source picture or the annotated PNG (both roles)."""
    ctx.actor.require("assessments.read")
    with ctx.db.reading() as session:
        row = session.get(MeasurementImage, image_id)
        if row is None:
            raise NotFound(f"No picture {image_id}")
        return bytes(row.source if which == "source" else row.annotated)


def export_stills(ctx: ServiceContext, client_id: int, folder: Path) -> list[Path]:
    """Writes a client's stills as files into `folder` (admins only: pictures of people are
    clinical data), audited as `media.export` with each picture's hash; returns the files."""
    ctx.actor.require("data.export")
    written: list[Path] = []
    hashes: list[str] = []
    with ctx.db.reading() as session:
        rows = session.execute(
            select(MeasurementImage, Assessment.date)
            .join(Assessment, MeasurementImage.assessment_id == Assessment.id)
            .where(Assessment.client_id == client_id)
            .order_by(Assessment.date, MeasurementImage.id)
        ).all()
        folder.mkdir(parents=True, exist_ok=True)
        for row, on in rows:
            stem = f"{on.isoformat()}_{row.code}_{row.side}_{row.mode}_{row.id}"
            extension = "jpg" if row.source_type == "image/jpeg" else "png"
            for name, data in (
                (f"{stem}_source.{extension}", row.source),
                (f"{stem}_annotated.png", row.annotated),
            ):
                path = folder / name
                path.write_bytes(data)
                written.append(path)
            hashes.append(row.sha256)
    with ctx.db.session() as session:
        record_event(
            session,
            ctx.actor,
            "media.export",
            entity="client",
            entity_id=client_id,
            client_id=client_id,
            detail={"file": str(folder), "stills": len(hashes), "sha256": hashes},
        )
    return written


def _thumbnail(png: bytes, longest: int = THUMBNAIL_PX) -> bytes:
    from PIL import Image

    with Image.open(io.BytesIO(png)) as picture:
        picture.thumbnail((longest, longest), Image.Resampling.LANCZOS)
        out = io.BytesIO()
        picture.save(out, "PNG", optimize=True)
        return out.getvalue()


def _value_text(row: MeasurementImage, measure: Measure | None) -> str:
    """The value measured on a still as printed: in the measure's unit, or for an observation
    (whose unit is not an angle's) as the tool read it."""
    if row.value is None:
        return ""
    if measure is not None and measure.unit in ("deg", "cm"):
        return measure.format_value(row.value)
    unit = "cm" if (row.annotation or {}).get("tool") == "distance" else "deg"
    return f"{row.value:g} cm" if unit == "cm" else f"{row.value:g}°"


def stills_for_report(
    ctx: ServiceContext, client_id: int, lang: str = "en", *, codes: Sequence[str] = ()
) -> list[StillRecord]:
    """A client's annotated stills for the progress report, by date then measure, each a
    small PNG with its value in words (`codes` narrows them to some measures)."""
    ctx.actor.require("assessments.read")
    query = (
        select(MeasurementImage, Assessment.date)
        .join(Assessment, MeasurementImage.assessment_id == Assessment.id)
        .where(Assessment.client_id == client_id)
        .order_by(Assessment.date, MeasurementImage.code, MeasurementImage.id)
    )
    if codes:
        query = query.where(MeasurementImage.code.in_(list(codes)))
    found: list[StillRecord] = []
    with ctx.db.reading() as session:
        for row, on in session.execute(query).all():
            measure = ctx.catalogue.measures.get(row.code)
            label = measure.label_in(lang) if measure is not None else row.code
            value_text = _value_text(row, measure)
            found.append(
                StillRecord(
                    image_id=row.id,
                    date=on,
                    code=row.code,
                    label=label,
                    side=row.side,  # type: ignore[arg-type]
                    mode=row.mode,  # type: ignore[arg-type]
                    value=row.value,
                    value_text=value_text,
                    kind=row.kind,  # type: ignore[arg-type]
                    png=_thumbnail(bytes(row.annotated)),
                )
            )
    return found
