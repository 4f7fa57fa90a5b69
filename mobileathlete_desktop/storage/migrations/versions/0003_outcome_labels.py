"""outcome labels: the names of a questionnaire's client-chosen items (PSFS activities)

Revision ID: 0003_outcome_labels
Revises: 0002_trust
Create Date: 2026-12-01 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_outcome_labels"
down_revision: str | None = "0002_trust"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("outcome_score", schema=None) as batch_op:
        batch_op.add_column(sa.Column("labels", sa.JSON(), server_default="[]", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("outcome_score", schema=None) as batch_op:
        batch_op.drop_column("labels")
