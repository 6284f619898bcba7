"""One measured step of the sync benchmark, in its own process so its peak memory is its own.

`python bench/first_sync.py pull PORTAL_URL TOKEN NOTEBOOK`: one sync of an enrolled, empty notebook, which pulls
everything the portal holds for its manager. `python bench/first_sync.py insert SOURCE TARGET`: the floor, the
same rows copied from SOURCE (the notebook the pull filled) into TARGET (an empty notebook) through the raw
`sqlite3` module's `executemany`, one transaction. Either prints "done <milliseconds> <peak RSS in KiB>".
"""

from __future__ import annotations

import sqlite3
import sys
import time
from pathlib import Path

from peak import peak_kib

from coachdesk.services.privacy import shareable_tables


def pull(portal_url: str, token: str, notebook_file: Path) -> float:
    from coachdesk.storage import open_notebook
    from coachdesk.sync.run import sync_once
    from coachdesk.sync.transport import portal_client

    notebook = open_notebook(notebook_file)
    try:
        with portal_client(portal_url, token) as portal:
            started = time.perf_counter()
            sync_once(notebook, portal)
            return time.perf_counter() - started
    finally:
        notebook.close()


def insert(source: Path, target: Path) -> float:
    """The same records, parents first, read beforehand and written in one transaction."""
    reading = sqlite3.connect(source)
    tables = [table.name for table in shareable_tables()]
    rows = {name: reading.execute(f"SELECT * FROM {name}").fetchall() for name in tables}
    columns = {name: [c[1] for c in reading.execute(f"PRAGMA table_info({name})")] for name in tables}
    reading.close()
    writing = sqlite3.connect(target)
    started = time.perf_counter()
    with writing:
        writing.execute("PRAGMA defer_foreign_keys = ON")
        for name in tables:
            writing.execute(f"DELETE FROM {name}")
            marks = ", ".join("?" * len(columns[name]))
            writing.executemany(f"INSERT INTO {name} ({', '.join(columns[name])}) VALUES ({marks})", rows[name])
    elapsed = time.perf_counter() - started
    writing.close()
    return elapsed


def main() -> None:
    if sys.argv[1] == "pull":
        seconds = pull(sys.argv[2], sys.argv[3], Path(sys.argv[4]))
    else:
        seconds = insert(Path(sys.argv[2]), Path(sys.argv[3]))
    print(f"done {seconds * 1000:.1f} {peak_kib()}", flush=True)


if __name__ == "__main__":
    main()
