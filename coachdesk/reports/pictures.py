"""Pictures of a pack's pages, for the preview and for printing, drawn by PDFium through pypdfium2.

PDFium draws the PDF itself, so what is previewed and printed is exactly the file that is saved. PDFium is not
safe to call from two threads at once: the app calls this only on its one worker thread. PDFium and reportlab
load on first use, so the window's screens (which import this) open without waiting for them.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from coachdesk.reports.content import PackRequest
from coachdesk.reports.gather import gather_pack
from coachdesk.reports.layout import PackLayout
from coachdesk.services import Services

POINTS_PER_INCH = 72
PREVIEW_DPI = 110
"""Sharp enough to read the cover on a laptop screen once scaled to fit."""


@dataclass(frozen=True)
class PagePicture:
    """One page as 8-bit RGBX pixels, row by row (`stride` bytes a row)."""

    pixels: bytes
    width: int
    height: int
    stride: int


@dataclass(frozen=True)
class PackPreview:
    picture: PagePicture
    pages: int
    agent_name: str
    period: str


def page_sizes(pdf: Path | bytes) -> list[tuple[float, float]]:
    """Each page's width and height in points, so a printer can be set to the pack's paper."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        return [document.get_page_size(index) for index in range(len(document))]
    finally:
        document.close()


def page_picture(pdf: Path | bytes, index: int, dpi: float) -> PagePicture:
    """Page `index` (from 0) drawn at `dpi` dots per inch on white paper."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        page = document[index]
        bitmap = page.render(scale=dpi / POINTS_PER_INCH, prefer_bgrx=True, rev_byteorder=True)
        picture = PagePicture(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride)
        bitmap.close()
        page.close()
        return picture
    finally:
        document.close()


def preview_pack(services: Services, request: PackRequest, layout: PackLayout) -> PackPreview:
    """The pack's first page as it will print, built in memory: nothing is written until the manager saves."""
    from coachdesk.reports.render import render_pack

    content = gather_pack(services, request)
    stream = io.BytesIO()
    pages = render_pack(content, layout, stream)
    picture = page_picture(stream.getvalue(), 0, PREVIEW_DPI)
    return PackPreview(picture, pages, content.agent.name, content.period_words)
