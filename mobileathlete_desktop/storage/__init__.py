"""Persistence: SQLAlchemy models, database opening, Alembic migrations and backups (no Qt)."""
