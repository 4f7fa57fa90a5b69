"""audit anchor: a seal on every audit event, and ids never reused (SQLite AUTOINCREMENT)

Revision ID: 0005_audit_anchor
Revises: 0004_client_search_text
Create Date: 2026-12-02 04:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_audit_anchor"
down_revision: str | None = "0004_client_search_text"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copy of storage.models.AUDIT_TRIGGERS_SQLITE: rebuilding the table drops its
# triggers, which are put back as migration 0002 made them.
MESSAGE = "the audit trail is append-only"
SQLITE_TRIGGERS = (
    "CREATE TRIGGER IF NOT EXISTS audit_event_no_update BEFORE UPDATE ON audit_event "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
    "CREATE TRIGGER IF NOT EXISTS audit_event_no_delete BEFORE DELETE ON audit_event "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
)


def _seal() -> sa.Column[str]:
    return sa.Column("seal", sa.String(length=100), server_default="", nullable=False)


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        # A server's sequence never gives an id twice; only the seal is new.
        op.add_column("audit_event", _seal())
        return
    # Rebuilt (batch mode) as an AUTOINCREMENT table: SQLite then keeps the largest id ever
    # given in sqlite_sequence, so a cut tail's ids are not handed out again. Copying the
    # rows with their ids sets that counter to the current largest.
    with op.batch_alter_table(
        "audit_event", recreate="always", table_kwargs={"sqlite_autoincrement": True}
    ) as batch_op:
        batch_op.add_column(_seal())
    for statement in SQLITE_TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        op.drop_column("audit_event", "seal")
        return
    op.execute("DROP TRIGGER IF EXISTS audit_event_no_update")
    op.execute("DROP TRIGGER IF EXISTS audit_event_no_delete")
    with op.batch_alter_table(
        "audit_event", recreate="always", table_kwargs={"sqlite_autoincrement": False}
    ) as batch_op:
        batch_op.drop_column("seal")
    for statement in SQLITE_TRIGGERS:
        op.execute(statement)
