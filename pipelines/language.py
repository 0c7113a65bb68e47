"""Which language an article is written in (ISO 639-1 codes such as "de")."""

from __future__ import annotations

import re

import py3langid

SAMPLE_CHARS = 2000
"""Only the start of a text is classified: enough for a stable answer, and
fast on long articles."""

UNKNOWN = "xx"
"""The code for a text without letters."""

AUTO = "auto"

_CODE = re.compile(r"[a-z]{2,3}")


def detect_language(text: str, hint: str | None = None) -> str:
    """The language of ``text``.

    A ``hint`` other than None, "" or "auto" wins and is only normalised
    ("de-DE" -> "de"); otherwise py3langid classifies the first
    ``SAMPLE_CHARS`` characters.  Raises ValueError for a hint that is no
    language code.
    """
    code = normalize_code(hint)
    if code:
        return code
    sample = text[:SAMPLE_CHARS]
    if not any(char.isalpha() for char in sample):
        return UNKNOWN
    language, _score = py3langid.classify(sample)
    return str(language)


def normalize_code(code: str | None) -> str | None:
    """A lower-case ISO 639 code from "de", "DE", "de-DE" or "en_US"; None
    for None, "" and "auto".  Raises ValueError for anything else."""
    if code is None or code.strip().lower() in ("", AUTO):
        return None
    primary = re.split(r"[-_]", code.strip().lower(), maxsplit=1)[0]
    if not _CODE.fullmatch(primary):
        raise ValueError(f"unknown language code {code!r}: use an ISO 639-1 code such as de or en, or auto")
    return primary
