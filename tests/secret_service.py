"""A real keyring for the tests: a private D-Bus session bus with GNOME Keyring's Secret Service on it.

Nothing touches the keyring of whoever runs the tests: the bus, the keyring's files and its password are the run's
own, in a temporary folder, and both daemons end with the bus.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from dataclasses import dataclass
from pathlib import Path

DAEMONS = ("dbus-daemon", "gnome-keyring-daemon")
PASSWORD = b"coachdesk tests"


class SecretServiceUnavailable(Exception):
    pass


@dataclass(frozen=True)
class SessionBus:
    address: str
    pid: int

    def stop(self) -> None:
        """The keyring daemon leaves when its bus goes."""
        os.kill(self.pid, signal.SIGTERM)


def start_secret_service(home: Path, *, unlocked: bool = True) -> SessionBus:
    """A session bus and a keyring daemon on it; `unlocked=False` leaves the keyring as a person who never unlocks
    it would: every lookup is then refused."""
    missing = [daemon for daemon in DAEMONS if shutil.which(daemon) is None]
    if missing:
        raise SecretServiceUnavailable(f"{' and '.join(missing)} not found")
    for folder in ("data", "runtime", "config"):
        (home / folder).mkdir(mode=0o700, parents=True, exist_ok=True)
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_RUNTIME_DIR": str(home / "runtime"),
        "XDG_CONFIG_HOME": str(home / "config"),
    }
    bus = subprocess.run(
        ["dbus-daemon", "--session", "--fork", "--print-address=1", "--print-pid=1"],
        capture_output=True,
        text=True,
        env=env,
        timeout=30,
        check=False,
    )
    if bus.returncode != 0:
        raise SecretServiceUnavailable(f"dbus-daemon failed: {bus.stderr.strip()}")
    address, pid = bus.stdout.split()
    session = SessionBus(address, int(pid))
    keyring = subprocess.run(
        ["gnome-keyring-daemon", "--components=secrets", *(["--unlock"] if unlocked else [])],
        input=PASSWORD if unlocked else b"",
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**env, "DBUS_SESSION_BUS_ADDRESS": address},
        timeout=30,
        check=False,
    )
    if keyring.returncode != 0:
        session.stop()
        raise SecretServiceUnavailable(f"gnome-keyring-daemon failed: {keyring.stderr.decode().strip()}")
    return session
