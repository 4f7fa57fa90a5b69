"""The home-program tables: the clinic's own drills, the programs given to clients (and the
templates they start from), and their check-ins at the next visit."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mobileathlete_desktop.storage.base import Base, utcnow


class Exercise(Base):
    """A clinic-made drill, or a clinic's own image for a built-in drill (the library is a file)."""

    __tablename__ = "exercise"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(120), unique=True)
    builtin: Mapped[bool] = mapped_column(Boolean, default=False)
    definition: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    image: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    image_name: Mapped[str] = mapped_column(String(200), default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class HomeProgram(Base):
    """Drills given to a client on a date (or, with no client, a reusable template)."""

    __tablename__ = "home_program"
    __table_args__ = (
        Index("ix_home_program_client_date", "client_id", "date"),
        Index("ix_home_program_code", "code", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int | None] = mapped_column(
        ForeignKey("client.id", ondelete="RESTRICT"), nullable=True
    )
    assessment_id: Mapped[int | None] = mapped_column(ForeignKey("assessment.id"), nullable=True)
    date: Mapped[date | None] = mapped_column(Date, nullable=True)
    title: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    therapist_name: Mapped[str] = mapped_column(String(200), default="")
    is_template: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)
    code: Mapped[str | None] = mapped_column(String(12), nullable=True)
    """Short code printed on the handout with its QR code (domain.programs); None on templates."""
    weeks: Mapped[int | None] = mapped_column(Integer, nullable=True)
    """Weeks until the next visit (the handout's tracker); None: the default."""

    items: Mapped[list[ProgramItem]] = relationship(
        back_populates="program", cascade="all, delete-orphan", order_by="ProgramItem.position"
    )

    __mapper_args__ = {"version_id_col": version}


class ProgramItem(Base):
    """One drill in a home program, with its dosage, in order."""

    __tablename__ = "program_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    program_id: Mapped[int] = mapped_column(ForeignKey("home_program.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    exercise_code: Mapped[str] = mapped_column(String(120))
    sets: Mapped[int | None] = mapped_column(Integer, nullable=True)
    reps: Mapped[int | None] = mapped_column(Integer, nullable=True)
    hold_s: Mapped[int | None] = mapped_column(Integer, nullable=True)
    per_side: Mapped[bool] = mapped_column(Boolean, default=False)
    frequency: Mapped[str] = mapped_column(String(120), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    distance_m: Mapped[int | None] = mapped_column(Integer, nullable=True)
    duration_s: Mapped[int | None] = mapped_column(Integer, nullable=True)
    rest_s: Mapped[int | None] = mapped_column(Integer, nullable=True)
    load: Mapped[str] = mapped_column(String(120), default="", server_default="")
    tempo: Mapped[str] = mapped_column(String(40), default="", server_default="")
    sessions_per_week: Mapped[int | None] = mapped_column(Integer, nullable=True)

    program: Mapped[HomeProgram] = relationship(back_populates="items")


class ProgramCheckin(Base):
    """A program checked in at a visit (the client's report): sessions done per drill, pain or
    difficulty, and the EARS (domain.checkins)."""

    __tablename__ = "program_checkin"
    __table_args__ = (
        CheckConstraint("ears_total IS NULL OR ears_total BETWEEN 0 AND 24", name="ears_total"),
        Index("ix_program_checkin_client_date", "client_id", "date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    program_id: Mapped[int] = mapped_column(ForeignKey("home_program.id", ondelete="RESTRICT"))
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="RESTRICT"))
    assessment_id: Mapped[int | None] = mapped_column(ForeignKey("assessment.id"), nullable=True)
    date: Mapped[date] = mapped_column(Date)
    ears: Mapped[list[Any]] = mapped_column(JSON, default=list)
    """The 6 EARS item scores (0-4, or null), or [] when not asked."""
    ears_total: Mapped[int | None] = mapped_column(Integer, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(200), default="")

    items: Mapped[list[ProgramCheckinItem]] = relationship(
        back_populates="checkin",
        cascade="all, delete-orphan",
        order_by="ProgramCheckinItem.position",
    )


class ProgramCheckinItem(Base):
    """One drill of a check-in: sessions prescribed and done, and the pain or difficulty."""

    __tablename__ = "program_checkin_item"
    __table_args__ = (
        CheckConstraint("pain IS NULL OR pain BETWEEN 0 AND 10", name="pain"),
        Index("ix_program_checkin_item_checkin", "checkin_id", "position"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    checkin_id: Mapped[int] = mapped_column(ForeignKey("program_checkin.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    exercise_code: Mapped[str] = mapped_column(String(120))
    prescribed: Mapped[int] = mapped_column(Integer)
    done: Mapped[int | None] = mapped_column(Integer, nullable=True)
    pain: Mapped[int | None] = mapped_column(Integer, nullable=True)

    checkin: Mapped[ProgramCheckin] = relationship(back_populates="items")
