"""SQLAlchemy models for everything the clinic stores (the schema itself is owned by Alembic).

The declarative base is in `storage.base` and the home-program tables in
`storage.program_models`; every table and name is importable from here as before."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    DDL,
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    event,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mobileathlete_desktop.domain.search_text import client_search_key
from mobileathlete_desktop.storage.base import NAMING_CONVENTION, Base, utcnow


class Clinic(Base):
    """The clinic's own settings: one row."""

    __tablename__ = "clinic"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(String(60), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    logo: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)
    idle_lock_minutes: Mapped[int] = mapped_column(Integer, default=10)
    backup_folder: Mapped[str] = mapped_column(Text, default="")
    last_backup_at: Mapped[datetime | None] = mapped_column(nullable=True)
    default_language: Mapped[str] = mapped_column(String(5), default="en")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    paper_size: Mapped[str] = mapped_column(String(10), default="A4", server_default="A4")
    """A4 or Letter: the paper every report and handout is laid out on."""


class User(Base):
    """A person who signs in: a therapist or an admin."""

    __tablename__ = "user"
    __table_args__ = (CheckConstraint("role IN ('therapist', 'admin')", name="role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(300), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(nullable=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Client(Base):
    """A client (patient) with contact details and a running profile."""

    __tablename__ = "client"
    __table_args__ = (
        CheckConstraint("sex IN ('female', 'male', 'other', 'unknown')", name="sex"),
        CheckConstraint("dominant_leg IN ('left', 'right', 'unknown')", name="dominant_leg"),
        Index("ix_client_family_given", "family_name", "given_name"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    chart_number: Mapped[str] = mapped_column(String(40), unique=True)
    given_name: Mapped[str] = mapped_column(String(120))
    family_name: Mapped[str] = mapped_column(String(120))
    date_of_birth: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    sex: Mapped[str] = mapped_column(String(10), default="unknown")
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(60), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    dominant_leg: Mapped[str] = mapped_column(String(10), default="unknown")
    weekly_distance_km: Mapped[float | None] = mapped_column(Float, nullable=True)
    years_running: Mapped[float | None] = mapped_column(Float, nullable=True)
    goal_event: Mapped[str] = mapped_column(String(200), default="")
    footwear: Mapped[str] = mapped_column(String(200), default="")
    injury_history: Mapped[str] = mapped_column(Text, default="")
    complaint: Mapped[str] = mapped_column(Text, default="")
    referral: Mapped[str] = mapped_column(Text, default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)
    search_text: Mapped[str] = mapped_column(String(400), default="", server_default="")
    """Family name, given name and chart number folded (no accents, lower case), kept up to
    date on every insert and update, so that a search is one LIKE on any database."""
    complaint_code: Mapped[str] = mapped_column(String(40), default="", server_default="")
    """The presenting complaint, coded (domain.records.COMPLAINT_CODES; "" = not coded),
    beside the free-text `complaint`: the home program's complaint rules read it. Last, as
    migration 0013 adds it, so that a new clinic's table and a migrated one's agree."""

    assessments: Mapped[list[Assessment]] = relationship(
        back_populates="client", order_by="Assessment.date", passive_deletes=True
    )

    __mapper_args__ = {"version_id_col": version}


@event.listens_for(Client, "before_insert")
@event.listens_for(Client, "before_update")
def _fold_search_text(_mapper: Any, _connection: Any, client: Client) -> None:
    client.search_text = client_search_key(
        client.family_name or "", client.given_name or "", client.chart_number or ""
    )


class Assessment(Base):
    """One visit's assessment: a draft while being recorded, read-only once signed."""

    __tablename__ = "assessment"
    __table_args__ = (
        CheckConstraint("status IN ('draft', 'signed')", name="status"),
        CheckConstraint(
            "kind IN ('initial', 'reassessment', 'discharge', 'screen', 'addendum')", name="kind"
        ),
        Index("ix_assessment_client_date", "client_id", "date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="RESTRICT"))
    therapist_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), nullable=True)
    therapist_name: Mapped[str] = mapped_column(String(200), default="")
    date: Mapped[date] = mapped_column(Date, index=True)
    kind: Mapped[str] = mapped_column(String(20), default="initial")
    status: Mapped[str] = mapped_column(String(10), default="draft")
    template: Mapped[str] = mapped_column(String(80), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    signed_at: Mapped[datetime | None] = mapped_column(nullable=True)
    signed_by: Mapped[str] = mapped_column(String(200), default="")
    addendum_of_id: Mapped[int | None] = mapped_column(ForeignKey("assessment.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    client: Mapped[Client] = relationship(back_populates="assessments")
    measurements: Mapped[list[Measurement]] = relationship(
        back_populates="assessment", cascade="all, delete-orphan", order_by="Measurement.id"
    )
    findings: Mapped[list[Finding]] = relationship(
        back_populates="assessment", cascade="all, delete-orphan", order_by="Finding.id"
    )
    outcomes: Mapped[list[OutcomeScore]] = relationship(
        back_populates="assessment", cascade="all, delete-orphan", order_by="OutcomeScore.id"
    )
    treatments: Mapped[list[Treatment]] = relationship(
        back_populates="assessment",
        cascade="all, delete-orphan",
        order_by="(Treatment.position, Treatment.id)",
    )
    images: Mapped[list[MeasurementImage]] = relationship(
        back_populates="assessment", cascade="all, delete-orphan", order_by="MeasurementImage.id"
    )

    __mapper_args__ = {"version_id_col": version}


class Measurement(Base):
    """One value: a measure code, side and mode, with how it was taken."""

    __tablename__ = "measurement"
    __table_args__ = (
        UniqueConstraint("assessment_id", "code", "side", "mode", name="uq_measurement_cell"),
        CheckConstraint("side IN ('left', 'right', 'none')", name="side"),
        CheckConstraint("mode IN ('active', 'passive', 'none')", name="mode"),
        Index("ix_measurement_code", "code"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessment.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(80))
    side: Mapped[str] = mapped_column(String(5), default="none")
    mode: Mapped[str] = mapped_column(String(7), default="none")
    value: Mapped[float] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(20), default="")
    pain: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")
    instrument: Mapped[str] = mapped_column(String(60), default="")
    position: Mapped[str] = mapped_column(String(120), default="")
    rater: Mapped[str] = mapped_column(String(200), default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    assessment: Mapped[Assessment] = relationship(back_populates="measurements")


class Finding(Base):
    """A motor-control test observation (e.g. single-leg squat): faults and a rating, per side."""

    __tablename__ = "finding"
    __table_args__ = (
        UniqueConstraint("assessment_id", "test_code", "side", name="uq_finding_cell"),
        CheckConstraint("side IN ('left', 'right', 'none')", name="side"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessment.id", ondelete="CASCADE"))
    test_code: Mapped[str] = mapped_column(String(80))
    side: Mapped[str] = mapped_column(String(5), default="none")
    faults: Mapped[list[str]] = mapped_column(JSON, default=list)
    rating: Mapped[str] = mapped_column(String(20), default="")
    score: Mapped[float | None] = mapped_column(Float, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    assessment: Mapped[Assessment] = relationship(back_populates="findings")


class OutcomeScore(Base):
    """A questionnaire's item answers (the 20 LEFS items, the PSFS activities and ratings);
    its total or average is a measurement too."""

    __tablename__ = "outcome_score"
    __table_args__ = (
        UniqueConstraint("assessment_id", "instrument", name="uq_outcome_score_cell"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessment.id", ondelete="CASCADE"))
    instrument: Mapped[str] = mapped_column(String(40))
    answers: Mapped[list[int | None]] = mapped_column(JSON, default=list)
    total: Mapped[float | None] = mapped_column(Float, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    # What each answer is about when the client names the items (the PSFS activities); last,
    # as migration 0003 adds it, so a new file and a migrated one have the same columns.
    labels: Mapped[list[str]] = mapped_column(JSON, default=list, server_default="[]")

    assessment: Mapped[Assessment] = relationship(back_populates="outcomes")


class Treatment(Base):
    """What the clinic did in a visit, one row a treatment in the order recorded: a joint
    mobilisation (joint, direction, Maitland grade), soft-tissue work (region, technique),
    neuromuscular re-education (what was trained), a cue given, or other (domain.treatments
    holds the vocabulary and the rules)."""

    __tablename__ = "treatment"
    __table_args__ = (
        CheckConstraint(
            "kind IN ('mobilisation', 'soft_tissue', 'neuromuscular', 'cue', 'other')",
            name="kind",
        ),
        CheckConstraint("side IN ('left', 'right', 'both', 'none')", name="side"),
        CheckConstraint(
            "grade IS NULL OR (kind = 'mobilisation' AND grade BETWEEN 1 AND 5)", name="grade"
        ),
        CheckConstraint("minutes IS NULL OR minutes BETWEEN 0 AND 120", name="minutes"),
        Index("ix_treatment_assessment", "assessment_id", "position"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessment.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String(20))
    site: Mapped[str] = mapped_column(String(120), default="")
    """The joint (mobilisation) or region (soft tissue): a vocabulary code or own words."""
    method: Mapped[str] = mapped_column(String(120), default="")
    """The direction, technique, what was trained, or the cue: a code or own words."""
    grade: Mapped[int | None] = mapped_column(Integer, nullable=True)
    side: Mapped[str] = mapped_column(String(5), default="none")
    minutes: Mapped[int | None] = mapped_column(Integer, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    assessment: Mapped[Assessment] = relationship(back_populates="treatments")


class MeasurementImage(Base):
    """A still a value was measured on (issue 19): the source picture (a photo, or the video
    frame picked; never the whole clip) and the annotated PNG, with the points drawn so the
    annotation can be opened again. Kept in the clinic database, never as loose files, so
    backups, encryption and exports carry it; size-limited by services.media."""

    __tablename__ = "measurement_image"
    __table_args__ = (
        CheckConstraint("kind IN ('photo', 'video')", name="kind"),
        CheckConstraint("side IN ('left', 'right', 'none')", name="side"),
        CheckConstraint("mode IN ('active', 'passive', 'none')", name="mode"),
        CheckConstraint("source_type IN ('image/jpeg', 'image/png')", name="source_type"),
        Index("ix_measurement_image_cell", "assessment_id", "code", "side", "mode"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessment.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(80))
    side: Mapped[str] = mapped_column(String(5), default="none")
    mode: Mapped[str] = mapped_column(String(7), default="none")
    kind: Mapped[str] = mapped_column(String(5))
    """'photo' or 'video' (where the still came from; the value's instrument too)."""
    source_type: Mapped[str] = mapped_column(String(20))
    source: Mapped[bytes] = mapped_column(LargeBinary)
    annotated: Mapped[bytes] = mapped_column(LargeBinary)
    """The still with the tool drawn on it, PNG."""
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    byte_size: Mapped[int] = mapped_column(Integer)
    """Bytes of the source and the annotated still together."""
    sha256: Mapped[str] = mapped_column(String(64))
    """Of the source bytes (the audit trail and a signature name the picture by it)."""
    annotated_sha256: Mapped[str] = mapped_column(String(64))
    annotation: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    """domain.image_angles.Annotation.to_json: tool, points, reading choices, calibration."""
    value: Mapped[float | None] = mapped_column(Float, nullable=True)
    """The reading stored into the measurement cell when the still was attached."""
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(200), default="")

    assessment: Mapped[Assessment] = relationship(back_populates="images")


class AssessmentTemplate(Base):
    """A clinic-made assessment layout: which measures, in which order."""

    __tablename__ = "assessment_template"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    measures: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


# The home-program tables, imported here so that every table keeps its place in the metadata
# (the order CREATE TABLE statements run in for a new database), and exported from here.
from mobileathlete_desktop.storage.program_models import (  # noqa: E402
    Exercise,
    HomeProgram,
    ProgramCheckin,
    ProgramCheckinItem,
    ProgramItem,
)


class AuditEvent(Base):
    """Who saw or changed what, when: append-only and hash-chained."""

    __tablename__ = "audit_event"
    # AUTOINCREMENT: an id is never given twice on SQLite, even after the newest rows are
    # cut (plain rowids reuse the largest); migration 0005_audit_anchor rebuilt the table.
    __table_args__ = (Index("ix_audit_event_at", "at"), {"sqlite_autoincrement": True})

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    user_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    username: Mapped[str] = mapped_column(String(80), default="")
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(40), default="")
    entity_id: Mapped[str] = mapped_column(String(80), default="")
    client_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64), default="")
    hash: Mapped[str] = mapped_column(String(64), default="")
    seal: Mapped[str] = mapped_column(String(100), default="", server_default="")
    """`<key id>:<HMAC of hash>` with the key kept outside the database (services.audit_key)."""


# The audit trail is append-only in the database itself, not only by convention: UPDATE and
# DELETE on audit_event abort. The same statements run for a database created from these
# models (the DDL listeners below) and in migration 0002_trust_audit_append_only.
AUDIT_APPEND_ONLY_MESSAGE = "the audit trail is append-only"
AUDIT_TRIGGERS_SQLITE = (
    "CREATE TRIGGER IF NOT EXISTS audit_event_no_update BEFORE UPDATE ON audit_event "
    f"BEGIN SELECT RAISE(ABORT, '{AUDIT_APPEND_ONLY_MESSAGE}'); END",
    "CREATE TRIGGER IF NOT EXISTS audit_event_no_delete BEFORE DELETE ON audit_event "
    f"BEGIN SELECT RAISE(ABORT, '{AUDIT_APPEND_ONLY_MESSAGE}'); END",
)
AUDIT_TRIGGERS_POSTGRESQL = (
    "CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger AS $$ "
    f"BEGIN RAISE EXCEPTION '{AUDIT_APPEND_ONLY_MESSAGE}'; END $$ LANGUAGE plpgsql",
    "DROP TRIGGER IF EXISTS audit_event_append_only ON audit_event",
    "CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event "
    "FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()",
)

for _dialect, _statements in (
    ("sqlite", AUDIT_TRIGGERS_SQLITE),
    ("postgresql", AUDIT_TRIGGERS_POSTGRESQL),
):
    for _statement in _statements:
        event.listen(
            AuditEvent.__table__,
            "after_create",
            DDL(_statement).execute_if(dialect=_dialect),  # type: ignore[no-untyped-call]
        )

__all__ = [
    "AUDIT_APPEND_ONLY_MESSAGE",
    "AUDIT_TRIGGERS_POSTGRESQL",
    "AUDIT_TRIGGERS_SQLITE",
    "NAMING_CONVENTION",
    "Assessment",
    "AssessmentTemplate",
    "AuditEvent",
    "Base",
    "Client",
    "Clinic",
    "Exercise",
    "Finding",
    "HomeProgram",
    "Measurement",
    "MeasurementImage",
    "OutcomeScore",
    "ProgramCheckin",
    "ProgramCheckinItem",
    "ProgramItem",
    "Treatment",
    "User",
    "utcnow",
]

# The client search index's tables and the listeners that keep them in step with Client.
from mobileathlete_desktop.storage import search_index as _search_index  # noqa: E402, F401
