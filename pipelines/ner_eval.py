"""``evaluate``: the recogniser that ``ingest`` uses, scored on gold NER files.

Scoring: exact outer spans for PER, ORG and LOC; ``person`` -> PER, ``organization`` -> ORG, ``country``
and ``place`` -> LOC; agreements are not scored; a prediction exactly on an unscored gold span (OTH,
``*deriv``, ``*part``, MISC) is neither right nor wrong.

The recogniser reads each gold document as text (tokens joined by spaces, sentences by line breaks) and
tokenises it itself, exactly as ``ingest`` does, so "Jong-un" or "US-Vietnam" are split by its rules, not
the gold file's. Its mentions are mapped back to gold tokens by character offsets. A mention that starts
or ends inside a gold token ("US" of the token "US-Vietnam") cannot match a gold span: it is neutral when
it lies inside an unscored span and a false positive otherwise.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import groupby

from spacy.tokens import Doc

from pipelines.evaluation import Score, score_header
from pipelines.goldfiles import SCORED_LABELS, GoldSentence, GoldSpan
from pipelines.nlp import get_nlp

TYPE_LABELS = {"person": "PER", "organization": "ORG", "country": "LOC", "place": "LOC"}
BATCH = 256


@dataclass
class NerReport:
    """Scores per label and overall, plus how many sentences and tokens were read."""

    per_label: dict[str, Score] = field(default_factory=lambda: {label: Score() for label in SCORED_LABELS})
    sentences: int = 0
    tokens: int = 0

    @property
    def overall(self) -> Score:
        total = Score()
        for score in self.per_label.values():
            total += score
        return total

    def to_dict(self) -> dict[str, object]:
        rows = {**self.per_label, "overall": self.overall}
        return {"sentences": self.sentences, "tokens": self.tokens, "scores": {k: s.to_dict() for k, s in rows.items()}}

    def table(self) -> str:
        lines = [score_header("label")]
        lines += [s.row(label) for label, s in {**self.per_label, "overall": self.overall}.items()]
        return "\n".join(lines) + f"\n{self.sentences} sentences, {self.tokens} tokens"


Spans = set[tuple[int, int, str]]


def predicted_spans(doc: Doc) -> Spans:
    """Character spans (end exclusive) and scored labels of the recogniser's entity mentions."""
    return {(doc[c.start].idx, doc[c.end - 1].idx + len(doc[c.end - 1]), TYPE_LABELS[c.type])
            for c in doc._.kg_entities or [] if c.type in TYPE_LABELS}


def score_sentence(predicted: Spans, gold: list[GoldSpan], report: NerReport, misaligned: Spans | None = None) -> None:
    """Add one sentence's counts to ``report`` under the scoring rules above.

    ``predicted`` are token spans on gold token boundaries; ``misaligned`` are the gold tokens covered by
    mentions that start or end inside a token.
    """
    expected = {(g.start, g.end, g.label) for g in gold if g.scored}
    neutral = {(g.start, g.end) for g in gold if not g.scored}
    for start, end, label in predicted:
        if (start, end, label) in expected:
            report.per_label[label] += Score(tp=1)
        elif (start, end) not in neutral:
            report.per_label[label] += Score(fp=1)
    for start, end, label in misaligned or set():
        if not any(s <= start and end <= e for s, e in neutral):
            report.per_label[label] += Score(fp=1)
    for _start, _end, label in expected - predicted:
        report.per_label[label] += Score(fn=1)


@dataclass
class GoldDocument:
    """Sentences of one gold document as the text the recogniser reads, with every token's offsets."""

    sentences: list[GoldSentence]
    text: str = ""
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    where: list[tuple[int, int]] = field(default_factory=list)  # (sentence, token) of each token

    def __post_init__(self) -> None:
        offset = 0
        for n, sentence in enumerate(self.sentences):
            for i, token in enumerate(sentence.tokens):
                self.starts.append(offset)
                self.ends.append(offset + len(token))
                self.where.append((n, i))
                offset += len(token) + 1
        self.text = "\n".join(" ".join(s.tokens) for s in self.sentences)

    def token_at(self, char: int) -> int:
        """Index of the gold token that holds (or precedes) character ``char``."""
        return max(0, bisect_right(self.starts, char) - 1)

    def align(self, spans: Iterable[tuple[int, int, str]]) -> tuple[list[Spans], list[Spans]]:
        """Per sentence: character spans on gold token boundaries as token spans, and the tokens
        covered by the other spans (cut at the end of the sentence they start in)."""
        aligned: list[Spans] = [set() for _ in self.sentences]
        misaligned: list[Spans] = [set() for _ in self.sentences]
        for start, end, label in spans:
            first, last = self.token_at(start), self.token_at(end - 1)
            (n, i), (m, j) = self.where[first], self.where[last]
            exact = m == n and (start, end) == (self.starts[first], self.ends[last])
            stop = j + 1 if m == n else len(self.sentences[n].tokens)
            (aligned if exact else misaligned)[n].add((i, stop, label))
        return aligned, misaligned


def _documents(sentences: Iterable[GoldSentence]) -> Iterator[GoldDocument]:
    for _, group in groupby(sentences, key=lambda s: s.document):
        yield GoldDocument(list(group))


def _score_document(document: GoldDocument, doc: Doc, report: NerReport) -> None:
    aligned, misaligned = document.align(predicted_spans(doc))
    for n, gold in enumerate(document.sentences):
        score_sentence(aligned[n], gold.spans(), report, misaligned[n])
        report.sentences += 1
        report.tokens += len(gold.tokens)


def _batches(documents: Iterable[GoldDocument], size: int) -> Iterator[list[GoldDocument]]:
    batch: list[GoldDocument] = []
    for document in documents:
        batch.append(document)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def evaluate_sentences(sentences: Iterable[GoldSentence], lang: str) -> NerReport:
    """Run the ingest recogniser of ``lang`` on gold documents and score it."""
    report, nlp = NerReport(), get_nlp(lang)
    for batch in _batches(_documents(sentences), BATCH):
        for gold, doc in zip(batch, nlp.pipe(d.text for d in batch), strict=False):
            _score_document(gold, doc, report)
    return report
