"""Every shipped data file names its source and licence in NOTICE."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = sorted(path.name for path in (ROOT / "pipelines" / "knowledge" / "data").iterdir() if path.is_file())
NOTICE = (ROOT / "NOTICE").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", DATA)
def test_notice_lists_every_data_file(name: str) -> None:
    assert name in NOTICE


def test_notice_and_license_exist() -> None:
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
