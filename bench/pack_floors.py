"""The floors for review packs: a bare reportlab document with as many pages as the pack, nothing gathered.

A pack's ratio to its floor is what CoachDesk adds over reportlab laying out that many pages: reading the notebook,
the Unicode font, charts, tables and the page furniture.
"""

from __future__ import annotations

import io
import multiprocessing
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor

from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

LINES_PER_PAGE = 30


def bare_document(pages: int) -> int:
    """A document of `pages` pages of plain Helvetica text, built in memory; returns its size in bytes."""
    style = getSampleStyleSheet()["BodyText"]
    story: list[object] = []
    for page in range(pages):
        story += [Paragraph(f"Page {page + 1}, line {line + 1}.", style) for line in range(LINES_PER_PAGE)]
        story.append(PageBreak())
    stream = io.BytesIO()
    SimpleDocTemplate(stream).build(story[:-1])
    return len(stream.getvalue())


def bare_documents(page_counts: Sequence[int], workers: int) -> int:
    """One bare document per pack, on the same number of worker processes as the team run."""
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        return sum(pool.map(bare_document, page_counts))
