"""Synthetic stores for benchmarks, written through the real ``Store.save_batch``.

``python -m bench.synthetic --entities 5000 --relations 50000 --db FILE``
builds a store of exactly that many entities and relation sentences (plus
mentions: by default three per relation sentence, at least one per entity).
The graph looks like news: a type mix of persons, places, organisations,
agreements and up to 249 countries (5 %), power-law popularity (a few hubs,
a long tail), typed relations between fitting types (persons visit places,
countries are parties to agreements …) and 30 % ``co_mentioned``, documents
in English, German and French from eight outlets, dated 2015–2025 with 3 %
undated.  Everything follows from the seed.

Entity labels are built from syllables so no two share a ``name_key``: the
store's cross-document merge must not fold them together.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pycountry

from pipelines.keys import content_hash, entity_id
from pipelines.records import Article, Entity, Extraction, Mention, Relation, Sentence
from pipelines.store import Store

SYLLABLES = ("ba", "ko", "mi", "tu", "ne", "ri", "so", "la", "pe", "du")
FIRST_NAMES = ("Anna", "Boris", "Chen", "Dilma", "Emre", "Fatima", "Goran", "Hana", "Ivan", "Jana", "Kofi", "Lena")
ORG_WORDS = ("Bank", "Group", "Council", "Party", "Agency", "Union")
PLACE_ENDINGS = ("burg", "grad", "ville", "stad", "polis", "more")
AGREEMENT_KINDS = ("treaty", "agreement", "trade_agreement", "partnership", "memorandum", "declaration")
STATUSES = ("planned", "signed", "in_force", "previous", "unknown")
SOURCES = ("Daily Wire Service", "Morgenpost", "Global Desk", "Tagesblatt", "Le Courrier", "Harbour News",
           "Rundschau", "Evening Ledger")
LANGUAGES = (("en", 0.55), ("de", 0.40), ("fr", 0.05))
MODALITIES = (("reported", 0.80), ("planned", 0.12), ("denied", 0.04), ("hypothetical", 0.04))
# relation, share of sentences, source types, target types, verb in the sentence
RELATIONS = (
    ("co_mentioned", 0.30, ("*",), ("*",), "appears with"),
    ("visits", 0.10, ("person",), ("country", "place"), "visits"),
    ("travels_to", 0.08, ("person",), ("country", "place"), "travels to"),
    ("meets", 0.10, ("person",), ("person",), "meets"),
    ("leader_of", 0.07, ("person",), ("country", "organization"), "leads"),
    ("advisor_to", 0.03, ("person",), ("person",), "advises"),
    ("member_of", 0.05, ("country",), ("organization",), "is a member of"),
    ("published_in", 0.04, ("person",), ("organization",), "writes in"),
    ("located_in", 0.08, ("place",), ("country",), "lies in"),
    ("party_to", 0.12, ("country", "organization"), ("agreement",), "signs"),
    ("updates", 0.03, ("agreement",), ("agreement",), "updates"),
)
DAYS = (date(2025, 12, 31) - date(2015, 1, 1)).days
MENTIONS_PER_EXTRA_SENTENCE = 4


@dataclass(frozen=True)
class Catalogue:
    """The synthetic entities: parallel arrays, popularity summing to 1."""

    ids: list[str]
    types: np.ndarray
    labels: list[str]
    attrs: list[dict[str, object]]
    popularity: np.ndarray


def build_store(path: str | Path, entities: int, relations: int, *, mentions: int | None = None,
                documents: int | None = None, seed: int = 7, batch: int = 128) -> dict[str, int]:
    """Write a synthetic store to path (appending to what is there); returns ``Store.counts()``."""
    with Store.open(path) as store:
        pending: list[tuple[Article, Extraction]] = []
        for item in synthetic_items(entities, relations, mentions=mentions, documents=documents, seed=seed):
            pending.append(item)
            if len(pending) == batch:
                store.save_batch(pending)
                pending = []
        if pending:
            store.save_batch(pending)
        return store.counts()


def synthetic_items(entities: int, relations: int, *, mentions: int | None = None, documents: int | None = None,
                    seed: int = 7) -> Iterator[tuple[Article, Extraction]]:
    """(Article, Extraction) pairs that together hold exactly ``entities`` entities and
    ``relations`` relation sentences; ``documents`` defaults to one per 20 relation sentences."""
    rng = np.random.default_rng(seed)
    catalogue = make_catalogue(max(entities, 2), rng)
    sources, kinds, targets = plan_relations(catalogue, relations, rng)
    extra = plan_mentions(catalogue, (3 * relations if mentions is None else mentions) - 2 * relations, rng)
    count = max(1, documents if documents is not None else relations // 20)
    rel_docs, extra_docs = rng.integers(count, size=len(sources)), rng.integers(count, size=len(extra))
    rel_order, extra_order = np.argsort(rel_docs, kind="stable"), np.argsort(extra_docs, kind="stable")
    rel_bounds = np.searchsorted(rel_docs[rel_order], np.arange(count + 1))
    extra_bounds = np.searchsorted(extra_docs[extra_order], np.arange(count + 1))
    for doc in range(count):
        rows = rel_order[rel_bounds[doc]:rel_bounds[doc + 1]]
        named = extra[extra_order[extra_bounds[doc]:extra_bounds[doc + 1]]]
        triples = [(int(sources[i]), int(kinds[i]), int(targets[i])) for i in rows]
        yield make_document(doc, catalogue, triples, [int(e) for e in named], rng)


# -- the catalogue of entities -----------------------------------------------------------


def make_catalogue(total: int, rng: np.random.Generator) -> Catalogue:
    """``total`` entities: 5 % countries (at most 249), then agreements, organisations, places, persons."""
    codes = sorted(c.alpha_2 for c in pycountry.countries)
    countries = min(len(codes), max(1, round(0.05 * total)))
    rest = total - countries
    shares = {"agreement": 0.08, "organization": 0.15, "place": 0.25}
    sizes = {kind: int(rest * share) for kind, share in shares.items()}
    sizes["person"] = rest - sum(sizes.values())
    chosen = list(rng.choice(codes, size=countries, replace=False))
    rows = [_country(code) for code in chosen]
    for kind, size in sizes.items():
        rows += [_named(kind, i, chosen, rng) for i in range(size)]
    ranks = rng.permutation(total)
    popularity = 1.0 / (ranks + 1.0) ** 0.9
    return Catalogue([r[0] for r in rows], np.array([r[1] for r in rows]), [r[2] for r in rows],
                     [r[3] for r in rows], popularity / popularity.sum())


def _country(code: str) -> tuple[str, str, str, dict[str, object]]:
    country = pycountry.countries.get(alpha_2=code)
    label = getattr(country, "common_name", None) or getattr(country, "name", code)
    return f"country:{code}", "country", str(label), {}


def _named(kind: str, i: int, codes: Sequence[str], rng: np.random.Generator) -> tuple[str, str, str, dict[str, object]]:
    """A person, organisation, place or agreement with a label no other entity of its type shares."""
    word = syllables(i).capitalize()
    home = str(codes[int(rng.integers(len(codes)))])
    attrs: dict[str, object]
    if kind == "person":
        label, attrs = f"{FIRST_NAMES[i % len(FIRST_NAMES)]} {word}", {}
    elif kind == "organization":
        label, attrs = f"{word} {ORG_WORDS[i % len(ORG_WORDS)]}", {"country": home}
    elif kind == "place":
        label, attrs = f"{word}{PLACE_ENDINGS[i % len(PLACE_ENDINGS)]}", {"country": home}
    else:
        return f"agreement:synthetic-{i}", kind, f"{word} Accord", _agreement_attrs(codes, rng)
    return entity_id(kind, label), kind, label, attrs


def _agreement_attrs(codes: Sequence[str], rng: np.random.Generator) -> dict[str, object]:
    parties = sorted({f"country:{codes[int(j)]}" for j in rng.integers(len(codes), size=2)})
    return {"kind": str(rng.choice(AGREEMENT_KINDS)), "status": str(rng.choice(STATUSES)),
            "year": int(rng.integers(1990, 2026)), "parties": parties}


def syllables(number: int) -> str:
    """A word spelling the number's digits as syllables: 402 -> "nebami" (no doubled letters)."""
    return "".join(SYLLABLES[int(d)] for d in str(number))


# -- relations and mentions -------------------------------------------------------------


def plan_relations(catalogue: Catalogue, total: int, rng: np.random.Generator
                   ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``total`` relation sentences (source index, relation index, target index), no self-loops."""
    kinds = rng.choice(len(RELATIONS), size=total, p=_shares())
    sources, targets = np.zeros(total, dtype=np.int64), np.zeros(total, dtype=np.int64)
    for kind in range(len(RELATIONS)):
        rows = np.flatnonzero(kinds == kind)
        _, _, source_types, target_types, _ = RELATIONS[kind]
        src_pool, tgt_pool = _pool(catalogue, source_types), _pool(catalogue, target_types)
        if len(src_pool) == 0 or len(tgt_pool) == 0:
            kinds[rows], src_pool, tgt_pool = 0, _pool(catalogue, ("*",)), _pool(catalogue, ("*",))
        sources[rows] = _pick(catalogue, src_pool, len(rows), rng)
        targets[rows] = _pick(catalogue, tgt_pool, len(rows), rng)
    _break_self_loops(sources, targets, len(catalogue.ids))
    return sources, kinds, targets


def _shares() -> np.ndarray:
    shares = np.array([r[1] for r in RELATIONS])
    return shares / shares.sum()


def _pool(catalogue: Catalogue, types: Sequence[str]) -> np.ndarray:
    if types == ("*",):
        return np.arange(len(catalogue.ids))
    return np.flatnonzero(np.isin(catalogue.types, types))


def _pick(catalogue: Catalogue, pool: np.ndarray, size: int, rng: np.random.Generator) -> np.ndarray:
    weights = catalogue.popularity[pool]
    return pool[rng.choice(len(pool), size=size, p=weights / weights.sum())]


def _break_self_loops(sources: np.ndarray, targets: np.ndarray, total: int) -> None:
    """A relation from an entity to itself gets the next entity as target instead (rare)."""
    loops = sources == targets
    targets[loops] = (targets[loops] + 1) % total


def plan_mentions(catalogue: Catalogue, extra: int, rng: np.random.Generator) -> np.ndarray:
    """Entity indices to mention outside relation sentences: every entity once, then by popularity."""
    every = rng.permutation(len(catalogue.ids))
    more = max(0, extra - len(every))
    return np.concatenate([every, rng.choice(len(catalogue.ids), size=more, p=catalogue.popularity)])


# -- documents ----------------------------------------------------------------------------------


def make_document(doc: int, catalogue: Catalogue, triples: list[tuple[int, int, int]], named: list[int],
                  rng: np.random.Generator) -> tuple[Article, Extraction]:
    """One article: a title sentence, one sentence per relation, then the other mentions in fours."""
    writer = _Writer(f"Synthetic report number {doc}.")
    for source, kind, target in triples:
        writer.relation(catalogue, source, kind, target, _weighted(MODALITIES, rng), round(float(rng.uniform(0.5, 0.9)), 2))
    for start in range(0, len(named), MENTIONS_PER_EXTRA_SENTENCE):
        writer.names(catalogue, named[start:start + MENTIONS_PER_EXTRA_SENTENCE])
    return writer.finish(doc, catalogue, _weighted(LANGUAGES, rng), _published(rng), SOURCES[doc % len(SOURCES)])


class _Writer:
    """Builds the text sentence by sentence, recording mentions and relations with their offsets."""

    def __init__(self, title: str) -> None:
        self.parts: list[str] = []
        self.sentences: list[Sentence] = []
        self.mentions: dict[int, list[Mention]] = {}
        self.relations: list[Relation] = []
        self.offset = 0
        self._sentence([(title, None)])

    def relation(self, catalogue: Catalogue, source: int, kind: int, target: int, modality: str, score: float) -> None:
        name, *_, verb = RELATIONS[kind]
        text = self._sentence([(catalogue.labels[source], source), (f" {verb} ", None),
                               (catalogue.labels[target], target), (".", None)])
        self.relations.append(Relation(catalogue.ids[source], name, catalogue.ids[target],
                                       len(self.sentences) - 1, text, modality, score))

    def names(self, catalogue: Catalogue, entities: list[int]) -> None:
        pieces: list[tuple[str, int | None]] = [("Also named: ", None)]
        for n, entity in enumerate(entities):
            pieces += [(", " if n else "", None), (catalogue.labels[entity], entity)]
        self._sentence(pieces + [(".", None)])

    def _sentence(self, pieces: list[tuple[str, int | None]]) -> str:
        start = self.offset + (1 if self.parts else 0)
        position, index = start, len(self.sentences)
        for text, entity in pieces:
            if entity is not None:
                mention = Mention(position, position + len(text), text, index, "rule", 0.9, "name")
                self.mentions.setdefault(entity, []).append(mention)
            position += len(text)
        sentence = "".join(text for text, _ in pieces)
        self.parts.append(sentence)
        self.sentences.append(Sentence(start, position))
        self.offset = position
        return sentence

    def finish(self, doc: int, catalogue: Catalogue, lang: str, published: str, source: str
               ) -> tuple[Article, Extraction]:
        text = " ".join(self.parts)
        entities = tuple(Entity(catalogue.ids[i], str(catalogue.types[i]), catalogue.labels[i], catalogue.attrs[i],
                                tuple(found)) for i, found in self.mentions.items())
        title = self.parts[0].rstrip(".")
        article = Article(id=f"synthetic-{doc}", key=f"synthetic/{doc}", text=text, lang=lang, title=title,
                          published=published, source=source, url=f"https://example.org/synthetic/{doc}",
                          content_hash=content_hash(text))
        extraction = Extraction(article.id, lang, title, text, tuple(self.sentences), entities,
                                tuple(self.relations), published, source, article.url)
        return article, extraction


def _weighted(choices: Sequence[tuple[str, float]], rng: np.random.Generator) -> str:
    return choices[int(rng.choice(len(choices), p=[w for _, w in choices]))][0]


def _published(rng: np.random.Generator) -> str:
    if rng.random() < 0.03:
        return ""
    return (date(2015, 1, 1) + timedelta(days=int(rng.integers(DAYS + 1)))).isoformat()


# -- command line -------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m bench.synthetic --entities N --relations M --db FILE [--mentions K] [--documents D]``."""
    args = _parser().parse_args(argv)
    db = Path(args.db)
    if db.exists() and not args.force:
        print(f"error: {db} exists; pass --force to replace it", file=sys.stderr)
        return 1
    for stale in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        stale.unlink(missing_ok=True)
    started = time.perf_counter()
    counts = build_store(db, args.entities, args.relations, mentions=args.mentions,
                         documents=args.documents, seed=args.seed)
    print(", ".join(f"{name}: {n}" for name, n in counts.items()) + f" ({time.perf_counter() - started:.1f} s)")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench.synthetic", description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=5000)
    parser.add_argument("--relations", type=int, default=50000, help="relation sentences")
    parser.add_argument("--mentions", type=int, default=None, help="default: 3 per relation sentence")
    parser.add_argument("--documents", type=int, default=None, help="default: 1 per 20 relation sentences")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--db", required=True, help="the SQLite file to write")
    parser.add_argument("--force", action="store_true", help="replace the file when it exists")
    return parser


if __name__ == "__main__":
    sys.exit(main())


def cached_store(db: Path, entities: int, relations: int, *, mentions: int | None = None, seed: int = 7) -> tuple[Path, str]:
    """``db`` built once and reused: built under a temporary name and renamed when complete, so a killed
    build never counts. Returns the path and "reused" or how long the build took."""
    if db.exists() and db.stat().st_size > 0:
        return db, "reused"
    partial = db.with_name(db.name + ".partial")
    for stale in (partial, partial.with_name(partial.name + "-wal"), partial.with_name(partial.name + "-shm")):
        stale.unlink(missing_ok=True)
    started = time.perf_counter()
    counts = build_store(partial, entities, relations, mentions=mentions, seed=seed)
    conn = sqlite3.connect(partial)  # fold the WAL into the file before renaming it
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    for suffix in ("-wal", "-shm"):
        partial.with_name(partial.name + suffix).unlink(missing_ok=True)
    partial.rename(db)
    built = ", ".join(f"{name}: {n}" for name, n in counts.items())
    return db, f"built in {time.perf_counter() - started:.1f} s ({built})"
