"""measurement image: the still a value was measured on (source picture and annotated PNG,
with the points drawn), kept in the clinic database with its assessment

Revision ID: 0009_measurement_image
Revises: 0008_program_doses
Create Date: 2026-12-02 07:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_measurement_image"
down_revision: str | None = "0008_program_doses"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "measurement_image",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=80), nullable=False),
        sa.Column("side", sa.String(length=5), nullable=False),
        sa.Column("mode", sa.String(length=7), nullable=False),
        sa.Column("kind", sa.String(length=5), nullable=False),
        sa.Column("source_type", sa.String(length=20), nullable=False),
        sa.Column("source", sa.LargeBinary(), nullable=False),
        sa.Column("annotated", sa.LargeBinary(), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("byte_size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("annotated_sha256", sa.String(length=64), nullable=False),
        sa.Column("annotation", sa.JSON(), nullable=False),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.CheckConstraint("kind IN ('photo', 'video')", name=op.f("ck_measurement_image_kind")),
        sa.CheckConstraint(
            "side IN ('left', 'right', 'none')", name=op.f("ck_measurement_image_side")
        ),
        sa.CheckConstraint(
            "mode IN ('active', 'passive', 'none')", name=op.f("ck_measurement_image_mode")
        ),
        sa.CheckConstraint(
            "source_type IN ('image/jpeg', 'image/png')",
            name=op.f("ck_measurement_image_source_type"),
        ),
        sa.ForeignKeyConstraint(
            ["assessment_id"],
            ["assessment.id"],
            name=op.f("fk_measurement_image_assessment_id_assessment"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_measurement_image")),
    )
    op.create_index(
        "ix_measurement_image_cell",
        "measurement_image",
        ["assessment_id", "code", "side", "mode"],
    )


def downgrade() -> None:
    op.drop_index("ix_measurement_image_cell", table_name="measurement_image")
    op.drop_table("measurement_image")
