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
from pipelines.records import Article, Entity, Extraction, Mention, Relation

NAME_MERGED_TYPES = frozenset({"person", "organization", "place"})
LATEST_WINS = frozenset({"status"})  # attrs where the later article's known value wins
UNKNOWN_VALUES = (None, "", "unknown")

ProgressHook = Callable[[int, str], None]


def save_items(
    db: Backend, items: Sequence[tuple[Article, Extraction]], on_item: ProgressHook | None
) -> list[str]:
    """Save each item inside the caller's transaction, naming the article on failure."""
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    resolver = Resolver(db)
    results: list[str] = []
    for index, (article, extraction) in enumerate(items):
        try:
            results.append(_save_item(resolver, article, extraction, now))
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


def _save_item(resolver: "Resolver", article: Article, extraction: Extraction, now: str) -> str:
    db = resolver.db
    doc_id = article_hash(article)
    # Asked again, inside the transaction: the batch, or another writer, may have stored it since.
    old_id = db.scalar(sql.DOCUMENT_ID_FOR_KEY, {"key": article.key})
    if _status(db, old_id, doc_id) == "unchanged":
        return "unchanged"
    stale = _delete_document(db, old_id) if old_id else set()
    if not _document_exists(db, doc_id):  # a changed source may now equal another key's content
        _insert_document(db, doc_id, article, extraction, now)
        _insert_facts(resolver, doc_id, article, extraction)
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


def _insert_document(
    db: Backend, doc_id: str, article: Article, extraction: Extraction, now: str
) -> None:
    """The document row; the text is the extraction's, which the offsets point into."""
    db.execute(sql.INSERT_DOCUMENT, {
        "id": doc_id, "key": article.key, "external_id": article.id,
        "title": article.title or extraction.title, "published": article.published or extraction.published,
        "source": article.source or extraction.source, "url": article.url or extraction.url,
        "lang": article.lang or extraction.lang, "text": extraction.text, "ingested_at": now,
    })


def _insert_facts(resolver: "Resolver", doc_id: str, article: Article, extraction: Extraction) -> None:
    db, published = resolver.db, article.published or extraction.published
    ids = {e.id: resolver.entity(e, extraction.lang, published) for e in extraction.entities}
    db.executemany(sql.INSERT_SENTENCE, [
        {"document_id": doc_id, "idx": idx, "start": s.start, "end": s.end}
        for idx, s in enumerate(extraction.sentences)
    ])
    db.executemany(sql.INSERT_MENTION, [
        _mention_params(doc_id, ids[e.id], m) for e in extraction.entities for m in e.mentions
    ])
    db.executemany(sql.INSERT_RELATION, [
        _relation_params(resolver, doc_id, ids, r) for r in extraction.relations
    ])


def _mention_params(doc_id: str, entity_id: str, mention: Mention) -> dict[str, Any]:
    return {
        "document_id": doc_id, "entity_id": entity_id, "start": mention.start, "end": mention.end,
        "text": mention.text, "sentence": mention.sentence, "method": mention.method,
        "score": mention.score, "kind": mention.kind,
    }


def _relation_params(
    resolver: "Resolver", doc_id: str, ids: Mapping[str, str], relation: Relation
) -> dict[str, Any]:
    """Endpoints mapped to canonical ids; an id unknown everywhere stays as is (and fails the foreign key)."""
    def canonical(entity_id: str) -> str:
        return ids.get(entity_id) or resolver.resolve_id(entity_id) or entity_id

    return {
        "document_id": doc_id, "source": canonical(relation.source), "relation": relation.relation,
        "target": canonical(relation.target), "sentence": relation.sentence,
        "evidence": relation.evidence, "modality": relation.modality, "score": relation.score,
    }


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

    def entity(self, entity: Entity, lang: str, published: str) -> str:
        key = name_key(entity.label)
        canonical = self.resolve_id(entity.id) or self._find_by_name(entity.type, key)
        if canonical is None:
            canonical = entity.id
            _insert_entity(self.db, entity, published)
            self._attrs[canonical] = (json.loads(_dump_attrs(entity.attrs)), published)
        else:
            self._merge_into(canonical, entity.attrs, published)
        if canonical != entity.id:
            self.db.execute(sql.INSERT_REDIRECT, {"old_id": entity.id, "entity_id": canonical})
        self._ids[entity.id] = canonical
        if (canonical, entity.label) not in self._aliases:
            alias = {"entity_id": canonical, "alias": entity.label, "name_key": key, "lang": lang}
            self.db.execute(sql.INSERT_ALIAS, alias)
            self._aliases.add((canonical, entity.label))
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


def _insert_entity(db: Backend, entity: Entity, published: str) -> None:
    db.execute(sql.INSERT_ENTITY, {
        "id": entity.id, "type": entity.type, "label": entity.label,
        "attrs": _dump_attrs(entity.attrs), "attrs_published": published,
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
