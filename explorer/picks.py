"""Short option lists for the explorer's pickers: the few entities or articles matching what was typed.

A select box with thousands of options is sent to the browser and re-rendered on every rerun (the
focus box alone held 5,000 entities on the synthetic store).  The pickers offer these few instead:
the current choice first, then the best matches of the typed text, then (with no text) the most
mentioned entities or the newest articles.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache

from explorer.data import Snapshot
from explorer.search import fold, match_rank, matching_ids, search_keys

LIMIT = 30  # options a picker offers besides the current choice


def entity_choices(snapshot: Snapshot, text: str, keep: Iterable[str] = (), limit: int = LIMIT) -> list[str]:
    """Entity ids: ``keep`` (those still in the snapshot), then up to ``limit`` entities whose names
    contain the folded ``text``, best first (exact name, prefix, word prefix, anywhere; then more
    mentions, then label); with no text, the ``limit`` most mentioned."""
    entities = snapshot.entities
    query = fold(text)
    if query:
        keys = search_keys(snapshot)
        found = entities.loc[matching_ids(snapshot, text), ["label", "mentions"]]
        ranks = [match_rank(keys[i], query) for i in found.index]
        found = found.assign(rank=ranks, folded=[fold(label) for label in found["label"]])
        found = found.sort_values(["rank", "mentions", "folded"], ascending=[True, False, True])
    else:
        found = entities.sort_values(["mentions", "id"], ascending=[False, True])
    kept = [i for i in keep if i and i in entities.index]
    return _first(kept, found.index, limit)


def title_choices(titles: Mapping[str, str], text: str, keep: Iterable[str] = (), limit: int = LIMIT) -> list[str]:
    """Article ids (``titles``: id -> title, in the order to offer): ``keep`` (those in ``titles``),
    then up to ``limit`` whose title contains the folded ``text`` (with no text: the first ones)."""
    query = fold(text)
    found = (i for i, title in titles.items() if query in _folded(title)) if query else iter(titles)
    return _first([i for i in keep if i in titles], found, limit)


@lru_cache(maxsize=16384)
def _folded(title: str) -> str:
    """``fold(title)``, remembered: a typed text stays in its box, and every rerun filters again."""
    return fold(title)


def _first(kept: list[str], found: Iterable[str], limit: int) -> list[str]:
    """``kept``, then the first ``limit`` of ``found`` not already kept."""
    chosen = dict.fromkeys(kept)
    taken = 0
    for item in found:
        if taken == limit:
            break
        if item not in chosen:
            chosen[item] = None
            taken += 1
    return list(chosen)
