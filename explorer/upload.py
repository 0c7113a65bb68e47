"""Adding uploaded articles to the store with the pipeline's own reader and ingest (no Streamlit here)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Iterable, Protocol

from pipelines.backends import Target
from pipelines.ingest import IngestReport, ingest
from pipelines.sources import Rejection

SUFFIXES = ("txt", "md", "html", "htm", "json", "jsonl")


class Uploaded(Protocol):
    """What Streamlit's UploadedFile offers and ingestion needs."""

    name: str

    def getvalue(self) -> bytes: ...


def ingest_uploads(files: Iterable[Uploaded], db: Target) -> IngestReport:
    """Write the uploads to a temporary folder under their own names and ingest them into ``db``.

    Rejections name the uploaded file, not the temporary path.
    """
    with tempfile.TemporaryDirectory(prefix="entente-upload-") as folder:
        paths = []
        for upload in files:
            path = Path(folder) / Path(upload.name).name
            path.write_bytes(upload.getvalue())
            paths.append(path)
        report = ingest(paths, db)
    report.rejected = [Rejection(r.where.replace(folder + "/", ""), r.reason) for r in report.rejected]
    return report
