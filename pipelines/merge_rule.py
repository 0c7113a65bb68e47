"""When the store may merge two entities whose names share a ``name_key``.

``name_key`` folds transliteration variants together ("Wladimir"/"Vladimir",
"Jong-un"/"Jong Un") and so also folds some different names: doubled letters
(Samara/Samarra, Haarlem/Harlem, Budapest XI/XIII) and "yi" (Nanjing/Nanning).
Gazetteer entries are known to be different things, so:

- two gazetteer entries with different ids are never merged;
- a gazetteer entry and a name found by rule are merged only when their names
  are equal after normalisation (``slug``: case, accents, punctuation), never
  by the lossy folding alone;
- two names found by rule merge by ``name_key`` (the cross-language spellings).
"""

from __future__ import annotations

from functools import lru_cache

from pipelines.keys import slug
from pipelines.knowledge.organizations import organization_names
from pipelines.knowledge.places import place_names


@lru_cache(maxsize=1)
def gazetteer_ids() -> frozenset[str]:
    """The ids of every place and organisation the gazetteer knows (loaded on first use)."""
    places = {place.id for place in place_names().values()}
    organizations = {org.id for lang in ("", "de", "en") for org in organization_names(lang).values()}
    return frozenset(places | organizations)


def may_merge(new_id: str, new_label: str, old_id: str, old_name: str) -> bool:
    """May the extracted entity ``new_id`` named ``new_label`` join the stored ``old_id``, found under
    its name ``old_name`` (a label or alias with the same ``name_key``)?"""
    if new_id == old_id:
        return True
    known = gazetteer_ids()
    new_known, old_known = new_id in known, old_id in known
    if new_known and old_known:
        return False
    if new_known or old_known:
        return slug(new_label) == slug(old_name)
    return True
