"""The README's test command (``python3 -m tests``) finds what the suite needs before running it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.__main__ import ROOT, apt_command, ensure_system_packages, missing_system_packages


def test_runner_finds_nothing_missing_when_overrides_point_at_real_things(tmp_path: Path) -> None:
    browser = tmp_path / "chromium"
    browser.write_text("")
    env = {"CHROMIUM": str(browser), "ENTENTE_TEST_POSTGRES": "postgresql://u@127.0.0.1/postgres"}
    assert missing_system_packages(env) == []


def test_runner_names_a_missing_browser(tmp_path: Path) -> None:
    env = {"CHROMIUM": str(tmp_path / "no-such-chromium"), "ENTENTE_TEST_POSTGRES": "postgresql://x"}
    assert missing_system_packages(env) == ["chromium"]


def test_runner_never_uses_apt_when_forbidden() -> None:
    assert apt_command({"ENTENTE_NO_APT": "1"}) is None


def test_runner_message_names_what_to_install_when_apt_is_forbidden(tmp_path: Path) -> None:
    env = {"CHROMIUM": str(tmp_path / "missing"), "ENTENTE_TEST_POSTGRES": "postgresql://x", "ENTENTE_NO_APT": "1"}
    message = ensure_system_packages(env)
    assert message is not None and "apt-get install chromium" in message


def test_runner_stops_with_exit_3_and_one_error_line(tmp_path: Path) -> None:
    env = {**os.environ, "CHROMIUM": str(tmp_path / "missing"), "ENTENTE_NO_APT": "1",
           "PIP_NO_INDEX": "1", "PIP_FIND_LINKS": str(tmp_path)}
    # Requirements are already installed here, so pip succeeds offline; the browser check then stops the run.
    run = subprocess.run([sys.executable, "-m", "tests", "--co", "-q"], cwd=ROOT, env=env,
                         capture_output=True, text=True, check=False)
    assert run.returncode == 3
    errors = [line for line in run.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "chromium" in errors[0]


def test_runner_is_what_ci_runs() -> None:
    assert (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().endswith("python3 -m tests")
