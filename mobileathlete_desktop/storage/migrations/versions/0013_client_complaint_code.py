"""client complaint code: the presenting complaint coded beside its free text

A client's complaint was free text only, so it never steered the home program. The coded
complaint (domain.records.COMPLAINT_CODES) is a column of its own; every existing client
gets "" (not coded), which leaves their program exactly as the findings choose it.

Revision ID: 0013_client_complaint_code
Revises: 0012_checkin_reason_codes
Create Date: 2026-12-03 04:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013_client_complaint_code"
down_revision: str | None = "0012_checkin_reason_codes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("client", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("complaint_code", sa.String(length=40), server_default="", nullable=False)
        )


def downgrade() -> None:
    # Not batch mode: rebuilding the client table would drop a table that assessments
    # reference. SQLite has dropped a column in place since 3.35.
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE client DROP COLUMN complaint_code")
    else:
        op.drop_column("client", "complaint_code")
