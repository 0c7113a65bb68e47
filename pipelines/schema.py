"""All SQL text of the store: the schema as migration steps, and the statements.

Kept close to standard SQL (named parameters, ``ON CONFLICT DO NOTHING``,
no SQLite functions) so a PostgreSQL backend can reuse it; the SQLite
specifics (connection, PRAGMAs, ``user_version``) are in ``pipelines.migrations``.

Offsets are stored as ``start_char``/``end_char`` because ``END`` is a
reserved word in standard SQL; the read statements rename them to
``start``/``end``.  A document is its input's id: ``documents.id`` and
``documents.key`` are that key (databases from before schema version 5 keep
the content hash as the id of their older documents); ``content_hash`` tells
an unchanged re-ingest and finds copies of the same text under other keys.
"""

from __future__ import annotations

Step = tuple[str, ...]

_TABLES: Step = (
    """CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        external_id TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL DEFAULT '',
        published TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT '',
        url TEXT NOT NULL DEFAULT '',
        lang TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL,
        ingested_at TEXT NOT NULL
    )""",
    """CREATE TABLE sentences (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        start_char INTEGER NOT NULL,
        end_char INTEGER NOT NULL,
        PRIMARY KEY (document_id, idx),
        CHECK (start_char <= end_char)
    )""",
    """CREATE TABLE entities (
        id TEXT PRIMARY KEY,
        type TEXT NOT NULL,
        label TEXT NOT NULL,
        attrs TEXT NOT NULL DEFAULT '{}',
        attrs_published TEXT NOT NULL DEFAULT ''
    )""",
    """CREATE TABLE aliases (
        entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        alias TEXT NOT NULL,
        name_key TEXT NOT NULL,
        lang TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (entity_id, alias)
    )""",
    """CREATE TABLE mentions (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        entity_id TEXT NOT NULL REFERENCES entities(id),
        start_char INTEGER NOT NULL,
        end_char INTEGER NOT NULL,
        text TEXT NOT NULL,
        sentence_idx INTEGER NOT NULL,
        method TEXT NOT NULL,
        score REAL NOT NULL,
        kind TEXT NOT NULL DEFAULT 'name',
        UNIQUE (document_id, entity_id, start_char, end_char),
        CHECK (start_char <= end_char)
    )""",
    """CREATE TABLE relations (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        source TEXT NOT NULL REFERENCES entities(id),
        relation TEXT NOT NULL,
        target TEXT NOT NULL REFERENCES entities(id),
        sentence_idx INTEGER NOT NULL,
        evidence TEXT NOT NULL DEFAULT '',
        modality TEXT NOT NULL DEFAULT 'reported',
        score REAL NOT NULL,
        UNIQUE (document_id, source, relation, target, sentence_idx)
    )""",
)

_REDIRECTS_AND_INDEXES: Step = (
    """CREATE TABLE entity_redirects (
        old_id TEXT PRIMARY KEY,
        entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE
    )""",
    "CREATE INDEX entity_redirects_entity ON entity_redirects (entity_id)",
    "CREATE INDEX aliases_name_key ON aliases (name_key)",
    "CREATE INDEX mentions_entity ON mentions (entity_id)",
    "CREATE INDEX relations_source ON relations (source, relation, target)",
    "CREATE INDEX relations_target ON relations (target)",
    "CREATE INDEX relations_document ON relations (document_id)",
)

# An entity's drill-down pages through its articles: (entity_id, document_id) first, covering.
# relations_document duplicated the leading column of the relations' UNIQUE index and slowed inserts.
_MENTION_PAGING: Step = (
    "CREATE INDEX mentions_entity_document ON mentions (entity_id, document_id, start_char, end_char)",
    "DROP INDEX mentions_entity",
    "DROP INDEX relations_document",
)

# Newest documents first without sorting them all: PostgreSQL walks it to pick a drill-down page's
# articles (the most-mentioned entity of the benchmark store: 24 ms -> 11 ms).
_DOCUMENTS_BY_DATE: Step = ("CREATE INDEX documents_published ON documents (published DESC, id)",)

# Documents keep their identity: the same text under two keys (a wire story from two outlets) is two
# documents; the content hash, the id until now, finds the copies.
_CONTENT_HASH: Step = (
    "ALTER TABLE documents ADD COLUMN content_hash TEXT NOT NULL DEFAULT ''",
    "UPDATE documents SET content_hash = id",
    "CREATE INDEX documents_content_hash ON documents (content_hash)",
)

# Where a relation comes from: "text" (the evidence sentence states it) or "gazetteer" (located_in from what
# the place gazetteer knows, shown with a sentence that merely names the place).
_RELATION_BASIS: Step = ("ALTER TABLE relations ADD COLUMN basis TEXT NOT NULL DEFAULT 'text'",)

# Curation: what a person decided (merge, rename, retype, split, reject), kept apart from the extracted
# facts so that re-ingesting articles never loses it; applied on every read (``pipelines.curation``).
# ``payload`` is a JSON object; ``undone_at`` is "" while the decision holds.
_DECISIONS: Step = (
    """CREATE TABLE decisions (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        payload TEXT NOT NULL DEFAULT '{}',
        who TEXT NOT NULL DEFAULT '',
        decided_at TEXT NOT NULL,
        undone_at TEXT NOT NULL DEFAULT '',
        undone_by TEXT NOT NULL DEFAULT ''
    )""",
)

# Append new steps; never edit a step that has been released.
MIGRATIONS: tuple[Step, ...] = (
    _TABLES, _REDIRECTS_AND_INDEXES, _MENTION_PAGING, _DOCUMENTS_BY_DATE, _CONTENT_HASH, _RELATION_BASIS,
    _DECISIONS,
)
SCHEMA_VERSION = len(MIGRATIONS)

# -- writing -------------------------------------------------------------------------

INSERT_DOCUMENT = """
INSERT INTO documents (id, key, external_id, title, published, source, url, lang, text, ingested_at, content_hash)
VALUES (:id, :key, :external_id, :title, :published, :source, :url, :lang, :text, :ingested_at, :content_hash)"""

INSERT_SENTENCE = """
INSERT INTO sentences (document_id, idx, start_char, end_char) VALUES (:document_id, :idx, :start, :end)"""

INSERT_ENTITY = """
INSERT INTO entities (id, type, label, attrs, attrs_published)
VALUES (:id, :type, :label, :attrs, :attrs_published)"""

INSERT_ALIAS = """
INSERT INTO aliases (entity_id, alias, name_key, lang) VALUES (:entity_id, :alias, :name_key, :lang)
ON CONFLICT DO NOTHING"""

INSERT_REDIRECT = """
INSERT INTO entity_redirects (old_id, entity_id) VALUES (:old_id, :entity_id) ON CONFLICT DO NOTHING"""

# Duplicates (two extracted ids merged into one entity) are dropped silently.
INSERT_MENTION = """
INSERT INTO mentions (document_id, entity_id, start_char, end_char, text, sentence_idx, method, score, kind)
VALUES (:document_id, :entity_id, :start, :end, :text, :sentence, :method, :score, :kind)
ON CONFLICT DO NOTHING"""

INSERT_RELATION = """
INSERT INTO relations (document_id, source, relation, target, sentence_idx, evidence, modality, score, basis)
VALUES (:document_id, :source, :relation, :target, :sentence, :evidence, :modality, :score, :basis)
ON CONFLICT DO NOTHING"""

ENTITY_ATTRS = "SELECT attrs, attrs_published FROM entities WHERE id = :id"

UPDATE_ATTRS = "UPDATE entities SET attrs = :attrs, attrs_published = :attrs_published WHERE id = :id"

DOCUMENT_FOR_KEY = "SELECT id, content_hash FROM documents WHERE key = :key"

CONTENT_STORED = "SELECT 1 FROM documents WHERE content_hash = :content_hash LIMIT 1"

# The document whose facts a copy of the same text reuses (any of them: their facts are the same).
COPY_SOURCE = """
SELECT id, lang, text FROM documents WHERE content_hash = :content_hash
ORDER BY id LIMIT 1"""

COPY_SENTENCES = """
INSERT INTO sentences (document_id, idx, start_char, end_char)
SELECT :document_id, idx, start_char, end_char FROM sentences WHERE document_id = :source_id"""

COPY_MENTIONS = """
INSERT INTO mentions (document_id, entity_id, start_char, end_char, text, sentence_idx, method, score, kind)
SELECT :document_id, entity_id, start_char, end_char, text, sentence_idx, method, score, kind
FROM mentions WHERE document_id = :source_id"""

COPY_RELATIONS = """
INSERT INTO relations (document_id, source, relation, target, sentence_idx, evidence, modality, score, basis)
SELECT :document_id, source, relation, target, sentence_idx, evidence, modality, score, basis
FROM relations WHERE document_id = :source_id"""

DELETE_DOCUMENT = "DELETE FROM documents WHERE id = :id"

DOCUMENT_ENTITIES = """
SELECT entity_id FROM mentions WHERE document_id = :document_id
UNION SELECT source FROM relations WHERE document_id = :document_id
UNION SELECT target FROM relations WHERE document_id = :document_id"""

DELETE_ORPHAN = """
DELETE FROM entities WHERE id = :id
  AND NOT EXISTS (SELECT 1 FROM mentions WHERE entity_id = :id)
  AND NOT EXISTS (SELECT 1 FROM relations WHERE source = :id)
  AND NOT EXISTS (SELECT 1 FROM relations WHERE target = :id)"""

RESOLVE_ID = """
SELECT id FROM entities WHERE id = :id
UNION ALL SELECT entity_id FROM entity_redirects WHERE old_id = :id"""

# Entities of a type with a name of this key, with that name; the caller picks the first it may
# merge with (``pipelines.merge_rule``), so ties go by id.
FIND_BY_NAME = """
SELECT a.entity_id, a.alias FROM aliases a JOIN entities e ON e.id = a.entity_id
WHERE a.name_key = :name_key AND e.type = :type
ORDER BY a.entity_id, a.alias"""

# -- reading -------------------------------------------------------------------------

COUNTS = """
SELECT (SELECT COUNT(*) FROM documents) AS documents,
       (SELECT COUNT(*) FROM sentences) AS sentences,
       (SELECT COUNT(*) FROM entities) AS entities,
       (SELECT COUNT(*) FROM aliases) AS aliases,
       (SELECT COUNT(*) FROM mentions) AS mentions,
       (SELECT COUNT(*) FROM relations) AS relations,
       (SELECT COUNT(*) FROM entity_redirects) AS redirects"""

_DOCUMENT_COLUMNS = "id, key, external_id, title, published, source, url, lang, ingested_at, content_hash"

DOCUMENTS = "SELECT " + _DOCUMENT_COLUMNS + " FROM documents ORDER BY published, id"

DOCUMENT = "SELECT " + _DOCUMENT_COLUMNS + ", text FROM documents WHERE id = :id"

DOCUMENT_STAMPS = "SELECT id, ingested_at, content_hash FROM documents"

ENTITY = "SELECT id, type, label, attrs FROM entities WHERE id = :id"

ENTITIES = """
WITH refs AS (
    SELECT entity_id, document_id FROM mentions
    UNION SELECT source, document_id FROM relations
    UNION SELECT target, document_id FROM relations
), docs AS (
    SELECT entity_id, COUNT(*) AS n FROM refs GROUP BY entity_id
), ments AS (
    SELECT entity_id, COUNT(*) AS n FROM mentions GROUP BY entity_id
)
SELECT e.id, e.type, e.label, e.attrs,
       COALESCE(ments.n, 0) AS mention_count, COALESCE(docs.n, 0) AS document_count
FROM entities e
LEFT JOIN ments ON ments.entity_id = e.id
LEFT JOIN docs ON docs.entity_id = e.id
ORDER BY e.id"""

RELATIONS = """
SELECT source, relation, target, COUNT(*) AS count,
       COUNT(DISTINCT document_id) AS documents, MAX(score) AS score, MAX(basis) AS basis
FROM relations GROUP BY source, relation, target
ORDER BY source, relation, target"""

RELATION_MODALITIES = """
SELECT source, relation, target, modality, COUNT(*) AS n
FROM relations GROUP BY source, relation, target, modality"""

_DOCUMENT_FIELDS = """d.id AS document_id, d.title AS document_title, d.published AS document_published,
       d.source AS document_source, d.url AS document_url"""

_SENTENCE_TEXT = "SUBSTR(d.text, s.start_char + 1, s.end_char - s.start_char)"

EVIDENCE = """
SELECT """ + _DOCUMENT_FIELDS + """,
       r.sentence_idx AS sentence, COALESCE(""" + _SENTENCE_TEXT + """, r.evidence) AS sentence_text,
       r.evidence, r.modality, r.score, r.basis
FROM relations r
JOIN documents d ON d.id = r.document_id
LEFT JOIN sentences s ON s.document_id = r.document_id AND s.idx = r.sentence_idx
WHERE r.source = :source AND r.relation = :relation AND r.target = :target
ORDER BY d.published DESC, d.id, r.sentence_idx"""

_MENTION_FIELDS = """m.sentence_idx AS sentence, COALESCE(""" + _SENTENCE_TEXT + """, '') AS sentence_text,
       COALESCE(s.start_char, m.start_char) AS sentence_start,
       COALESCE(s.end_char, m.end_char) AS sentence_end,
       m.start_char AS "start", m.end_char AS "end", m.text, m.method, m.score, m.kind"""

MENTIONS = """
SELECT """ + _DOCUMENT_FIELDS + """,
       """ + _MENTION_FIELDS + """
FROM mentions m
JOIN documents d ON d.id = m.document_id
LEFT JOIN sentences s ON s.document_id = m.document_id AND s.idx = m.sentence_idx
WHERE m.entity_id = :entity_id
ORDER BY d.published DESC, d.id, m.start_char"""

# The mentions in one page of an entity's articles (newest first): the articles are chosen from the
# covering index before any mention row is read, so a page costs the same for 10 or 50,000 mentions.
MENTIONS_PAGE = """
WITH page AS (
    SELECT d.id FROM documents d
    WHERE d.id IN (SELECT document_id FROM mentions WHERE entity_id = :entity_id)
    ORDER BY d.published DESC, d.id
    LIMIT :limit OFFSET :offset
)
SELECT """ + _DOCUMENT_FIELDS + """,
       """ + _MENTION_FIELDS + """
FROM page
JOIN documents d ON d.id = page.id
JOIN mentions m ON m.entity_id = :entity_id AND m.document_id = page.id
LEFT JOIN sentences s ON s.document_id = m.document_id AND s.idx = m.sentence_idx
ORDER BY d.published DESC, d.id, m.start_char, m.end_char"""

ALIASES = "SELECT DISTINCT alias FROM aliases WHERE entity_id = :entity_id ORDER BY alias"

# -- bulk reads for the explorer's snapshot ------------------------------------------

ENTITY_ROWS = "SELECT id, type, label, attrs FROM entities ORDER BY id"

# Grouped in the order of the (document_id, entity_id, …) unique index: no sorting needed.
MENTION_COUNTS = """
SELECT entity_id, document_id, COUNT(*) AS count
FROM mentions GROUP BY document_id, entity_id
ORDER BY document_id, entity_id"""

RELATION_ROWS = """
SELECT source, relation, target, document_id, sentence_idx AS sentence, modality, score, basis
FROM relations
ORDER BY source, relation, target, document_id, sentence_idx"""

ALL_ALIASES = "SELECT entity_id, alias FROM aliases ORDER BY entity_id, alias"

# Each stored name of an entity with the language of the article it came from and how often the
# articles wrote exactly that name (the explorer labels entities in the reader's language by these).
ALIAS_FORMS = """
SELECT a.entity_id, a.alias, a.lang,
       (SELECT COUNT(*) FROM mentions m WHERE m.entity_id = a.entity_id AND m.text = a.alias) AS written
FROM aliases a ORDER BY a.entity_id, a.alias"""

REDIRECTS = "SELECT old_id, entity_id FROM entity_redirects ORDER BY old_id"

# The stored sentence first; else the extractor's evidence for a relation in that sentence.
SENTENCE_TEXT = """
SELECT text FROM (
    SELECT 0 AS rank, """ + _SENTENCE_TEXT + """ AS text
    FROM sentences s JOIN documents d ON d.id = s.document_id
    WHERE s.document_id = :document_id AND s.idx = :sentence
    UNION ALL
    SELECT 1 AS rank, r.evidence AS text FROM relations r
    WHERE r.document_id = :document_id AND r.sentence_idx = :sentence AND r.evidence <> ''
) AS found
ORDER BY rank LIMIT 1"""

# -- curation decisions --------------------------------------------------------------

# Ids are numbered inside the write transaction (one writer at a time on both backends).
INSERT_DECISION = """
INSERT INTO decisions (id, kind, payload, who, decided_at)
SELECT COALESCE(MAX(id), 0) + 1, :kind, :payload, :who, :decided_at FROM decisions"""

LAST_DECISION = "SELECT MAX(id) FROM decisions"

DECISIONS = "SELECT id, kind, payload, who, decided_at, undone_at, undone_by FROM decisions ORDER BY id"

UNDO_DECISION = """
UPDATE decisions SET undone_at = :undone_at, undone_by = :undone_by WHERE id = :id AND undone_at = ''"""

# Changes whenever a decision is taken or undone: part of the explorer's data version.
# (Undone is final, so counting the undone ones is enough.)
DECISIONS_STAMP = """
SELECT COUNT(*), COALESCE(MAX(id), 0), COALESCE(SUM(CASE WHEN undone_at = '' THEN 0 ELSE 1 END), 0) FROM decisions"""

# Where an entity is named with one exact name (what ``split`` moves to an entity of its own).
ALIAS_SENTENCES = """
SELECT document_id, sentence_idx, COUNT(*) AS n FROM mentions
WHERE entity_id = :entity_id AND text = :alias
GROUP BY document_id, sentence_idx ORDER BY document_id, sentence_idx"""

# Every relation sentence with its basis: the curated aggregation (``Store.relations``) starts from these.
RELATION_SENTENCES = """
SELECT source, relation, target, document_id, sentence_idx AS sentence, modality, score, basis
FROM relations ORDER BY source, relation, target, document_id, sentence_idx"""

# The names an entity is mentioned by, most used first (what ``split`` may move off).
MENTION_TEXTS = """
SELECT text, COUNT(*) AS n FROM mentions WHERE entity_id = :entity_id
GROUP BY text ORDER BY COUNT(*) DESC, text"""
