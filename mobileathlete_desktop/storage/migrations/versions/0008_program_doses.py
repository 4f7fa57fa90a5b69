"""program doses: distance, time, rest, load, tempo and days a week on a program's drills; a
short code and the weeks until the next visit on a program

Revision ID: 0008_program_doses
Revises: 0007_visit_treatment
Create Date: 2026-12-02 06:30:00

Existing drills keep their frequency text; where it says how many days a week ("3 times a
week", "daily", "2 veces por semana") the number is filled in. Every saved client program
gets a program code (templates get none).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from mobileathlete_desktop.domain.programs import program_code, sessions_from_text

revision: str = "0008_program_doses"
down_revision: str | None = "0007_visit_treatment"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ITEM_COLUMNS = ("distance_m", "duration_s", "rest_s", "load", "tempo", "sessions_per_week")


def upgrade() -> None:
    # Plain ADD COLUMN (no table rebuild): the columns are nullable or have a default, and
    # come in the models' order (a new clinic's table and a migrated one list them alike).
    for name in ("distance_m", "duration_s", "rest_s"):
        op.add_column("program_item", sa.Column(name, sa.Integer(), nullable=True))
    op.add_column(
        "program_item",
        sa.Column("load", sa.String(length=120), server_default="", nullable=False),
    )
    op.add_column(
        "program_item",
        sa.Column("tempo", sa.String(length=40), server_default="", nullable=False),
    )
    op.add_column("program_item", sa.Column("sessions_per_week", sa.Integer(), nullable=True))
    op.add_column("home_program", sa.Column("code", sa.String(length=12), nullable=True))
    op.add_column("home_program", sa.Column("weeks", sa.Integer(), nullable=True))
    op.create_index("ix_home_program_code", "home_program", ["code"], unique=True)

    bind = op.get_bind()
    item = sa.table(
        "program_item",
        sa.column("id", sa.Integer),
        sa.column("frequency", sa.String),
        sa.column("sessions_per_week", sa.Integer),
    )
    for row in bind.execute(sa.select(item.c.id, item.c.frequency)).all():
        days = sessions_from_text(row.frequency or "")
        if days is not None:
            bind.execute(item.update().where(item.c.id == row.id).values(sessions_per_week=days))
    program = sa.table(
        "home_program",
        sa.column("id", sa.Integer),
        sa.column("is_template", sa.Boolean),
        sa.column("code", sa.String),
    )
    for row in bind.execute(sa.select(program.c.id).where(program.c.is_template.is_(False))).all():
        bind.execute(
            program.update().where(program.c.id == row.id).values(code=program_code(row.id))
        )


def downgrade() -> None:
    op.drop_index("ix_home_program_code", table_name="home_program")
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table, names in (("home_program", ("code", "weeks")), ("program_item", ITEM_COLUMNS)):
        for name in names:
            if sqlite:  # in place (SQLite 3.35+): a rebuild would drop referencing tables
                op.execute(f'ALTER TABLE {table} DROP COLUMN "{name}"')
            else:
                op.drop_column(table, name)
