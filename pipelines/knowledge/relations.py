"""Trigger words for typed relations and cue words for their modality."""

from __future__ import annotations

from functools import lru_cache

from pipelines.knowledge.tables import read_rows


@lru_cache(maxsize=None)
def _triggers(lang: str) -> tuple[tuple[str, str], ...]:
    rows = [(row[0], row[2]) for row in read_rows("relation_triggers.tsv") if row[1] == lang and " " not in row[0]]
    return tuple(sorted(rows, key=lambda item: -len(item[0])))


@lru_cache(maxsize=200_000)
def trigger_relation(word: str, lang: str) -> str | None:
    """The relation a token triggers ("besuchte" -> visits); short stems must match whole words."""
    lower = word.lower()
    for start, relation in _triggers(lang):
        if lower == start or (len(start) > 3 and lower.startswith(start)):
            return relation
    return None


@lru_cache(maxsize=None)
def modality_cues(lang: str) -> dict[str, str]:
    """Cue word -> modality (denied, planned, hypothetical)."""
    return {row[0]: row[2] for row in read_rows("modality_cues.tsv") if row[1] == lang}
