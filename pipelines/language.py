"""Which language an article is written in (ISO 639-1 codes such as "de")."""

from __future__ import annotations

import re

import py3langid
import pycountry

SAMPLE_CHARS = 2000
"""Only the start of a text is classified: enough for a stable answer, and
fast on long articles."""

UNKNOWN = "xx"
"""The code for a text without letters."""

AUTO = "auto"

RULE_LANGUAGES = ("de", "en")
"""Languages with Entente's own rules; any other ISO 639 code gets the gazetteers and generic rules."""

SUPPORTED = f"{AUTO} (detect per article), {', '.join(RULE_LANGUAGES)}, or another ISO 639-1 code such as fr or es"

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
    """A lower-case ISO 639 code from "de", "DE", "de-DE", "en_US" or "deu"
    (a three-letter code becomes the two-letter one where there is one); None
    for None, "" and "auto".  Raises ValueError, listing what is supported,
    for anything that is no ISO 639 code."""
    if code is None or code.strip().lower() in ("", AUTO):
        return None
    primary = re.split(r"[-_]", code.strip().lower(), maxsplit=1)[0]
    language = _iso_language(primary) if _CODE.fullmatch(primary) else None
    if primary == UNKNOWN:
        return UNKNOWN
    if language is None:
        raise ValueError(f"unknown language code {code!r}: use {SUPPORTED}")
    return str(getattr(language, "alpha_2", primary))


def _iso_language(code: str) -> object | None:
    return pycountry.languages.get(**{"alpha_2" if len(code) == 2 else "alpha_3": code})
