"""Encryption at rest (optional `[encryption]` extra): SQLCipher copies and URLs."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from mobileathlete_desktop.storage.backup import BackupError, _cipher_error, _connect
from mobileathlete_desktop.support.files import atomic_path

ENV_DB_KEY = "MOBILEATHLETE_DB_KEY"
MIN_KEY = 12


class EncryptionUnavailable(BackupError):
    """SQLCipher is not installed (pip install 'mobileathlete-desktop[encryption]')."""


def available() -> bool:
    """Whether the SQLCipher driver is installed."""
    try:
        import sqlcipher3  # noqa: F401
    except ImportError:
        return False
    return True


def encrypted_url(path: Path, key: str) -> str:
    """The SQLAlchemy URL of an encrypted clinic file (SQLCipher derives the page key from
    this passphrase with PBKDF2-HMAC-SHA512 and the file's own salt)."""
    return f"sqlite+pysqlcipher://:{quote(key, safe='')}@/{path.resolve()}"


def encrypted_copy(source: Path, destination: Path, key: str) -> Path:
    """Writes an encrypted copy of a plain clinic database, verified with the key, atomically."""
    if not available():
        raise EncryptionUnavailable(
            "Encryption needs SQLCipher: pip install 'mobileathlete-desktop[encryption]'"
        )
    if len(key) < MIN_KEY:
        raise BackupError(f"The database key must be at least {MIN_KEY} characters")
    if destination.exists():
        raise BackupError(f"{destination} already exists; choose another name")
    destination.parent.mkdir(parents=True, exist_ok=True)
    try:
        import sqlcipher3

        with atomic_path(destination) as partial:
            # SQLCipher with no key reads the plain file; sqlcipher_export writes every table,
            # index and trigger into the attached, keyed file.
            plain = sqlcipher3.connect(f"file:{source}?mode=ro", uri=True)
            try:
                plain.execute(
                    f"ATTACH DATABASE {_literal(str(partial))} AS encrypted KEY {_literal(key)}"
                )
                plain.execute("SELECT sqlcipher_export('encrypted')")
                plain.execute("DETACH DATABASE encrypted")
            finally:
                plain.close()
            check = _connect(str(partial), key)
            try:
                result = check.execute("PRAGMA integrity_check").fetchone()
            finally:
                check.close()
            if not result or result[0] != "ok":
                raise BackupError("The encrypted copy failed its integrity check")
    except _cipher_error() as exc:
        raise BackupError(f"Encrypted copy to {destination} failed: {exc}") from exc
    return destination


def _literal(text: str) -> str:
    """A SQL string literal (ATTACH takes no bound parameter for KEY)."""
    return "'" + text.replace("'", "''") + "'"
