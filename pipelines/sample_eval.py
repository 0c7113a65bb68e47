"""``evaluate --format sample``: the whole extraction pipeline scored on the gold sample articles.

Each gold file (``<article file name>.yaml``, format in ``sample_data/gold/README.md``) names an article
in the folder above the gold folder. The article is read and extracted as ``extract`` does, then scored
by ``pipelines.evaluation``: entities by id, agreements by (parties, year), typed relations by (source,
relation, target), each as sets per article, summed per language and overall.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from pipelines.errors import InputError
from pipelines.evaluation import Gold, Score, load_gold, score_agreements, score_entities, score_header, score_relations
from pipelines.extract import extract_many
from pipelines.records import Article, Extraction
from pipelines.sources import read_file

TASKS: dict[str, Callable[[Extraction, Gold], Score]] = {
    "entities": score_entities, "agreements": score_agreements, "relations": score_relations,
}


@dataclass
class SampleReport:
    """Scores per task and language, and how many articles of each language were scored."""

    scores: dict[str, dict[str, Score]] = field(default_factory=lambda: {task: {} for task in TASKS})
    languages: Counter[str] = field(default_factory=Counter)

    @property
    def articles(self) -> int:
        return sum(self.languages.values())

    def add(self, record: Extraction, gold: Gold) -> None:
        """Score one article's record against its gold annotation."""
        self.languages[record.lang] += 1
        for task, scorer in TASKS.items():
            by_lang = self.scores[task]
            by_lang[record.lang] = by_lang.get(record.lang, Score()) + scorer(record, gold)

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
        lines = [score_header("task / language", 19)]
        for task in TASKS:
            lines += [score.row(f"{task} {lang}", 19) for lang, score in self.rows(task).items()]
        per_lang = ", ".join(f"{n} {lang}" for lang, n in sorted(self.languages.items()))
        return "\n".join(lines) + f"\n{self.articles} articles ({per_lang})"


def gold_files(path: Path) -> list[Path]:
    """The ``*.yaml`` gold files of a folder (sorted), or ``path`` itself if it is one."""
    if path.is_file():
        return [path]
    files = sorted(path.glob("*.yaml")) if path.is_dir() else []
    if not files:
        raise InputError(str(path), "no gold annotation files (*.yaml) found: give the gold folder, e.g. sample_data/gold")
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
    for (gold, _), (_, record) in zip(golds, extract_many(articles)):
        report.add(record, gold)
    return report
