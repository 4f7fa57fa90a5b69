"""Why a database cannot be used: the exception types every storage module shares."""

from __future__ import annotations


class DatabaseError(Exception):
    """The database cannot be used; the message says what and where, in one line."""


class DatabaseNewerError(DatabaseError):
    """The database was written by a newer version of the program."""


class DatabaseDamagedError(DatabaseError):
    """The database file is not a database, or fails its integrity check."""
