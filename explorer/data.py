"""A read-only snapshot of the store as pandas frames, loaded once and cached by the app.

``load_snapshot`` reads everything with a handful of bulk queries (no
per-entity queries) and keeps only what filtering needs: document metadata,
entities with their counts, mention counts per entity and document, and one
row per relation sentence.  Sentence *text* stays in the store: fetch it
with ``sentence_text`` when a path or an edge is shown.

Measured on this 2-core machine (synthetic stores from ``bench.synthetic``):
5,000 entities / 50,000 relation sentences / 150,000 mentions load in
0.7 s; 50,000 entities / 50,000 relation sentences / 1,000,000 mentions in
about 3 s, most of it SQLite handing over 800,000 (entity, document) rows.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from explorer.text import iso_day, plain
from pipelines.store import Store

DOCUMENT_COLUMNS = ("id", "key", "title", "published", "source", "url", "lang", "content_hash", "ingested_at")
ENTITY_COLUMNS = ("id", "type", "label", "attrs", "country", "mentions", "documents", "aliases")
MENTION_COLUMNS = ("entity_id", "document_id", "count")
RELATION_COLUMNS = ("source", "relation", "target", "document_id", "sentence", "modality", "score", "basis", "edge_id")
COUNTRY_ATTR_TYPES = frozenset({"place", "organization"})


@dataclass(frozen=True, eq=False)
class Snapshot:
    """Everything the explorer filters, as frames; compared and hashed by identity.

    - documents: id, key, title, published (ISO date or "": a stored value that is no real
      ``YYYY-MM-DD…`` date counts as undated), source, url, lang, content_hash (the same text
      under two outlets shares it), ingested_at (ISO timestamp of the batch that stored it).
    - entities: indexed by id (also a column): type, label, attrs (dict),
      country (ISO2: a place's or organisation's ``attrs["country"]``, a
      country's own code, else ""), mentions, documents (documents that
      mention it or relate it), aliases (list of names).
    - mentions: entity_id, document_id (both categorical), count (mentions
      of that entity in that document).
    - relations: one row per evidence sentence: source, relation, target,
      document_id, sentence (index), modality, score, basis ("text": the sentence states it,
      "gazetteer": known about the entities, the sentence only names them), edge_id
      (``"source|relation|target"``).
    - redirects: merged entity id -> canonical id (deep links may use old ids).
    - fingerprint: changes whenever the set of stored documents changes, so
      the app can key its caches by it.
    """

    documents: pd.DataFrame
    entities: pd.DataFrame
    mentions: pd.DataFrame
    relations: pd.DataFrame
    redirects: Mapping[str, str] = field(default_factory=dict)
    fingerprint: str = ""

    def resolve(self, entity_id: str) -> str:
        """The canonical id of an entity id that may have been merged into another."""
        return self.redirects.get(entity_id, entity_id)


def load_snapshot(store: Store) -> Snapshot:
    """Read the whole store (without texts) into a Snapshot."""
    documents = document_frame(store.documents())
    mentions = mention_frame(store.mention_counts())
    relations = relation_frame(store.relation_rows())
    entities = entity_frame(store.entity_rows(), store.all_aliases(), documents["id"], mentions, relations)
    return Snapshot(documents, entities, mentions, relations, store.redirects(), _fingerprint(documents))


def document_frame(rows: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """Document rows as a frame of text columns, never trusting the store: NULLs become "", a
    ``published`` that is no ISO date becomes "" (undated)."""
    frame = _frame(({name: plain(row.get(name)) for name in DOCUMENT_COLUMNS} for row in rows),
                   DOCUMENT_COLUMNS, DOCUMENT_COLUMNS)
    frame["published"] = pd.array([iso_day(v) for v in frame["published"].tolist()], dtype="str")
    return frame


def sentence_text(store: Store, document_id: str, sentence: int) -> str:
    """The text of one sentence of a stored document ("" when unknown)."""
    return store.sentence_text(document_id, int(sentence)) or ""


def mention_frame(rows: Sequence[tuple[str, str, int]]) -> pd.DataFrame:
    """``Store.mention_counts()`` tuples as a frame; the id columns are categorical (a million
    rows repeat a few thousand ids, and categories are what makes loading them fast)."""
    entity, document, count = _columns(rows, 3)
    return pd.DataFrame({"entity_id": _categorical(entity), "document_id": _categorical(document),
                         "count": np.asarray(count, dtype=np.int64)})


def relation_frame(rows: Sequence[tuple[Any, ...]]) -> pd.DataFrame:
    """``Store.relation_rows()`` tuples as a frame, with ``edge_id`` (one per aggregated edge)."""
    columns = _columns(rows, len(RELATION_COLUMNS) - 1)
    frame = pd.DataFrame({name: pd.array([plain(v) for v in values], dtype="str")
                          for name, values in zip(RELATION_COLUMNS, columns, strict=False) if name not in ("sentence", "score")})
    frame["modality"] = frame["modality"].where(frame["modality"] != "", "reported")
    frame.insert(4, "sentence", _numbers(columns[4], -1).astype(np.int64))
    frame.insert(6, "score", _numbers(columns[6], 0.0))
    basis = frame["basis"] if "basis" in frame else pd.Series("", index=frame.index, dtype="str")
    frame["basis"] = basis.where(basis != "", "text")  # rows from before the basis was stored: stated
    frame["edge_id"] = edge_ids(frame["source"], frame["relation"], frame["target"])
    return frame


def edge_ids(source: pd.Series, relation: pd.Series, target: pd.Series) -> pd.Series:
    """``"source|relation|target"`` per row: the id of an aggregated edge."""
    return source.astype("str") + "|" + relation.astype("str") + "|" + target.astype("str")


def entity_frame(
    rows: Iterable[Mapping[str, Any]], aliases: Mapping[str, list[str]], documents: Iterable[str],
    mentions: pd.DataFrame, relations: pd.DataFrame,
) -> pd.DataFrame:
    """Entities indexed by id with country, counts and aliases (see ``Snapshot``)."""
    frame = _frame((_entity_row(row) for row in rows), ("id", "type", "label", "attrs"), ("id", "type", "label"))
    triples = zip(frame["id"].tolist(), frame["type"].tolist(), frame["attrs"].tolist(), strict=False)
    frame["country"] = pd.array([country_of(*row) for row in triples], dtype="str")
    ids = pd.Index(frame["id"].tolist(), dtype="str")  # unnamed: "id" stays an unambiguous column
    frame["mentions"] = _per_entity(ids, mentions["entity_id"], mentions["count"].to_numpy())
    frame["documents"] = _document_counts(ids, pd.Index(documents, dtype="str"), mentions, relations)
    frame["aliases"] = pd.Series([list(aliases.get(entity_id, ())) for entity_id in ids.tolist()], dtype=object)
    frame.index = ids
    return frame


def _entity_row(row: Mapping[str, Any]) -> dict[str, Any]:
    """An entity row as the explorer can show it: a missing label is the id, odd attrs are {}."""
    entity_id = plain(row.get("id"))
    attrs = row.get("attrs")
    return {"id": entity_id, "type": plain(row.get("type")), "label": plain(row.get("label"), entity_id),
            "attrs": attrs if isinstance(attrs, Mapping) else {}}


def _numbers(values: Sequence[Any], default: float) -> np.ndarray:
    """Stored numbers as floats; junk, NULL and non-finite values become ``default``."""
    found = pd.to_numeric(pd.Series(values, dtype=object), errors="coerce").astype(np.float64).to_numpy(copy=True)
    found[~np.isfinite(found)] = default
    return found


def country_of(entity_id: str, entity_type: str, attrs: Mapping[str, Any]) -> str:
    """The ISO2 country an entity belongs to: a country itself, a place's or organisation's
    ``attrs["country"]``; "" for persons, agreements and anything without one."""
    if entity_type == "country":
        return entity_id.partition(":")[2]
    if entity_type in COUNTRY_ATTR_TYPES:
        return plain(attrs.get("country"))
    return ""


def positions(ids: pd.Index, column: pd.Series) -> np.ndarray:
    """The position of each row's id in ids (-1 when unknown), cheap for categorical columns."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        lookup = np.append(ids.get_indexer(column.cat.categories), -1)
        return lookup[column.cat.codes.to_numpy()]  # code -1 (missing) picks the appended -1
    return ids.get_indexer(column)


def _per_entity(ids: pd.Index, column: pd.Series, counts: np.ndarray) -> np.ndarray:
    """Sum of counts per entity of ids, from a column of entity ids."""
    found = positions(ids, column)
    known = found >= 0
    return np.bincount(found[known], weights=counts[known], minlength=len(ids)).astype(np.int64)


def _document_counts(ids: pd.Index, documents: pd.Index, mentions: pd.DataFrame, relations: pd.DataFrame) -> np.ndarray:
    """Distinct documents per entity, counting mentions and both ends of relations."""
    pairs = [
        (positions(ids, mentions["entity_id"]), positions(documents, mentions["document_id"])),
        (positions(ids, relations["source"]), positions(documents, relations["document_id"])),
        (positions(ids, relations["target"]), positions(documents, relations["document_id"])),
    ]
    width = max(len(documents), 1)
    keys = np.sort(np.concatenate([e.astype(np.int64) * width + d for e, d in pairs]))
    distinct = np.ones(len(keys), dtype=bool)
    distinct[1:] = keys[1:] != keys[:-1]
    entity = keys[distinct] // width
    return np.bincount(entity[entity >= 0], minlength=len(ids)).astype(np.int64)


def _columns(rows: Sequence[tuple[Any, ...]], width: int) -> list[tuple[Any, ...]]:
    """Tuples of rows turned into one tuple per column (``width`` empty ones without rows)."""
    return list(zip(*rows, strict=False)) if rows else [()] * width


def _categorical(values: Sequence[str]) -> pd.Categorical:
    """Strings as a categorical, dictionary-encoded by Arrow (several times faster than pandas here)."""
    encoded = pa.array(values, type=pa.string()).dictionary_encode()
    categories = pd.Index(encoded.dictionary.to_pylist(), dtype="str")
    return pd.Categorical.from_codes(encoded.indices.to_numpy(zero_copy_only=False), categories=categories)


def _frame(rows: Iterable[Mapping[str, Any]], columns: Sequence[str], text: Sequence[str]) -> pd.DataFrame:
    """Rows as a frame with exactly these columns, the ``text`` ones as strings (also without rows)."""
    frame = pd.DataFrame.from_records(list(rows), columns=list(columns))[list(columns)]
    return frame.astype({column: "str" for column in text})


def _fingerprint(documents: pd.DataFrame) -> str:
    digest = hashlib.sha256("\n".join(sorted(documents["id"])).encode("utf-8"))
    return digest.hexdigest()[:16]
