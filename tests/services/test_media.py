"""Stills a value was measured on: stored with the value and its instrument, by the therapist,
never on a signed visit, audited without bytes, sealed by the signature, exported only by an
admin, carried by backups and only encrypted in the encrypted copy."""

from __future__ import annotations

import io
import os
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from mobileathlete_desktop.domain.image_angles import Annotation, Calibration, Point
from mobileathlete_desktop.domain.permissions import PermissionDenied
from mobileathlete_desktop.services import assessments, clients
from mobileathlete_desktop.services import media as service
from mobileathlete_desktop.services.audit import AuditFilter, find_events
from mobileathlete_desktop.services.checks import check_database
from mobileathlete_desktop.services.context import InputError, ServiceContext

JPEG_MAGIC = b"\xff\xd8\xff"
KNEE = Annotation("three_point", (Point(10, 10), Point(50, 50), Point(90, 10)))  # 90°


def picture(width: int = 320, height: int = 240, fmt: str = "JPEG", seed: int = 0) -> bytes:
    image = Image.new("RGB", (width, height), (200 - seed, 180, 160))
    draw = ImageDraw.Draw(image)
    draw.line([(10, 10), (50, 50), (90, 10)], fill=(255, 0, 0), width=3)
    out = io.BytesIO()
    image.save(out, fmt, quality=90) if fmt == "JPEG" else image.save(out, fmt)
    return out.getvalue()


@pytest.fixture
def visit(ctx: ServiceContext) -> int:
    client = clients.create_client(ctx, clients.ClientInput("IM-1", "Photo", "Runner"))
    return assessments.create_assessment(ctx, client.id, date(2026, 3, 1)).id


def attach(ctx: ServiceContext, visit: int, **kw: object) -> service.ImageRecord:
    args: dict = {
        "kind": "photo",
        "source": picture(),
        "annotated_png": picture(fmt="PNG"),
        "annotation": KNEE,
    }
    args.update(kw)
    _, still = service.attach_still(ctx, visit, "knee.flexion", "left", "active", **args)
    return still


def test_the_reading_goes_into_the_cell_with_its_instrument_and_the_still_with_it(
    ctx: ServiceContext, visit: int
) -> None:
    saved, still = service.attach_still(
        ctx,
        visit,
        "knee.flexion",
        "left",
        "active",
        kind="video",
        source=picture(),
        annotated_png=picture(fmt="PNG"),
        annotation=KNEE,
    )
    assert saved is not None and (saved.value, saved.instrument) == (90.0, "video")
    record = assessments.get_assessment(ctx, visit)
    [m] = record.measurements
    assert (m.code, m.side, m.mode, m.value, m.instrument) == (
        "knee.flexion",
        "left",
        "active",
        90.0,
        "video",
    )
    assert service.list_stills(ctx, visit) == (still,)
    assert service.image_bytes(ctx, still.id, "source").startswith(JPEG_MAGIC)
    assert service.image_bytes(ctx, still.id).startswith(b"\x89PNG")
    assert Annotation.from_json(still.annotation) == KNEE


def test_a_distance_needs_a_distance_measure_and_a_calibration(
    ctx: ServiceContext, visit: int
) -> None:
    scale = Calibration(Point(0, 0), Point(100, 0), 10.0)
    hop = Annotation("distance", (Point(0, 0), Point(0, 150)), calibration=scale)
    saved, _ = service.attach_still(
        ctx,
        visit,
        "wblt.distance",
        "right",
        "none",
        kind="photo",
        source=picture(),
        annotated_png=picture(fmt="PNG"),
        annotation=hop,
    )
    assert saved is not None and (saved.value, saved.unit) == (15.0, "cm")
    with pytest.raises(InputError, match="this tool measures an angle"):
        service.attach_still(
            ctx,
            visit,
            "wblt.distance",
            "left",
            "none",
            kind="photo",
            source=picture(),
            annotated_png=picture(fmt="PNG"),
            annotation=KNEE,
        )


def test_big_pictures_are_downscaled_and_points_follow(ctx: ServiceContext, visit: int) -> None:
    big = picture(4000, 3000)
    still = attach(ctx, visit, source=big)
    assert (still.width, still.height) == (2000, 1500)
    again = Annotation.from_json(still.annotation)
    assert again.points[1] == Point(25, 25)
    assert again.reading().value == 90.0


def test_what_is_not_a_picture_or_too_big_is_refused_with_a_clear_message(
    ctx: ServiceContext, visit: int
) -> None:
    with pytest.raises(InputError, match="not a JPEG or PNG"):
        attach(ctx, visit, source=b"GIF89a not really")
    with pytest.raises(InputError, match="empty file"):
        attach(ctx, visit, source=b"")
    gif = io.BytesIO()
    Image.new("RGB", (10, 10)).save(gif, "GIF")
    with pytest.raises(InputError, match="GIF picture: use JPEG or PNG"):
        attach(ctx, visit, source=gif.getvalue())
    with pytest.raises(InputError, match=r"at most 40\.0 MB"):
        attach(ctx, visit, source=b"\xff\xd8\xff" + b"0" * (41 * 1024 * 1024))
    noise = Image.frombytes("RGB", (2000, 2000), os.urandom(2000 * 2000 * 3))
    out = io.BytesIO()
    noise.save(out, "PNG", compress_level=1)
    with pytest.raises(InputError, match=r"a stored picture may be at most 8\.0 MB"):
        attach(ctx, visit, source=out.getvalue())
    assert assessments.get_assessment(ctx, visit).measurements == ()
    assert service.list_stills(ctx, visit) == ()


def test_roles_signed_visits_and_the_audit_trail(
    ctx: ServiceContext, admin_ctx: ServiceContext, visit: int
) -> None:
    with pytest.raises(PermissionDenied):
        attach(admin_ctx, visit)
    still = attach(ctx, visit)
    assert service.list_stills(admin_ctx, visit) == (still,)  # an admin may view
    [event] = find_events(admin_ctx, AuditFilter(chart_number="IM-1", action="media.attach"))
    assert event.detail["sha256"] == still.sha256 and event.detail["bytes"] == still.byte_size
    assert all(not isinstance(v, bytes) for v in event.detail.values())
    assert len(str(event.detail)) < 1000  # sizes and hashes, never the picture
    assert event.description.startswith(
        "therapist attached a picture measured on (knee flexion left active, "
    )
    assert event.description.endswith(" KB) in the assessment of 2026-03-01 [IM-1]")
    service.remove_still(ctx, visit, still.id)
    [gone] = find_events(admin_ctx, AuditFilter(chart_number="IM-1", action="media.remove"))
    assert gone.detail["sha256"] == still.sha256
    kept = attach(ctx, visit)
    assessments.sign_assessment(ctx, visit)
    with pytest.raises(InputError, match="signed and read-only"):
        attach(ctx, visit)
    with pytest.raises(InputError, match="signed and read-only"):
        service.remove_still(ctx, visit, kept.id)
    assert service.list_stills(ctx, visit) == (kept,)


def test_the_signature_seals_the_stills(ctx: ServiceContext, db_path: Path, visit: int) -> None:
    attach(ctx, visit)
    assessments.sign_assessment(ctx, visit)
    assert check_database(str(db_path)).problems == ()
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute("UPDATE measurement_image SET annotation = '{}'")
    conn.close()
    found = check_database(str(db_path)).problems
    assert any(f"assessment {visit}: changed since it was signed" in p for p in found), found


def test_export_needs_an_admin_and_is_audited(
    ctx: ServiceContext, admin_ctx: ServiceContext, visit: int, tmp_path: Path
) -> None:
    still = attach(ctx, visit)
    client_id = assessments.get_assessment(ctx, visit).client_id
    with pytest.raises(PermissionDenied):
        service.export_stills(ctx, client_id, tmp_path / "out")
    files = service.export_stills(admin_ctx, client_id, tmp_path / "out")
    assert sorted(f.name for f in files) == [
        f"2026-03-01_knee.flexion_left_active_{still.id}_annotated.png",
        f"2026-03-01_knee.flexion_left_active_{still.id}_source.jpg",
    ]
    [event] = find_events(admin_ctx, AuditFilter(chart_number="IM-1", action="media.export"))
    assert event.detail["sha256"] == [still.sha256]
    assert "exported 1 picture of the client" in event.description


def test_stills_for_the_report_are_small_dated_and_worded(ctx: ServiceContext, visit: int) -> None:
    attach(ctx, visit, annotated_png=picture(1200, 900, "PNG"))
    client_id = assessments.get_assessment(ctx, visit).client_id
    [still] = service.stills_for_report(ctx, client_id, "es")
    assert still.date == date(2026, 3, 1) and still.value_text == "90°"
    assert still.label == ctx.catalogue.measures["knee.flexion"].label_in("es")
    with Image.open(io.BytesIO(still.png)) as thumb:
        assert max(thumb.size) == service.THUMBNAIL_PX


def test_backups_carry_the_stills_and_the_encrypted_copy_only_encrypted(
    ctx: ServiceContext, admin_ctx: ServiceContext, visit: int, tmp_path: Path
) -> None:
    pytest.importorskip("sqlcipher3")
    from mobileathlete_desktop.services.backups import make_backup, restore_backup
    from mobileathlete_desktop.services.encryption import encrypt_database

    source = picture(seed=7)
    still = attach(ctx, visit, source=source)
    stored = service.image_bytes(ctx, still.id, "source")
    backup = make_backup(admin_ctx, tmp_path / "clinic-manual-20260301-120000.sqlite3")
    assert JPEG_MAGIC in backup.read_bytes()  # a plain backup is a plain copy
    service.remove_still(ctx, visit, still.id)
    restore_backup(admin_ctx, backup)
    assert service.image_bytes(ctx, still.id, "source") == stored
    encrypted = encrypt_database(admin_ctx, tmp_path / "encrypted.sqlite3", lambda: "k" * 24)
    raw = encrypted.read_bytes()
    assert stored not in raw and JPEG_MAGIC not in raw and b"\x89PNG" not in raw


def test_a_gait_observation_keeps_its_frame_and_angle_beside_the_findings(
    ctx: ServiceContext, visit: int
) -> None:
    frame_only = Annotation("vertical", (Point(10, 10),))  # one point: no angle measured
    _, first = service.attach_still(
        ctx,
        visit,
        "gait.running",
        "right",
        "none",
        kind="video",
        source=picture(),
        annotated_png=picture(fmt="PNG"),
        annotation=frame_only,
    )
    shin = Annotation("vertical", (Point(100, 200), Point(120, 100)))  # leaning 11.3°
    saved, second = service.attach_still(
        ctx,
        visit,
        "gait.running",
        "left",
        "none",
        kind="video",
        source=picture(),
        annotated_png=picture(fmt="PNG"),
        annotation=shin,
    )
    assert saved is None and first.value is None and second.value == 11.3
    assert assessments.get_assessment(ctx, visit).measurements == ()  # nothing in the grid
    client_id = assessments.get_assessment(ctx, visit).client_id
    texts = [s.value_text for s in service.stills_for_report(ctx, client_id)]
    assert texts == ["", "11.3°"]
    with pytest.raises(InputError, match="needs 3 points"):  # a measure still needs its angle
        attach(ctx, visit, annotation=Annotation("three_point", (Point(1, 1),)))


def test_a_side_or_mode_the_measure_does_not_take_is_refused(
    ctx: ServiceContext, visit: int
) -> None:
    with pytest.raises(InputError, match="side must be left or right"):
        service.attach_still(
            ctx,
            visit,
            "knee.flexion",
            "none",
            "active",
            kind="photo",
            source=picture(),
            annotated_png=picture(fmt="PNG"),
            annotation=KNEE,
        )
    assert service.list_stills(ctx, visit) == ()
