"""``evaluate``: gold readers and the scoring rules, on small gold files written for the tests."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipelines.errors import InputError
from pipelines.evaluation import Score
from pipelines.goldfiles import GoldSpan, bio_spans, read_gold
from pipelines.ner_eval import NerReport, score_sentence
from tests.conftest import ROOT

GERMEVAL = """#\thttp://example.org/a\t[2024-06-19]
1\tDer\tO\tO
2\trussische\tB-LOCderiv\tO
3\tPräsident\tO\tO
4\tWladimir\tB-PER\tO
5\tPutin\tI-PER\tO
6\tbesuchte\tO\tO
7\tNordkorea\tB-LOC\tO
8\tund\tO\tO
9\tdie\tO\tO
10\tZeitung\tO\tO
11\tRodong\tB-ORG\tO
12\tSinmun\tI-ORG\tO
13\t.\tO\tO

#\thttp://example.org/b\t[2024-06-20]
1\tDas\tO\tO
2\tBuch\tO\tO
3\t"\tO\tO
4\tKrieg\tB-OTH\tO
5\t"\tO\tO
6\terschien\tO\tO
7\tin\tO\tO
8\tBerlin\tB-LOC\tO
9\t.\tO\tO
"""
CONLL = """-DOCSTART- -X- -X- O

Vladimir NNP B-NP B-PER
Putin NNP I-NP I-PER
met VBD B-VP O
Kim NNP B-NP B-PER
Jong-un NNP I-NP I-PER
in IN B-PP O
Pyongyang NNP B-NP B-LOC
. . O O
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_bio_spans_marks_unscored_labels() -> None:
    spans = bio_spans(["B-LOCderiv", "O", "B-PER", "I-PER", "B-PER", "I-OTH"])
    assert spans == [GoldSpan(0, 1, "LOCderiv", False), GoldSpan(2, 4, "PER", True), GoldSpan(4, 5, "PER", True), GoldSpan(5, 6, "OTH", False)]


def test_read_gold_germeval_sentences_and_comments(tmp_path: Path) -> None:
    sentences = list(read_gold(write(tmp_path, "g.tsv", GERMEVAL), "germeval"))
    assert [len(s.tokens) for s in sentences] == [13, 9]
    assert [(g.label, g.scored) for g in sentences[0].spans()] == [("LOCderiv", False), ("PER", True), ("LOC", True), ("ORG", True)]


def test_read_gold_conll_skips_docstart(tmp_path: Path) -> None:
    (sentence,) = read_gold(write(tmp_path, "c.txt", CONLL), "conll")
    assert sentence.tokens[:2] == ["Vladimir", "Putin"] and [g.label for g in sentence.spans()] == ["PER", "PER", "LOC"]


def test_read_gold_malformed_line_names_file_and_line(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"bad.tsv:line 1"):
        list(read_gold(write(tmp_path, "bad.tsv", "only-one-column\n"), "germeval"))


def test_score_sentence_exact_spans_and_neutral_unscored() -> None:
    gold = [GoldSpan(0, 1, "LOCderiv", False), GoldSpan(2, 4, "PER", True), GoldSpan(6, 7, "LOC", True)]
    report = NerReport()
    predicted = {(0, 1, "LOC"), (2, 4, "PER"), (5, 7, "LOC"), (8, 9, "ORG")}
    score_sentence(predicted, gold, report)
    assert report.per_label["PER"] == Score(1, 0, 0)
    assert report.per_label["LOC"] == Score(0, 1, 1)  # the derivation is neutral; the wrong boundary is fp + fn
    assert report.per_label["ORG"] == Score(0, 1, 0)


def test_cli_evaluate_germeval_json(tmp_path: Path) -> None:
    path = write(tmp_path, "g.tsv", GERMEVAL)
    result = subprocess.run([sys.executable, "-m", "pipelines", "evaluate", "--format", "germeval", str(path), "--json"],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["sentences"] == 2 and data["tokens"] == 22
    assert data["scores"]["PER"]["tp"] == 1 and data["scores"]["LOC"]["tp"] == 2 and data["scores"]["ORG"]["tp"] == 1
    assert data["scores"]["overall"]["fp"] == 0


def test_cli_evaluate_conll_table(tmp_path: Path) -> None:
    path = write(tmp_path, "c.txt", CONLL)
    result = subprocess.run([sys.executable, "-m", "pipelines", "evaluate", "--format", "conll", "--lang", "en", str(path)],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0 and result.stdout.splitlines()[0].split()[:4] == ["label", "precision", "recall", "F1"]
    assert "overall" in result.stdout and "1 sentences, 8 tokens" in result.stdout
