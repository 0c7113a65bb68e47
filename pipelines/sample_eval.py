"""``evaluate --format sample``: the whole extraction pipeline scored on the gold sample articles.

Each gold file (``<article file name>.yaml``, format in ``sample_data/gold/README.md``) names an article
in the folder above the gold folder. The article is read and extracted as ``extract`` does, then scored
by ``pipelines.evaluation``: entities by id and tolerantly (``pipelines.tolerant_match``: same type, and
the id or a slug of label or mention text), agreements by (parties, year), typed relations by (source,
relation, target), each as sets per article, summed per language and overall. The false negatives and
false positives of each article are kept for ``--errors``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipelines.errors import InputError
from pipelines.evaluation import Gold, Score, agreement_sets, entity_sets, load_gold, relation_sets, score_header
from pipelines.extract import extract_many
from pipelines.records import Article, Extraction
from pipelines.sources import read_file
from pipelines.tolerant_match import match_entities


@dataclass(frozen=True)
class Outcome:
    """One task on one article: how many matched, what was missed (fn) or wrong (fp), sorted, and the
    (gold, extracted) pairs that matched tolerantly only."""

    tp: int
    missed: tuple[Any, ...]
    wrong: tuple[Any, ...]
    near: tuple[tuple[str, str], ...] = ()

    @property
    def score(self) -> Score:
        return Score(self.tp, len(self.wrong), len(self.missed))


def _by_sets(sets: Callable[[Extraction, Gold], tuple[set[Any], set[Any]]]) -> Callable[[Extraction, Gold], Outcome]:
    def outcome(record: Extraction, gold: Gold) -> Outcome:
        predicted, expected = sets(record, gold)
        return Outcome(len(predicted & expected), _sorted(expected - predicted), _sorted(predicted - expected))
    return outcome


def _sorted(items: set[Any]) -> tuple[Any, ...]:
    return tuple(sorted(items, key=str))


def _tolerant(record: Extraction, gold: Gold) -> Outcome:
    match = match_entities(record, gold.entities)
    near = tuple(pair for pair in match.pairs if pair[0] != pair[1])
    return Outcome(len(match.pairs), match.false_negatives, match.false_positives, near)


TASKS: dict[str, Callable[[Extraction, Gold], Outcome]] = {
    "entities": _by_sets(entity_sets),
    "entities_tolerant": _tolerant,
    "agreements": _by_sets(agreement_sets),
    "relations": _by_sets(relation_sets),
}


@dataclass
class SampleReport:
    """Scores per task and language, and how many articles of each language were scored."""

    scores: dict[str, dict[str, Score]] = field(default_factory=lambda: {task: {} for task in TASKS})
    languages: Counter[str] = field(default_factory=Counter)
    outcomes: list[tuple[str, dict[str, Outcome]]] = field(default_factory=list)  # per article, in order

    @property
    def articles(self) -> int:
        return sum(self.languages.values())

    def add(self, record: Extraction, gold: Gold) -> None:
        """Score one article's record against its gold annotation."""
        self.languages[record.lang] += 1
        outcomes = {task: judge(record, gold) for task, judge in TASKS.items()}
        self.outcomes.append((gold.article, outcomes))
        for task, outcome in outcomes.items():
            by_lang = self.scores[task]
            by_lang[record.lang] = by_lang.get(record.lang, Score()) + outcome.score

    def rows(self, task: str) -> dict[str, Score]:
        """The task's scores per language (sorted) and ``overall``."""
        by_lang = self.scores[task]
        return {**{lang: by_lang[lang] for lang in sorted(by_lang)}, "overall": sum(by_lang.values(), Score())}

    def to_dict(self) -> dict[str, object]:
        return {
            "articles": self.articles, "languages": dict(sorted(self.languages.items())),
            "scores": {task: {k: s.to_dict() for k, s in self.rows(task).items()} for task in TASKS},
        }

    def table(self) -> str:
        lines = [score_header("task / language", 26)]
        for task in TASKS:
            lines += [score.row(f"{task} {lang}", 26) for lang, score in self.rows(task).items()]
        per_lang = ", ".join(f"{n} {lang}" for lang, n in sorted(self.languages.items()))
        return "\n".join(lines) + f"\n{self.articles} articles ({per_lang})"

    def errors(self) -> str:
        """Per article and task, the false negatives (``- missed``) and false positives (``+ wrong``); for
        the tolerant entity match only the pairs it accepts that ids alone do not (``~ gold = extracted``)."""
        lines: list[str] = []
        for article, outcomes in self.outcomes:
            lines.append(f"== {article}")
            for task, outcome in outcomes.items():
                if task == "entities_tolerant":
                    lines += [f"  {task} ~ {gold} = {found}" for gold, found in outcome.near]
                    continue
                lines += [f"  {task} - {_show(item)}" for item in outcome.missed]
                lines += [f"  {task} + {_show(item)}" for item in outcome.wrong]
        return "\n".join(lines)


def _show(item: Any) -> str:
    """An entity id, a relation triple or an agreement key as one readable line."""
    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], frozenset):
        return f"parties {', '.join(sorted(item[0]))} / year {item[1]}"
    return " ".join(map(str, item)) if isinstance(item, tuple) else str(item)


def gold_files(path: Path) -> list[Path]:
    """The ``*.yaml`` gold files of a folder (sorted), of its ``gold/`` subfolder, or ``path`` if a file."""
    if path.is_file():
        return [path]
    files = sorted(path.glob("*.yaml")) if path.is_dir() else []
    if not files and (path / "gold").is_dir():
        files = sorted((path / "gold").glob("*.yaml"))
    if not files:
        raise InputError(str(path), "no gold annotation files (*.yaml) found: give the gold folder or the folder holding it, e.g. sample_data/gold")
    return files


def gold_article(gold: Gold, gold_path: Path) -> Article:
    """The article a gold file annotates, read from the folder above the gold folder."""
    path = gold_path.resolve().parent.parent / gold.article
    if not path.is_file():
        raise InputError(str(gold_path), f"the annotated article {gold.article!r} is not at {path}")
    item = next(read_file(path), None)
    if not isinstance(item, Article):
        raise InputError(str(gold_path), f"the annotated article {path} cannot be read ({getattr(item, 'reason', 'empty')})")
    return item


def evaluate_gold(path: Path, limit: int | None = None) -> SampleReport:
    """Extract every article annotated in the gold folder (or file) ``path`` and score the records."""
    golds = [(load_gold(p), p) for p in gold_files(path)[:limit]]
    articles = [gold_article(gold, p) for gold, p in golds]
    report = SampleReport()
    for (gold, _), (_, record) in zip(golds, extract_many(articles), strict=False):
        report.add(record, gold)
    return report
