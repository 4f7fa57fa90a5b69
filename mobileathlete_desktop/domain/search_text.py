"""Names folded for search: lower case and without accents ("Nicolás" → "nicolas")."""

from __future__ import annotations

import unicodedata

# Letters Unicode does not split into a base letter and an accent.
UNDECOMPOSED = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "ħ": "h", "ı": "i", "ß": "ss"})
# Between the fields of a client's search key; nobody types it, so no word spans two fields.
SEPARATOR = "\x1f"


def fold(text: str) -> str:
    """The text in lower case without accents, as stored and as searched for."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.translate(UNDECOMPOSED)


def client_search_key(family_name: str, given_name: str, chart_number: str) -> str:
    """What a client search matches: family name, given name and chart number, folded."""
    return SEPARATOR.join(fold(part) for part in (family_name, given_name, chart_number))
