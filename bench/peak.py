"""A benchmark child process's own peak memory."""

from __future__ import annotations

import resource
from pathlib import Path


def peak_kib() -> int:
    """This program's own peak resident memory.

    Linux carries the parent's peak into `ru_maxrss` across fork and exec, so a benchmark that had grown before
    starting us would be measured instead; /proc's high-water mark starts afresh with the new program.
    """
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
