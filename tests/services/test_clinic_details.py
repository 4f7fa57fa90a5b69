"""The clinic's letterhead and paper: only an admin changes them, every change (and every
refused attempt) is audited, bad input is refused saying what is wrong, logos are made fit
to print."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from sqlalchemy import select

from mobileathlete_desktop.domain.permissions import PermissionDenied
from mobileathlete_desktop.services.clinic_details import (
    MAX_LOGO_BYTES,
    ClinicChanges,
    demo_logo,
    get_clinic_details,
    load_logo_file,
    prepare_logo,
    update_clinic_details,
)
from mobileathlete_desktop.services.context import ConflictError, InputError, ServiceContext
from mobileathlete_desktop.services.reports import clinic_header
from mobileathlete_desktop.storage.models import AuditEvent, Clinic
from tests.reports.helpers import CLINIC, add_clinic


def _picture(size: tuple[int, int], fmt: str = "PNG", mode: str = "RGB") -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new(mode, size, (30, 110, 140) if mode == "RGB" else None).save(out, format=fmt)
    return out.getvalue()


def _events(ctx: ServiceContext, action: str) -> list[AuditEvent]:
    with ctx.db.reading() as session:
        rows = session.execute(select(AuditEvent).where(AuditEvent.action == action))
        return list(rows.scalars())


@pytest.fixture
def clinic(admin_ctx: ServiceContext) -> ServiceContext:
    add_clinic(admin_ctx)
    return admin_ctx


def test_admin_sets_the_letterhead_and_every_document_prints_it(clinic: ServiceContext) -> None:
    saved = update_clinic_details(
        clinic,
        ClinicChanges(
            name="  North\x1b[31m Track Physio\n",
            address="12 Harbour Road\r\n\r\nUnit 4, Portside\n",
            phone="+44 (0)20 7946 0000 ext 12",
            email="desk@north-track.example",
            paper_size="letter",
            logo=_picture((1200, 400)),
            logo_name="logo.png",
        ),
    )
    assert saved.name == "North[31m Track Physio"  # the escape character itself is gone
    assert saved.address == "12 Harbour Road\nUnit 4, Portside"
    assert saved.paper_size == "Letter"
    assert get_clinic_details(clinic) == saved
    header = clinic_header(clinic)
    assert (header.name, header.paper, header.logo) == (saved.name, "Letter", saved.logo)
    from PIL import Image

    with Image.open(io.BytesIO(saved.logo or b"")) as logo:
        assert logo.format == "PNG" and logo.size == (900, 300)  # scaled, proportions kept


def test_the_change_is_audited_field_by_field_and_the_logo_by_its_size_and_hash(
    clinic: ServiceContext,
) -> None:
    update_clinic_details(clinic, ClinicChanges(phone="+1 555 0100", logo=_picture((64, 64))))
    update_clinic_details(clinic, ClinicChanges(phone="+1 555 0199", remove_logo=True))
    first, second = _events(clinic, "settings.clinic")
    assert first.detail["before"] == {"phone": "+00 111 222", "logo": "none"}
    assert first.detail["after"]["phone"] == "+1 555 0100"
    assert "sha256" in first.detail["after"]["logo"] and "name" not in first.detail["after"]
    assert second.detail["after"] == {"phone": "+1 555 0199", "logo": "none"}
    assert all(len(str(e.detail)) < 400 for e in (first, second))  # never the picture's bytes
    assert first.username == "admin"


def test_saving_the_same_details_again_changes_and_audits_nothing(
    clinic: ServiceContext,
) -> None:
    update_clinic_details(clinic, ClinicChanges(name=CLINIC, phone="+00 111 222"))
    assert _events(clinic, "settings.clinic") == []


def test_a_therapist_is_refused_and_the_attempt_is_audited(
    clinic: ServiceContext, therapist_ctx: ServiceContext
) -> None:
    with pytest.raises(PermissionDenied):
        update_clinic_details(therapist_ctx, ClinicChanges(name="Hijacked Physio"))
    assert get_clinic_details(therapist_ctx).name == CLINIC  # readable by anyone signed in
    (refused,) = _events(clinic, "settings.clinic.refused")
    assert refused.username == "therapist"


def test_someone_elses_save_in_between_is_a_conflict_not_lost(clinic: ServiceContext) -> None:
    opened = get_clinic_details(clinic)
    update_clinic_details(clinic, ClinicChanges(phone="+1 555 0100"))
    with pytest.raises(ConflictError, match="Someone else changed"):
        update_clinic_details(clinic, ClinicChanges(name="Mine"), expected_revision=opened.revision)
    assert get_clinic_details(clinic).name == CLINIC
    fresh = get_clinic_details(clinic)
    assert update_clinic_details(
        clinic, ClinicChanges(name="Mine"), expected_revision=fresh.revision
    ).phone == ("+1 555 0100")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (ClinicChanges(name="x" * 5000), "Clinic name is too long: 5000 characters, at most 200"),
        (ClinicChanges(name=" \t\x00 "), "Clinic name is required"),
        (ClinicChanges(phone="call reception"), "is not a phone number"),
        (ClinicChanges(phone="9" * 61), "Phone is too long"),
        (ClinicChanges(email="desk at clinic"), "Email address 'desk at clinic' is not valid"),
        (ClinicChanges(address="a\nb\nc\nd\ne\nf"), "Address has 6 lines: at most 5"),
        (ClinicChanges(address="y" * 301), "Address is too long: 301 characters"),
        (ClinicChanges(paper_size="A3"), "Paper size must be A4 or Letter"),
    ],
)
def test_bad_text_is_refused_saying_what_and_nothing_changes(
    clinic: ServiceContext, changes: ClinicChanges, message: str
) -> None:
    before = get_clinic_details(clinic)
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        update_clinic_details(clinic, changes)
    assert get_clinic_details(clinic) == before


def test_a_text_file_as_logo_is_refused() -> None:
    with pytest.raises(InputError, match=r"notes\.txt is not a PNG or JPEG picture"):
        prepare_logo(b"Dear doctor,\nplease find attached...", "notes.txt")


def test_a_20_mb_file_is_refused_before_it_is_opened() -> None:
    with pytest.raises(InputError, match=r"huge.png is 20.0 MB: a logo may be at most 1 MB"):
        prepare_logo(b"\x89PNG" + os.urandom(16) * (20 * 1024 * 1024 // 16 - 1), "huge.png")


def test_a_corrupt_png_is_refused_as_damaged() -> None:
    good = _picture((200, 200), mode="RGB")
    noisy = _noisy_png()
    cut = noisy[: len(noisy) // 2]
    with pytest.raises(InputError, match=r"cut\.png is damaged"):
        prepare_logo(cut, "cut.png")
    flipped = bytearray(good)
    flipped[20:40] = b"\xff" * 20  # the header chunk's data and checksum broken
    with pytest.raises(InputError, match=r"broken\.png"):
        prepare_logo(bytes(flipped), "broken.png")


def _noisy_png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.frombytes("RGB", (300, 300), os.urandom(300 * 300 * 3)).save(out, format="PNG")
    return out.getvalue()


def test_a_gif_or_an_absurd_shape_is_refused() -> None:
    with pytest.raises(InputError, match="is a GIF picture: use PNG or JPEG"):
        prepare_logo(_picture((100, 100), "GIF"), "anim.gif")
    with pytest.raises(InputError, match="at most 8 times as wide"):
        prepare_logo(_picture((2000, 100)), "banner.png")
    with pytest.raises(InputError, match="too small to print"):
        prepare_logo(_picture((10, 10)), "dot.png")


def test_a_large_photo_is_scaled_and_kept_as_jpeg_under_a_megabyte() -> None:
    from PIL import Image

    photo = io.BytesIO()
    Image.frombytes("RGB", (1600, 1200), os.urandom(1600 * 1200 * 3)).save(
        photo, format="JPEG", quality=30
    )
    assert len(photo.getvalue()) <= MAX_LOGO_BYTES
    kept = prepare_logo(photo.getvalue(), "photo.jpg")
    with Image.open(io.BytesIO(kept)) as logo:
        assert logo.format == "JPEG" and logo.size == (800, 600)
    assert len(kept) <= MAX_LOGO_BYTES


def test_a_transparent_palette_logo_stays_transparent() -> None:
    from PIL import Image

    picture = Image.new("P", (120, 60), 0)
    picture.info["transparency"] = 0
    out = io.BytesIO()
    picture.save(out, format="PNG", transparency=0)
    kept = prepare_logo(out.getvalue())
    with Image.open(io.BytesIO(kept)) as logo:
        assert logo.mode == "RGBA" and logo.getpixel((0, 0))[3] == 0


def test_the_demo_logo_is_a_valid_logo() -> None:
    assert prepare_logo(demo_logo())


def test_without_a_clinic_row_the_first_save_makes_one(admin_ctx: ServiceContext) -> None:
    assert get_clinic_details(admin_ctx).name == ""
    update_clinic_details(admin_ctx, ClinicChanges(name="New Clinic"))
    with admin_ctx.db.reading() as session:
        assert session.execute(select(Clinic.name)).scalars().all() == ["New Clinic"]


def test_a_logo_file_is_refused_by_its_size_before_it_is_read(tmp_path: Path) -> None:
    huge = tmp_path / "poster.png"
    with huge.open("wb") as fh:
        fh.truncate(20 * 1024 * 1024)  # 20 MB (sparse: never read)
    with pytest.raises(InputError, match=r"poster\.png is 20\.0 MB: a logo may be at most 1 MB"):
        load_logo_file(huge)
    with pytest.raises(InputError, match="No file"):
        load_logo_file(tmp_path / "missing.png")
    with pytest.raises(InputError, match="is a folder"):
        load_logo_file(tmp_path)
    good = tmp_path / "logo.png"
    good.write_bytes(_picture((300, 100)))
    assert load_logo_file(good).startswith(b"\x89PNG")


def test_the_audit_trail_says_both_in_words(
    clinic: ServiceContext, therapist_ctx: ServiceContext
) -> None:
    from mobileathlete_desktop.services.audit import AuditFilter, find_events

    update_clinic_details(clinic, ClinicChanges(paper_size="Letter"))
    with pytest.raises(PermissionDenied):
        update_clinic_details(therapist_ctx, ClinicChanges(paper_size="A4"))
    said = [e.description for e in find_events(clinic, AuditFilter(action="settings.clinic"))]
    assert said == [
        "admin changed the clinic's letterhead or paper size",
        "Changing the clinic's details as therapist was refused "
        "(only an admin may change the clinic's details)",
    ]


def test_a_preview_shows_unsaved_changes_on_their_paper_and_saves_nothing(
    clinic: ServiceContext,
) -> None:
    import pypdfium2 as pdfium

    from mobileathlete_desktop.services.clinic_details import letterhead_preview

    pdf = letterhead_preview(
        clinic, ClinicChanges(name="Preview Physio", paper_size="Letter", logo=demo_logo())
    )
    document = pdfium.PdfDocument(pdf)
    try:
        page = document[0]
        assert page.get_size() == (612, 792)
        assert "Preview Physio" in page.get_textpage().get_text_range()
    finally:
        document.close()
    assert get_clinic_details(clinic).name == CLINIC
    assert _events(clinic, "settings.clinic") == []
    with pytest.raises(InputError, match="not a phone number"):
        letterhead_preview(clinic, ClinicChanges(phone="later"))


def test_too_many_pixels_are_refused_before_they_are_decoded() -> None:
    # 9000 x 5000 one-bit pixels: a small file that would take 180 MB as RGBA.
    with pytest.raises(InputError, match=r"9000 × 5000 pixels: too large to open"):
        prepare_logo(_picture((9000, 5000), mode="1"), "poster.png")


def test_a_noisy_transparent_logo_is_kept_under_a_megabyte() -> None:
    from PIL import Image

    noise = Image.frombytes("RGBA", (900, 600), os.urandom(900 * 600 * 4))
    out = io.BytesIO()
    noise.save(out, format="PNG", compress_level=0)
    big = out.getvalue()
    assert len(big) > MAX_LOGO_BYTES  # so go through _encode directly, as a file would not
    from mobileathlete_desktop.services.clinic_details import _encode

    kept = _encode(noise, "PNG")
    assert len(kept) <= MAX_LOGO_BYTES
    with Image.open(io.BytesIO(kept)) as logo:
        assert logo.mode == "RGBA" and logo.width < 900
