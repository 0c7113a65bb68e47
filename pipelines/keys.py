"""Identifiers: slugs, entity ids, content hashes and cross-language name keys."""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from slugify import slugify

# Spelling differences between German and English transliterations of the
# same (mostly Slavic and Korean) names: Wladimir/Vladimir, Uschakow/Ushakov,
# Jong-un/Jong Un.  Applied to ASCII-folded lower-case text, in order.
_TRANSLIT = (
    ("tsch", "ch"),
    ("sch", "sh"),
    ("ph", "f"),
    ("w", "v"),
    ("j", "y"),
    ("ck", "k"),
    ("c", "k"),
    ("z", "s"),
    ("ow", "ov"),
)


@lru_cache(maxsize=100_000)  # names repeat across articles; slugify is slow
def slug(text: str) -> str:
    """ASCII slug used in ids: "Kim Jong-un" -> "kim-jong-un"."""
    return slugify(text, lowercase=True, replacements=[["ß", "ss"]]) or "x"


def entity_id(entity_type: str, label: str) -> str:
    """The id of a non-country entity: ``<type>:<slug of label>``."""
    return f"{entity_type}:{slug(label)}"


def content_hash(text: str) -> str:
    """A stable hash of the cleaned text: tells an unchanged document and copies of the same text
    (lone surrogates, which UTF-8 cannot encode, are hashed as they are)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@lru_cache(maxsize=100_000)
def name_key(label: str) -> str:
    """A key equal for spellings of one name across languages.

    "Wladimir Putin" and "Vladimir Putin" share a key, as do "Juri Uschakow"
    and "Yuri Ushakov"; distinct names keep distinct keys.
    """
    key = slug(label).replace("-", " ")
    for old, new in _TRANSLIT:
        key = key.replace(old, new)
    key = re.sub(r"(.)\1+", r"\1", key)  # double letters: "Annalena"/"Anallena"
    key = re.sub(r"(?<=[a-z])(ie|iy|yi)(?=[a-z]|\b)", "i", key)
    return re.sub(r"\s+", " ", key).strip()
