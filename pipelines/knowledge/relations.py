"""Trigger words for typed relations and cue words for their modality."""

from __future__ import annotations

from functools import cache, lru_cache

from pipelines.knowledge.affixes import Affixes
from pipelines.knowledge.tables import cell, read_rows


@cache
def _triggers(lang: str) -> tuple[tuple[str, str, bool], ...]:
    """(word start, relation, whole word only), longest first."""
    rows = [
        (row[0], row[2], len(row[0]) <= 3 or cell(row, 3) == "word")
        for row in read_rows("relation_triggers.tsv") if row[1] == lang and " " not in row[0]
    ]
    return tuple(sorted(rows, key=lambda item: -len(item[0])))


@lru_cache(maxsize=200_000)
def trigger_relation(word: str, lang: str) -> str | None:
    """The relation a token triggers ("besuchte" -> visits); short stems and words marked ``word``
    ("laut", not "lauter") must match whole words."""
    found = _trigger_index(lang).first((word.lower(),), lambda lower, start, entry: lower == start or not entry[1])
    return None if found is None else found[2][0]


@cache
def _trigger_index(lang: str) -> Affixes[tuple[str, bool]]:
    """``_triggers`` indexed by word start: start -> (relation, whole word only)."""
    return Affixes(((start, (relation, whole)) for start, relation, whole in _triggers(lang)), "start")


@cache
def modality_cues(lang: str) -> dict[str, str]:
    """Cue word -> modality (denied, planned, hypothetical)."""
    return {row[0]: row[2] for row in read_rows("modality_cues.tsv") if row[1] == lang}


@cache
def _office_cues(lang: str) -> tuple[tuple[str, str], ...]:
    rows = read_rows("modality_cues.tsv")
    return tuple((row[0], row[2]) for row in rows if row[1] == lang and row[2] in ("former", "planned"))


@lru_cache(maxsize=100_000)
def office_modality(word: str, lang: str) -> str | None:
    """``former`` or ``planned`` when ``word`` dates the office it stands before ("ehemaligen",
    "designate"); German forms match by their start."""
    lower = word.lower()
    for cue, modality in _office_cues(lang):
        if lower == cue or (lang == "de" and len(cue) > 4 and lower.startswith(cue)):
            return modality
    return None
