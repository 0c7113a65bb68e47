"""The store's write path: saving extracted articles and merging entities across documents.

Runs inside the transaction ``Store.save_batch`` opens, on any backend.  A
document is its input's key (file path, JSONL id): saving the same content
under a key again changes nothing, changed content replaces the key's
earlier facts, and the same text under another key (another outlet's copy)
is stored as its own document whose facts are copied from the stored one
instead of extracted again.  Entities are merged on save (rules in
``Resolver`` and ``pipelines.merge_rule``): the first stored id is canonical
and later ids redirect to it through ``entity_redirects``.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from pipelines import schema as sql
from pipelines.backends import Backend
from pipelines.errors import StoreError
from pipelines.keys import content_hash, name_key
from pipelines.merge_rule import may_merge
from pipelines.records import Article, Extraction
from pipelines.store_errors import database_problem
from pipelines.store_rows import EntityRow, StoreRows, store_rows

NAME_MERGED_TYPES = frozenset({"person", "organization", "place"})
LATEST_WINS = frozenset({"status"})  # attrs where the later article's known value wins
UNKNOWN_VALUES = (None, "", "unknown")
COPY = " copy"  # appended to ``new``/``replaced`` when the text was already stored under another key
# What SQLite stores but PostgreSQL refuses in text: NUL and lone surrogates.  Each becomes U+FFFD,
# one character for one, so offsets into the text stay true.
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
# PostgreSQL indexes a key of at most about 2,700 bytes; longer ones are refused on both backends.
MAX_KEY_BYTES = 2000

ProgressHook = Callable[[int, str], None]
Extract = Callable[[Article], StoreRows]
Item = tuple[Article, "Extraction | StoreRows | None"]


def save_items(
    db: Backend, items: Sequence[Item], on_item: ProgressHook | None, extract: Extract | None = None
) -> list[str]:
    """Save each item inside the caller's transaction, naming the article on failure.

    An item is an article with its record, the record's rows, or None when
    the article's text is expected to be stored already (a copy); ``extract``
    makes the rows when it is not (e.g. its stored holder was replaced earlier
    in the batch).  Per item: ``new``, ``replaced`` or ``unchanged``, with
    ``COPY`` appended for copies.
    """
    now = datetime.now(UTC).isoformat(timespec="seconds")
    resolver = Resolver(db)
    results: list[str] = []
    for index, (article, record) in enumerate(items):
        try:
            results.append(_save_item(resolver, storable_article(article), record, now, extract))
        except db.errors as exc:
            raise StoreError(database_problem(exc, db.where) or (
                f"{article.key}: cannot be saved ({exc}); the whole batch was rolled back"
            )) from exc
        if on_item is not None:
            on_item(index, results[-1])
    try:
        resolver.flush()
    except db.errors as exc:
        raise StoreError(database_problem(exc, db.where) or (
            f"cannot save merged entity attributes ({exc}); the whole batch was rolled back"
        )) from exc
    return results


def _save_item(
    resolver: Resolver, article: Article, record: Extraction | StoreRows | None, now: str, extract: Extract | None
) -> str:
    db = resolver.db
    digest = article_hash(article)
    # Asked again, inside the transaction: the batch, or another writer, may have stored it since.
    old = _stored_under(db, article.key)
    if old is not None and old[1] == digest:
        return "unchanged"
    stale = _delete_document(db, old[0]) if old else set()
    copied = _copy_document(db, article, digest, now)
    if not copied:
        rows = _rows_for(article, record, extract)
        _insert_document(db, article, digest, rows, now)
        _insert_facts(resolver, article, rows)
    if stale:
        resolver.forget()  # removing orphans may delete entities the resolver remembers
        _remove_orphans(db, stale)
    return ("replaced" if old else "new") + (COPY if copied else "")


def _rows_for(article: Article, record: Extraction | StoreRows | None, extract: Extract | None) -> StoreRows:
    """The rows to store: the given record's (made storable), else extracted now."""
    if record is None:
        if extract is None:
            raise StoreError(f"{article.key}: its text is not stored under another key and no extraction was given")
        return extract(article)
    return storable_rows(store_rows(record))


def article_status(db: Backend, article: Article) -> str:
    """``new``, ``unchanged``, ``changed`` (other content under the same key) or ``copy`` (new or
    changed, and the text is stored under another key: its facts can be copied)."""
    article = storable_article(article)
    digest = article_hash(article)
    old = _stored_under(db, article.key)
    if old is not None and old[1] == digest:
        return "unchanged"
    if db.scalar(sql.CONTENT_STORED, {"content_hash": digest}) is not None:
        return "copy"
    return "changed" if old else "new"


def _stored_under(db: Backend, key: str) -> tuple[str, str] | None:
    """(document id, content hash) of the document stored under ``key``, if any."""
    rows = db.tuples(sql.DOCUMENT_FOR_KEY, {"key": key})
    return (rows[0][0], rows[0][1]) if rows else None


def article_hash(article: Article) -> str:
    return article.content_hash or content_hash(article.text)


def unstorable(article: Article) -> str | None:
    """Why the store cannot hold this article (said before it is extracted), or None."""
    if len(article.key.encode("utf-8", "surrogatepass")) > MAX_KEY_BYTES:
        return (f"its id is longer than {MAX_KEY_BYTES} bytes, more than a database index holds; "
                "give it a shorter id")
    return None


def is_storable(text: str) -> bool:
    """``text`` holds neither NUL nor a lone surrogate (what ``storable`` would replace)."""
    # A lone surrogate is what UTF-8 cannot encode; encoding is C-speed, a regex search walks the
    # text character by character (three times per article: 4 % of a German ingest).
    if "\x00" in text:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def storable(text: str) -> str:
    """``text`` with NUL characters and lone surrogates replaced by U+FFFD (same length)."""
    return _UNSTORABLE.sub("\ufffd", text)


_ARTICLE_TEXT_FIELDS = ("id", "key", "text", "lang", "title", "published", "source", "url")


def storable_article(article: Article) -> Article:
    """The article with every text field storable on both backends; its hash follows its text."""
    if all(is_storable(getattr(article, name)) for name in _ARTICLE_TEXT_FIELDS):
        return article
    cleaned: dict[str, Any] = {name: storable(getattr(article, name)) for name in _ARTICLE_TEXT_FIELDS}
    return dataclasses.replace(article, **cleaned, content_hash=content_hash(cleaned["text"]))


def storable_rows(rows: StoreRows) -> StoreRows:
    """The rows with every string storable (only walked when the text or metadata needs it)."""
    if all(map(is_storable, (rows.text, rows.title, rows.published, rows.source, rows.url))):
        return rows
    return StoreRows(*(_storable_value(value) for value in rows))


def _storable_value(value: Any) -> Any:
    if isinstance(value, str):
        return storable(value)
    if isinstance(value, tuple):
        return tuple(_storable_value(item) for item in value)
    if isinstance(value, Mapping):
        return {storable(str(k)): _storable_value(v) for k, v in value.items()}
    return value


def _copy_document(db: Backend, article: Article, digest: str, now: str) -> bool:
    """Store ``article`` with the facts of a stored document with the same text; False when none is."""
    source = db.tuples(sql.COPY_SOURCE, {"content_hash": digest})
    if not source:
        return False
    source_id, lang, text = source[0]
    _write_document(db, article, digest, now, lang=article.lang or lang, text=text)
    params = {"document_id": article.key, "source_id": source_id}
    for statement in (sql.COPY_SENTENCES, sql.COPY_MENTIONS, sql.COPY_RELATIONS):
        db.execute(statement, params)
    return True


def _delete_document(db: Backend, doc_id: str) -> set[str]:
    """Delete a document and (by cascade) its facts; return the entity ids it referenced."""
    referenced = {row[0] for row in db.tuples(sql.DOCUMENT_ENTITIES, {"document_id": doc_id})}
    db.execute(sql.DELETE_DOCUMENT, {"id": doc_id})
    return referenced


def _remove_orphans(db: Backend, entity_ids: Iterable[str]) -> None:
    """Delete those entities no mention or relation refers to any more (aliases, redirects cascade)."""
    db.executemany(sql.DELETE_ORPHAN, [{"id": entity_id} for entity_id in sorted(entity_ids)])


def _insert_document(db: Backend, article: Article, digest: str, rows: StoreRows, now: str) -> None:
    """The document row; the text is the extraction's, which the offsets point into."""
    _write_document(db, article, digest, now, lang=article.lang or rows.lang, text=rows.text, rows=rows)


def _write_document(
    db: Backend, article: Article, digest: str, now: str, *, lang: str, text: str, rows: StoreRows | None = None
) -> None:
    """The document row under the article's key; empty article fields come from ``rows`` when given."""
    db.execute(sql.INSERT_DOCUMENT, {
        "id": article.key, "key": article.key, "external_id": article.id,
        "title": article.title or (rows.title if rows else ""),
        "published": article.published or (rows.published if rows else ""),
        "source": article.source or (rows.source if rows else ""),
        "url": article.url or (rows.url if rows else ""),
        "lang": lang, "text": text, "ingested_at": now, "content_hash": digest,
    })


def _insert_facts(resolver: Resolver, article: Article, rows: StoreRows) -> None:
    db, published, doc_id = resolver.db, article.published or rows.published, article.key
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
        self._names: dict[str, dict[str, list[tuple[str, str]]]] = {}  # name key -> type -> (entity, name)
        self._aliases: set[tuple[str, str]] = set()
        self._attrs: dict[str, tuple[dict[str, Any], str]] = {}
        self._dirty: set[str] = set()

    def entity(self, row: EntityRow, lang: str, published: str) -> str:
        """Store or merge the entity ``(id, type, label, attrs)``; its canonical id."""
        entity_id, entity_type, label, attrs = row
        key = name_key(label)
        canonical = self.resolve_id(entity_id) or self._find_by_name(entity_id, entity_type, label, key)
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

    def _find_by_name(self, entity_id: str, entity_type: str, label: str, key: str) -> str | None:
        """The first stored entity of this type with a name of this key that it may merge with."""
        if entity_type not in NAME_MERGED_TYPES:
            return None
        by_type = self._names.setdefault(key, {})
        if entity_type not in by_type:
            found = self.db.tuples(sql.FIND_BY_NAME, {"type": entity_type, "name_key": key})
            by_type[entity_type] = [(row[0], row[1]) for row in found]
        allowed = (old for old, name in by_type[entity_type] if may_merge(entity_id, label, old, name))
        return next(allowed, None)

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
