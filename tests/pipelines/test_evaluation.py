"""Quality on the hand-checked gold sample articles, and the scoring rules themselves."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from pipelines.errors import InputError
from pipelines.evaluation import (
    Gold,
    Score,
    load_gold,
    load_gold_folder,
    score_agreements,
    score_entities,
    score_relations,
)
from pipelines.records import Entity, Extraction, Relation
from tests.conftest import SAMPLE_DATA

GOLD = load_gold_folder(SAMPLE_DATA / "gold")


def _total(records: dict[str, Extraction], scorer: Callable[[Extraction, Gold], Score]) -> Score:
    total = Score()
    for gold in GOLD:
        total += scorer(records[gold.article], gold)
    return total


def test_evaluation_gold_covers_both_languages_and_first_article() -> None:
    articles = [g.article for g in GOLD]
    assert len(articles) >= 8 and "putin-nordkorea-escambray.de.txt" in articles
    assert sum(".de." in a for a in articles) >= 4 and sum(".en." in a for a in articles) >= 4
    assert all((SAMPLE_DATA / a).is_file() for a in articles)


def test_evaluation_entities_f1_at_least_0_9(sample_records: dict[str, Extraction]) -> None:
    score = _total(sample_records, score_entities)
    print(f"entities: P={score.precision:.3f} R={score.recall:.3f} F1={score.f1:.3f}")
    assert score.f1 >= 0.9


def test_evaluation_agreements_with_parties_f1_at_least_0_9(sample_records: dict[str, Extraction]) -> None:
    score = _total(sample_records, score_agreements)
    print(f"agreements: P={score.precision:.3f} R={score.recall:.3f} F1={score.f1:.3f}")
    assert score.f1 >= 0.9


def test_evaluation_relations_f1_at_least_0_75(sample_records: dict[str, Extraction]) -> None:
    score = _total(sample_records, score_relations)
    print(f"relations: P={score.precision:.3f} R={score.recall:.3f} F1={score.f1:.3f}")
    assert score.f1 >= 0.75


def _record(entities: list[Entity], relations: list[Relation]) -> Extraction:
    return Extraction("x", "de", "", "", (), tuple(entities), tuple(relations))


def test_score_of_sets_counts_and_f1() -> None:
    score = Score.of_sets({1, 2, 3}, {2, 3, 4, 5})
    assert (score.tp, score.fp, score.fn) == (2, 1, 2)
    assert score.precision == pytest.approx(2 / 3) and score.recall == 0.5
    assert score.f1 == pytest.approx(4 / 7)


def test_score_agreements_match_parties_and_year_not_id() -> None:
    predicted = Entity("agreement:x", "agreement", "A", {"parties": ["country:RU", "country:KP"], "year": 2024})
    gold = Gold("a", agreements=[{"parties": ["country:KP", "country:RU"], "year": 2024}, {"parties": ["country:KP"], "year": None}])
    score = score_agreements(_record([predicted], []), gold)
    assert (score.tp, score.fp, score.fn) == (1, 0, 1)


def test_score_relations_meets_ignores_direction_and_skips_co_mentions() -> None:
    relations = [Relation("person:b", "meets", "person:a", 0, ""), Relation("person:a", "co_mentioned", "person:c", 0, "")]
    gold = Gold("a", relations=[{"source": "person:a", "relation": "meets", "target": "person:b"}])
    assert score_relations(_record([], relations), gold) == Score(1, 0, 0)


def test_load_gold_malformed_file_names_it(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("entities: [", encoding="utf-8")
    with pytest.raises(InputError, match="bad.yaml"):
        load_gold(bad)
