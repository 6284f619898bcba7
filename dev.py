#!/usr/bin/env python3
"""Set up and run CoachDesk with nothing but Python 3.11+.

    python3 dev.py app [ARGS...]   set up, then start the desktop app (ARGS go to `coachdesk`)
    python3 dev.py test [ARGS...]  set up, then run every check: ruff, mypy and pytest (ARGS go to pytest)

Setup makes `.venv` beside this file and installs the project into it, again only when `pyproject.toml`
changed. On Debian or Ubuntu, `test` also installs the system tools the tests use (when run as root or with
sudo); elsewhere it says which are missing.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".coachdesk-installed"
MINIMUM_PYTHON = (3, 11)
TEST_SYSTEM_PACKAGES = {
    "libegl1": "Qt's offscreen platform",
    "libgl1": "Qt's offscreen platform",
    "libxkbcommon0": "Qt's keyboard handling",
    "libfontconfig1": "Qt's fonts",
    "libdbus-1-3": "Qt",
    "fonts-dejavu-core": "readable text in widget tests",
    "calcurse": "a real calendar program importing the .ics export",
    "qpdf": "checking review-pack PDFs and reading their bookmarks",
    "poppler-utils": "reading review-pack PDFs back as text (pdftotext, pdfinfo)",
    "fonts-droid-fallback": "a CJK font for review packs to fall back on",
    "postgresql": "the Coaching Portal's production database, started on loopback by the portal tests",
    "dbus": "a private session bus for the keyring the sync token tests start",
    "gnome-keyring": "a real Secret Service keyring holding the sync device token in the tests",
}


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def venv_tool(name: str) -> Path:
    return VENV / ("Scripts" if os.name == "nt" else "bin") / (name + (".exe" if os.name == "nt" else ""))


def run(*command: object, env: dict[str, str] | None = None) -> int:
    return subprocess.call([str(part) for part in command], cwd=ROOT, env=env)


def set_up(extras: str) -> None:
    """Creates the virtualenv and installs the project, skipping what is already in place."""
    if sys.version_info < MINIMUM_PYTHON:
        sys.exit(
            f"CoachDesk needs Python {'.'.join(map(str, MINIMUM_PYTHON))} or newer; this is {sys.version.split()[0]}."
        )
    if not venv_python().exists():
        print("Creating .venv …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted:
        return
    print("Installing CoachDesk and its dependencies into .venv …", flush=True)
    target = f".[{extras}]" if extras else "."
    if run(venv_python(), "-m", "pip", "install", "--quiet", "--upgrade", "pip") != 0:
        sys.exit("Could not update pip in .venv.")
    if run(venv_python(), "-m", "pip", "install", "--quiet", "--editable", target) != 0:
        sys.exit("Installing the dependencies failed; see the messages above.")
    STAMP.write_text(wanted)


def install_system_packages(packages: dict[str, str]) -> None:
    """Installs missing Debian packages the tests rely on; elsewhere names them and carries on."""
    if not shutil.which("dpkg-query"):
        return
    missing = [name for name in packages if not debian_package_installed(name)]
    if not missing:
        return
    prefix = [] if os.geteuid() == 0 else ["sudo", "-n"] if shutil.which("sudo") else None
    if prefix is None:
        print(f"Missing system packages (install them to run every test): {' '.join(missing)}", file=sys.stderr)
        return
    print(f"Installing system packages: {' '.join(missing)} …", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    if (
        run(*prefix, "apt-get", "update", "-qq", env=env) != 0
        or run(*prefix, "apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing, env=env) != 0
    ):
        print(f"Could not install: {' '.join(missing)}. Tests that need them will fail.", file=sys.stderr)


def debian_package_installed(name: str) -> bool:
    result = subprocess.run(["dpkg-query", "-W", "-f=${Status}", name], capture_output=True, text=True, check=False)
    return result.stdout.strip().endswith("installed") and "not-installed" not in result.stdout


def app(arguments: list[str]) -> int:
    set_up("")
    return run(venv_tool("coachdesk"), *arguments)


def test(arguments: list[str]) -> int:
    set_up("dev,portal,sync")
    install_system_packages(TEST_SYSTEM_PACKAGES)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    checks = [
        ("ruff", [venv_tool("ruff"), "check", "."]),
        ("ruff format", [venv_tool("ruff"), "format", "--check", "--quiet", "."]),
        ("mypy", [venv_tool("mypy")]),
        ("pytest", [venv_python(), "-m", "pytest", *arguments]),
    ]
    failed = []
    for name, command in checks:
        print(f"\n== {name}", flush=True)
        if run(*command, env=env) != 0:
            failed.append(name)
    if failed:
        print(f"\nFailed: {', '.join(failed)}", file=sys.stderr)
        return 1
    print("\nEverything passed.")
    return 0


def main() -> int:
    commands = {"app": app, "test": test}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print(__doc__, file=sys.stderr)
        return 2
    return commands[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
