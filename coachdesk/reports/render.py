"""Laying a pack out as a PDF: cover, sections, running header, "page N of M", bookmarks and metadata."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from coachdesk.reports.content import PackContent, Section, long_date
from coachdesk.reports.fonts import BOLD, REGULAR, pack_fonts
from coachdesk.reports.layout import PackLayout
from coachdesk.reports.sections import SectionWriter
from coachdesk.reports.styles import MUTED, RULE, pack_styles

NEW_PAGE_SECTIONS = frozenset({Section.LOG, Section.SIGN_OFF, Section.RESPONSE})
CONFIDENTIAL_LINE = "Confidential: performance review evidence"


@dataclass(frozen=True)
class OutlineMark:
    title: str
    level: int
    starts_pack: str | None = None
    """On a pack's cover: the running header of the pages that follow, which restart their numbering."""


class MarkedHeading(Paragraph):  # type: ignore[misc]
    """A heading the document's outline points to."""

    def __init__(self, text: str, style: Any, mark: OutlineMark) -> None:
        super().__init__(text, style)
        self.mark = mark


class PackCanvas(Canvas):  # type: ignore[misc]
    """Holds pages back until the end, so each can say "page N of M" and carry its bookmarks to the right page.

    Several packs may share one file (a team's combined PDF): each cover restarts the numbering and the running
    header.
    """

    def __init__(self, *args: Any, layout: PackLayout, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.layout = layout
        self._held_pages: list[dict[str, Any]] = []
        self.marks_on_page: list[OutlineMark] = []

    def showPage(self) -> None:
        self._held_pages.append(dict(self.__dict__))
        self._startPage()
        self.marks_on_page = []

    def save(self) -> None:
        numbers = pack_page_numbers([page["marks_on_page"] for page in self._held_pages])
        running = ""
        for index, (page, (number, total)) in enumerate(zip(self._held_pages, numbers, strict=True)):
            self.__dict__.update(page)
            cover = next((m.starts_pack for m in self.marks_on_page if m.starts_pack is not None), None)
            running = cover if cover is not None else running
            for position, mark in enumerate(self.marks_on_page):
                key = f"p{index}-{position}"
                self.bookmarkPage(key)
                self.addOutlineEntry(mark.title, key, level=mark.level)
            self.draw_furniture("" if cover is not None else running, f"page {number} of {total}")
            super().showPage()
        self.showOutline()
        super().save()

    def draw_furniture(self, running: str, page_words: str) -> None:
        """The organisation line and running header at the top; confidentiality and page number at the bottom."""
        width, height = self._pagesize
        margin = self.layout.margin
        top = height - margin
        self.saveState()
        self.setFillColor(MUTED)
        self.setFont(BOLD, 8)
        self.drawString(margin, top, self.layout.header_line)
        self.setFont(REGULAR, 8)
        self.drawRightString(width - margin, top, running)
        self.setStrokeColor(RULE)
        self.setLineWidth(0.4)
        self.line(margin, top - 3, width - margin, top - 3)
        self.drawString(margin, margin / 2, CONFIDENTIAL_LINE)
        self.drawRightString(width - margin, margin / 2, page_words)
        self.restoreState()


def pack_page_numbers(marks_by_page: Sequence[Sequence[OutlineMark]]) -> list[tuple[int, int]]:
    """Each page's number and its pack's page count, counting from each pack's cover."""
    starts = [i for i, marks in enumerate(marks_by_page) if any(m.starts_pack is not None for m in marks)]
    bounds = itertools.pairwise([*(starts or [0]), len(marks_by_page)])
    return [(page - first + 1, last - first) for first, last in bounds for page in range(first, last)]


class PackDocument(BaseDocTemplate):  # type: ignore[misc]
    def afterFlowable(self, flowable: Flowable) -> None:
        mark = getattr(flowable, "mark", None)
        if isinstance(mark, OutlineMark):
            self.canv.marks_on_page.append(mark)


def render_pack(content: PackContent, layout: PackLayout, target: Path | BinaryIO) -> int:
    """Writes one agent's pack to a file or a stream; returns the number of pages."""
    agent = content.agent
    return render_document(
        [content],
        layout,
        target,
        title=f"Review pack: {agent.name}, {content.period_words}",
        subject=f"Performance review evidence for {agent.name}: {content.period_words}",
    )


def render_combined(contents: Sequence[PackContent], layout: PackLayout, target: Path | BinaryIO, team: str) -> int:
    """Writes several agents' packs into one file, each with its own cover, numbering and bookmarks."""
    period = contents[0].period_words if contents else ""
    return render_document(
        contents,
        layout,
        target,
        title=f"Review packs: {team}, {period}",
        subject=f"Performance review evidence for {len(contents)} people in {team}: {period}",
    )


def render_document(
    contents: Sequence[PackContent], layout: PackLayout, target: Path | BinaryIO, *, title: str, subject: str
) -> int:
    fonts = pack_fonts()
    styles = pack_styles()
    width, height = layout.paper.size
    frame_width = width - 2 * layout.margin
    first = contents[0] if contents else None
    sections = first.request.sections if first else ()
    document = PackDocument(
        str(target) if isinstance(target, Path) else target,
        pagesize=layout.paper.size,
        leftMargin=layout.margin,
        rightMargin=layout.margin,
        topMargin=layout.margin + 6 * mm,
        bottomMargin=layout.margin + 4 * mm,
        title=title,
        author=(first.prepared_by or first.agent.manager or "CoachDesk") if first else "CoachDesk",
        subject=subject,
        creator="CoachDesk",
        keywords=[s.heading for s in sections],
    )
    frame = Frame(layout.margin, layout.margin + 4 * mm, frame_width, height - 2 * layout.margin - 10 * mm)
    document.addPageTemplates([PageTemplate("pack", [frame])])
    combined = len(contents) > 1
    story: list[Flowable] = []
    for content in contents:
        if story:
            story.append(PageBreak())
        writer = SectionWriter(content, styles, fonts, frame_width)
        story += pack_story(writer, combined)
    document.build(story, canvasmaker=partial(PackCanvas, layout=layout))
    return int(document.page)


def pack_story(writer: SectionWriter, combined: bool) -> list[Flowable]:
    """One pack: the cover, then each chosen section; in a combined file the agent's name heads its bookmarks."""
    content = writer.content
    level = 1 if combined else 0
    cover_title = content.agent.name if combined else "Cover"
    running = f"{content.agent.name} · {content.period_words}"
    story: list[Flowable] = [*cover(writer, OutlineMark(cover_title, 0, starts_pack=running)), PageBreak()]
    for index, section in enumerate(content.request.sections):
        if index:
            story.append(PageBreak() if section in NEW_PAGE_SECTIONS else CondPageBreak(70 * mm))
        heading = MarkedHeading(
            writer.fonts.markup(section.heading), writer.styles.section, OutlineMark(section.heading, level)
        )
        story += [heading, *writer.flowables(section)]
    return story


def cover(writer: SectionWriter, mark: OutlineMark) -> list[Flowable]:
    content = writer.content
    agent = content.agent
    request = content.request
    details = [
        ("Role", agent.role or "—"),
        ("Team", agent.team or "—"),
        ("Manager", agent.manager or "—"),
        ("Employee ID", agent.employee_id or "—"),
        ("Period", content.period_words),
        ("Generated on", long_date(content.generated_on)),
        ("Prepared by", content.prepared_by or "—"),
    ]
    table = Table(
        [[writer.paragraph(label, "label"), writer.paragraph(value)] for label, value in details],
        colWidths=[0.25 * writer.width, 0.75 * writer.width],
        hAlign="LEFT",
    )
    table.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    held = ", ".join(s.heading for s in request.sections) or "no sections"
    left_out = [s.heading for s in Section if s not in request.sections]
    privacy = (
        "Private notes and private records are included at the manager's request."
        if request.include_private
        else "Private notes and private records are left out."
    )
    marking = Table(
        [
            [writer.paragraph("CONFIDENTIAL", "subheading")],
            [
                writer.paragraph(
                    f"This pack is evidence for the performance review of {agent.name}. Share it only with the "
                    "people taking part in the review, and keep or destroy it by your organisation's rules."
                )
            ],
        ],
        colWidths=[writer.width],
    )
    marking.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1, MUTED), ("LEFTPADDING", (0, 0), (-1, -1), 8)]))
    story: list[Flowable] = [
        MarkedHeading(writer.fonts.markup("Performance review pack"), writer.styles.title, mark),
        writer.paragraph(agent.name, "name"),
        table,
        Spacer(1, 10 * mm),
        marking,
        Spacer(1, 8 * mm),
        writer.paragraph("This pack holds", "label"),
        writer.paragraph(held),
    ]
    if left_out:
        story += [writer.paragraph("Left out at the manager's choice", "label"), writer.paragraph(", ".join(left_out))]
    return [*story, writer.paragraph(privacy, "small")]
