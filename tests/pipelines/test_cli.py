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
from tests.wire_store import build_wire_store

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


# Hostile and unusual input at the door ------------------------------------------------------


def _summary_lines(stdout: str, kind: str) -> list[str]:
    return [line for line in stdout.splitlines() if line.startswith(f"{kind}: ")]


def test_cli_ingest_folder_with_one_impossible_date_saves_every_article(tmp_path: Path) -> None:
    folder, db = tmp_path / "many", tmp_path / "kg.sqlite"
    _many_articles(folder, 30)
    bad = folder / "a017.txt"
    bad.write_text("---\npublished: 2024-02-30\n---\n" + bad.read_text(encoding="utf-8"), encoding="utf-8")
    result = run("ingest", str(folder), "--db", str(db))
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert "documents: 30 new, 0 replaced, 0 unchanged, 0 rejected" in result.stdout
    assert _summary_lines(result.stdout, "warning") == [
        f"warning: {bad}: published date dropped: '2024-02-30' is not a valid date (day is out of range for month)"
    ]
    assert counts(db)["documents"] == 30


def _hostile_folder(folder: Path, *, long_text: bool) -> tuple[int, dict[str, str], dict[str, str]]:
    """Good articles beside every kind of hostile input; returns the number of articles to keep, and
    where -> words of the expected rejections and warnings."""
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    (Path(os.fsdecode(bytes(folder) + b"/caf\xe9.txt"))).write_text(GOOD_ARTICLE.replace("Montag", "Dienstag"), encoding="utf-8")
    (folder / "a\nrejected: fake.txt").write_text("", encoding="utf-8")
    os.mkfifo(folder / "feed.jsonl")
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "loop.md").symlink_to(folder / "loop.md")
    (folder / "big.json").write_text('{"id": ' + "9" * 5000 + ', "text": "x"}', encoding="utf-8")
    (folder / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    (folder / "deep.md").write_text("---\ntags: " + "[" * 5000 + "\n---\n" + GOOD_ARTICLE, encoding="utf-8")
    lines = [
        '{"id": "s1", "text": "' + GOOD_ARTICLE.replace("\n", " ") + ' \\ud800"}',
        '{"id": "n\\u00001", "title": "Scholz\\u0000 in Paris", "text": "' + GOOD_ARTICLE.replace("\n", " ").replace("Montag", "Mittwoch") + '"}',
        '{"id": "d1", "published": "Wed, 19 Jun 2024 10:00:00 GMT", "text": "' + GOOD_ARTICLE.replace("\n", " ").replace("Montag", "Freitag") + '"}',
    ]
    (folder / "lines.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    kept = 5
    if long_text:
        filler = " ".join(["Donaudampfschifffahrtsgesellschaftskapitänsmützen"] * 20) + ".\n\n"
        (folder / "long.txt").write_text(GOOD_ARTICLE + "\n" + filler * (1_050_000 // len(filler)), encoding="utf-8")
        kept += 1
    rejected = {
        f"{folder}/a\\nrejected: fake.txt": "empty file",
        f"{folder}/big.json": "more than 4,300 digits",
        f"{folder}/deep.json": "nested more than",
        f"{folder}/deep.md": "nested too deeply",
        f"{folder}/feed.jsonl": "named pipe",
        f"{folder}/loop.md": "symbolic link loop",
        f"{folder}/zero.txt": "character device",
    }
    warned = {f"{folder}/lines.jsonl:line 1": '"text" held', f"{folder}/lines.jsonl:line 2": '"id" held'}
    return kept, rejected, warned


def _assert_reported(lines: list[str], kind: str, expected: dict[str, str]) -> None:
    assert len(lines) == len(expected) or kind == "warning", lines
    for where, words in expected.items():
        assert any(line.startswith(f"{kind}: {where}: ") and words in line for line in lines), (where, lines)


def test_cli_ingest_hostile_folder_rejects_each_alone_and_stores_the_rest(tmp_path: Path) -> None:
    kept, rejected, warned = _hostile_folder(tmp_path / "in", long_text=True)
    db = tmp_path / "kg.sqlite"
    result = run("ingest", str(tmp_path / "in"), "--db", str(db))
    assert result.returncode == 0 and "Traceback" not in result.stderr + result.stdout, result.stderr
    assert f"documents: {kept} new, 0 replaced, 0 unchanged, {len(rejected)} rejected" in result.stdout
    _assert_reported(_summary_lines(result.stdout, "rejected"), "rejected", rejected)
    _assert_reported(_summary_lines(result.stdout, "warning"), "warning", warned)
    assert len(result.stdout.splitlines()) == 1 + len(rejected) + 3 + 1  # counts, rejections, 3 warnings, database
    assert counts(db)["documents"] == kept


def test_cli_extract_hostile_folder_reports_on_stderr_and_writes_the_rest(tmp_path: Path) -> None:
    kept, rejected, warned = _hostile_folder(tmp_path / "in", long_text=False)
    result = run("extract", str(tmp_path / "in"))
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == kept
    assert {"s1", "n1", "d1"} <= {r["id"] for r in records}
    assert [r["published"] for r in records if r["id"] == "d1"] == ["2024-06-19"]
    assert [r["title"] for r in records if r["id"] == "n1"] == ["Scholz in Paris"]
    _assert_reported(_summary_lines(result.stderr, "rejected"), "rejected", rejected)
    _assert_reported(_summary_lines(result.stderr, "warning"), "warning", warned)


@pytest.mark.parametrize("command", ["ingest", "extract"])
def test_cli_unknown_language_is_a_usage_error_listing_supported(tmp_path: Path, command: str) -> None:
    result = run(command, str(FIRST_ARTICLE), "--lang", "klingon", *(["--db", str(tmp_path / "kg.sqlite")] if command == "ingest" else []))
    assert result.returncode == 2 and "usage:" in result.stderr and "Traceback" not in result.stderr
    assert "unknown language code 'klingon': use auto (detect per article), de, en, or another ISO 639-1 code" in result.stderr
    assert not (tmp_path / "kg.sqlite").exists()


def test_cli_ingest_duplicate_id_in_stdin_last_wins_with_warning(tmp_path: Path) -> None:
    db = tmp_path / "kg.sqlite"
    lines = [{"id": "x", "text": GOOD_ARTICLE}, {"id": "x", "text": GOOD_ARTICLE.replace("Paris", "Lyon")}]
    feed = "".join(json.dumps(line) + "\n" for line in lines)
    first, second = (run("ingest", "-", "--db", str(db), stdin=feed) for _ in range(2))
    assert "documents: 1 new, 0 replaced, 0 unchanged, 0 rejected" in first.stdout
    assert "documents: 0 new, 0 replaced, 1 unchanged, 0 rejected" in second.stdout
    for result in (first, second):
        assert _summary_lines(result.stdout, "warning") == [
            "warning: <stdin>:line 1: duplicate id 'x': replaced by the later one at <stdin>:line 2 (the last one wins)"
        ]
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM mentions WHERE text = 'Paris'").fetchone()[0] == 0
        assert conn.execute("SELECT COUNT(*) FROM mentions WHERE text = 'Lyon'").fetchone()[0] > 0


def test_cli_diff_prints_new_and_vanished_as_json(tmp_path: Path) -> None:
    db = build_wire_store(tmp_path)
    result = run("diff", "--since", "2024-06-01", "--until", "2024-06-30", "--db", str(db))
    assert result.returncode == 0, result.stderr
    diff = json.loads(result.stdout)
    assert diff["documents"] == {"before": 2, "after": 1, "undated": 0}
    assert "place:berlin" in [e["id"] for e in diff["entities"]["new"]]
    assert "place:paris" in [e["id"] for e in diff["entities"]["vanished"]]


def test_cli_diff_since_last_ingest_sees_everything_new(tmp_path: Path) -> None:
    result = run("diff", "--since", "last-ingest", "--db", str(build_wire_store(tmp_path)))
    diff = json.loads(result.stdout)
    assert diff["by"] == "ingested" and diff["documents"]["after"] == 4 and diff["entities"]["counts"]["vanished"] == 0


@pytest.mark.parametrize("args", [("--since", "2024-13-01"), ("--since", "2024-06-01", "--until", "June")])
def test_cli_diff_bad_date_is_a_usage_error(tmp_path: Path, args: tuple[str, ...]) -> None:
    result = run("diff", *args, "--db", str(tmp_path / "none.sqlite"))
    assert result.returncode == 2 and "is not a date: give YYYY-MM-DD" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_diff_until_before_since_explains(tmp_path: Path) -> None:
    result = run("diff", "--since", "2024-06-01", "--until", "2024-05-01", "--db", str(build_wire_store(tmp_path)))
    assert result.returncode == 2 and "--until 2024-05-01 is before --since 2024-06-01" in result.stderr
