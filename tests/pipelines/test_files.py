"""Finding and opening input files: only regular files are opened, whatever else a folder holds."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from pipelines.errors import InputError
from pipelines.files import FILE, FOLDER, kind, path_key, path_where, read_bytes, walk
from pipelines.records import Rejection


def _names(items: list[Path | Rejection]) -> list[str]:
    return [item.name if isinstance(item, Path) else f"rejected {item.where}: {item.reason}" for item in items]


def test_kind_file_and_folder(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    assert (kind(tmp_path / "a.txt"), kind(tmp_path)) == (FILE, FOLDER)


def test_kind_fifo_rejected_without_opening(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "feed.txt")
    with pytest.raises(InputError, match=r"a named pipe \(FIFO\), not a file: skipped"):
        kind(tmp_path / "feed.txt")


def test_kind_link_to_dev_zero_rejected(tmp_path: Path) -> None:
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    with pytest.raises(InputError, match="a character device, not a file"):
        kind(tmp_path / "zero.txt")


def test_kind_symlink_loop_rejected(tmp_path: Path) -> None:
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    with pytest.raises(InputError, match="symbolic link loop"):
        kind(tmp_path / "loop.txt")


def test_kind_broken_link_and_missing_path(tmp_path: Path) -> None:
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    with pytest.raises(InputError, match="broken symbolic link"):
        kind(tmp_path / "gone.txt")
    with pytest.raises(InputError, match="no such file or folder"):
        kind(tmp_path / "nowhere.txt")


def test_walk_skips_what_is_no_file_with_a_reason(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    os.mkfifo(tmp_path / "b-feed.jsonl")
    (tmp_path / "c-zero.txt").symlink_to("/dev/zero")
    (tmp_path / "d-loop.md").symlink_to(tmp_path / "d-loop.md")
    os.mkfifo(tmp_path / "pipe-without-suffix")
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(tmp_path / "e-socket.txt"))
        names = _names(list(walk(tmp_path)))
    assert names[0] == "a.txt" and len(names) == 5
    for name, (file, reason) in zip(names[1:], [("b-feed.jsonl", "FIFO"), ("c-zero.txt", "character device"),
                                                 ("d-loop.md", "link loop"), ("e-socket.txt", "a socket")], strict=True):
        assert name.startswith(f"rejected {tmp_path / file}: ") and reason in name, name


def test_read_bytes_fifo_does_not_block(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "a.txt")
    with pytest.raises(InputError, match="named pipe"):
        read_bytes(tmp_path / "a.txt")


def test_path_where_and_key_of_non_utf8_name(tmp_path: Path) -> None:
    path = Path(os.fsdecode(bytes(tmp_path) + b"/caf\xe9.txt"))
    path.write_text("x", encoding="utf-8")
    assert path_where(path).endswith("caf\\xe9.txt")
    assert path_key(path).endswith("caf\\xe9.txt") and path_key(path).encode("utf-8")


def test_path_where_of_name_with_newline(tmp_path: Path) -> None:
    assert path_where(tmp_path / "a\nrejected: fake.txt") == f"{tmp_path}/a\\nrejected: fake.txt"


def test_path_key_of_symlink_loop_does_not_raise(tmp_path: Path) -> None:
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    assert path_key(tmp_path / "loop.txt") == str(tmp_path / "loop.txt")
