"""visit treatment: what the clinic did in a visit (mobilisation, soft tissue, neuromuscular
re-education, cues), one row a treatment in the order recorded

Revision ID: 0007_visit_treatment
Revises: 0006_clinic_paper_size
Create Date: 2026-12-02 07:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_visit_treatment"
down_revision: str | None = "0006_clinic_paper_size"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "treatment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("site", sa.String(length=120), nullable=False),
        sa.Column("method", sa.String(length=120), nullable=False),
        sa.Column("grade", sa.Integer(), nullable=True),
        sa.Column("side", sa.String(length=5), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "kind IN ('mobilisation', 'soft_tissue', 'neuromuscular', 'cue', 'other')",
            name=op.f("ck_treatment_kind"),
        ),
        sa.CheckConstraint(
            "side IN ('left', 'right', 'both', 'none')", name=op.f("ck_treatment_side")
        ),
        sa.CheckConstraint(
            "grade IS NULL OR (kind = 'mobilisation' AND grade BETWEEN 1 AND 5)",
            name=op.f("ck_treatment_grade"),
        ),
        sa.CheckConstraint(
            "minutes IS NULL OR minutes BETWEEN 0 AND 120", name=op.f("ck_treatment_minutes")
        ),
        sa.ForeignKeyConstraint(
            ["assessment_id"],
            ["assessment.id"],
            name=op.f("fk_treatment_assessment_id_assessment"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_treatment")),
    )
    op.create_index("ix_treatment_assessment", "treatment", ["assessment_id", "position"])


def downgrade() -> None:
    op.drop_index("ix_treatment_assessment", table_name="treatment")
    op.drop_table("treatment")
