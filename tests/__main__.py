"""The README's test command: install what the tests need, then run the whole suite.

``python -m tests [PYTEST ARGS...]`` works on a fresh Debian-like machine with only Python 3:

1. ``pip install -r requirements-test.txt`` (the app's pinned requirements plus pytest, Playwright,
   ruff and mypy) into the running interpreter;
2. Debian's ``chromium`` (browser tests) and ``postgresql`` (store tests) when missing: installed
   with ``apt-get`` when this user may (root, or password-less sudo) and ``ENTENTE_NO_APT`` is unset;
   otherwise one message names what to install and the run stops with exit code 3;
3. ``pytest`` with the given arguments; its exit code is this command's.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REQUIREMENTS = ROOT / "requirements-test.txt"
NO_APT = "ENTENTE_NO_APT"


def missing_system_packages(env: Mapping[str, str]) -> list[str]:
    """Debian packages the suite needs that this machine lacks (an env override counts as present)."""
    missing = []
    if not Path(env.get("CHROMIUM", "/usr/bin/chromium")).exists():
        missing.append("chromium")
    if not env.get("ENTENTE_TEST_POSTGRES") and not _postgres_binaries():
        missing.append("postgresql")
    return missing


def _postgres_binaries() -> bool:
    return bool(shutil.which("initdb") or glob.glob("/usr/lib/postgresql/*/bin/initdb"))


def apt_command(env: Mapping[str, str]) -> list[str] | None:
    """How to run apt-get here (``sudo -n`` prefix when not root), or None when not allowed or absent."""
    if env.get(NO_APT) or not shutil.which("apt-get"):
        return None
    if os.geteuid() == 0:
        return ["apt-get"]
    sudo_works = shutil.which("sudo") and _quiet(["sudo", "-n", "true"]) == 0
    return ["sudo", "-n", "apt-get"] if sudo_works else None


def _quiet(command: Sequence[str], env: Mapping[str, str] | None = None) -> int:
    return subprocess.run(command, stdout=subprocess.DEVNULL, env=env, check=False).returncode


def install_system_packages(packages: list[str], apt: list[str]) -> int:
    """``apt-get update`` then a non-interactive install; the exit code of the first that fails."""
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    code = _quiet([*apt, "update", "-qq"], env)
    return code or _quiet([*apt, "install", "-y", "-qq", *packages], env)


def install_python_requirements() -> int:
    """pip-install the pinned test requirements into this interpreter."""
    return subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         "--root-user-action=ignore", "-r", str(REQUIREMENTS)],
        check=False,
    ).returncode


def ensure_system_packages(env: Mapping[str, str]) -> str | None:
    """Install what is missing when allowed; a message naming what to install when not (else None)."""
    missing = missing_system_packages(env)
    if not missing:
        return None
    apt = apt_command(env)
    if apt is not None and install_system_packages(missing, apt) == 0 and not missing_system_packages(env):
        return None
    names = " ".join(missing)
    return (
        f"the tests need {names}: install them with your package manager "
        f"(Debian/Ubuntu: `sudo apt-get install {names}`), or point CHROMIUM at a Chromium binary and "
        "ENTENTE_TEST_POSTGRES at a PostgreSQL server URL whose role may create databases"
    )


def main(argv: list[str]) -> int:
    if install_python_requirements() != 0:
        print(
            f"error: pip could not install {REQUIREMENTS.name} (see pip's message above); on a system Python "
            "that refuses pip installs, use a virtual environment: python3 -m venv .venv && . .venv/bin/activate",
            file=sys.stderr,
        )
        return 3
    problem = ensure_system_packages(os.environ)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 3
    return subprocess.run([sys.executable, "-m", "pytest", *argv], cwd=ROOT, check=False).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
