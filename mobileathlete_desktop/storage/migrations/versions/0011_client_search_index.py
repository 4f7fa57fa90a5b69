"""client search index: each word's suffixes and the clients holding each short text, and
the list's orders, so that a search keystroke reads an index instead of every client

Revision ID: 0011_client_search_index
Revises: 0010_program_checkin
Create Date: 2026-12-02 09:00:00
"""

from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import Any

import sqlalchemy as sa
from alembic import op

from mobileathlete_desktop.storage.search_index import index_rows

revision: str = "0011_client_search_index"
down_revision: str | None = "0010_program_checkin"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The list's orders (as storage/search_index.py declares them, written out here: a migration
# does not change when the models do).
ORDERS_SQLITE = [
    'CREATE INDEX ix_client_name_order ON client (archived, family_name COLLATE "NOCASE", '
    'given_name COLLATE "NOCASE", id, search_text, date_of_birth)',
    'CREATE INDEX ix_client_chart_order ON client (archived, chart_number COLLATE "NOCASE", id, '
    "search_text, date_of_birth)",
]
ORDERS_POSTGRESQL = [
    "CREATE INDEX ix_client_name_order ON client "
    "(archived, lower(family_name), lower(given_name), id) INCLUDE (search_text, date_of_birth)",
    "CREATE INDEX ix_client_chart_order ON client "
    "(archived, lower(chart_number), id) INCLUDE (search_text, date_of_birth)",
]
ORDERS = ("ix_client_name_order", "ix_client_chart_order", "ix_client_born_order")


def _batches(rows: Iterable[dict[str, Any]], size: int = 20_000) -> Iterator[list[dict[str, Any]]]:
    it = iter(rows)
    while batch := list(islice(it, size)):
        yield batch


def upgrade() -> None:
    fragment = op.create_table(
        "client_search_fragment",
        sa.Column("kind", sa.String(length=1), nullable=False),
        sa.Column("fragment", sa.String(length=40), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["client.id"],
            name=op.f("fk_client_search_fragment_client_id_client"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "kind", "fragment", "client_id", name=op.f("pk_client_search_fragment")
        ),
        sqlite_with_rowid=False,
    )
    op.create_index(
        op.f("ix_client_search_fragment_client_id"),
        "client_search_fragment",
        ["client_id"],
        unique=False,
    )
    count = op.create_table(
        "client_search_count",
        sa.Column("kind", sa.String(length=1), nullable=False),
        sa.Column("text", sa.String(length=8), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("clients", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("kind", "text", "archived", name=op.f("pk_client_search_count")),
        sqlite_with_rowid=False,
    )
    sqlite = op.get_bind().dialect.name == "sqlite"
    for statement in ORDERS_SQLITE if sqlite else ORDERS_POSTGRESQL:
        op.execute(statement)
    op.create_index(
        "ix_client_born_order", "client", ["archived", "date_of_birth", "id", "search_text"]
    )
    client = sa.table(
        "client",
        sa.column("id", sa.Integer),
        sa.column("family_name", sa.String),
        sa.column("given_name", sa.String),
        sa.column("chart_number", sa.String),
        sa.column("date_of_birth", sa.Date),
        sa.column("archived", sa.Boolean),
    )
    bind = op.get_bind()
    clients = bind.execute(
        sa.select(
            client.c.id,
            client.c.family_name,
            client.c.given_name,
            client.c.chart_number,
            client.c.date_of_birth,
            client.c.archived,
        ).order_by(client.c.id)
    ).all()
    fragments, counts = index_rows(tuple(row) for row in clients)
    for batch in _batches(fragments):
        bind.execute(fragment.insert(), batch)
    for batch in _batches(counts):
        bind.execute(count.insert(), batch)


def downgrade() -> None:
    for name in ORDERS:
        op.drop_index(name, table_name="client")
    op.drop_table("client_search_count")
    op.drop_index(op.f("ix_client_search_fragment_client_id"), table_name="client_search_fragment")
    op.drop_table("client_search_fragment")
