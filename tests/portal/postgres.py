"""A throwaway PostgreSQL cluster for the portal tests: made in a temporary folder, listening on loopback only.

PostgreSQL refuses to run as root, so when the tests run as root the cluster runs as the `postgres` user the Debian
package creates (or `nobody`), in a folder that user owns.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from glob import glob
from pathlib import Path

import psycopg

ROLE = "coachdesk"


class PostgresUnavailable(RuntimeError):
    pass


@dataclass(frozen=True)
class Cluster:
    folder: Path
    port: int
    run_as: list[str]
    bin_dir: Path

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://{ROLE}@127.0.0.1:{self.port}"

    def create_database(self, name: str) -> str:
        with psycopg.connect(f"postgresql://{ROLE}@127.0.0.1:{self.port}/postgres", autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        return f"{self.url}/{name}"

    def drop_database(self, name: str) -> None:
        with psycopg.connect(f"postgresql://{ROLE}@127.0.0.1:{self.port}/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        self.run_tool("pg_ctl", "-D", self.folder / "data", "-m", "fast", "-w", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)

    def run_tool(self, tool: str, *arguments: object) -> None:
        command = [*self.run_as, str(self.bin_dir / tool), *map(str, arguments)]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise PostgresUnavailable(f"{tool} failed: {(result.stderr or result.stdout).strip()}")


def start_cluster() -> Cluster:
    """Starts a cluster with trust authentication (it listens on 127.0.0.1 only, for this test run)."""
    bin_dir = postgres_bin_dir()
    folder = Path(tempfile.mkdtemp(prefix="coachdesk-pg-"))
    try:
        cluster = Cluster(folder, free_port(), unprivileged_prefix(folder), bin_dir)
        cluster.run_tool("initdb", "-D", folder / "data", "-A", "trust", "-U", ROLE, "-E", "UTF8", "--no-sync")
        options = f"-c listen_addresses=127.0.0.1 -p {cluster.port} -k {folder} -c fsync=off"
        cluster.run_tool("pg_ctl", "-D", folder / "data", "-o", options, "-l", folder / "server.log", "-w", "start")
    except PostgresUnavailable as problem:
        log = folder / "server.log"
        detail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
        shutil.rmtree(folder, ignore_errors=True)
        raise PostgresUnavailable(f"{problem}\n{detail}") from None
    return cluster


def postgres_bin_dir() -> Path:
    """Debian keeps the server tools out of PATH, under /usr/lib/postgresql/<version>/bin."""
    on_path = shutil.which("pg_ctl")
    if on_path:
        return Path(on_path).resolve().parent
    installed = sorted(glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda path: int(Path(path).parts[-3]))
    if not installed:
        raise PostgresUnavailable("PostgreSQL's server tools (pg_ctl, initdb) are not installed.")
    return Path(installed[-1]).parent


def unprivileged_prefix(folder: Path) -> list[str]:
    if os.geteuid() != 0:
        return []
    for user in ("postgres", "nobody"):
        try:
            account = pwd.getpwnam(user)
        except KeyError:
            continue
        os.chown(folder, account.pw_uid, account.pw_gid)
        return ["runuser", "-u", user, "--"]
    raise PostgresUnavailable("running as root, and there is neither a `postgres` nor a `nobody` user to run it as.")


def free_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port: int = probe.getsockname()[1]
        return port
