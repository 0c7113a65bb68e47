"""``evaluate``: gold readers and the scoring rules, on small gold files written for the tests."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipelines.errors import InputError
from pipelines.evaluation import Score
from pipelines.goldfiles import GoldSentence, GoldSpan, bio_spans, read_gold
from pipelines.ner_eval import GoldDocument, NerReport, score_sentence
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

# CoNLL tokens as CoNLL-2003 writes them: "Jong-un" and "US-Vietnam" whole, the possessive split off; a name
# compound is MISC. The second document needs the first sentence to know that "Kim" is a person.
CONLL_ARTICLES = """-DOCSTART- -X- -X- O

Kim _ _ B-PER
Jong-un _ _ I-PER
visited _ _ O
Russia _ _ B-LOC
's _ _ O
capital _ _ O
Moscow _ _ B-LOC
. _ _ O

Kim _ _ B-PER
left _ _ O
on _ _ O
Sunday _ _ O
. _ _ O

-DOCSTART- -X- -X- O

US-Vietnam _ _ B-MISC
ties _ _ O
grew _ _ O
in _ _ O
Hanoi _ _ B-LOC
. _ _ O
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


def test_read_gold_conll_numbers_documents_by_docstart(tmp_path: Path) -> None:
    sentences = list(read_gold(write(tmp_path, "c.txt", CONLL_ARTICLES), "conll"))
    assert [s.document for s in sentences] == [0, 0, 1]


def test_read_gold_sentences_without_docstart_are_documents_of_their_own(tmp_path: Path) -> None:
    conll = list(read_gold(write(tmp_path, "c.txt", "A O\n\nB O\n\n-DOCSTART- O\n\nC O\n\nD O\n"), "conll"))
    germeval = list(read_gold(write(tmp_path, "g.tsv", GERMEVAL), "germeval"))
    assert [s.document for s in conll] == [0, 1, 2, 2] and [s.document for s in germeval] == [0, 1]


def test_gold_document_align_maps_characters_to_gold_tokens() -> None:
    document = GoldDocument([GoldSentence(["Kim", "Jong-un", "left", "."]), GoldSentence(["US-Vietnam", "ties"])])
    assert document.text == "Kim Jong-un left .\nUS-Vietnam ties"
    aligned, misaligned = document.align({(0, 11, "PER"), (19, 21, "LOC"), (22, 29, "LOC"), (4, 8, "PER")})
    assert aligned == [{(0, 2, "PER")}, set()]
    assert misaligned == [{(1, 2, "PER")}, {(0, 1, "LOC")}]  # "Jong", and "US" / "Vietnam" inside one token


def test_score_sentence_part_of_a_token_is_neutral_only_inside_unscored_spans() -> None:
    gold = [GoldSpan(0, 1, "MISC", False), GoldSpan(3, 5, "PER", True)]
    report = NerReport()
    score_sentence(set(), gold, report, misaligned={(0, 1, "LOC"), (4, 5, "PER")})
    assert report.per_label["LOC"] == Score() and report.per_label["PER"] == Score(0, 1, 1)


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


def test_cli_evaluate_conll_reads_documents_as_the_ingest_tokenizer_does(tmp_path: Path) -> None:
    path = write(tmp_path, "c.txt", CONLL_ARTICLES)
    result = subprocess.run([sys.executable, "-m", "pipelines", "evaluate", "--format", "conll", "--lang", "en", str(path), "--json"],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    scores = json.loads(result.stdout)["scores"]
    assert scores["PER"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 2, "fp": 0, "fn": 0}  # "Kim Jong-un", then "Kim"
    assert (scores["LOC"]["tp"], scores["LOC"]["fp"]) == (3, 0)  # "US", "Vietnam" inside the MISC are neutral
