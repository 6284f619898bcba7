"""The whole notebook as one JSON document, one array per kind of record: the manager's data, never locked in."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from coachdesk import __version__, migrations
from coachdesk.models import utcnow
from coachdesk.services.base import Service
from coachdesk.services.jsonable import jsonable
from coachdesk.services.privacy import shareable_rows

EXPORT_FORMAT = "coachdesk-notebook"
EXPORT_FORMAT_VERSION = 1


class ExportService(Service):
    def document(self, *, include_private: bool = False) -> dict[str, Any]:
        with self._notebook.read() as session:
            arrays = {
                table.name: jsonable(rows) for table, rows in shareable_rows(session, include_private=include_private)
            }
        header = {
            "format": EXPORT_FORMAT,
            "format_version": EXPORT_FORMAT_VERSION,
            "schema_revision": migrations.HEAD,
            "app_version": __version__,
            "exported_at": utcnow().isoformat() + "Z",
            "includes_private_content": include_private,
            "counts": {name: len(rows) for name, rows in arrays.items()},
        }
        return {"export": header, **arrays}

    def export_to(self, target: Path | None, *, include_private: bool = False) -> dict[str, int]:
        """Writes the document to `target` (stdout for None) through a temporary file; returns the counts."""
        document = self.document(include_private=include_private)
        text = json.dumps(document, ensure_ascii=False, indent=1)
        if target is None:
            sys.stdout.write(text + "\n")
        else:
            partial = target.with_name(target.name + ".partial")
            partial.write_text(text, encoding="utf-8")
            partial.replace(target)
        counts: dict[str, int] = document["export"]["counts"]
        return counts
