"""Alembic environment: runs migrations on the program's own engine, in batch mode for SQLite."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine, create_engine

from mobileathlete_desktop.storage.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    """Runs migrations on the engine the program opened (or one made from the URL)."""
    engine: Engine = config.attributes.get("engine") or create_engine(
        config.get_main_option("sqlalchemy.url") or ""
    )
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


run_migrations_online()
