"""The command line, run as users run it: ``python -m pipelines …`` in a subprocess, on real files."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import networkx as nx
import pytest

from tests.conftest import FIRST_ARTICLE, ROOT, SAMPLE_DATA

GOOD_ARTICLE = (
    "Scholz trifft Macron in Paris\n\n"
    "Bundeskanzler Olaf Scholz ist am Montag nach Paris gereist. Dort traf er den französischen "
    "Präsidenten Emmanuel Macron zu Gesprächen über die Ukraine.\n"
)


def run(*args: str, stdin: str | None = None, env: dict[str, str] | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pipelines", *args], input=stdin, capture_output=True, text=True,
        cwd=cwd, env={**os.environ, **(env or {})}, timeout=300,
    )


def counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("documents", "entities", "mentions", "relations", "sentences")}


def test_cli_extract_first_article_prints_one_record() -> None:
    result = run("extract", str(FIRST_ARTICLE))
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 1 and records[0]["lang"] == "de"
    assert {"person:wladimir-putin", "country:KP"} <= {e["id"] for e in records[0]["entities"]}


def test_cli_extract_reads_jsonl_from_stdin() -> None:
    line = json.dumps({"id": "a1", "text": GOOD_ARTICLE, "title": "Scholz trifft Macron", "published": "2024-05-06"})
    result = run("extract", stdin=line + "\n")
    record = json.loads(result.stdout)
    assert record["id"] == "a1" and record["published"] == "2024-05-06"
    assert "person:emmanuel-macron" in {e["id"] for e in record["entities"]}


def test_cli_ingest_twice_second_run_unchanged(tmp_path: Path) -> None:
    db = tmp_path / "kg.sqlite"
    first = run("ingest", str(SAMPLE_DATA), "--db", str(db))
    before = counts(db)
    second = run("ingest", str(SAMPLE_DATA), "--db", str(db))
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    n = before["documents"]
    assert f"documents: {n} new, 0 replaced, 0 unchanged, 0 rejected" in first.stdout
    assert f"documents: 0 new, 0 replaced, {n} unchanged, 0 rejected" in second.stdout
    assert counts(db) == before


def test_cli_ingest_uses_kg_db_environment(tmp_path: Path) -> None:
    db = tmp_path / "from-env.sqlite"
    result = run("ingest", str(FIRST_ARTICLE), env={"KG_DB": str(db)})
    assert result.returncode == 0 and counts(db)["documents"] == 1


def test_cli_ingest_changed_file_replaces_facts(tmp_path: Path) -> None:
    article, db = tmp_path / "a.txt", tmp_path / "kg.sqlite"
    article.write_text(GOOD_ARTICLE, encoding="utf-8")
    run("ingest", str(article), "--db", str(db))
    article.write_text(GOOD_ARTICLE.replace("Paris", "Berlin"), encoding="utf-8")
    result = run("ingest", str(article), "--db", str(db))
    assert "0 new, 1 replaced" in result.stdout
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 1
        assert conn.execute("SELECT COUNT(*) FROM mentions WHERE text = 'Paris'").fetchone()[0] == 0


def _bad_inputs(folder: Path) -> dict[str, str]:
    """Each bad input next to one good article; returns file name -> expected words in its reason."""
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "broken.txt").write_bytes(("Präsident Müller über Öl und Gas. " * 20).encode() + b"\xff\xfe\xfa" + "Schluss für Jürgen.".encode())
    (folder / "lines.jsonl").write_text('{"id": "ok", "text": "Olaf Scholz reist nach Paris."}\n{"id": "bad", "text": \n', encoding="utf-8")
    with open(folder / "huge.txt", "wb") as big:
        big.write(b"Wort " * (10 * 1024 * 1024))
    return {"empty.txt": "empty", "image.txt": "binary", "broken.txt": "invalid UTF-8", "lines.jsonl:line 2": "invalid JSON", "huge.txt": "too large"}


def test_cli_ingest_bad_inputs_reported_rest_ingested(tmp_path: Path) -> None:
    expected = _bad_inputs(tmp_path / "in")
    db = tmp_path / "kg.sqlite"
    unknown, missing = tmp_path / "notes.docx", tmp_path / "missing.txt"
    unknown.write_text("x", encoding="utf-8")
    result = run("ingest", str(tmp_path / "in"), str(unknown), str(missing), "--db", str(db))
    assert result.returncode == 0 and "Traceback" not in result.stderr + result.stdout
    assert "documents: 2 new, 0 replaced, 0 unchanged, 7 rejected" in result.stdout
    rejected = [line for line in result.stdout.splitlines() if line.startswith("rejected: ")]
    for where, words in {**expected, "notes.docx": "unsupported file type", "missing.txt": "no such file"}.items():
        assert any(where in line and words.lower() in line.lower() for line in rejected), (where, rejected)
    assert counts(db)["documents"] == 2


def test_cli_ingest_nothing_readable_exits_1(tmp_path: Path) -> None:
    result = run("ingest", str(tmp_path / "missing.txt"), "--db", str(tmp_path / "kg.sqlite"))
    assert result.returncode == 1 and "rejected:" in result.stdout and "Traceback" not in result.stderr


def test_cli_ingest_not_a_database_reports_error(tmp_path: Path) -> None:
    db = tmp_path / "kg.sqlite"
    db.write_text("this is not a database", encoding="utf-8")
    result = run("ingest", str(FIRST_ARTICLE), "--db", str(db))
    assert result.returncode == 1 and str(db) in result.stderr and "Traceback" not in result.stderr
    assert db.read_text(encoding="utf-8") == "this is not a database"


def test_cli_export_without_database_explains(tmp_path: Path) -> None:
    result = run("export", "--db", str(tmp_path / "none.sqlite"), "--format", "json")
    assert result.returncode == 1 and "run `python -m pipelines ingest" in result.stderr
    assert not (tmp_path / "none.sqlite").exists()


@pytest.mark.parametrize("fmt,reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_cli_export_loads_back_with_networkx(sample_db: tuple[Path, object], tmp_path: Path, fmt: str, reader: object) -> None:
    db, _ = sample_db
    out = tmp_path / f"graph.{fmt}"
    result = run("export", "--db", str(db), "--format", fmt, "-o", str(out))
    assert result.returncode == 0, result.stderr
    graph = reader(out)  # type: ignore[operator]
    assert graph.number_of_nodes() == counts(db)["entities"]
    assert "person:wladimir-putin" in graph and graph.number_of_edges() > 50


def test_cli_export_json_and_csv(sample_db: tuple[Path, object], tmp_path: Path) -> None:
    db, _ = sample_db
    data = json.loads(run("export", "--db", str(db), "--format", "json").stdout)
    assert len(data["nodes"]) == counts(db)["entities"]
    run("export", "--db", str(db), "--format", "csv", "-o", str(tmp_path / "edges.csv"))
    assert (tmp_path / "edges.nodes.csv").read_text(encoding="utf-8").count("\n") == len(data["nodes"]) + 1


def _many_articles(folder: Path, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        (folder / f"a{i:03}.txt").write_text(f"Meldung {i}\n\n" + GOOD_ARTICLE.replace("Montag", f"Tag {i}"), encoding="utf-8")


def test_cli_ingest_killed_midway_resumes(tmp_path: Path) -> None:
    folder, db = tmp_path / "many", tmp_path / "kg.sqlite"
    _many_articles(folder, 400)
    proc = subprocess.Popen([sys.executable, "-m", "pipelines", "ingest", str(folder), "--db", str(db)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not (db.exists() and counts_or_zero(db) > 0):
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    stored = counts_or_zero(db)
    assert 0 < stored < 400
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT COUNT(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.document_id = d.id)").fetchone()[0] == 0
    result = run("ingest", str(folder), "--db", str(db))
    assert f"documents: {400 - stored} new, 0 replaced, {stored} unchanged, 0 rejected" in result.stdout


def counts_or_zero(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=0.2) as conn:
            return conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_cli_ingest_scheduler_without_dask_is_a_usage_error(tmp_path: Path) -> None:
    db = tmp_path / "kg.sqlite"
    result = run("ingest", str(FIRST_ARTICLE), "--db", str(db), "--scheduler", "tcp://127.0.0.1:8786")
    assert result.returncode == 2 and "--scheduler needs --engine dask" in result.stderr
    assert "usage:" in result.stderr and not db.exists()
