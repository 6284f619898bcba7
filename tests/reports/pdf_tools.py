"""Reading a PDF the way a reviewer's tools do: qpdf checks the structure, poppler extracts text and facts."""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Bookmark:
    title: str
    page: int
    children: tuple[Bookmark, ...]


def check_structure(path: Path) -> None:
    """Fails with qpdf's own words when the file is damaged."""
    result = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def text_of(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def info_of(path: Path) -> dict[str, str]:
    output = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in output.splitlines())}


def page_count(path: Path) -> int:
    return int(info_of(path)["Pages"])


def bookmarks_of(path: Path) -> list[Bookmark]:
    output = subprocess.run(
        ["qpdf", "--json", "--json-key=outlines", str(path)], capture_output=True, text=True, check=True
    ).stdout

    def bookmark(item: dict[str, object]) -> Bookmark:
        kids = item.get("kids") or []
        assert isinstance(kids, list)
        return Bookmark(str(item["title"]), int(str(item["destpageposfrom1"])), tuple(bookmark(k) for k in kids))

    return [bookmark(item) for item in json.loads(output)["outlines"]]
