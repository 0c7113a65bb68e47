"""Uploaded files go through the pipeline's reader and ingest; rejections name the uploaded file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from explorer.upload import ingest_uploads
from pipelines.store import Store


@dataclass
class Upload:
    """The two things of Streamlit's UploadedFile that ingestion uses."""

    name: str
    data: bytes

    def getvalue(self) -> bytes:
        return self.data


def test_ingest_uploads_stores_good_files_and_names_rejected_ones(tmp_path: Path) -> None:
    db = tmp_path / "kg.sqlite"
    files = [
        Upload("gipfel.de.txt", "Gipfel in Berlin\n\nBundeskanzler Olaf Scholz empfing Emmanuel Macron in Berlin.\n".encode()),
        Upload("leer.txt", b""),
        Upload("bild.md", b"\x89PNG\r\n\x1a\n\x00\x00binary"),
    ]
    report = ingest_uploads(files, db)
    assert report.new == 1
    assert sorted(r.where for r in report.rejected) == ["bild.md", "leer.txt"]
    assert all("/tmp/" not in r.where and r.reason for r in report.rejected)
    with Store.open(db) as store:
        assert store.resolve_id("person:olaf-scholz") in {e["id"] for e in store.entities()}
