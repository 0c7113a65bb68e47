"""Uploads behave like ingest: keyed by file name (or the JSON id), replaced when edited, unchanged when
identical, rejected with the uploaded file's name; same-name uploads named; big ones on a thread."""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from pathlib import Path

from explorer.upload import UPLOAD_LIMIT_MB, UploadJob, ingest_uploads
from pipelines.store import Store

ROOT = Path(__file__).resolve().parents[2]
GIPFEL = "Gipfel in Berlin\n\nBundeskanzler Olaf Scholz empfing Emmanuel Macron in Berlin.\n"
EDITED = "Gipfel in Paris\n\nBundeskanzler Olaf Scholz besuchte Emmanuel Macron in Paris.\n"


@dataclass
class Upload:
    """The two things of Streamlit's UploadedFile that ingestion uses."""

    name: str
    data: bytes

    def getvalue(self) -> bytes:
        return self.data


def texts(db: Path) -> list[str]:
    with Store.open(db) as store:
        return sorted(str((store.document(d["id"]) or {}).get("text")) for d in store.documents())


def keys(db: Path) -> list[str]:
    with Store.open(db) as store:
        return sorted(d["key"] for d in store.documents())


def test_ingest_uploads_stores_good_files_and_names_rejected_ones(tmp_path: Path) -> None:
    db = tmp_path / "kg.sqlite"
    files = [Upload("gipfel.de.txt", GIPFEL.encode()), Upload("leer.txt", b""), Upload("bild.md", b"\x89PNG\r\n\x1a\n\x00\x00binary")]
    report = ingest_uploads(files, db).report
    assert report.new == 1
    assert sorted(r.where for r in report.rejected) == ["bild.md", "leer.txt"]
    assert all("/tmp/" not in r.where and r.reason for r in report.rejected)
    with Store.open(db) as store:
        assert store.resolve_id("person:olaf-scholz") in {e["id"] for e in store.entities()}


def test_ingest_uploads_edited_reupload_replaces_and_identical_is_unchanged(tmp_path: Path) -> None:
    db = tmp_path / "kg.sqlite"
    assert ingest_uploads([Upload("gipfel.de.txt", GIPFEL.encode())], db).report.new == 1
    assert ingest_uploads([Upload("gipfel.de.txt", GIPFEL.encode())], db).report.unchanged == 1
    assert ingest_uploads([Upload("gipfel.de.txt", EDITED.encode())], db).report.replaced == 1
    assert keys(db) == ["upload:gipfel.de.txt"] and "Paris" in texts(db)[0]


def test_ingest_uploads_json_is_keyed_by_its_id(tmp_path: Path) -> None:
    db = tmp_path / "kg.sqlite"
    first = json.dumps({"id": "a-1", "title": "Gipfel", "text": GIPFEL, "lang": "de"}).encode()
    second = json.dumps({"id": "a-1", "title": "Gipfel", "text": EDITED, "lang": "de"}).encode()
    ingest_uploads([Upload("one.json", first)], db)
    assert ingest_uploads([Upload("renamed.json", second)], db).report.replaced == 1
    assert keys(db) == ["id:a-1"]


def test_ingest_uploads_same_name_twice_uses_the_last_and_says_so(tmp_path: Path) -> None:
    db = tmp_path / "kg.sqlite"
    outcome = ingest_uploads([Upload("gipfel.de.txt", GIPFEL.encode()), Upload("gipfel.de.txt", EDITED.encode())], db)
    assert outcome.report.new == 1 and outcome.duplicates == ["gipfel.de.txt was uploaded 2 times: the last one was used"]
    assert "Paris" in texts(db)[0]


def test_ingest_uploads_over_the_limit_is_rejected_unread(tmp_path: Path) -> None:
    big = Upload("big.txt", b"x")
    big.size = UPLOAD_LIMIT_MB * 1024 * 1024 + 1  # type: ignore[attr-defined]
    report = ingest_uploads([big], tmp_path / "kg.sqlite").report
    assert [(r.where, "larger than 10 MB" in r.reason) for r in report.rejected] == [("big.txt", True)]


def test_upload_job_ingests_on_a_thread_and_counts_progress(tmp_path: Path) -> None:
    db = tmp_path / "kg.sqlite"
    lines = "".join(json.dumps({"id": f"n{i}", "text": GIPFEL.replace("Berlin", f"Berlin {i}"), "lang": "de"}) + "\n" for i in range(3))
    job = UploadJob([Upload("feed.jsonl", lines.encode())], db)
    job.wait(120)
    assert job.finished and not job.error and job.total == 3 and job.done == 3
    assert job.outcome is not None and job.outcome.report.new == 3


def test_streamlit_config_limits_uploads_to_the_explorers_limit() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] == UPLOAD_LIMIT_MB
