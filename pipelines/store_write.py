"""The store's write path: saving extracted articles and merging entities across documents.

Runs inside the transaction ``Store.save_batch`` opens, on any backend.  A
document's id is its content hash and its ``key`` says where it came from,
so saving the same article again changes nothing and a changed source
replaces its earlier facts.  Entities are merged on save (rules in
``Resolver``): the first stored id is canonical and later ids
redirect to it through ``entity_redirects``.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any, Callable, Iterable, Mapping, Sequence

from pipelines import schema as sql
from pipelines.backends import Backend
from pipelines.errors import StoreError
from pipelines.keys import content_hash, name_key
from pipelines.records import Article, Extraction
from pipelines.store_rows import EntityRow, StoreRows, store_rows

NAME_MERGED_TYPES = frozenset({"person", "organization", "place"})
LATEST_WINS = frozenset({"status"})  # attrs where the later article's known value wins
UNKNOWN_VALUES = (None, "", "unknown")

ProgressHook = Callable[[int, str], None]


def save_items(
    db: Backend, items: Sequence[tuple[Article, Extraction | StoreRows]], on_item: ProgressHook | None
) -> list[str]:
    """Save each item (an article with its record or the record's rows) inside the caller's
    transaction, naming the article on failure."""
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    resolver = Resolver(db)
    results: list[str] = []
    for index, (article, record) in enumerate(items):
        try:
            results.append(_save_item(resolver, article, store_rows(record), now))
        except db.errors as exc:
            raise StoreError(
                f"{article.key}: cannot be saved ({exc}); the whole batch was rolled back"
            ) from exc
        if on_item is not None:
            on_item(index, results[-1])
    try:
        resolver.flush()
    except db.errors as exc:
        raise StoreError(f"cannot save merged entity attributes ({exc}); the whole batch was rolled back") from exc
    return results


def _save_item(resolver: "Resolver", article: Article, rows: StoreRows, now: str) -> str:
    db = resolver.db
    doc_id = article_hash(article)
    # Asked again, inside the transaction: the batch, or another writer, may have stored it since.
    old_id = db.scalar(sql.DOCUMENT_ID_FOR_KEY, {"key": article.key})
    if _status(db, old_id, doc_id) == "unchanged":
        return "unchanged"
    stale = _delete_document(db, old_id) if old_id else set()
    if not _document_exists(db, doc_id):  # a changed source may now equal another key's content
        _insert_document(db, doc_id, article, rows, now)
        _insert_facts(resolver, doc_id, article, rows)
    if stale:
        resolver.forget()  # removing orphans may delete entities the resolver remembers
        _remove_orphans(db, stale)
    return "replaced" if old_id else "new"


def article_status(db: Backend, key: str, doc_id: str) -> str:
    """``new``, ``unchanged`` or ``changed`` for content ``doc_id`` read from ``key``."""
    return _status(db, db.scalar(sql.DOCUMENT_ID_FOR_KEY, {"key": key}), doc_id)


def _status(db: Backend, old_id: str | None, doc_id: str) -> str:
    """The status given ``old_id``, the document stored under the same key (if any)."""
    if old_id is not None:
        return "unchanged" if old_id == doc_id else "changed"
    return "unchanged" if _document_exists(db, doc_id) else "new"


def article_hash(article: Article) -> str:
    return article.content_hash or content_hash(article.text)


def _document_exists(db: Backend, doc_id: str) -> bool:
    return db.scalar(sql.DOCUMENT_EXISTS, {"id": doc_id}) is not None


def _delete_document(db: Backend, doc_id: str) -> set[str]:
    """Delete a document and (by cascade) its facts; return the entity ids it referenced."""
    referenced = {row[0] for row in db.tuples(sql.DOCUMENT_ENTITIES, {"document_id": doc_id})}
    db.execute(sql.DELETE_DOCUMENT, {"id": doc_id})
    return referenced


def _remove_orphans(db: Backend, entity_ids: Iterable[str]) -> None:
    """Delete those entities no mention or relation refers to any more (aliases, redirects cascade)."""
    db.executemany(sql.DELETE_ORPHAN, [{"id": entity_id} for entity_id in sorted(entity_ids)])


def _insert_document(db: Backend, doc_id: str, article: Article, rows: StoreRows, now: str) -> None:
    """The document row; the text is the extraction's, which the offsets point into."""
    db.execute(sql.INSERT_DOCUMENT, {
        "id": doc_id, "key": article.key, "external_id": article.id,
        "title": article.title or rows.title, "published": article.published or rows.published,
        "source": article.source or rows.source, "url": article.url or rows.url,
        "lang": article.lang or rows.lang, "text": rows.text, "ingested_at": now,
    })


def _insert_facts(resolver: "Resolver", doc_id: str, article: Article, rows: StoreRows) -> None:
    db, published = resolver.db, article.published or rows.published
    ids = {row[0]: resolver.entity(row, rows.lang, published) for row in rows.entities}
    db.executemany(sql.INSERT_SENTENCE, [
        {"document_id": doc_id, "idx": idx, "start": start, "end": end}
        for idx, (start, end) in enumerate(rows.sentences)
    ])
    db.executemany(sql.INSERT_MENTION, [
        {"document_id": doc_id, "entity_id": ids[entity_id], "start": start, "end": end, "text": text,
         "sentence": sentence, "method": method, "score": score, "kind": kind}
        for entity_id, start, end, text, sentence, method, score, kind in rows.mentions
    ])

    def canonical(entity_id: str) -> str:
        """An id unknown everywhere stays as it is (and fails the foreign key)."""
        return ids.get(entity_id) or resolver.resolve_id(entity_id) or entity_id

    db.executemany(sql.INSERT_RELATION, [
        {"document_id": doc_id, "source": canonical(source), "relation": relation, "target": canonical(target),
         "sentence": sentence, "evidence": evidence, "modality": modality, "score": score, "basis": basis}
        for source, relation, target, sentence, evidence, modality, score, basis in rows.relations
    ])


# -- cross-document resolution -------------------------------------------------------


class Resolver:
    """Cross-document entity resolution for one transaction.

    ``entity()`` stores or merges an extracted entity and returns its canonical id: same id (or a
    redirected one) -> that entity, attrs merged; otherwise, for persons, organisations and places,
    an entity of the same type whose label or alias has the same ``name_key`` -> that entity, and the
    new id redirects to it; otherwise a new entity.  The label becomes an alias.

    Within the transaction nobody else writes, so what it has read or written stays true: canonical
    ids, name lookups, aliases and merged attrs are remembered, and the attrs are written back once
    by ``flush()`` (a batch mentions the same countries and people many times).  ``forget()`` (after
    flushing) is for when documents, and so perhaps entities, are deleted.
    """

    def __init__(self, db: Backend) -> None:
        self.db = db
        self._ids: dict[str, str | None] = {}
        self._names: dict[str, dict[str, str | None]] = {}  # name key -> type -> entity found
        self._aliases: set[tuple[str, str]] = set()
        self._attrs: dict[str, tuple[dict[str, Any], str]] = {}
        self._dirty: set[str] = set()

    def entity(self, row: EntityRow, lang: str, published: str) -> str:
        """Store or merge the entity ``(id, type, label, attrs)``; its canonical id."""
        entity_id, entity_type, label, attrs = row
        key = name_key(label)
        canonical = self.resolve_id(entity_id) or self._find_by_name(entity_type, key)
        if canonical is None:
            canonical = entity_id
            _insert_entity(self.db, row, published)
            self._attrs[canonical] = (json.loads(_dump_attrs(attrs)), published)
        else:
            self._merge_into(canonical, attrs, published)
        if canonical != entity_id:
            self.db.execute(sql.INSERT_REDIRECT, {"old_id": entity_id, "entity_id": canonical})
        self._ids[entity_id] = canonical
        if (canonical, label) not in self._aliases:
            alias = {"entity_id": canonical, "alias": label, "name_key": key, "lang": lang}
            self.db.execute(sql.INSERT_ALIAS, alias)
            self._aliases.add((canonical, label))
            self._names.pop(key, None)  # the new alias may change what a name lookup finds
        return canonical

    def resolve_id(self, entity_id: str) -> str | None:
        if entity_id not in self._ids:
            self._ids[entity_id] = resolve_id(self.db, entity_id)
        return self._ids[entity_id]

    def _find_by_name(self, entity_type: str, key: str) -> str | None:
        if entity_type not in NAME_MERGED_TYPES:
            return None
        by_type = self._names.setdefault(key, {})
        if entity_type not in by_type:
            by_type[entity_type] = self.db.scalar(sql.FIND_BY_NAME, {"type": entity_type, "name_key": key})
        return by_type[entity_type]

    def _merge_into(self, entity_id: str, attrs: Mapping[str, Any], published: str) -> None:
        if entity_id not in self._attrs:
            row = self.db.rows(sql.ENTITY_ATTRS, {"id": entity_id})[0]
            self._attrs[entity_id] = (json.loads(row["attrs"]), row["attrs_published"])
        old, old_published = self._attrs[entity_id]
        merged, newest = merge_attrs(old, old_published, attrs, published)
        if (merged, newest) != (old, old_published):
            self._attrs[entity_id] = (merged, newest)
            self._dirty.add(entity_id)

    def flush(self) -> None:
        """Write the attrs merged since the last flush."""
        self.db.executemany(sql.UPDATE_ATTRS, [
            {"id": entity_id, "attrs": _dump_attrs(self._attrs[entity_id][0]),
             "attrs_published": self._attrs[entity_id][1]}
            for entity_id in sorted(self._dirty)
        ])
        self._dirty.clear()

    def forget(self) -> None:
        """Flush, then drop everything remembered."""
        self.flush()
        self._ids.clear()
        self._names.clear()
        self._aliases.clear()
        self._attrs.clear()


def resolve_id(db: Backend, entity_id: str) -> str | None:
    """The stored entity this id names (directly or by redirect), or None."""
    return db.scalar(sql.RESOLVE_ID, {"id": entity_id})


def _insert_entity(db: Backend, row: EntityRow, published: str) -> None:
    entity_id, entity_type, label, attrs = row
    db.execute(sql.INSERT_ENTITY, {
        "id": entity_id, "type": entity_type, "label": label,
        "attrs": _dump_attrs(attrs), "attrs_published": published,
    })


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


def _dump_attrs(attrs: Mapping[str, Any]) -> str:
    return json.dumps(dict(attrs), ensure_ascii=False, sort_keys=True, default=str)
