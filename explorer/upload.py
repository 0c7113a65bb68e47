"""Adding uploaded articles to the store exactly as ``ingest`` adds files (no Streamlit here).

An upload is keyed by its file name (``upload:<name>``, ``upload:<name>#<line>`` for JSONL lines
without an id) or by the JSON ``id`` inside, as ``ingest`` keys them: an edited re-upload replaces
the earlier version, an identical one is unchanged, a bad file is rejected with its reason. Of two
uploads with the same name the last one is used and the other is named in the outcome.

Large uploads are ingested by an ``UploadJob`` on a thread, so the page stays responsive and can
show progress. Streamlit itself refuses files over ``server.maxUploadSize`` (``.streamlit/config.toml``)
before reading them; ``UPLOAD_LIMIT_MB`` repeats that limit for the check here.
"""

from __future__ import annotations

import dataclasses
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from pipelines.backends import Target
from pipelines.ingest import IngestReport, ingest_items
from pipelines.records import Article
from pipelines.sources import Rejection, read_paths

SUFFIXES = ("txt", "md", "html", "htm", "json", "jsonl")
UPLOAD_LIMIT_MB = 10  # the same as server.maxUploadSize in .streamlit/config.toml
BACKGROUND_BYTES = 1_000_000  # uploads larger than this in all are ingested on a thread
KEY_PREFIX = "upload:"


class Uploaded(Protocol):
    """What Streamlit's UploadedFile offers and ingestion needs."""

    name: str

    def getvalue(self) -> bytes: ...


@dataclass
class UploadOutcome:
    """The ingest report, plus the uploads that were left out because a later one had their name."""

    report: IngestReport
    duplicates: list[str] = field(default_factory=list)


def last_of_each_name(files: Iterable[Uploaded]) -> tuple[list[Uploaded], list[str]]:
    """The uploads with distinct names (the last of each name, in upload order), and a note for
    every name that came more than once."""
    named: dict[str, list[Uploaded]] = {}
    for upload in files:
        named.setdefault(Path(upload.name).name, []).append(upload)
    notes = [f"{name} was uploaded {len(same)} times: the last one was used" for name, same in named.items() if len(same) > 1]
    return [same[-1] for same in named.values()], notes


def ingest_uploads(files: Iterable[Uploaded], db: Target, progress: Callable[[int], None] = lambda n: None) -> UploadOutcome:
    """Ingest the uploads into ``db`` under their own names (see the module docstring).

    Rejections name the uploaded file, never the temporary folder they were read from.
    """
    chosen, duplicates = last_of_each_name(files)
    with tempfile.TemporaryDirectory(prefix="entente-upload-") as folder:
        paths, too_big = _write(chosen, Path(folder))
        report = ingest_items(_rekeyed(read_paths(paths), folder), db, progress=progress)
    report.rejected = too_big + report.rejected
    return UploadOutcome(report, duplicates)


def _write(files: list[Uploaded], folder: Path) -> tuple[list[Path], list[Rejection]]:
    """Each upload written to ``folder`` under its name; those over the limit rejected unread."""
    paths, rejected = [], []
    for upload in files:
        name = Path(upload.name).name
        size = getattr(upload, "size", None) or len(upload.getvalue())
        if size > UPLOAD_LIMIT_MB * 1024 * 1024:
            rejected.append(Rejection(name, f"larger than {UPLOAD_LIMIT_MB} MB: split it into smaller files"))
            continue
        (folder / name).write_bytes(upload.getvalue())
        paths.append(folder / name)
    return paths, rejected


def _rekeyed(items: Iterable[Article | Rejection], folder: str) -> Iterator[Article | Rejection]:
    """Items keyed by upload name instead of the temporary path; rejections named by file."""
    prefixes = tuple(dict.fromkeys((str(Path(folder).resolve()) + "/", folder + "/")))
    for item in items:
        if isinstance(item, Rejection):
            yield dataclasses.replace(item, where=_strip(item.where, prefixes, ""))
        else:
            yield dataclasses.replace(item, key=_strip(item.key, prefixes, KEY_PREFIX))


def _strip(text: str, prefixes: tuple[str, ...], replacement: str) -> str:
    for prefix in prefixes:
        text = text.replace(prefix, replacement)
    return text


class UploadJob:
    """``ingest_uploads`` on a thread: ``done``/``total`` for a progress bar, then ``outcome``
    (or ``error``, one line) once ``finished``."""

    def __init__(self, files: Iterable[Uploaded], db: Target) -> None:
        chosen = list(files)
        self.total = max(1, sum(_articles_in(upload) for upload in chosen))
        self.done = 0
        self.outcome: UploadOutcome | None = None
        self.error = ""
        self._thread = threading.Thread(target=self._run, args=(chosen, db), name="entente-upload", daemon=True)
        self._thread.start()

    @property
    def finished(self) -> bool:
        return not self._thread.is_alive()

    @property
    def fraction(self) -> float:
        return min(1.0, self.done / self.total)

    def wait(self, timeout: float | None = None) -> None:
        self._thread.join(timeout)

    def _run(self, files: list[Uploaded], db: Target) -> None:
        try:
            self.outcome = ingest_uploads(files, db, self._step)
        except Exception as error:  # noqa: BLE001 -- shown on the page as one line, the store stays as it was
            self.error = f"the upload could not be ingested ({type(error).__name__}: {error})"

    def _step(self, count: int) -> None:
        self.done += count


def _articles_in(upload: Uploaded) -> int:
    """About how many articles an upload holds: its lines for JSONL, else one."""
    if Path(upload.name).suffix.lower() == ".jsonl":
        return sum(1 for line in upload.getvalue().splitlines() if line.strip())
    return 1


def total_bytes(files: Iterable[Uploaded]) -> int:
    return sum(getattr(upload, "size", None) or len(upload.getvalue()) for upload in files)
