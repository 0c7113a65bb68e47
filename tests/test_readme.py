"""The README's commands stay true."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from pipelines.cli import COMMANDS, _parser

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _code_lines() -> list[str]:
    blocks = re.findall(r"```bash\n(.*?)```", README, flags=re.S)
    return [line for block in blocks for line in block.splitlines() if line.strip()]


def test_readme_opens_with_install_and_test_commands() -> None:
    first, second = _code_lines()[:2]
    assert first.startswith("pip install -r requirements.txt && ")
    assert second == "python3 -m tests"


def test_readme_test_command_is_what_ci_runs() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert _code_lines()[1] in ci


def test_readme_documents_every_cli_command() -> None:
    for command in COMMANDS:
        assert f"python -m pipelines {command}" in README


@pytest.mark.parametrize("line", [line for line in _code_lines() if "python -m pipelines" in line])
def test_readme_cli_lines_parse(line: str) -> None:
    command = line.split("&&")[-1].split("<")[0]
    words = shlex.split(command)
    args = _parser().parse_args(words[words.index("pipelines") + 1 :])
    assert args.command in COMMANDS
    for path in getattr(args, "paths", []):
        assert path == "-" or (ROOT / path).exists() or path.endswith(".jsonl")


def test_readme_first_command_starts_the_real_app() -> None:
    first = _code_lines()[0]
    app = first.split("streamlit run ", 1)[1].split()[0]
    assert (ROOT / app).is_file() and app == "explorer/app.py"
