"""The clinic's letterhead (name, address, phone, email, logo) and paper size, as an admin
sets them; printed on every report and handout (services.reports.clinic_header)."""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mobileathlete_desktop.domain.permissions import PermissionDenied
from mobileathlete_desktop.domain.validation import TITLE_LENGTH, InvalidValue, clean_name, too_long
from mobileathlete_desktop.reports.pdf import DEFAULT_PAPER, PAPER_SIZES, paper_name
from mobileathlete_desktop.services.audit import record_event
from mobileathlete_desktop.services.clinic_seen import forget_clinic_seen
from mobileathlete_desktop.services.context import (
    InputError,
    ServiceContext,
    conflict,
    refusal,
    refused,
)
from mobileathlete_desktop.services.pictures import megabytes, open_picture, upright
from mobileathlete_desktop.storage.models import Clinic
from mobileathlete_desktop.support.plain_text import one_line

PAPERS: tuple[str, ...] = tuple(PAPER_SIZES)
"""The paper sizes a clinic may choose ("A4", "Letter")."""
ADDRESS_LENGTH = 300
"""Longest address (all lines together): a letterhead holds three or four lines."""
ADDRESS_LINES = 5
NAME_LENGTH = TITLE_LENGTH
PHONE_LENGTH = 60
EMAIL_LENGTH = TITLE_LENGTH
MAX_LOGO_BYTES = 1024 * 1024
"""Largest logo file accepted (1 MB)."""
MAX_LOGO_PIXELS = 40_000_000
"""Largest picture opened (width × height): more would take gigabytes to decode."""
LOGO_BOX = (900, 600)
"""A logo is scaled down to fit these pixels: at 34 × 20 mm on paper that is over 600 dpi."""
MIN_LOGO_SIDE = 16
MAX_LOGO_RATIO = 8
"""A logo at most this many times wider than tall (or taller than wide), or it prints as a line."""
LOGO_FORMATS = ("PNG", "JPEG")
_PHONE = re.compile(r"\+?[\d ()./-]+(\s*(ext\.?|x)\s*\d{1,6})?", re.IGNORECASE)
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


@dataclass(frozen=True)
class ClinicDetails:
    """The clinic's letterhead and paper as stored."""

    name: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    logo: bytes | None = None
    paper_size: str = DEFAULT_PAPER

    @property
    def revision(self) -> str:
        """A fingerprint of every field: pass it back to update_clinic_details to be told
        (ConflictError) when someone else saved in between."""
        digest = hashlib.sha256()
        for value in (self.name, self.address, self.phone, self.email, self.paper_size):
            digest.update(value.encode() + b"\0")
        digest.update(logo_fingerprint(self.logo).encode())
        return digest.hexdigest()[:32]


@dataclass(frozen=True)
class ClinicChanges:
    """What to change; None (and remove_logo False) leaves a field as it is."""

    name: str | None = None
    address: str | None = None
    phone: str | None = None
    email: str | None = None
    paper_size: str | None = None
    logo: bytes | None = None
    """A new logo file's contents (PNG or JPEG), prepared by prepare_logo before it is kept."""
    logo_name: str = ""
    """The logo's file name, for messages and the audit trail."""
    remove_logo: bool = False


def logo_fingerprint(logo: bytes | None) -> str:
    """A logo as the audit trail records it: its size and the start of its SHA-256, never
    the picture ("none" without one)."""
    if not logo:
        return "none"
    return f"{len(logo)} bytes, sha256 {hashlib.sha256(logo).hexdigest()[:16]}"


def _details(row: Clinic | None) -> ClinicDetails:
    if row is None:
        return ClinicDetails()
    logo = bytes(row.logo) if row.logo else None
    return ClinicDetails(row.name, row.address, row.phone, row.email, logo, row.paper_size)


def get_clinic_details(ctx: ServiceContext) -> ClinicDetails:
    """The clinic's letterhead and paper (anyone signed in may read them: they are printed
    on every handout)."""
    with ctx.db.reading() as session:
        return _details(_clinic_row(session))


def _clinic_row(session: Session, *, lock: bool = False) -> Clinic | None:
    query = select(Clinic).order_by(Clinic.id).limit(1)
    return session.execute(query.with_for_update() if lock else query).scalar_one_or_none()


def _clean_address(text: str) -> str:
    """An address as stored: its lines kept (at most ADDRESS_LINES), each one clean line."""
    lines = [one_line(line) for line in text.replace("\r\n", "\n").split("\n")]
    lines = [line for line in lines if line]
    if len(lines) > ADDRESS_LINES:
        raise refusal(
            f"Address has {len(lines)} lines: at most {ADDRESS_LINES}, please",
            "too_many_lines",
            what="Address",
            lines=len(lines),
            limit=ADDRESS_LINES,
        )
    address = "\n".join(lines)
    if len(address) > ADDRESS_LENGTH:
        raise refused(too_long("Address", len(address), ADDRESS_LENGTH))
    return address


def _clean_phone(text: str) -> str:
    phone = one_line(text)
    if len(phone) > PHONE_LENGTH:
        raise refused(too_long("Phone", len(phone), PHONE_LENGTH))
    if phone and (not _PHONE.fullmatch(phone) or sum(c.isdigit() for c in phone) < 3):
        raise refusal(
            f"Phone {phone[:40]!r} is not a phone number: digits, spaces and + ( ) - . / "
            "only (an extension as 'ext 12')",
            "not_a_phone",
            what="Phone",
            text=phone[:40],
        )
    return phone


def _clean_email(text: str) -> str:
    email = one_line(text)
    if len(email) > EMAIL_LENGTH:
        raise refused(too_long("Email address", len(email), EMAIL_LENGTH))
    if email and not _EMAIL.fullmatch(email):
        raise refusal(
            f"Email address {email[:60]!r} is not valid",
            "not_an_email",
            what="Email address",
            text=email[:60],
        )
    return email


def _clean_name(text: str) -> str:
    try:
        name = clean_name(text, "Clinic name", TITLE_LENGTH)
    except InvalidValue as exc:
        raise InputError(str(exc)) from exc
    if not name:
        raise refusal("Clinic name is required", "required", what="Clinic name")
    return name


def prepare_logo(data: bytes, name: str = "") -> bytes:
    """A logo file made ready to print: a PNG or JPEG Pillow reads in full, at most 1 MB,
    turned upright (EXIF), scaled down to fit LOGO_BOX and stored as PNG (kept transparent)
    or, for a photograph without transparency, JPEG. InputError says what is wrong."""
    what = name or "The logo"
    picture = open_picture(
        data,
        what,
        formats=LOGO_FORMATS,
        max_bytes=MAX_LOGO_BYTES,
        too_big=lambda size: _logo_too_big(what, size),
        noun="logo",
    )
    with picture:
        width, height = picture.size
        if width * height > MAX_LOGO_PIXELS:
            raise refusal(
                f"{what} is {width} × {height} pixels: too large to open as a logo",
                "logo_too_large",
                what=what,
                width=width,
                height=height,
            )
        if min(width, height) < MIN_LOGO_SIDE:
            raise refusal(
                f"{what} is {width} × {height} pixels: too small to print "
                f"(at least {MIN_LOGO_SIDE} pixels each way)",
                "logo_too_small",
                what=what,
                width=width,
                height=height,
                limit=MIN_LOGO_SIDE,
            )
        if max(width, height) > MAX_LOGO_RATIO * min(width, height):
            raise refusal(
                f"{what} is {width} × {height} pixels: a logo may be at most "
                f"{MAX_LOGO_RATIO} times as wide as it is tall (or tall as it is wide)",
                "logo_ratio",
                what=what,
                width=width,
                height=height,
                limit=MAX_LOGO_RATIO,
            )
        kind = picture.format
        turned = upright(picture, what)
    return _encode(turned, kind)


def _logo_too_big(what: str, size: int) -> str:
    return (
        f"{what} is {megabytes(size)}: a logo may be at most 1 MB "
        "(save it smaller, for example 600 pixels wide)"
    )


def load_logo_file(path: Path) -> bytes:
    """A logo file read and made ready to print (prepare_logo); a file over 1 MB is refused by
    its size before it is read, a missing or unreadable one saying so (InputError)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_LOGO_BYTES:
            raise InputError(_logo_too_big(path.name, size))
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(f"No file {path}") from exc
    except IsADirectoryError as exc:
        raise InputError(f"{path} is a folder, not a picture") from exc
    except PermissionError as exc:
        raise InputError(f"Cannot read {path}: permission denied") from exc
    return prepare_logo(data, path.name)


def _encode(picture: Any, kind: str) -> bytes:
    """PNG (a PNG, or anything transparent) or JPEG, at most MAX_LOGO_BYTES: a photograph
    saved as PNG goes to JPEG, a transparent picture still too big is halved until it fits."""
    bands = picture.getbands()
    transparent = "A" in bands or "transparency" in picture.info
    mode = "RGBA" if transparent else ("L" if bands == ("L",) else "RGB")
    picture = picture.convert(mode)
    picture.thumbnail(LOGO_BOX)
    while True:
        out = io.BytesIO()
        if kind == "PNG" or transparent:
            picture.save(out, format="PNG", optimize=True)
            if out.tell() <= MAX_LOGO_BYTES:
                return out.getvalue()
            if not transparent:
                out = io.BytesIO()
                picture.save(out, format="JPEG", quality=90, optimize=True)
        else:
            picture.save(out, format="JPEG", quality=90, optimize=True)
        if out.tell() <= MAX_LOGO_BYTES or min(picture.size) <= 2 * MIN_LOGO_SIDE:
            return out.getvalue()
        picture.thumbnail((picture.width // 2, picture.height // 2))


def _cleaned(changes: ClinicChanges, current: ClinicDetails) -> ClinicDetails:
    """The details after the changes, each field checked and cleaned (InputError naming the
    first field that cannot be kept)."""

    name = _clean_name(changes.name) if changes.name is not None else current.name
    address = _clean_address(changes.address) if changes.address is not None else current.address
    phone = _clean_phone(changes.phone) if changes.phone is not None else current.phone
    email = _clean_email(changes.email) if changes.email is not None else current.email
    paper = current.paper_size
    if changes.paper_size is not None:
        try:
            paper = paper_name(changes.paper_size)
        except ValueError as exc:
            raise InputError(str(exc)) from exc
    logo = current.logo
    if changes.remove_logo:
        logo = None
    elif changes.logo is not None:
        logo = prepare_logo(changes.logo, changes.logo_name)
    return ClinicDetails(name, address, phone, email, logo, paper)


def _changed(before: ClinicDetails, after: ClinicDetails) -> tuple[dict[str, Any], dict[str, Any]]:
    """Only the fields that changed, before and after (the logo as its fingerprint)."""
    old: dict[str, Any] = {}
    new: dict[str, Any] = {}
    for field in ("name", "address", "phone", "email", "paper_size"):
        if getattr(before, field) != getattr(after, field):
            old[field], new[field] = getattr(before, field), getattr(after, field)
    if before.logo != after.logo:
        old["logo"], new["logo"] = logo_fingerprint(before.logo), logo_fingerprint(after.logo)
    return old, new


def update_clinic_details(
    ctx: ServiceContext, changes: ClinicChanges, *, expected_revision: str | None = None
) -> ClinicDetails:
    """Saves the clinic's letterhead and paper (admins only; a refusal is audited too).

    `expected_revision` is the ClinicDetails.revision the form was filled from: when someone
    saved since, ConflictError and nothing changes. The change is audited with the changed
    fields before and after (a logo by size and hash). Returns the details as saved.
    """
    try:
        ctx.actor.require("settings.write")
    except PermissionDenied:
        with ctx.db.session() as session:
            record_event(
                session,
                ctx.actor,
                "settings.clinic.refused",
                entity="clinic",
                detail={"reason": "only an admin may change the clinic's details"},
            )
        raise
    with ctx.db.reading() as session:
        before = _details(_clinic_row(session))
    after = _cleaned(changes, before)  # Pillow's work outside the write transaction
    with ctx.db.session() as session:
        row = _clinic_row(session, lock=True)
        current = _details(row)
        if expected_revision is not None and current.revision != expected_revision:
            raise conflict(
                "Someone else changed the clinic's details since they were opened here; "
                "close and open them again to see the newest",
                "clinic_details_changed",
            )
        if current != before:  # saved in between without a revision given: redo on theirs
            after = _cleaned(changes, current)
        if row is None:
            row = Clinic(name=after.name)
            session.add(row)
        old, new = _changed(current, after)
        if not new:
            return current
        row.name, row.address, row.phone, row.email = (
            after.name,
            after.address,
            after.phone,
            after.email,
        )
        row.logo = after.logo
        row.paper_size = after.paper_size
        session.flush()
        record_event(
            session,
            ctx.actor,
            "settings.clinic",
            entity="clinic",
            entity_id=row.id,
            detail={"before": old, "after": new},
        )
        forget_clinic_seen(ctx.db)  # the window's title reads the new name
        return after


def letterhead_preview(ctx: ServiceContext, changes: ClinicChanges) -> bytes:
    """A one-page PDF with the letterhead as it would print with `changes` made (nothing is
    saved), on the paper chosen; InputError as update_clinic_details would say it."""
    from mobileathlete_desktop.reports.pdf import ClinicHeader, build_document, letterhead
    from mobileathlete_desktop.reports.pdf import content_width as width_of

    after = _cleaned(changes, get_clinic_details(ctx))
    header = ClinicHeader(
        after.name, after.address, after.phone, after.email, after.logo, after.paper_size
    )
    out = io.BytesIO()
    story = [letterhead(header, width_of(header))]
    build_document(out, story, title=after.name, author=after.name, footer=after.name)
    return out.getvalue()


def demo_logo() -> bytes:
    """A small synthetic logo for the demo clinic (a running track and a runner's dot on a
    teal square), drawn here so no real clinic's mark is ever shipped."""
    from PIL import Image, ImageDraw

    size = 240
    picture = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(picture)
    draw.rounded_rectangle((0, 0, size - 1, size - 1), radius=44, fill=(29, 111, 138, 255))
    draw.ellipse((34, 66, 206, 174), outline=(255, 255, 255, 255), width=14)
    draw.ellipse((58, 88, 182, 152), outline=(255, 255, 255, 150), width=5)
    draw.ellipse((176, 56, 212, 92), fill=(230, 159, 0, 255))
    out = io.BytesIO()
    picture.save(out, format="PNG", optimize=True)
    return out.getvalue()
