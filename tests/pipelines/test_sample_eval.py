"""``evaluate --format sample``: the extraction scored on gold sample articles, here small ones written for the tests."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from pipelines.errors import InputError
from pipelines.evaluation import Score
from pipelines.sample_eval import evaluate_gold
from tests.conftest import ROOT

TREATY = """---
title: Russia and North Korea sign a treaty
published: 2024-06-19
lang: en
---

Russian President Vladimir Putin and North Korean leader Kim Jong-un signed a treaty in Pyongyang on Wednesday.

The European Union and Vietnam signed a free trade agreement in Hanoi in 2019.
"""
VISIT = """---
title: Putin in Hanoi
published: 2024-06-20
lang: de
---

Der russische Präsident Wladimir Putin ist am Donnerstag in Hanoi eingetroffen.
"""
TREATY_GOLD = {
    "article": "treaty.en.md",
    "entities": [{"id": i} for i in ("country:RU", "country:KP", "person:vladimir-putin", "person:kim-jong-un", "place:pyongyang")],
    "agreements": [
        {"kind": "treaty", "status": "signed", "year": 2024, "parties": ["country:KP", "country:RU"]},  # matched
        {"kind": "trade_agreement", "status": "signed", "year": 2019,  # found with another party: fp + fn
         "parties": ["country:VN", "organization:european-commission"]},
        {"kind": "treaty", "status": "previous", "year": 1961, "parties": ["country:KP", "country:RU"]},  # missed
    ],
    "relations": [{"source": "person:kim-jong-un", "relation": "meets", "target": "person:vladimir-putin"}],
}
VISIT_GOLD = {
    "article": "besuch.de.md",
    "entities": [{"id": "person:wladimir-putin"}, {"id": "place:hanoi"}, {"id": "country:RU"}],
    "relations": [{"source": "person:wladimir-putin", "relation": "visits", "target": "place:hanoi"}],
}


@pytest.fixture()
def gold_folder(tmp_path: Path) -> Path:
    """Two articles beside a ``gold/`` folder that annotates them, as in sample_data/."""
    (tmp_path / "treaty.en.md").write_text(TREATY, encoding="utf-8")
    (tmp_path / "besuch.de.md").write_text(VISIT, encoding="utf-8")
    gold = tmp_path / "gold"
    gold.mkdir()
    for data in (TREATY_GOLD, VISIT_GOLD):
        (gold / f"{data['article']}.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    return gold


def test_evaluate_gold_agreements_matched_wrong_party_and_missed(gold_folder: Path) -> None:
    rows = evaluate_gold(gold_folder).rows("agreements")
    assert rows["en"] == Score(tp=1, fp=1, fn=2)
    assert rows["de"] == Score() and rows["overall"] == Score(tp=1, fp=1, fn=2)


def test_evaluate_gold_scores_per_language_and_overall(gold_folder: Path) -> None:
    report = evaluate_gold(gold_folder)
    assert report.languages == {"de": 1, "en": 1}
    entities = report.rows("entities")
    assert entities["de"] == Score(tp=3) and entities["en"].tp == 5
    assert entities["overall"] == entities["de"] + entities["en"]
    relations = report.rows("relations")
    assert relations["de"].tp == 1 and relations["en"].tp == 1


def test_evaluate_gold_single_file_and_limit(gold_folder: Path) -> None:
    assert evaluate_gold(gold_folder / "treaty.en.md.yaml").languages == {"en": 1}
    assert evaluate_gold(gold_folder, limit=1).languages == {"de": 1}  # files sorted: besuch.de.md.yaml first


def test_evaluate_gold_missing_article_names_the_gold_file(gold_folder: Path) -> None:
    (gold_folder.parent / "besuch.de.md").unlink()
    with pytest.raises(InputError, match=r"besuch\.de\.md\.yaml: the annotated article 'besuch.de.md' is not at"):
        evaluate_gold(gold_folder)


def test_evaluate_gold_folder_without_gold_files(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no gold annotation files"):
        evaluate_gold(tmp_path)


def _evaluate(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pipelines", "evaluate", "--format", "sample", *args],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)


def test_cli_evaluate_sample_json(gold_folder: Path) -> None:
    result = _evaluate(str(gold_folder), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["articles"] == 2 and data["languages"] == {"de": 1, "en": 1}
    assert data["scores"]["agreements"]["overall"] == {"precision": 0.5, "recall": 0.3333, "f1": 0.4, "tp": 1, "fp": 1, "fn": 2}


def test_cli_evaluate_sample_table(gold_folder: Path) -> None:
    result = _evaluate(str(gold_folder))
    lines = result.stdout.splitlines()
    assert result.returncode == 0 and lines[0].split()[-6:] == ["precision", "recall", "F1", "tp", "fp", "fn"]
    assert [line.split()[:2] for line in lines[1:4]] == [["entities", "de"], ["entities", "en"], ["entities", "overall"]]
    assert lines[-1] == "2 articles (1 de, 1 en)"


def test_cli_evaluate_sample_bad_folder_is_one_error_line(tmp_path: Path) -> None:
    result = _evaluate(str(tmp_path))
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith(f"error: {tmp_path}: no gold annotation files")


def test_evaluate_gold_accepts_the_folder_holding_gold(gold_folder: Path) -> None:
    assert evaluate_gold(gold_folder.parent).languages == evaluate_gold(gold_folder).languages == {"de": 1, "en": 1}


def test_evaluate_gold_tolerant_entities_match_a_label_slug(gold_folder: Path) -> None:
    data = {**VISIT_GOLD, "entities": [{"id": "person:president-putin", "type": "person", "label": "Wladimir Putin"},
                                       {"id": "place:hanoi"}]}
    (gold_folder / "besuch.de.md.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    report = evaluate_gold(gold_folder / "besuch.de.md.yaml")
    assert report.rows("entities")["de"].tp == 1  # by id: only Hanoi
    assert report.rows("entities_tolerant")["de"].tp == 2  # the label's slug finds Putin too


def test_cli_evaluate_sample_errors_lists_misses_and_wrong(gold_folder: Path) -> None:
    result = _evaluate(str(gold_folder), "--errors")
    errors = result.stdout.split("== ", 1)[1]
    assert "== treaty.en.md" in result.stdout and "besuch.de.md\n" in result.stdout
    assert "agreements - parties country:KP, country:RU / year 1961" in errors
    assert "agreements + parties " in errors and "organization:european-commission" in errors
