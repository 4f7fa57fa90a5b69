"""client search text: names and chart number folded (no accents, lower case) for search

Revision ID: 0004_client_search_text
Revises: 0003_outcome_labels
Create Date: 2027-01-10 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from mobileathlete_desktop.domain.search_text import client_search_key

revision: str = "0004_client_search_text"
down_revision: str | None = "0003_outcome_labels"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("client", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("search_text", sa.String(length=400), server_default="", nullable=False)
        )
    client = sa.table(
        "client",
        sa.column("id", sa.Integer),
        sa.column("family_name", sa.String),
        sa.column("given_name", sa.String),
        sa.column("chart_number", sa.String),
        sa.column("search_text", sa.String),
    )
    bind = op.get_bind()
    rows = bind.execute(
        sa.select(client.c.id, client.c.family_name, client.c.given_name, client.c.chart_number)
    ).all()
    for row in rows:
        # Only this column changes: the client's version and updated time stay as they were.
        bind.execute(
            client.update()
            .where(client.c.id == row.id)
            .values(
                search_text=client_search_key(row.family_name, row.given_name, row.chart_number)
            )
        )


def downgrade() -> None:
    # Not batch mode: rebuilding the client table would drop a table that assessments
    # reference. SQLite has dropped a column in place since 3.35.
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE client DROP COLUMN search_text")
    else:
        op.drop_column("client", "search_text")
