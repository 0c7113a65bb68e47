"""Untrusted strings made safe to print on one line (file names, ids, reasons)."""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, the Unicode line and paragraph separators, and lone surrogates (which
# Python uses for the undecodable bytes of a non-UTF-8 file name and which cannot be printed).
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` with each control character escaped as ``repr`` would ("\\n", "\\x1b"), and a lone
    surrogate from an undecodable file-name byte as that byte ("\\xff"); everything else as it is,
    so applying it twice changes nothing and a name never spans lines."""
    return _UNPRINTABLE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if "\udc80" <= char <= "\udcff":  # os.fsdecode's surrogateescape of byte 0x80-0xff
        return f"\\x{ord(char) - 0xDC00:02x}"
    return repr(char)[1:-1]
