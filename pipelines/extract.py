"""From a processed Doc to the public extraction record (``records.Extraction``)."""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable, Iterator, Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipelines.components.candidates import Agreement, Candidate, RelationCandidate
from pipelines.components.sentences import sentence_of_tokens
from pipelines.nlp import get_nlp
from pipelines.records import Article, Entity, Extraction, Mention, Relation, Sentence

BATCH_SIZE = 32


def sentences_of(sents: Sequence[Span]) -> list[Sentence]:
    """Sentence offsets, trimmed of surrounding white space."""
    found = []
    for sent in sents:
        text = sent.text
        start = sent.start_char + (len(text) - len(text.lstrip()))
        found.append(Sentence(start, max(start, sent.start_char + len(text.rstrip()))))
    return found


def _mention(doc: Doc, start: int, end: int, sent_of: Sequence[int], method: str, score: float, kind: str) -> Mention:
    span = doc[start:end]
    return Mention(span.start_char, span.end_char, span.text, sent_of[start], method, score, kind)


def _entities(doc: Doc, cands: list[Candidate], sent_of: Sequence[int]) -> list[Entity]:
    grouped: dict[str, list[Candidate]] = defaultdict(list)
    for cand in cands:
        grouped[cand.id].append(cand)
    entities = []
    for eid, group in grouped.items():
        head = next((c for c in group if c.kind == "name"), group[0])
        attrs = {k: v for c in group for k, v in c.attrs.items() if v not in ("", None)}
        mentions = tuple(_mention(doc, c.start, c.end, sent_of, c.method, c.score, c.kind) for c in group)
        entities.append(Entity(eid, head.type, head.label, attrs, mentions))
    return entities


def _agreement_entity(doc: Doc, agreement: Agreement, sent_of: Sequence[int]) -> Entity:
    attrs: dict[str, object] = {"kind": agreement.kind, "status": agreement.status or "unknown", "parties": agreement.parties}
    if agreement.year:
        attrs["year"] = agreement.year
    mentions = tuple(
        _mention(doc, m.start, m.end, sent_of, "rule", 0.8, "anaphor" if m.anaphor else "name") for m in agreement.mentions
    )
    return Entity(agreement.id, "agreement", agreement.label, attrs, mentions)


def _relations(rels: list[RelationCandidate], sentences: list[Sentence], text: str) -> list[Relation]:
    unique: dict[tuple[str, str, str, int], Relation] = {}
    for r in rels:
        evidence = text[sentences[r.sentence].start : sentences[r.sentence].end]
        unique.setdefault((r.source, r.relation, r.target, r.sentence), Relation(r.source, r.relation, r.target, r.sentence, evidence, r.modality, r.score))
    return list(unique.values())


def record_from_doc(doc: Doc, article: Article) -> Extraction:
    """The extraction record of one processed article."""
    sents = list(doc.sents)
    sentences = sentences_of(sents)
    sent_of = sentence_of_tokens(sents, len(doc))
    entities = _entities(doc, doc._.kg_entities or [], sent_of)
    entities += [_agreement_entity(doc, a, sent_of) for a in doc._.kg_agreements or []]
    relations = _relations(doc._.kg_relations or [], sentences, doc.text)
    return Extraction(
        id=article.id, lang=article.lang, title=article.title, text=doc.text,
        sentences=tuple(sentences), entities=tuple(entities), relations=tuple(relations),
        published=article.published, source=article.source, url=article.url,
    )


def _make_doc(nlp: Language, article: Article) -> Doc:
    """A tokenised Doc carrying the article's publication date for the components."""
    doc = nlp.make_doc(article.text)
    doc.user_data["published"] = article.published
    return doc


def extract(article: Article) -> Extraction:
    """Run the pipeline of the article's language on it."""
    nlp = get_nlp(article.lang)
    return record_from_doc(nlp(_make_doc(nlp, article)), article)


def extract_many(articles: Iterable[Article], batch_size: int = BATCH_SIZE) -> Iterator[tuple[Article, Extraction]]:
    """Extract a stream of articles, batching consecutive articles of one language through ``nlp.pipe``."""
    batch: list[Article] = []
    for article in articles:
        if batch and (article.lang != batch[0].lang or len(batch) >= batch_size):
            yield from _run_batch(batch)
            batch = []
        batch.append(article)
    if batch:
        yield from _run_batch(batch)


def _run_batch(batch: list[Article]) -> Iterator[tuple[Article, Extraction]]:
    nlp = get_nlp(batch[0].lang)
    # The memory zone frees the strings and lexemes this batch added to the vocabulary, so a
    # long-lived worker does not grow with the corpus; records hold plain Python strings only.
    with nlp.memory_zone():
        records = [(a, record_from_doc(doc, a)) for a, doc in zip(batch, nlp.pipe(_make_doc(nlp, a) for a in batch))]
    yield from records
