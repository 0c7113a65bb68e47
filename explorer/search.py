"""Name search: case- and diacritics-insensitive matching over entity labels and aliases.

"putin" finds "Wladimir Putin", "to lam" finds "Tô Lâm", "erdogan" finds
"Recep Tayyip Erdoğan"; a country is also found by its ISO code ("vn").
The folded names of a snapshot are computed once and kept as long as the
snapshot lives.
"""

from __future__ import annotations

import re
import unicodedata
import weakref
from collections.abc import Iterable

import pandas as pd

from explorer.data import Snapshot

# Letters that Unicode does not decompose into a base letter and a combining mark.
_SPECIAL = str.maketrans({"đ": "d", "ð": "d", "ø": "o", "ł": "l", "æ": "ae", "œ": "oe", "ı": "i", "þ": "th"})
_SEPARATOR = re.compile(r"[\s\-–'’.(/]")
_KEYS: weakref.WeakKeyDictionary[Snapshot, pd.Series] = weakref.WeakKeyDictionary()

EXACT, PREFIX, WORD_PREFIX, SUBSTRING = range(4)


def fold(text: str) -> str:
    """Lower-case text without diacritics: "Tô Lâm" -> "to lam", "Straße" -> "strasse"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_SPECIAL))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).strip()


def search_keys(snapshot: Snapshot) -> pd.Series:
    """Per entity id: its folded names (label, aliases, a country's code), one per line."""
    keys = _KEYS.get(snapshot)
    if keys is None:
        keys = pd.Series([_key(row) for row in _name_rows(snapshot)], index=snapshot.entities.index, dtype="str")
        _KEYS[snapshot] = keys
    return keys


def matching_ids(snapshot: Snapshot, text: str) -> pd.Index:
    """Ids of the entities with a name containing the folded text (empty text: none)."""
    query = fold(text)
    if not query:
        return pd.Index([], dtype="str")
    keys = search_keys(snapshot)
    return keys.index[keys.str.contains(query, regex=False).to_numpy(dtype=bool)]


def match_rank(names: str, query: str) -> int:
    """How well folded names (one per line) match a folded query: EXACT < PREFIX < WORD_PREFIX < SUBSTRING."""
    lines = names.split("\n")
    if query in lines:
        return EXACT
    if any(line.startswith(query) for line in lines):
        return PREFIX
    if any(line.startswith(query, sep.end()) for line in lines for sep in _SEPARATOR.finditer(line)):
        return WORD_PREFIX
    return SUBSTRING


def _name_rows(snapshot: Snapshot) -> Iterable[tuple[str, str, list[str]]]:
    entities = snapshot.entities
    return zip(entities["id"], entities["label"], entities["aliases"], strict=False)


def _key(row: tuple[str, str, list[str]]) -> str:
    entity_id, label, aliases = row
    names = [label, *aliases]
    if entity_id.startswith("country:"):
        names.append(entity_id.partition(":")[2])
    return "\n".join(dict.fromkeys(fold(name) for name in names))
