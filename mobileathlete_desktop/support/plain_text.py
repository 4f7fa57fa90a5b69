"""Text without control characters: for names as they are stored, and for the terminal.

A control character in a name (an escape sequence pasted from somewhere, a bell, a
right-to-left override that makes a name read backwards) is never wanted in a record and
must never reach a terminal raw, where it could move the cursor, retitle the window or hide
the lines before it.
"""

from __future__ import annotations

import re
import unicodedata

# Bidirectional overrides and isolates: they reorder the text shown after them.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_WHITESPACE_CONTROLS = frozenset("\t\n\r\v\f\x1c\x1d\x1e\x1f\x85\u2028\u2029")


def is_control(char: str) -> bool:
    """C0/C1 controls (category Cc), line/paragraph separators, and bidi overrides."""
    return (
        unicodedata.category(char) in ("Cc", "Zl", "Zp")
        or char in _BIDI_CONTROLS
        or char in _WHITESPACE_CONTROLS
    )


def one_line(text: str) -> str:
    """The text on one line: line breaks and tabs become spaces, other control characters
    go, runs of spaces become one, and the ends are trimmed."""
    out = []
    for char in text:
        if char in _WHITESPACE_CONTROLS:
            out.append(" ")
        elif not is_control(char):
            out.append(char)
    return re.sub(r" {2,}", " ", "".join(out)).strip()


def terminal_safe(text: str, *, keep_newlines: bool = False) -> str:
    """The text as it may be printed: each control character shown as a visible escape
    (`\\u001b`, `\\u202e`, also valid inside a JSON string) instead of acting on the
    terminal; tabs and (when asked) line breaks kept."""
    out = []
    for char in text:
        if char == "\t" or (keep_newlines and char == "\n"):
            out.append(char)
        elif is_control(char):
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return "".join(out)
