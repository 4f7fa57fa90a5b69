"""program check-in: at a visit, per drill of a program, sessions done against sessions
prescribed and the pain or difficulty, with the Exercise Adherence Rating Scale

Revision ID: 0010_program_checkin
Revises: 0009_measurement_image
Create Date: 2026-12-02 06:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010_program_checkin"
down_revision: str | None = "0009_measurement_image"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "program_checkin",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("program_id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("assessment_id", sa.Integer(), nullable=True),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("ears", sa.JSON(), nullable=False),
        sa.Column("ears_total", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.CheckConstraint(
            "ears_total IS NULL OR ears_total BETWEEN 0 AND 24",
            name=op.f("ck_program_checkin_ears_total"),
        ),
        sa.ForeignKeyConstraint(
            ["program_id"],
            ["home_program.id"],
            name=op.f("fk_program_checkin_program_id_home_program"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["client.id"],
            name=op.f("fk_program_checkin_client_id_client"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["assessment_id"],
            ["assessment.id"],
            name=op.f("fk_program_checkin_assessment_id_assessment"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_program_checkin")),
    )
    op.create_index(
        "ix_program_checkin_client_date", "program_checkin", ["client_id", "date"], unique=False
    )
    op.create_table(
        "program_checkin_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("checkin_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("exercise_code", sa.String(length=120), nullable=False),
        sa.Column("prescribed", sa.Integer(), nullable=False),
        sa.Column("done", sa.Integer(), nullable=True),
        sa.Column("pain", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "pain IS NULL OR pain BETWEEN 0 AND 10", name=op.f("ck_program_checkin_item_pain")
        ),
        sa.ForeignKeyConstraint(
            ["checkin_id"],
            ["program_checkin.id"],
            name=op.f("fk_program_checkin_item_checkin_id_program_checkin"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_program_checkin_item")),
    )
    op.create_index(
        "ix_program_checkin_item_checkin",
        "program_checkin_item",
        ["checkin_id", "position"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_program_checkin_item_checkin", table_name="program_checkin_item")
    op.drop_table("program_checkin_item")
    op.drop_index("ix_program_checkin_client_date", table_name="program_checkin")
    op.drop_table("program_checkin")
