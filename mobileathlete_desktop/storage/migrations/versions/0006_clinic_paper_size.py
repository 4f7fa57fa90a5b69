"""clinic paper size: reports and handouts print on A4 or US Letter, as the clinic chooses

Revision ID: 0006_clinic_paper_size
Revises: 0005_audit_anchor
Create Date: 2026-12-02 06:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_clinic_paper_size"
down_revision: str | None = "0005_audit_anchor"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("clinic", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("paper_size", sa.String(length=10), server_default="A4", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("clinic", schema=None) as batch_op:
        batch_op.drop_column("paper_size")
