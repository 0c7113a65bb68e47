"""From a processed Doc to the public extraction record (``records.Extraction``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from pipelines.components.candidates import Agreement, Candidate, RelationCandidate
from pipelines.components.tokens import Tokens, tokens_of
from pipelines.nlp import batch_zone, get_nlp
from pipelines.pieces import MAX_PIECE_CHARS, join_records, piece_article, pieces
from pipelines.records import Article, Entity, Extraction, Mention, Rejection, Relation, Sentence

BATCH_SIZE = 32


def sentences_of(tokens: Tokens) -> list[Sentence]:
    """Sentence offsets, trimmed of surrounding white space."""
    found = []
    for first, end in tokens.sents:
        start_char = tokens.start_char(first)
        text = tokens.span_text(first, end)
        start = start_char + (len(text) - len(text.lstrip()))
        found.append(Sentence(start, max(start, start_char + len(text.rstrip()))))
    return found


def _mention(tokens: Tokens, start: int, end: int, method: str, score: float, kind: str) -> Mention:
    start_char, end_char = tokens.start_char(start), tokens.end_char(end)
    return Mention(start_char, end_char, tokens.text[start_char:end_char], tokens.sent_of[start], method, score, kind)


def _entities(tokens: Tokens, cands: list[Candidate]) -> list[Entity]:
    grouped: dict[str, list[Candidate]] = defaultdict(list)
    for cand in cands:
        grouped[cand.id].append(cand)
    entities = []
    for eid, group in grouped.items():
        head = next((c for c in group if c.kind == "name"), group[0])
        attrs = {k: v for c in group for k, v in c.attrs.items() if v not in ("", None)}
        mentions = tuple(_mention(tokens, c.start, c.end, c.method, c.score, c.kind) for c in group)
        entities.append(Entity(eid, head.type, head.label, attrs, mentions))
    return entities


def _agreement_entity(tokens: Tokens, agreement: Agreement) -> Entity:
    attrs: dict[str, object] = {"kind": agreement.kind, "status": agreement.status or "unknown", "parties": agreement.parties}
    if agreement.year:
        attrs["year"] = agreement.year
    if agreement.modality != "reported":
        attrs["modality"] = agreement.modality
    mentions = tuple(
        _mention(tokens, m.start, m.end, "rule", 0.8, "anaphor" if m.anaphor else "name") for m in agreement.mentions
    )
    return Entity(agreement.id, "agreement", agreement.label, attrs, mentions)


def _relations(rels: list[RelationCandidate], sentences: list[Sentence], text: str) -> list[Relation]:
    unique: dict[tuple[str, str, str, int], Relation] = {}
    # One string per sentence, shared by its relations: pickled once on the way back from a worker.
    evidence: dict[int, str] = {}
    for r in rels:
        if r.sentence not in evidence:
            evidence[r.sentence] = text[sentences[r.sentence].start : sentences[r.sentence].end]
        key = (r.source, r.relation, r.target, r.sentence)
        if key not in unique:
            unique[key] = Relation(r.source, r.relation, r.target, r.sentence, evidence[r.sentence], r.modality, r.score, r.basis)
    return list(unique.values())


def record_from_doc(doc: Doc, article: Article) -> Extraction:
    """The extraction record of one processed article."""
    tokens = tokens_of(doc)
    sentences = sentences_of(tokens)
    entities = _entities(tokens, doc._.kg_entities or [])
    entities += [_agreement_entity(tokens, a) for a in doc._.kg_agreements or []]
    # The article's own string (equal for a Doc made from it), so that a worker pickles it once
    # for the article and the record it sends back.
    text = article.text if article.text == tokens.text else tokens.text
    relations = _relations(doc._.kg_relations or [], sentences, text)
    return Extraction(
        id=article.id, lang=article.lang, title=article.title, text=text,
        sentences=tuple(sentences), entities=tuple(entities), relations=tuple(relations),
        published=article.published, source=article.source, url=article.url,
    )


def _make_doc(nlp: Language, article: Article) -> Doc:
    """A tokenised Doc carrying the article's publication date for the components."""
    doc = nlp.make_doc(article.text)
    doc.user_data["published"] = article.published
    return doc


def extract(article: Article) -> Extraction:
    """Run the pipeline of the article's language on it (in pieces when it is longer than
    ``pieces.MAX_PIECE_CHARS``)."""
    if len(article.text) > MAX_PIECE_CHARS:
        parts = [(start, extract(piece_article(article, start, end))) for start, end in pieces(article.text)]
        return join_records(article, parts)
    nlp = get_nlp(article.lang)
    return record_from_doc(nlp(_make_doc(nlp, article)), article)


def extract_many(articles: Iterable[Article], batch_size: int = BATCH_SIZE) -> Iterator[tuple[Article, Extraction]]:
    """Extract a stream of articles, batching consecutive articles of one language through ``nlp.pipe``."""
    for batch in _batches(articles, batch_size):
        yield from _run_batch(batch)


def extract_safely(
    articles: Iterable[Article], batch_size: int = BATCH_SIZE
) -> Iterator[tuple[Article, Extraction | Rejection]]:
    """``extract_many``, except that an article whose extraction fails is paired with a Rejection
    saying so instead of stopping the stream: a failed batch is extracted again one article at a time."""
    for batch in _batches(articles, batch_size):
        try:
            results: list[tuple[Article, Extraction | Rejection]] = list(_run_batch(batch))
        except Exception:  # noqa: BLE001 (found and reported per article below)
            results = [_extract_one_safely(article) for article in batch]
        yield from results


def _extract_one_safely(article: Article) -> tuple[Article, Extraction | Rejection]:
    try:
        return article, extract(article)
    except Exception as err:  # noqa: BLE001 (one article never stops a run)
        reason = f"extraction failed ({type(err).__name__}: {err}): this article was skipped; please report it"
        return article, Rejection(article.where or article.key, reason)


def _batches(articles: Iterable[Article], batch_size: int) -> Iterator[list[Article]]:
    """Consecutive articles of one language, at most ``batch_size``; a long text alone."""
    batch: list[Article] = []
    for article in articles:
        if batch and (article.lang != batch[0].lang or len(batch) >= batch_size or _is_long(article)):
            yield batch
            batch = []
        batch.append(article)
        if _is_long(article):
            yield batch
            batch = []
    if batch:
        yield batch


def _is_long(article: Article) -> bool:
    return len(article.text) > MAX_PIECE_CHARS


def _run_batch(batch: list[Article]) -> list[tuple[Article, Extraction]]:
    if len(batch) == 1 and _is_long(batch[0]):
        return [(batch[0], extract(batch[0]))]
    nlp = get_nlp(batch[0].lang)
    # Past the warm-up budget, a memory zone frees the strings and lexemes this batch added, so a
    # long-lived worker does not grow with the corpus; records hold plain Python strings only.
    with batch_zone(nlp):
        return [(a, record_from_doc(doc, a)) for a, doc in zip(batch, nlp.pipe(_make_doc(nlp, a) for a in batch), strict=True)]
