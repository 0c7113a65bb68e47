"""``evaluate``: the recogniser that ``ingest`` uses, scored on gold NER files.

Scoring: exact outer spans for PER, ORG and LOC; ``person`` -> PER, ``organization`` -> ORG, ``country``
and ``place`` -> LOC; agreements are not scored; a prediction exactly on an unscored gold span (OTH,
``*deriv``, ``*part``) is neither right nor wrong.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Iterator

from spacy.tokens import Doc

from pipelines.evaluation import Score
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
        return {
            "sentences": self.sentences, "tokens": self.tokens,
            "scores": {k: {"precision": round(s.precision, 4), "recall": round(s.recall, 4), "f1": round(s.f1, 4),
                           "tp": s.tp, "fp": s.fp, "fn": s.fn} for k, s in rows.items()},
        }

    def table(self) -> str:
        lines = [f"{'label':8} {'precision':>9} {'recall':>7} {'F1':>6} {'tp':>6} {'fp':>6} {'fn':>6}"]
        for label, s in {**self.per_label, "overall": self.overall}.items():
            lines.append(f"{label:8} {s.precision:9.3f} {s.recall:7.3f} {s.f1:6.3f} {s.tp:6} {s.fp:6} {s.fn:6}")
        return "\n".join(lines) + f"\n{self.sentences} sentences, {self.tokens} tokens"


def predicted_spans(doc: Doc) -> set[tuple[int, int, str]]:
    """Token spans and scored labels of the recogniser's entity mentions."""
    return {(c.start, c.end, TYPE_LABELS[c.type]) for c in doc._.kg_entities or [] if c.type in TYPE_LABELS}


def score_sentence(predicted: set[tuple[int, int, str]], gold: list[GoldSpan], report: NerReport) -> None:
    """Add one sentence's counts to ``report`` under the scoring rules above."""
    expected = {(g.start, g.end, g.label) for g in gold if g.scored}
    neutral = {(g.start, g.end) for g in gold if not g.scored}
    for start, end, label in predicted:
        if (start, end, label) in expected:
            report.per_label[label] += Score(tp=1)
        elif (start, end) not in neutral:
            report.per_label[label] += Score(fp=1)
    for start, end, label in expected - predicted:
        report.per_label[label] += Score(fn=1)


def _docs(sentences: list[GoldSentence], lang: str) -> Iterator[Doc]:
    nlp = get_nlp(lang)
    return nlp.pipe(Doc(nlp.vocab, words=s.tokens) for s in sentences)


def evaluate_sentences(sentences: Iterable[GoldSentence], lang: str) -> NerReport:
    """Run the ingest recogniser of ``lang`` on gold sentences and score it."""
    report, batch = NerReport(), []
    for sentence in [*sentences, None]:
        if sentence is not None:
            batch.append(sentence)
        if batch and (sentence is None or len(batch) >= BATCH):
            for gold, doc in zip(batch, _docs(batch, lang)):
                score_sentence(predicted_spans(doc), gold.spans(), report)
                report.sentences += 1
                report.tokens += len(gold.tokens)
            batch = []
    return report
