"""This workstation's audit key: 32 random bytes in the user's config folder (`audit-key`,
created 0600 on first use), never in the database, and the seal it puts on every event,
`<key id>:<HMAC-SHA256(key, hash)>`, so an event written or rewritten without the key (even
with the program's own hash function) is found. The head files are sealed with it too
(services.audit_head_file). What this proves, and against whom, is in docs/trust.md ("The
audit trail").
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import logging
import os
import secrets
import tempfile
from dataclasses import dataclass
from pathlib import Path

logger = logging.getLogger(__name__)

ENV_CONFIG = "MOBILEATHLETE_CONFIG_DIR"
KEY_FILE = "audit-key"


def config_dir() -> Path:
    """The user's config folder for the program ($MOBILEATHLETE_CONFIG_DIR overrides it),
    created owner-only on first use."""
    override = os.environ.get(ENV_CONFIG)
    if override:
        path = Path(override)
    else:
        import platformdirs

        path = Path(platformdirs.user_config_dir("MobileAthlete", "MobileAthlete"))
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def audit_key_path() -> Path:
    """Where this workstation's audit key lives."""
    return config_dir() / KEY_FILE


@dataclass(frozen=True)
class AuditKey:
    """The secret that seals events and heads, and its public id (which seal used which key)."""

    secret: bytes
    key_id: str

    def mac(self, message: str) -> str:
        """HMAC-SHA256 of a text, in hex."""
        return hmac.new(self.secret, message.encode(), hashlib.sha256).hexdigest()

    def seal(self, event_hash: str) -> str:
        """An event's seal: this key's id and the MAC of its chain hash."""
        return f"{self.key_id}:{self.mac(event_hash)}"

    def verifies(self, seal: str, event_hash: str) -> bool:
        """Whether `seal` is this key's seal of `event_hash` (constant-time comparison)."""
        return hmac.compare_digest(seal, self.seal(event_hash))


def seal_or_blank(event_hash: str) -> str:
    """The event's seal; "" when the key cannot be read or made (a read-only or damaged
    config folder). The change is still saved: `check` then reports the event as not sealed,
    which is better than a clinic that cannot save at all."""
    try:
        return audit_key().seal(event_hash)
    except OSError as exc:
        logger.warning("audit event not sealed: %s", exc)
        return ""


def _key_id(secret: bytes) -> str:
    return hashlib.sha256(b"mobileathlete audit key id\0" + secret).hexdigest()[:16]


_keys: dict[Path, AuditKey] = {}


def audit_key() -> AuditKey:
    """This workstation's audit key, created (0600, never replaced) the first time it is needed."""
    path = audit_key_path()
    known = _keys.get(path)
    if known is not None and path.exists():
        return known
    if not path.exists():
        _create_key(path)
    try:
        secret = bytes.fromhex(path.read_text(encoding="ascii").strip())
    except (UnicodeDecodeError, ValueError):
        secret = b""
    if len(secret) < 32:
        raise OSError(f"The audit key {path} is damaged")
    key = AuditKey(secret, _key_id(secret))
    _keys[path] = key
    return key


def _create_key(path: Path) -> None:
    """Writes a new key under a temporary name, then links it in place: two programs starting
    at once end with one key (the loser of the link reads the winner's), never a half file."""
    fd, temp = tempfile.mkstemp(prefix=".audit-key.", dir=path.parent)  # 0600
    try:
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(secrets.token_hex(32) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        with contextlib.suppress(FileExistsError):
            os.link(temp, path)
    finally:
        os.unlink(temp)
