"""check-in reason codes: a check-in's reasons saved as words become codes said when read

Revision ID: 0012_checkin_reason_codes
Revises: 0011_client_search_index
Create Date: 2026-12-02 20:00:00

A program proposed at a check-in saved each drill's reason, and the program's summary, in the
words of the language it was made in ("done 12 of 12 sessions (100 %), pain or difficulty
1/10: moved on to Side-lying leg raise"), so a Spanish window or report read them in English.
They are saved now as a code with its figures (domain.checkin_reasons) and said in the
reader's language. Words recognised as a check-in's (in any shipped language, and only when
the code says them again exactly) are rewritten to their code; any other reason (one a
therapist typed, the recommender's) is kept as it is. Downgrading writes the codes back as
English words. No table changes.
"""

from collections.abc import Callable, Sequence

import sqlalchemy as sa
from alembic import op

from mobileathlete_desktop.domain.checkin_reasons import (
    reason_text,
    stored_reason,
    stored_summary,
    summary_text,
)

revision: str = "0012_checkin_reason_codes"
down_revision: str | None = "0011_client_search_index"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _rewrite(table: str, column: str, change: Callable[[str], str]) -> None:
    bind = op.get_bind()
    rows = sa.table(table, sa.column("id", sa.Integer), sa.column(column, sa.Text))
    found = bind.execute(sa.select(rows.c.id, rows.c[column]).where(rows.c[column] != "")).all()
    for row_id, text in found:
        changed = change(text or "")
        if changed != text:
            bind.execute(rows.update().where(rows.c.id == row_id).values({column: changed}))


def upgrade() -> None:
    _rewrite("program_item", "reason", stored_reason)
    _rewrite("home_program", "summary", stored_summary)


def downgrade() -> None:
    _rewrite("program_item", "reason", lambda text: reason_text(text, "en"))
    _rewrite("home_program", "summary", lambda text: summary_text(text, "en"))
