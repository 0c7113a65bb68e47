"""The pipeline's exceptions: one root, a few specific kinds.

Every message names the input it is about, what is wrong and what to do,
so the CLI can print it as it is instead of a traceback.
"""

from __future__ import annotations


class EntenteError(Exception):
    """Root of every error the pipeline raises on purpose."""


class InputError(EntenteError):
    """An input file, line or value cannot be read as an article."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason


class StoreError(EntenteError):
    """The database cannot be opened, migrated or written."""


class ExportError(EntenteError):
    """A graph export cannot be written."""


class EngineError(EntenteError):
    """The distributed engine (a Dask scheduler) cannot be reached or used."""
