"""The store: documents and their facts in SQLite (the default) or PostgreSQL.

``Store.open(target)`` takes a file path or a ``postgresql://`` URL; the
backends are in ``pipelines.backends``, the SQL text in ``pipelines.schema``
and the write path (saving, merging entities) in ``pipelines.store_write``.
This module holds the handle and the read API.  Every read applies the curation decisions that hold
(``pipelines.curation``; stored and read by ``pipelines.store_decisions``): without any, the reads are
the plain SQL ones.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

from pipelines import curation as curate
from pipelines import schema as sql
from pipelines import store_decisions as decided
from pipelines.backends import Backend, Target, is_postgres, open_backend
from pipelines.curation import Curation
from pipelines.decisions import Decision
from pipelines.errors import StoreError
from pipelines.records import Article
from pipelines.store_errors import database_problem, translated
from pipelines.store_write import (
    Extract,
    Item,
    ProgressHook,
    article_status,
    merge_attrs,
    resolve_id,
    save_items,
    unstorable,
)

DEFAULT_DB = Path("data") / "entente.sqlite"
MENTION_COUNT_FIELDS = ("entity_id", "document_id", "count")
RELATION_ROW_FIELDS = ("source", "relation", "target", "document_id", "sentence", "modality", "score", "basis")

__all__ = ["DEFAULT_DB", "Store", "default_db_path", "merge_attrs"]


def default_db_path() -> Target:
    """``KG_DB`` from the environment when set (a path or a ``postgresql://`` URL), else
    data/entente.sqlite (relative to the cwd)."""
    value = os.environ.get("KG_DB")
    if not value:
        return DEFAULT_DB
    return value if is_postgres(value) else Path(value).expanduser()


class Store:
    """A handle on one database; use ``Store.open(target)`` (also a context manager)."""

    def __init__(self, db: Backend, target: Target) -> None:
        self._db = db
        self.target = target
        self.where = db.where

    @classmethod
    def open(cls, target: Target) -> Store:
        """Open and migrate to the current schema: a SQLite file (created with its folders) or a
        ``postgresql://`` URL (the database must exist).  StoreError naming it when unusable."""
        return cls(open_backend(target), target)

    @classmethod
    def open_existing(cls, target: Target) -> Store:
        """Open a database that must be there already: a SQLite file that does not exist (opening
        would create an empty one) is a StoreError saying to ingest first."""
        if not is_postgres(target) and not Path(target).exists():
            raise StoreError(f"no database at {target}: run `python -m pipelines ingest PATH --db {target}` first")
        return cls.open(target)

    def close(self) -> None:
        """Close the connection; safe to call twice."""
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        """The number of migration steps applied to this database."""
        with self._translated():
            return self._db.schema_version()

    # -- writing ---------------------------------------------------------------

    def status(self, article: Article) -> str:
        """``new``, ``unchanged``, ``changed`` or ``copy`` for this article, by its key and content hash.

        A document is its key: ``unchanged`` means this key holds this text.
        ``copy``: the key is new or changed and the text is stored under another
        key (another outlet's copy); it is stored as its own document with the
        stored copy's facts, so there is nothing to extract.
        """
        with self._translated():
            return article_status(self._db, article)

    def unstorable(self, article: Article) -> str | None:
        """Why this article cannot be stored (a reason for the user), or None."""
        return unstorable(article)

    def save_batch(
        self, items: Sequence[Item], on_item: ProgressHook | None = None, extract: Extract | None = None,
    ) -> list[str]:
        """Save all items in ONE transaction; per item ``new``, ``unchanged`` or ``replaced``,
        followed by ``" copy"`` when the text was stored under another key and its facts were reused.

        An item is (article, its record or rows), or (article, None) for an
        expected copy; ``extract(article)`` gives the rows when no stored
        document has its text any more.  On any error the database is left as
        it was before the batch.  ``on_item(index, result)`` is called after
        each item is written (still inside the transaction), e.g. to drive a
        progress bar.
        """
        with self._translated():
            self._db.begin_write()
        try:
            results = save_items(self._db, items, on_item, extract)
        except BaseException:
            self._rollback()
            raise
        self._commit()
        return results

    def _commit(self) -> None:
        try:
            self._db.commit()
        except self._db.errors as exc:
            self._rollback()
            raise StoreError(database_problem(exc, self.where) or (
                f"{self.where}: cannot commit the batch ({exc}); nothing was saved")) from exc

    def _rollback(self) -> None:
        """Roll back if the connection still can; a lost one was rolled back by the server, and a
        SQLite write cut short (full disk) is undone by its journal."""
        try:
            self._db.rollback()
        except self._db.errors:
            pass

    # -- curation ----------------------------------------------------------------

    def decide(self, kind: str, payload: Mapping[str, Any], who: str = "") -> int:
        """Store one decision (checked by the caller, ``pipelines.curate``); its id."""
        return self._write(lambda: decided.insert_decision(self._db, kind, payload, who))

    def undo(self, decision_ids: Sequence[int], who: str = "") -> None:
        """Mark decisions undone (they stay listed, and no longer apply)."""
        self._write(lambda: decided.undo_decisions(self._db, decision_ids, who))

    def decisions(self) -> list[Decision]:
        """Every decision, undone ones included, oldest first."""
        with self._translated():
            return decided.decisions(self._db)

    def decisions_stamp(self) -> str:
        """Changes whenever a decision is taken or undone (part of a reader's cache key)."""
        with self._translated():
            return decided.stamp(self._db)

    def curation(self) -> Curation:
        """The decisions that hold, as applied on every read below."""
        with self._translated():
            return decided.curation_of(self._db)

    def mention_texts(self, entity_id: str) -> list[str]:
        """The names an entity is mentioned by in the articles, most used first."""
        with self._translated():
            return decided.mention_texts(self._db, self.curation(), self.resolve_id(entity_id))

    def _write(self, work: Any) -> Any:
        """Run ``work()`` in one write transaction; the database as before on any error."""
        with self._translated():
            self._db.begin_write()
            try:
                result = work()
            except BaseException:
                self._rollback()
                raise
            self._commit()
        return result

    def _translated(self) -> Any:
        """A context turning the driver's errors into StoreError with what to do."""
        return translated(self.where, self._db.errors)

    # -- reading ---------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Row counts: documents, sentences, entities, aliases, mentions, relations, redirects."""
        return self._rows(sql.COUNTS, {})[0]

    def resolve_id(self, entity_id: str) -> str:
        """The canonical id for an entity id or a redirected (merged) one; unknown ids unchanged."""
        with self._translated():
            stored = resolve_id(self._db, entity_id) or entity_id
        return self.curation().canonical(stored)

    def documents(self) -> list[dict[str, Any]]:
        """All documents without their text, oldest published first."""
        return self._rows(sql.DOCUMENTS, {})

    def document_stamps(self) -> list[tuple[str, str, str]]:
        """(id, ingested_at, content_hash) of every document, in no order: what changes when one is
        added or replaced (even within the second), without the other columns (a reader's cache key)."""
        return [(str(i), str(at or ""), str(digest or "")) for i, at, digest in self._tuples(sql.DOCUMENT_STAMPS)]

    def document(self, document_id: str) -> dict[str, Any] | None:
        """One document with its full text, or None."""
        rows = self._rows(sql.DOCUMENT, {"id": document_id})
        return rows[0] if rows else None

    def entities(self) -> list[dict[str, Any]]:
        """All entities: id, type, label, attrs (dict), mention_count, document_count."""
        curation = self.curation()
        if curation.empty:
            return [_with_attrs(row) for row in self._rows(sql.ENTITIES, {})]
        with self._translated():
            return [_with_attrs(row) for row in decided.curated_entities(self._db, curation)]

    def entity(self, entity_id: str) -> dict[str, Any] | None:
        """One entity (by canonical or redirected id) with id, type, label and attrs, or None."""
        entity_id, curation = self.resolve_id(entity_id), self.curation()
        if curation.empty:
            rows = self._rows(sql.ENTITY, {"id": entity_id})
            return _with_attrs(rows[0]) if rows else None
        found = [row for row in self.entity_rows() if row["id"] == entity_id]
        return {key: found[0][key] for key in ("id", "type", "label", "attrs")} if found else None

    def relations(self) -> list[dict[str, Any]]:
        """Relations aggregated per (source, relation, target).

        Each: source, relation, target, count (evidence sentences), documents,
        score (highest), basis ("text" when a sentence states it, else "gazetteer"), modalities
        (modality -> number of sentences).
        """
        curation = self.curation()
        if not curation.empty:
            with self._translated():
                return decided.curated_relations(self._db, curation)
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
        else the extractor's evidence), evidence, modality, score, basis ("text": the sentence states
        it; "gazetteer": known about the entities, the sentence only names them).
        """
        params = {"source": self.resolve_id(source), "relation": relation, "target": self.resolve_id(target)}
        curation = self.curation()
        if curation.empty:
            return self._rows(sql.EVIDENCE, params)
        with self._translated():
            return decided.curated_evidence(self._db, curation, params["source"], relation, params["target"])

    def mentions(self, entity_id: str, articles: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """The mentions of an entity, newest document first: all of them, or those in ``articles``
        articles after skipping ``offset`` (pages for entities in thousands of articles).

        Each: document_id/title/published/source/url, sentence (index),
        sentence_text, sentence_start, sentence_end, start, end (offsets into
        the document text), text, method, score, kind.
        """
        params: dict[str, Any] = {"entity_id": self.resolve_id(entity_id)}
        curation = self.curation()
        if not curation.empty:
            with self._translated():
                rows = decided.curated_mentions(self._db, curation, params["entity_id"])
            return rows if articles is None else decided.page_of_articles(rows, articles, offset)
        if articles is None:
            return self._rows(sql.MENTIONS, params)
        return self._rows(sql.MENTIONS_PAGE, {**params, "limit": max(0, articles), "offset": max(0, offset)})

    def aliases(self, entity_id: str) -> list[str]:
        """The names an entity has been stored under (its labels across articles), sorted."""
        entity_id, curation = self.resolve_id(entity_id), self.curation()
        if not curation.empty:
            return self.all_aliases().get(entity_id, [])
        return [row["alias"] for row in self._rows(sql.ALIASES, {"entity_id": entity_id})]

    # -- bulk reads (the explorer loads these once into a snapshot) -----------------

    def entity_rows(self) -> list[dict[str, Any]]:
        """All entities without counts (cheaper than ``entities()``): id, type, label, attrs (dict)."""
        rows = [_with_attrs(row) for row in self._rows(sql.ENTITY_ROWS, {})]
        curation = self.curation()
        return rows if curation.empty else curate.entity_rows(curation, rows)

    def mention_counts(self) -> list[tuple[str, str, int]]:
        """How often each entity is mentioned in each document, as ``MENTION_COUNT_FIELDS`` tuples
        (entity_id, document_id, count), by document.  Tuples, not dicts: there may be millions."""
        rows, curation = self._tuples(sql.MENTION_COUNTS), self.curation()
        return rows if curation.empty else curate.mention_counts(curation, rows)

    def relation_rows(self) -> list[tuple[str, str, str, str, int, str, float, str]]:
        """Every relation sentence, not aggregated, as ``RELATION_ROW_FIELDS`` tuples (source,
        relation, target, document_id, sentence index, modality, score, basis)."""
        rows, curation = self._tuples(sql.RELATION_ROWS), self.curation()
        return rows if curation.empty else curate.relation_rows(curation, rows)

    def all_aliases(self) -> dict[str, list[str]]:
        """Entity id -> the names it has been stored under, sorted (``aliases()`` for every entity)."""
        found: dict[str, list[str]] = {}
        with self._translated():
            for row in self._db.iterate(sql.ALL_ALIASES):
                found.setdefault(row[0], []).append(row[1])
        curation = self.curation()
        return found if curation.empty else curate.aliases(curation, found)

    def alias_forms(self) -> list[tuple[str, str, str, int]]:
        """Every stored name as (entity_id, alias, lang, written): the language of the article it was
        first stored from ("" when unknown) and how many mentions wrote exactly this name."""
        return self._tuples(sql.ALIAS_FORMS)

    def redirects(self) -> dict[str, str]:
        """Merged (old) entity id -> the canonical id it redirects to."""
        with self._translated():
            found = {row[0]: row[1] for row in self._db.iterate(sql.REDIRECTS)}
        curation = self.curation()
        return found if curation.empty else curate.redirects(curation, found)

    def sentence_text(self, document_id: str, sentence: int) -> str | None:
        """The text of one sentence of a document (by index), or None when unknown.

        Falls back to a relation's stored evidence when the sentence row is
        missing, like ``evidence()``.
        """
        with self._translated():
            return self._db.scalar(sql.SENTENCE_TEXT, {"document_id": document_id, "sentence": sentence})

    def _tuples(self, sql: str) -> list[Any]:
        with self._translated():
            return self._db.tuples(sql)

    def _rows(self, sql: str, params: Mapping[str, Any]) -> list[dict[str, Any]]:
        with self._translated():
            return self._db.rows(sql, params)


def _with_attrs(row: dict[str, Any]) -> dict[str, Any]:
    """The row with its attrs JSON read; attrs that are no JSON object (a damaged row) read as {}."""
    try:
        attrs = json.loads(row["attrs"])
    except (TypeError, ValueError, RecursionError):
        attrs = {}
    return {**row, "attrs": attrs if isinstance(attrs, dict) else {}}


