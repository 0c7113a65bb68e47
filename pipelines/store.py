"""The SQLite store: documents and their facts, one transaction per batch.

A document's id is its content hash and its ``key`` says where it came
from, so saving the same article again changes nothing and a changed
source replaces its earlier facts.  Entities are merged across documents
on save (rules in ``_resolve_entity``): the first stored id is canonical and
later ids redirect to it through ``entity_redirects``.

The SQL text is in ``pipelines.schema`` (named parameters only); SQLite
specifics (connection, PRAGMAs, migrations) in ``pipelines.migrations``.
"""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import datetime, timezone
from pathlib import Path
from types import TracebackType
from typing import Any, Callable, Iterable, Mapping, Sequence

from pipelines import migrations
from pipelines import schema as sql
from pipelines.errors import StoreError
from pipelines.keys import content_hash, name_key
from pipelines.records import Article, Entity, Extraction, Mention, Relation

DEFAULT_DB = Path("data") / "entente.sqlite"
NAME_MERGED_TYPES = frozenset({"person", "organization", "place"})
LATEST_WINS = frozenset({"status"})  # attrs where the later article's known value wins
UNKNOWN_VALUES = (None, "", "unknown")

ProgressHook = Callable[[int, str], None]
MENTION_COUNT_FIELDS = ("entity_id", "document_id", "count")
RELATION_ROW_FIELDS = ("source", "relation", "target", "document_id", "sentence", "modality", "score")


def default_db_path() -> Path:
    """``KG_DB`` from the environment when set, else data/entente.sqlite (relative to the cwd)."""
    return Path(os.environ["KG_DB"]).expanduser() if os.environ.get("KG_DB") else DEFAULT_DB


class Store:
    """A handle on one database file; use ``Store.open(path)`` (also a context manager)."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self.path = path

    @classmethod
    def open(cls, path: str | Path) -> "Store":
        """Open (creating parent folders and the file) and migrate to the current schema."""
        conn = migrations.connect(Path(path))
        try:
            migrations.migrate(conn)
        except StoreError as exc:
            conn.close()
            raise StoreError(f"{path}: {exc}") from exc
        return cls(conn, Path(path))

    def close(self) -> None:
        """Close the connection; safe to call twice."""
        self._conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        """The number of migration steps applied to this database."""
        return migrations.schema_version(self._conn)

    # -- writing ---------------------------------------------------------------

    def status(self, article: Article) -> str:
        """``new``, ``unchanged`` or ``changed`` for this article, by its key and content hash.

        Content already stored under another key counts as ``unchanged``: its
        facts are in the store, so there is nothing to extract.
        """
        return _status(self._conn, article.key, _article_hash(article))

    def save_batch(
        self, items: Sequence[tuple[Article, Extraction]], on_item: ProgressHook | None = None
    ) -> list[str]:
        """Save all items in ONE transaction; per item ``new``, ``unchanged`` or ``replaced``.

        On any error the database is left as it was before the batch.
        ``on_item(index, result)`` is called after each item is written (still
        inside the transaction), e.g. to drive a progress bar.
        """
        self._begin()
        try:
            results = _save_items(self._conn, items, on_item)
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._commit()
        return results

    def _begin(self) -> None:
        """Start a write transaction, taking the write lock now rather than at the first write."""
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(
                f"{self.path}: cannot start a write ({exc}); is another ingest running?"
            ) from exc

    def _commit(self) -> None:
        try:
            self._conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self._conn.execute("ROLLBACK")
            raise StoreError(f"{self.path}: cannot commit the batch ({exc}); nothing was saved") from exc

    # -- reading ---------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Row counts: documents, sentences, entities, aliases, mentions, relations, redirects."""
        return dict(self._conn.execute(sql.COUNTS).fetchone())

    def resolve_id(self, entity_id: str) -> str:
        """The canonical id for an entity id or a redirected (merged) one; unknown ids unchanged."""
        return _resolve_id(self._conn, entity_id) or entity_id

    def documents(self) -> list[dict[str, Any]]:
        """All documents without their text, oldest published first."""
        return self._rows(sql.DOCUMENTS, {})

    def document(self, document_id: str) -> dict[str, Any] | None:
        """One document with its full text, or None."""
        rows = self._rows(sql.DOCUMENT, {"id": document_id})
        return rows[0] if rows else None

    def entities(self) -> list[dict[str, Any]]:
        """All entities: id, type, label, attrs (dict), mention_count, document_count."""
        return [_with_attrs(row) for row in self._rows(sql.ENTITIES, {})]

    def entity(self, entity_id: str) -> dict[str, Any] | None:
        """One entity (by canonical or redirected id) with id, type, label and attrs, or None."""
        rows = self._rows(sql.ENTITY, {"id": self.resolve_id(entity_id)})
        return _with_attrs(rows[0]) if rows else None

    def relations(self) -> list[dict[str, Any]]:
        """Relations aggregated per (source, relation, target).

        Each: source, relation, target, count (evidence sentences), documents,
        score (highest), modalities (modality -> number of sentences).
        """
        modalities = self._modalities()
        return [
            {**row, "modalities": modalities.get((row["source"], row["relation"], row["target"]), {})}
            for row in self._rows(sql.RELATIONS, {})
        ]

    def _modalities(self) -> dict[tuple[str, str, str], dict[str, int]]:
        found: dict[tuple[str, str, str], dict[str, int]] = {}
        for row in self._rows(sql.RELATION_MODALITIES, {}):
            found.setdefault((row["source"], row["relation"], row["target"]), {})[row["modality"]] = row["n"]
        return found

    def evidence(self, source: str, relation: str, target: str) -> list[dict[str, Any]]:
        """The sentences backing one aggregated relation, newest document first.

        Each: document_id, document_title, document_published, document_source,
        document_url, sentence (index), sentence_text (from the stored text,
        else the extractor's evidence), evidence, modality, score.
        """
        params = {"source": self.resolve_id(source), "relation": relation, "target": self.resolve_id(target)}
        return self._rows(sql.EVIDENCE, params)

    def mentions(self, entity_id: str) -> list[dict[str, Any]]:
        """Every mention of an entity, newest document first.

        Each: document_id/title/published/source/url, sentence (index),
        sentence_text, sentence_start, sentence_end, start, end (offsets into
        the document text), text, method, score, kind.
        """
        return self._rows(sql.MENTIONS, {"entity_id": self.resolve_id(entity_id)})

    def aliases(self, entity_id: str) -> list[str]:
        """The names an entity has been stored under (its labels across articles), sorted."""
        rows = self._rows(sql.ALIASES, {"entity_id": self.resolve_id(entity_id)})
        return [row["alias"] for row in rows]

    # -- bulk reads (the explorer loads these once into a snapshot) -----------------

    def entity_rows(self) -> list[dict[str, Any]]:
        """All entities without counts (cheaper than ``entities()``): id, type, label, attrs (dict)."""
        return [_with_attrs(row) for row in self._rows(sql.ENTITY_ROWS, {})]

    def mention_counts(self) -> list[tuple[str, str, int]]:
        """How often each entity is mentioned in each document, as ``MENTION_COUNT_FIELDS`` tuples
        (entity_id, document_id, count), by document.  Tuples, not dicts: there may be millions."""
        return self._tuples(sql.MENTION_COUNTS)

    def relation_rows(self) -> list[tuple[str, str, str, str, int, str, float]]:
        """Every relation sentence, not aggregated, as ``RELATION_ROW_FIELDS`` tuples (source,
        relation, target, document_id, sentence index, modality, score)."""
        return self._tuples(sql.RELATION_ROWS)

    def all_aliases(self) -> dict[str, list[str]]:
        """Entity id -> the names it has been stored under, sorted (``aliases()`` for every entity)."""
        found: dict[str, list[str]] = {}
        for row in self._conn.execute(sql.ALL_ALIASES):
            found.setdefault(row[0], []).append(row[1])
        return found

    def redirects(self) -> dict[str, str]:
        """Merged (old) entity id -> the canonical id it redirects to."""
        return {row[0]: row[1] for row in self._conn.execute(sql.REDIRECTS)}

    def sentence_text(self, document_id: str, sentence: int) -> str | None:
        """The text of one sentence of a document (by index), or None when unknown.

        Falls back to a relation's stored evidence when the sentence row is
        missing, like ``evidence()``.
        """
        return _scalar(self._conn, sql.SENTENCE_TEXT, {"document_id": document_id, "sentence": sentence})

    def _tuples(self, sql: str) -> list[Any]:
        cursor = self._conn.cursor()
        cursor.row_factory = None  # plain tuples: much cheaper than sqlite3.Row -> dict for bulk reads
        return cursor.execute(sql).fetchall()

    def _rows(self, sql: str, params: Mapping[str, Any]) -> list[dict[str, Any]]:
        return [dict(row) for row in self._conn.execute(sql, params)]


# -- the write path --------------------------------------------------------------


def _save_items(
    conn: sqlite3.Connection, items: Sequence[tuple[Article, Extraction]], on_item: ProgressHook | None
) -> list[str]:
    """Save each item inside the caller's transaction, naming the article on failure."""
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    results: list[str] = []
    for index, (article, extraction) in enumerate(items):
        try:
            results.append(_save_item(conn, article, extraction, now))
        except sqlite3.Error as exc:
            raise StoreError(
                f"{article.key}: cannot be saved ({exc}); the whole batch was rolled back"
            ) from exc
        if on_item is not None:
            on_item(index, results[-1])
    return results


def _save_item(conn: sqlite3.Connection, article: Article, extraction: Extraction, now: str) -> str:
    doc_id = _article_hash(article)
    old_id = _scalar(conn, sql.DOCUMENT_ID_FOR_KEY, {"key": article.key})
    if old_id == doc_id or (old_id is None and _document_exists(conn, doc_id)):
        return "unchanged"
    stale = _delete_document(conn, old_id) if old_id else set()
    if not _document_exists(conn, doc_id):  # a changed source may now equal another key's content
        _insert_document(conn, doc_id, article, extraction, now)
        _insert_facts(conn, doc_id, article, extraction)
    _remove_orphans(conn, stale)
    return "replaced" if old_id else "new"


def _status(conn: sqlite3.Connection, key: str, doc_id: str) -> str:
    old_id = _scalar(conn, sql.DOCUMENT_ID_FOR_KEY, {"key": key})
    if old_id is not None:
        return "unchanged" if old_id == doc_id else "changed"
    return "unchanged" if _document_exists(conn, doc_id) else "new"


def _article_hash(article: Article) -> str:
    return article.content_hash or content_hash(article.text)


def _document_exists(conn: sqlite3.Connection, doc_id: str) -> bool:
    return _scalar(conn, sql.DOCUMENT_EXISTS, {"id": doc_id}) is not None


def _delete_document(conn: sqlite3.Connection, doc_id: str) -> set[str]:
    """Delete a document and (by cascade) its facts; return the entity ids it referenced."""
    referenced = {row[0] for row in conn.execute(sql.DOCUMENT_ENTITIES, {"document_id": doc_id})}
    conn.execute(sql.DELETE_DOCUMENT, {"id": doc_id})
    return referenced


def _remove_orphans(conn: sqlite3.Connection, entity_ids: Iterable[str]) -> None:
    """Delete those entities no mention or relation refers to any more (aliases, redirects cascade)."""
    conn.executemany(sql.DELETE_ORPHAN, [{"id": entity_id} for entity_id in sorted(entity_ids)])


def _insert_document(
    conn: sqlite3.Connection, doc_id: str, article: Article, extraction: Extraction, now: str
) -> None:
    """The document row; the text is the extraction's, which the offsets point into."""
    conn.execute(sql.INSERT_DOCUMENT, {
        "id": doc_id, "key": article.key, "external_id": article.id,
        "title": article.title or extraction.title, "published": article.published or extraction.published,
        "source": article.source or extraction.source, "url": article.url or extraction.url,
        "lang": article.lang or extraction.lang, "text": extraction.text, "ingested_at": now,
    })


def _insert_facts(conn: sqlite3.Connection, doc_id: str, article: Article, extraction: Extraction) -> None:
    published = article.published or extraction.published
    ids = {e.id: _resolve_entity(conn, e, extraction.lang, published) for e in extraction.entities}
    conn.executemany(sql.INSERT_SENTENCE, [
        {"document_id": doc_id, "idx": idx, "start": s.start, "end": s.end}
        for idx, s in enumerate(extraction.sentences)
    ])
    conn.executemany(sql.INSERT_MENTION, [
        _mention_params(doc_id, ids[e.id], m) for e in extraction.entities for m in e.mentions
    ])
    conn.executemany(sql.INSERT_RELATION, [
        _relation_params(conn, doc_id, ids, r) for r in extraction.relations
    ])


def _mention_params(doc_id: str, entity_id: str, mention: Mention) -> dict[str, Any]:
    return {
        "document_id": doc_id, "entity_id": entity_id, "start": mention.start, "end": mention.end,
        "text": mention.text, "sentence": mention.sentence, "method": mention.method,
        "score": mention.score, "kind": mention.kind,
    }


def _relation_params(
    conn: sqlite3.Connection, doc_id: str, ids: Mapping[str, str], relation: Relation
) -> dict[str, Any]:
    """Endpoints mapped to canonical ids; an id unknown everywhere stays as is (and fails the foreign key)."""
    def canonical(entity_id: str) -> str:
        return ids.get(entity_id) or _resolve_id(conn, entity_id) or entity_id

    return {
        "document_id": doc_id, "source": canonical(relation.source), "relation": relation.relation,
        "target": canonical(relation.target), "sentence": relation.sentence,
        "evidence": relation.evidence, "modality": relation.modality, "score": relation.score,
    }


# -- cross-document resolution -------------------------------------------------------


def _resolve_entity(conn: sqlite3.Connection, entity: Entity, lang: str, published: str) -> str:
    """Store or merge one extracted entity; return its canonical id.

    Same id (or a redirected one) -> that entity, attrs merged.  Otherwise,
    for persons, organisations and places, an entity of the same type whose
    label or alias has the same ``name_key`` -> that entity, and the new id
    redirects to it.  Otherwise a new entity.  The label becomes an alias.
    """
    key = name_key(entity.label)
    canonical = _resolve_id(conn, entity.id) or _find_by_name(conn, entity.type, key)
    if canonical is None:
        canonical = entity.id
        _insert_entity(conn, entity, published)
    else:
        _merge_into(conn, canonical, entity.attrs, published)
    if canonical != entity.id:
        conn.execute(sql.INSERT_REDIRECT, {"old_id": entity.id, "entity_id": canonical})
    alias = {"entity_id": canonical, "alias": entity.label, "name_key": key, "lang": lang}
    conn.execute(sql.INSERT_ALIAS, alias)
    return canonical


def _resolve_id(conn: sqlite3.Connection, entity_id: str) -> str | None:
    """The stored entity this id names (directly or by redirect), or None."""
    return _scalar(conn, sql.RESOLVE_ID, {"id": entity_id})


def _find_by_name(conn: sqlite3.Connection, entity_type: str, key: str) -> str | None:
    if entity_type not in NAME_MERGED_TYPES:
        return None
    return _scalar(conn, sql.FIND_BY_NAME, {"type": entity_type, "name_key": key})


def _insert_entity(conn: sqlite3.Connection, entity: Entity, published: str) -> None:
    conn.execute(sql.INSERT_ENTITY, {
        "id": entity.id, "type": entity.type, "label": entity.label,
        "attrs": _dump_attrs(entity.attrs), "attrs_published": published,
    })


def _merge_into(conn: sqlite3.Connection, entity_id: str, attrs: Mapping[str, Any], published: str) -> None:
    row = conn.execute(sql.ENTITY_ATTRS, {"id": entity_id}).fetchone()
    merged, newest = merge_attrs(json.loads(row["attrs"]), row["attrs_published"], attrs, published)
    conn.execute(sql.UPDATE_ATTRS, {"id": entity_id, "attrs": _dump_attrs(merged), "attrs_published": newest})


def merge_attrs(
    old: Mapping[str, Any], old_published: str, new: Mapping[str, Any], published: str
) -> tuple[dict[str, Any], str]:
    """Merge an article's attrs into stored ones; return them with the newest published date.

    Known values are kept; a value missing before is added.  For ``status``
    the later article's known value wins (by ISO published date; with equal
    or missing dates, the one saved later).
    """
    merged = dict(old)
    newer = published >= old_published
    for key, value in new.items():
        if value in UNKNOWN_VALUES:
            continue
        if merged.get(key) in UNKNOWN_VALUES or (key in LATEST_WINS and newer):
            merged[key] = value
    return merged, max(old_published, published)


# -- small helpers ----------------------------------------------------------------------


def _scalar(conn: sqlite3.Connection, sql: str, params: Mapping[str, Any]) -> Any:
    row = conn.execute(sql, params).fetchone()
    return None if row is None else row[0]


def _dump_attrs(attrs: Mapping[str, Any]) -> str:
    return json.dumps(dict(attrs), ensure_ascii=False, sort_keys=True, default=str)


def _with_attrs(row: dict[str, Any]) -> dict[str, Any]:
    return {**row, "attrs": json.loads(row["attrs"])}
